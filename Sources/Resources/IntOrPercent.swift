import APIMachinery

/// Checks of `IntOrString` fields that hold a count or a percentage (`maxUnavailable`, `maxSurge`).
enum IntOrPercent {
    static let percentMessage = "a valid percent string must be a numeric string followed by an ending '%' "
        + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"

    /// The number a value stands for: the integer, or the percentage without its `%`; 0 when unreadable.
    static func value(_ json: JSON) -> Int64 {
        if let int = json.intValue { return int }
        return percent(json) ?? 0
    }

    static func percent(_ json: JSON) -> Int64? {
        guard let string = json.stringValue, string.hasSuffix("%") else { return nil }
        let digits = string.dropLast()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }

    /// A non-negative integer or a well-formed percentage; absent values pass.
    static func validatePositive(_ json: JSON, _ path: String) -> [FieldError] {
        switch json {
        case .null: return []
        case .string: return percent(json) == nil ? [.invalid(path, json, percentMessage)] : []
        default:
            if json.intValue != nil { return FieldChecks.nonNegative(json, path) }
            return [.invalid(path, json, "must be an integer or percentage (e.g '5%')")]
        }
    }

    /// `must not be greater than 100%` for a percentage above 100.
    static func validateNotMoreThan100Percent(_ json: JSON, _ path: String) -> [FieldError] {
        guard let percent = percent(json), percent > 100 else { return [] }
        return [.invalid(path, json, "must not be greater than 100%")]
    }
}
