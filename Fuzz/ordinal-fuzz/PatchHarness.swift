import APIMachinery
import Resources

/// The three patch types. An input is a JSON document on its first line and the patch after it: both must
/// parse for the patch to be applied, as the server applies it to a stored object.
enum PatchHarness {
    static let podSchema = Catalogue.all.first { $0.kind == "Pod" }!.schema
    static let statefulSetSchema = Catalogue.all.first { $0.kind == "StatefulSet" }!.schema

    static func documents(_ bytes: [UInt8]) -> (document: JSON, patch: JSON)? {
        let (head, tail) = bytes.split(at: UInt8(ascii: "\n"))
        guard let document = try? JSON.parse(head), let patch = try? JSON.parse(tail) else { return nil }
        return (document, patch)
    }

    static func jsonPatch(_ bytes: [UInt8]) {
        guard let (document, patch) = documents(bytes), let result = try? JSONPatch.apply(patch, to: document) else { return }
        _ = result.encoded()
    }

    static func mergePatch(_ bytes: [UInt8]) {
        guard let (document, patch) = documents(bytes) else { return }
        let result = MergePatch.apply(patch, to: document)
        // RFC 7386: applying the same merge patch twice changes nothing more.
        require(MergePatch.apply(patch, to: result).isEquivalent(to: result), "a merge patch is not idempotent")
    }

    static func strategicMergePatch(_ bytes: [UInt8]) {
        guard let (document, patch) = documents(bytes) else { return }
        for schema in [statefulSetSchema, podSchema, nil] {
            _ = try? StrategicMergePatch.apply(patch, to: document, schema: schema)
        }
    }
}
