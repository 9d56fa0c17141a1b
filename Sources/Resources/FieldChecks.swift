import APIMachinery

/// Small field checks shared by the kinds' validations, with Kubernetes' messages.
enum FieldChecks {
    static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
        + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

    /// `must be greater than or equal to 0` when `value` is a negative integer; absent values pass.
    static func nonNegative(_ value: JSON, _ path: String) -> [FieldError] {
        guard let number = value.intValue, number < 0 else { return [] }
        return [.invalid(path, value, "must be greater than or equal to 0")]
    }

    /// Errors of a DNS-1123 label (container, volume and StatefulSet names).
    static func dns1123Label(_ value: String, _ path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if value.utf8.count > 63 { errors.append(.invalid(path, .string(value), "must be no more than 63 characters")) }
        if !isDNS1123Label(value) { errors.append(.invalid(path, .string(value), dns1123LabelMessage)) }
        return errors
    }

    static func isDNS1123Label(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        func alphanumeric(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard let first = bytes.first, let last = bytes.last, alphanumeric(first), alphanumeric(last) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `field is immutable` when `new` and `old` differ semantically.
    static func immutable(_ new: JSON, _ old: JSON, _ path: String) -> [FieldError] {
        new.semanticallyEquals(old) ? [] : [.invalid(path, new, "field is immutable")]
    }
}
