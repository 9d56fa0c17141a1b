import Yams

/// YAML request bodies (`application/yaml`, `application/apply-patch+yaml`) as ``JSON``, typed as Kubernetes
/// types them (YAML 1.1 core resolution, like `sigs.k8s.io/yaml`): plain `80` is an integer and quoted `"80"`
/// a string, `true`/`yes`/`on` booleans, `~`/`null`/empty null, floats doubles; timestamps stay strings;
/// mapping keys keep their order and are always strings; `<<` merge keys and aliases are expanded.
public enum YAMLDecoding {
    /// Decodes one YAML document; an empty document is `null`. Throws `StatusError.badRequest`
    /// (`error converting YAML to JSON: …`) for invalid UTF-8, a syntax error, several documents,
    /// a non-scalar mapping key, a value JSON cannot hold (`.inf`, `.nan`), nesting deeper than
    /// `maximumNestingDepth`, or aliases that expand past `expansionBudget(forInputBytes:)`.
    public static func json(from bytes: [UInt8]) throws -> JSON {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("invalid UTF-8 in YAML") }
        try checkNesting(bytes)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid YAML")
        }
        guard let node else { return .null }
        var expansion = YAMLExpansion(remainingValues: expansionBudget(forInputBytes: bytes.count))
        return try json(from: node, &expansion)
    }

    static func failure(_ detail: String) -> StatusError {
        .badRequest("error converting YAML to JSON: \(detail)")
    }

    static func json(from node: Node, _ expansion: inout YAMLExpansion) throws -> JSON {
        try expansion.enter()
        defer { expansion.leave() }
        switch node {
        case .scalar(let scalar): return try json(from: scalar, tag: Tag.Name(rawValue: node.tag.rawValue))
        case .sequence(let sequence): return .array(try sequence.map { try json(from: $0, &expansion) })
        case .mapping(let mapping): return .object(try object(from: mapping, &expansion))
        case .alias: throw failure("unresolved YAML alias")
        }
    }

    static func json(from scalar: Node.Scalar, tag: Tag.Name) throws -> JSON {
        switch tag {
        case .null: return .null
        case .bool: return Bool.construct(from: scalar).map(JSON.bool) ?? .string(scalar.string)
        case .int:
            if let int = Int64.construct(from: scalar) { return .int(int) }
            return try double(from: scalar) ?? .string(scalar.string)
        case .float: return try double(from: scalar) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    static func double(from scalar: Node.Scalar) throws -> JSON? {
        guard let double = Double.construct(from: scalar) else { return nil }
        guard double.isFinite else { throw failure("\(scalar.string) cannot be represented in JSON") }
        return .double(double)
    }

    /// Explicit keys win over keys brought in by `<<` merges, wherever the merge appears.
    static func object(from mapping: Node.Mapping, _ expansion: inout YAMLExpansion) throws -> JSONObject {
        var result = JSONObject()
        var merged: [JSONObject] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else { throw failure("mapping keys must be scalars, found \(keyNode.tag.rawValue)") }
            if keyNode.tag.rawValue == Tag.Name.merge.rawValue {
                switch valueNode {
                case .mapping(let source): merged.append(try object(from: source, &expansion))
                case .sequence(let sources): merged += try sources.map { source in
                    guard case .mapping(let m) = source else { throw failure("a << merge takes mappings") }
                    return try object(from: m, &expansion)
                }
                default: throw failure("a << merge takes mappings")
                }
                continue
            }
            result[key.string] = try json(from: valueNode, &expansion)
        }
        for source in merged {
            for (key, value) in source where result[key] == nil { result[key] = value }
        }
        return result
    }
}
