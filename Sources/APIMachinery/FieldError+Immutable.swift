extension FieldError {
    /// The detail Kubernetes gives when an update changes a field that may only be set at creation.
    public static let immutableDetail = "field is immutable"

    /// `field: Invalid value: <value>: field is immutable`.
    public static func immutable(_ field: String, _ value: JSON) -> FieldError {
        .invalid(field, value, immutableDetail)
    }

    /// One `immutable` error for each path whose value differs between `new` and `old` (absent counts as null).
    /// Paths are object keys from the root; the error names them joined by dots. Values compare semantically.
    public static func immutableChanges(_ paths: [[String]], new: JSON, old: JSON) -> [FieldError] {
        paths.compactMap { path in
            new[path: path].semanticallyEquals(old[path: path]) ? nil : immutable(path.joined(separator: "."), new[path: path])
        }
    }
}
