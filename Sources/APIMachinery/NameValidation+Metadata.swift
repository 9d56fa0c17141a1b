extension NameValidation {
    /// Validates `metadata.labels` (or a selector's `matchLabels`): every key a qualified name, every value a
    /// label value. Errors carry the map's own path, as upstream reports them.
    public static func validateLabels(_ labels: JSON, path: String) -> [FieldError] {
        guard let object = labels.objectValue else { return [] }
        var errors: [FieldError] = []
        for (key, value) in object {
            errors += isQualifiedName(key).map { FieldError.invalid(path, .string(key), $0) }
            guard let string = value.stringValue else {
                errors.append(FieldError(.typeInvalid, path, value: value, "must be a string"))
                continue
            }
            errors += isValidLabelValue(string).map { FieldError.invalid(path, .string(string), $0) }
        }
        return errors
    }

    /// Validates `metadata.annotations`: keys are qualified names (case-insensitively), and keys and values
    /// together take at most ``totalAnnotationSizeLimit`` bytes.
    public static func validateAnnotations(_ annotations: JSON, path: String) -> [FieldError] {
        guard let object = annotations.objectValue else { return [] }
        var errors: [FieldError] = []
        var totalSize = 0
        for (key, value) in object {
            errors += isQualifiedName(key.lowercased()).map { FieldError.invalid(path, .string(key), $0) }
            totalSize += key.utf8.count + (value.stringValue?.utf8.count ?? 0)
        }
        if totalSize > totalAnnotationSizeLimit {
            errors.append(FieldError(.tooLong, path, "must have at most \(totalAnnotationSizeLimit) bytes"))
        }
        return errors
    }

    /// The alphabet of `generateName` suffixes: no vowels (no accidental words), no look-alikes (`0`, `1`, `3`).
    public static let nameSuffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    public static let nameSuffixLength = 5

    /// Five random characters appended to `metadata.generateName`, drawn from `generator`.
    public static func generateNameSuffix<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<nameSuffixLength).map { _ in nameSuffixAlphabet.randomElement(using: &generator)! })
    }

    /// Five random characters from the system generator.
    public static func generateNameSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        return generateNameSuffix(using: &generator)
    }

    /// `generateName` + suffix, with the prefix cut so the whole stays within 63 bytes as upstream does.
    public static func generateName<G: RandomNumberGenerator>(prefix: String, using generator: inout G) -> String {
        let maxPrefix = dns1123LabelMaxLength - nameSuffixLength
        let cut = prefix.utf8.count > maxPrefix ? String(decoding: prefix.utf8.prefix(maxPrefix), as: UTF8.self) : prefix
        return cut + generateNameSuffix(using: &generator)
    }

    /// `generateName` + suffix from the system generator.
    public static func generateName(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return generateName(prefix: prefix, using: &generator)
    }
}
