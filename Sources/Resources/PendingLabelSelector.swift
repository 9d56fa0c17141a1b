import APIMachinery

// Stand-in for APIMachinery's `LabelSelector`, which another branch provides; the integrator deletes this
// file at merge. Only the three members below are used by the kinds in this module.

/// A parsed `metav1.LabelSelector`: `matchLabels` and `matchExpressions`, all of which must hold.
public struct LabelSelector: Sendable {
    struct Requirement: Sendable {
        var key: String
        var op: String
        var values: [String]
    }

    struct ParseError: Error {}

    var requirements: [Requirement]

    /// Parses a selector object; throws on an unknown operator or a malformed requirement.
    public init(json: JSON) throws {
        var requirements: [Requirement] = []
        for (key, value) in json["matchLabels"].stringMap ?? [:] {
            requirements.append(Requirement(key: key, op: "In", values: [value]))
        }
        for expression in json["matchExpressions"].arrayValue ?? [] {
            guard let key = expression["key"].stringValue, let op = expression["operator"].stringValue,
                  ["In", "NotIn", "Exists", "DoesNotExist"].contains(op) else { throw ParseError() }
            let values = (expression["values"].arrayValue ?? []).compactMap(\.stringValue)
            requirements.append(Requirement(key: key, op: op, values: values))
        }
        self.requirements = requirements
    }

    /// Whether every requirement holds for `labels`; an empty selector matches everything.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            let value = labels[requirement.key]
            switch requirement.op {
            case "In": return value.map(requirement.values.contains) ?? false
            case "NotIn": return value.map { !requirement.values.contains($0) } ?? true
            case "Exists": return value != nil
            default: return value == nil
            }
        }
    }

    /// Field errors of a selector object at `path` (operators and their values).
    public static func validate(_ selectorJSON: JSON, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, expression) in (selectorJSON["matchExpressions"].arrayValue ?? []).enumerated() {
            let at = "\(path).matchExpressions[\(index)]"
            let values = expression["values"].arrayValue ?? []
            switch expression["operator"].stringValue ?? "" {
            case "In", "NotIn":
                if values.isEmpty {
                    errors.append(.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errors.append(.forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            default:
                errors.append(.invalid(at + ".operator", expression["operator"], "not a valid selector operator"))
            }
        }
        return errors
    }
}
