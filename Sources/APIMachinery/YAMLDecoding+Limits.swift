internal import CYaml

extension YAMLDecoding {
    /// The deepest nesting of sequences and mappings accepted, as written or as aliases expand it: JSON's.
    /// Yams builds its nodes recursively, so deeper input is refused before composing.
    public static let maximumNestingDepth = JSON.maximumNestingDepth

    /// How many JSON values a document may expand to: aliases let a few bytes name exponentially many values
    /// (the "billion laughs"), so expansion gets a budget proportional to the input, as sigs.k8s.io/yaml does.
    static func expansionBudget(forInputBytes count: Int) -> Int { 10_000 + 100 * count }

    /// Walks libyaml's event stream (which keeps its own stack, so any depth is safe to scan) and throws a
    /// `badRequest` when collections nest deeper than `maximumNestingDepth` (or than libyaml's own limit, which
    /// its scanner may meet first). Other syntax errors are left for the composer to report.
    static func checkNesting(_ bytes: [UInt8]) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw failure("cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                yaml_event_delete(&event)
                switch type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumNestingDepth { throw failure("exceeded max depth of \(maximumNestingDepth)") }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                case YAML_STREAM_END_EVENT: return
                default: break
                }
            }
            if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
                throw failure("exceeded max depth of \(maximumNestingDepth)")
            }
        }
    }
}

/// What converting one document may still spend: values produced and the current depth.
struct YAMLExpansion {
    var remainingValues: Int
    var depth = 0

    /// Counts one value at the next depth; throws once the budget or the depth limit is passed.
    mutating func enter() throws {
        remainingValues -= 1
        depth += 1
        if remainingValues < 0 { throw YAMLDecoding.failure("document expands to too many values (excessive aliasing)") }
        if depth > YAMLDecoding.maximumNestingDepth {
            throw YAMLDecoding.failure("exceeded max depth of \(YAMLDecoding.maximumNestingDepth)")
        }
    }

    mutating func leave() { depth -= 1 }
}
