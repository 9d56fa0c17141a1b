extension LabelSelector.Requirement {
    /// Upstream's checks on a new requirement, as rendered field errors (empty = acceptable).
    static func problems(key: String, operator op: LabelSelector.Operator, values: [String]) -> [String] {
        var problems: [String] = []
        let keyErrors = NameValidation.isQualifiedName(key)
        if !keyErrors.isEmpty {
            problems.append(FieldError.invalid("key", .string(key), keyErrors.joined(separator: "; ")).description)
        }
        let rendered = "[]string{" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "}"
        func invalidValues(_ detail: String) { problems.append("values: Invalid value: \(rendered): \(detail)") }
        switch op {
        case .in, .notIn:
            if values.isEmpty { invalidValues("for 'in', 'notin' operators, values set can't be empty") }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 { invalidValues("exact-match compatibility requires one single value") }
        case .exists, .doesNotExist:
            if !values.isEmpty { invalidValues("values set must be empty for exists and does not exist") }
        case .greaterThan, .lessThan:
            if values.count != 1 { invalidValues("for 'Gt', 'Lt' operators, exactly one value is required") }
            for (index, value) in values.enumerated() where Int64(value) == nil {
                problems.append(FieldError.invalid("values[\(index)]", .string(value),
                                                   "for 'Gt', 'Lt' operators, the value must be an integer").description)
            }
        }
        for (index, value) in values.enumerated() {
            let valueErrors = NameValidation.isValidLabelValue(value)
            if !valueErrors.isEmpty {
                problems.append(FieldError.invalid("values[\(index)][\(key)]", .string(value),
                                                   valueErrors.joined(separator: "; ")).description)
            }
        }
        return problems.count > 1 ? ["[" + problems.joined(separator: ", ") + "]"] : problems
    }
}

extension LabelSelector {
    /// Parses the string form used by `?labelSelector=`: comma-separated (AND) requirements
    /// `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`, `k<1`; whitespace between tokens
    /// is ignored. An empty string matches everything. Throws `StatusError.badRequest` with upstream's message
    /// (`unable to parse requirement: …`, `found '…', expected: …`).
    public init(parsing text: String) throws {
        var parser = LabelSelectorParser(tokens: LabelSelectorLexer.tokens(of: text))
        self.init(requirements: try parser.parse())
    }
}

enum LabelSelectorToken: Equatable {
    case identifier(String)
    case doesNotExist, equals, doubleEquals, notEquals, greaterThan, lessThan
    case `in`, notIn, openParenthesis, closeParenthesis, comma
    case end

    var literal: String {
        switch self {
        case .identifier(let s): return s
        case .doesNotExist: return "!"
        case .equals: return "="
        case .doubleEquals: return "=="
        case .notEquals: return "!="
        case .greaterThan: return ">"
        case .lessThan: return "<"
        case .in: return "in"
        case .notIn: return "notin"
        case .openParenthesis: return "("
        case .closeParenthesis: return ")"
        case .comma: return ","
        case .end: return ""
        }
    }

    /// In a value position the keywords `in` and `notin` are plain identifiers.
    var asValue: LabelSelectorToken {
        switch self {
        case .in, .notIn: return .identifier(literal)
        default: return self
        }
    }
}

enum LabelSelectorLexer {
    static let symbols: Set<Character> = ["=", "!", "(", ")", ",", ">", "<"]

    static func tokens(of text: String) -> [LabelSelectorToken] {
        var tokens: [LabelSelectorToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if symbols.contains(character) {
                var end = text.index(after: index)
                while end < text.endIndex, symbols.contains(text[end]), symbol(text[index...end]) != nil {
                    end = text.index(after: end)
                }
                tokens.append(symbol(text[index..<end]) ?? .identifier(String(text[index..<end])))
                index = end
            } else {
                var end = index
                while end < text.endIndex, !text[end].isWhitespace, !symbols.contains(text[end]) { end = text.index(after: end) }
                let word = String(text[index..<end])
                tokens.append(word == "in" ? .in : word == "notin" ? .notIn : .identifier(word))
                index = end
            }
        }
        tokens.append(.end)
        return tokens
    }

    static func symbol(_ text: Substring) -> LabelSelectorToken? {
        switch text {
        case "!": return .doesNotExist
        case "=": return .equals
        case "==": return .doubleEquals
        case "!=": return .notEquals
        case ">": return .greaterThan
        case "<": return .lessThan
        case "(": return .openParenthesis
        case ")": return .closeParenthesis
        case ",": return .comma
        default: return nil
        }
    }
}

struct LabelSelectorParser {
    let tokens: [LabelSelectorToken]
    var position = 0

    init(tokens: [LabelSelectorToken]) { self.tokens = tokens }

    var next: LabelSelectorToken { tokens[position] }

    mutating func consume() -> LabelSelectorToken {
        defer { if position < tokens.count - 1 { position += 1 } }
        return tokens[position]
    }

    static func failure(_ message: String) -> StatusError { StatusError.badRequest(message) }

    mutating func parse() throws -> [LabelSelector.Requirement] {
        var requirements: [LabelSelector.Requirement] = []
        while true {
            switch next.asValue {
            case .identifier, .doesNotExist:
                do {
                    requirements.append(try parseRequirement())
                } catch let error as StatusError {
                    throw Self.failure("unable to parse requirement: \(error.message)")
                }
                switch consume().asValue {
                case .end: return requirements
                case .comma:
                    switch next.asValue {
                    case .identifier, .doesNotExist: continue
                    default: throw Self.failure("found '\(next.literal)', expected: identifier after ','")
                    }
                case let token: throw Self.failure("found '\(token.literal)', expected: ',' or 'end of string'")
                }
            case .end: return requirements
            default: throw Self.failure("found '\(next.literal)', expected: !, identifier, or 'end of string'")
            }
        }
    }

    mutating func parseRequirement() throws -> LabelSelector.Requirement {
        var token = consume().asValue
        let negated = token == .doesNotExist
        if negated { token = consume().asValue }
        guard case .identifier(let key) = token else { throw Self.failure("found '\(token.literal)', expected: identifier") }
        if negated { return try .init(key: key, operator: .doesNotExist, values: []) }
        if next == .end || next == .comma { return try .init(key: key, operator: .exists, values: []) }
        let op = try parseOperator()
        switch op {
        case .in, .notIn: return try .init(key: key, operator: op, values: try parseValueSet())
        default: return try .init(key: key, operator: op, values: [try parseExactValue()])
        }
    }

    mutating func parseOperator() throws -> LabelSelector.Operator {
        switch consume() {
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .notEquals: return .notEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .in: return .in
        case .notIn: return .notIn
        case let token: throw Self.failure("found '\(token.literal)', expected: =, !=, ==, in, notin, >, <")
        }
    }

    /// `(a, b, c)`; an empty item between commas is the empty string.
    mutating func parseValueSet() throws -> [String] {
        let open = consume()
        guard open == .openParenthesis else { throw Self.failure("found '\(open.literal)', expected: '('") }
        if next == .closeParenthesis { _ = consume(); return [] }
        var values: [String] = []
        var expectValue = true
        while true {
            switch consume().asValue {
            case .identifier(let value) where expectValue:
                values.append(value)
                expectValue = false
            case .comma:
                if expectValue { values.append("") }
                expectValue = true
            case .closeParenthesis:
                if expectValue { values.append("") }
                return values
            case let token:
                throw Self.failure("found '\(token.literal)', expected: ',', ')' or identifier")
            }
        }
    }

    /// The single value after `=`, `!=`, `>`…; nothing before `,` or the end means the empty string.
    mutating func parseExactValue() throws -> String {
        if next == .end || next == .comma { return "" }
        let token = consume().asValue
        guard case .identifier(let value) = token else { throw Self.failure("found '\(token.literal)', expected: identifier") }
        return value
    }
}
