import APIMachinery

/// Small field checks shared by the kinds' validations, with Kubernetes' messages.
enum FieldChecks {
    /// `must be greater than or equal to 0` when `value` is a negative integer; absent values pass.
    static func nonNegative(_ value: JSON, _ path: String) -> [FieldError] {
        guard let number = value.intValue, number < 0 else { return [] }
        return [.invalid(path, value, "must be greater than or equal to 0")]
    }

    /// Errors of a DNS-1123 label (container, volume and StatefulSet names).
    static func dns1123Label(_ value: String, _ path: String) -> [FieldError] {
        NameValidation.isDNS1123Label(value).map { .invalid(path, .string(value), $0) }
    }

    /// `field is immutable` when `new` and `old` differ semantically.
    static func immutable(_ new: JSON, _ old: JSON, _ path: String) -> [FieldError] {
        new.semanticallyEquals(old) ? [] : [.invalid(path, new, "field is immutable")]
    }
}
