import APIMachinery

/// Rules ConfigMap and Secret share: key syntax, base64 values, the 1 MiB size limit, and `immutable`.
enum ConfigData {
    static let maxTotalBytes = 1024 * 1024

    static let keyDetail = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
        + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

    static let immutableDetail = "field is immutable when `immutable` is set"

    /// Errors of one key at `field` (`data[key]`): `[-._a-zA-Z0-9]+`, at most 253 characters, not `.`/`..`.
    static func validateKey(_ key: String, at field: String) -> [FieldError] {
        let value = JSON.string(key)
        var errors: [FieldError] = []
        if key.utf8.count > 253 { errors.append(.invalid(field, value, "must be no more than 253 characters")) }
        let allowed = key.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 || c == 46 || c == 95
        }
        if key.isEmpty || !allowed { errors.append(.invalid(field, value, keyDetail)) }
        if key == "." { errors.append(.invalid(field, value, "must not be '.'")) }
        else if key == ".." { errors.append(.invalid(field, value, "must not be '..'")) }
        else if key.hasPrefix("..") { errors.append(.invalid(field, value, "must not start with '..'")) }
        return errors
    }

    /// Errors of a map at `path` whose keys are config keys and whose values are base64 when `base64` is set;
    /// adds the decoded size of each value to `totalBytes`.
    static func validateMap(_ map: JSON, at path: String, base64: Bool, totalBytes: inout Int) -> [FieldError] {
        var errors: [FieldError] = []
        for (key, value) in map.objectValue ?? [:] {
            let field = "\(path)[\(key)]"
            errors += validateKey(key, at: field)
            guard let text = value.stringValue else { continue }
            if base64 {
                guard let bytes = Base64.decode(text) else {
                    errors.append(.invalid(field, "<value omitted>", "must be valid base64 data"))
                    continue
                }
                totalBytes += bytes.count
            } else {
                totalBytes += text.utf8.count
            }
        }
        return errors
    }

    /// Errors when the stored object had `immutable: true` and the update changes `fields` or unsets the flag.
    static func validateImmutable(_ object: JSON, old: JSON, fields: [String]) -> [FieldError] {
        guard old["immutable"].boolValue == true else { return [] }
        var errors: [FieldError] = []
        if object["immutable"].boolValue != true { errors.append(.forbidden("immutable", immutableDetail)) }
        for field in fields where !object[field].semanticallyEquals(old[field]) { errors.append(.forbidden(field, immutableDetail)) }
        return errors
    }

    /// The size-limit error, if `totalBytes` is over 1 MiB.
    static func validateSize(_ totalBytes: Int, at field: String) -> [FieldError] {
        totalBytes > maxTotalBytes ? [FieldError(.tooLong, field, "must have at most \(maxTotalBytes) bytes")] : []
    }
}
