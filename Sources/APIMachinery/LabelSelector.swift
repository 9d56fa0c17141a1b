/// A label query (`pkg/labels`): requirements that all must hold (AND).
///
/// Built from the string form of `?labelSelector=` (``init(parsing:)``) or from a `metav1.LabelSelector`
/// object (``init(json:)``). Requirements are kept sorted by key, so ``description`` is canonical:
/// `app=nginx,tier in (a,b)`, the form `Scale.status.selector` reports.
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    /// One `key op values` clause. Built only through ``init(key:operator:values:)``, which enforces the
    /// operator's arity and the key's and values' syntax.
    public struct Requirement: Sendable, Hashable, CustomStringConvertible {
        public let key: String
        public let `operator`: Operator
        public let values: [String]

        /// Throws `StatusError.badRequest` with upstream's wording when the key, the values or their number
        /// do not suit the operator.
        public init(key: String, operator op: Operator, values: [String]) throws {
            let problems = Requirement.problems(key: key, operator: op, values: values)
            if !problems.isEmpty { throw StatusError.badRequest(problems.joined(separator: ", ")) }
            self.key = key
            self.operator = op
            self.values = values
        }

        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch self.operator {
            case .equals, .doubleEquals, .in: return value.map(values.contains) ?? false
            case .notEquals, .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            case .greaterThan, .lessThan:
                guard let have = value.flatMap({ Int64($0) }), let bound = values.first.flatMap({ Int64($0) }) else { return false }
                return self.operator == .greaterThan ? have > bound : have < bound
            }
        }

        /// `key=v`, `key in (a,b)` (values sorted), `!key`, `key>1`.
        public var description: String {
            let sorted = values.sorted()
            switch self.operator {
            case .exists: return key
            case .doesNotExist: return "!" + key
            case .equals, .doubleEquals, .notEquals: return key + self.operator.rawValue + (values.first ?? "")
            case .greaterThan: return key + ">" + (values.first ?? "")
            case .lessThan: return key + "<" + (values.first ?? "")
            case .in, .notIn: return key + " " + self.operator.rawValue + " (" + sorted.joined(separator: ",") + ")"
            }
        }
    }

    /// Sorted by key (stable), so equal selectors print alike.
    public private(set) var requirements: [Requirement]
    /// True for the selector of a null `metav1.LabelSelector`, which matches nothing (an empty one matches all).
    public private(set) var matchesNothing: Bool

    public init(requirements: [Requirement] = []) {
        self.requirements = LabelSelector.sortedByKey(requirements)
        self.matchesNothing = false
    }

    /// A selector no object satisfies.
    public static let nothing: LabelSelector = {
        var selector = LabelSelector()
        selector.matchesNothing = true
        return selector
    }()

    /// True when the selector has no requirements and so matches every object.
    public var isEmpty: Bool { requirements.isEmpty && !matchesNothing }

    public func matches(_ labels: [String: String]) -> Bool {
        !matchesNothing && requirements.allSatisfy { $0.matches(labels) }
    }

    public var description: String { requirements.map(\.description).joined(separator: ",") }

    static func sortedByKey(_ requirements: [Requirement]) -> [Requirement] {
        requirements.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
    }
}

extension LabelSelector {
    /// From a `metav1.LabelSelector`: `matchLabels` become `=` requirements and `matchExpressions` use
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`. `null` gives ``nothing``; `{}` matches everything.
    /// Throws `StatusError.badRequest` for an unknown operator or a malformed requirement.
    public init(json: JSON) throws {
        guard case .object(let object) = json else {
            if json.isNull { self = .nothing; return }
            throw StatusError.badRequest("a label selector must be an object, not \(json.typeName)")
        }
        var requirements: [Requirement] = []
        for (key, value) in object["matchLabels"]?.objectValue ?? [:] {
            requirements.append(try Requirement(key: key, operator: .equals, values: [value.stringValue ?? ""]))
        }
        for expression in object["matchExpressions"]?.arrayValue ?? [] {
            let name = expression["operator"].stringValue ?? ""
            let op: Operator
            switch name {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default: throw StatusError.badRequest("\"\(name)\" is not a valid label selector operator")
            }
            let values = (expression["values"].arrayValue ?? []).map { $0.stringValue ?? "" }
            requirements.append(try Requirement(key: expression["key"].stringValue ?? "", operator: op, values: values))
        }
        self.init(requirements: requirements)
    }
}
