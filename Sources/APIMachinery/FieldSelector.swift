/// A field query (`pkg/fields`): `field=value`, `field==value`, `field!=value` terms joined by commas (AND).
///
/// In values a backslash escapes `\`, `,` and `=`. Which fields a kind supports is the caller's business:
/// it checks ``fields`` and answers `field label not supported: …` for the others.
public struct FieldSelector: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
    }

    public struct Requirement: Sendable, Hashable {
        public var field: String
        public var op: Operator
        /// Unescaped.
        public var value: String

        public init(field: String, op: Operator, value: String) {
            self.field = field
            self.op = op
            self.value = value
        }
    }

    public var requirements: [Requirement]

    public init(requirements: [Requirement] = []) { self.requirements = requirements }

    /// Parses `?fieldSelector=`. An empty string matches everything. Throws `StatusError.badRequest` for a
    /// term without operator or a bad escape in a value.
    public init(parsing text: String) throws {
        var requirements: [Requirement] = []
        for term in FieldSelector.splitUnescaped(text, on: ",") where !term.isEmpty {
            guard let (field, op, rawValue) = FieldSelector.splitTerm(term) else {
                throw StatusError.badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            requirements.append(Requirement(field: field, op: op, value: try FieldSelector.unescape(rawValue)))
        }
        self.init(requirements: requirements)
    }

    /// The field names the selector refers to, in order, for the caller's support check.
    public var fields: [String] { requirements.map(\.field) }

    public var isEmpty: Bool { requirements.isEmpty }

    /// Whether an object matches; `lookup` gives a field's value, nil for a field the object lacks
    /// (compared as the empty string, as upstream does).
    public func matches(_ lookup: (String) -> String?) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = lookup(requirement.field) ?? ""
            return requirement.op == .notEquals ? actual != requirement.value : actual == requirement.value
        }
    }

    /// The value `field=value` requires, if any (lets a store narrow a query to one name).
    public func requiredValue(of field: String) -> String? {
        requirements.first { $0.field == field && $0.op != .notEquals }?.value
    }

    public var description: String {
        requirements.map { "\($0.field)\($0.op == .notEquals ? "!=" : "=")\(FieldSelector.escape($0.value))" }
            .joined(separator: ",")
    }
}

extension FieldSelector {
    /// Splits on `separator` where it is not escaped by a backslash; escapes stay in the pieces.
    static func splitUnescaped(_ text: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == separator {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// The first unescaped `!=`, `==` or `=` splits a term into field, operator and (still escaped) value.
    static func splitTerm(_ term: String) -> (String, Operator, String)? {
        let characters = Array(term)
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" { index += 2; continue }
            let rest = characters[index...]
            for op in [Operator.notEquals, .doubleEquals, .equals] where rest.starts(with: op.rawValue) {
                let value = String(characters[(index + op.rawValue.count)...])
                return (String(characters[..<index]), op, value)
            }
            index += 1
        }
        return nil
    }

    static func unescape(_ value: String) throws -> String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                guard character == "\\" || character == "," || character == "=" else {
                    throw StatusError.badRequest("invalid field selector: invalid escape sequence: \\\(character)")
                }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," || character == "=" {
                throw StatusError.badRequest("invalid field selector: unescaped character in value: \(character)")
            } else {
                result.append(character)
            }
        }
        if escaped { throw StatusError.badRequest("invalid field selector: invalid escape sequence: \\") }
        return result
    }

    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if character == "\\" || character == "," || character == "=" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
