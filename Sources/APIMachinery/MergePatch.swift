/// RFC 7386 JSON Merge Patch (`application/merge-patch+json`): an object patch merges key by key into the
/// target (recursively), `null` deletes a key, and anything else (arrays included) replaces the target whole.
public enum MergePatch {
    public static func apply(_ patch: JSON, to target: JSON) -> JSON {
        guard case .object(let patchObject) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in patchObject {
            if value.isNull {
                result.removeValue(forKey: key)
            } else {
                let current = result[key] ?? .null
                result[key] = .null
                result[key] = apply(value, to: current)
            }
        }
        return .object(result)
    }
}
