extension LabelSelector {
    /// Validates a `metav1.LabelSelector` object at `path` (e.g. `spec.selector`) with Kubernetes' messages:
    /// `matchLabels` as labels; each `matchExpressions[i]` needs a known operator, `values` non-empty for
    /// `In`/`NotIn` and empty for `Exists`/`DoesNotExist`, a qualified-name `key` and label-value `values`.
    public static func validate(_ selectorJSON: JSON, path: String) -> [FieldError] {
        guard case .object(let selector) = selectorJSON else { return [] }
        var errors = NameValidation.validateLabels(selector["matchLabels"] ?? .null, path: path + ".matchLabels")
        for (index, expression) in (selector["matchExpressions"]?.arrayValue ?? []).enumerated() {
            errors += validateRequirement(expression, path: "\(path).matchExpressions[\(index)]")
        }
        return errors
    }

    static func validateRequirement(_ expression: JSON, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let values = expression["values"].arrayValue ?? []
        let op = expression["operator"]
        switch op.stringValue {
        case "In", "NotIn":
            if values.isEmpty {
                errors.append(.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        case "Exists", "DoesNotExist":
            if !values.isEmpty {
                errors.append(.forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
        default:
            errors.append(.invalid(path + ".operator", op, "not a valid selector operator"))
        }
        let key = expression["key"].stringValue ?? ""
        errors += NameValidation.isQualifiedName(key).map { FieldError.invalid(path + ".key", .string(key), $0) }
        for (index, value) in values.enumerated() {
            let string = value.stringValue ?? ""
            errors += NameValidation.isValidLabelValue(string).map { FieldError.invalid("\(path).values[\(index)]", .string(string), $0) }
        }
        return errors
    }
}
