/// Building the FieldsV1 tree of an object in one walk, for the write every object starts with: its create.
extension FieldSet {
    /// The FieldsV1 tree of the fields `object` sets that `include` admits: the same tree as
    /// `FieldSet(fieldsOf: object, schema: schema).filter(include).fieldsV1`, without collecting paths.
    ///
    /// `include` is asked about paths of one and two elements only; what lies beneath follows its prefix.
    /// Returns nil when an associative list repeats a merge key: only the path-by-path route merges those.
    public static func fieldsV1(of object: JSON, schema: Schema?, include: (FieldPath) -> Bool) -> JSON? {
        withoutActuallyEscaping(include) { include in
            var walk = DirectFieldsV1(include: include)
            var path: FieldPath = []
            let root = walk.node(object, schema: schema, at: &path)
            if walk.repeatedKey { return Optional<JSON>.none }
            return root?.json ?? .object([:])
        }
    }
}

/// One walk of ``FieldSet/fieldsV1(of:schema:include:)``.
private struct DirectFieldsV1 {
    let include: (FieldPath) -> Bool
    var repeatedKey = false

    /// What the set holds at one path: the node alone (`{}`), or what lies beneath it, with `"."` first when
    /// the node is held as well.
    enum Node {
        case owned
        case beneath(JSONObject)

        var json: JSON {
            switch self {
            case .owned: return .object([:])
            case .beneath(let children): return .object(children)
            }
        }
    }

    /// Mirrors `FieldSet.collect`: nil where the set holds nothing at or beneath `path`.
    mutating func node(_ value: JSON, schema: Schema?, at path: inout FieldPath) -> Node? {
        if case .any? = schema?.shape, !path.isEmpty { return .owned }
        switch value {
        case .object(let object):
            if object.isEmpty { return path.isEmpty ? nil : .owned }
            var children: [(key: String, value: JSON)] = []
            children.reserveCapacity(object.count)
            for (name, child) in object {
                path.append(.field(name))
                defer { path.removeLast() }
                if path.count <= 2 && !include(path) { continue }
                if let node = node(child, schema: StrategicMergePatch.child(of: schema, name), at: &path) {
                    children.append(("f:" + name, node.json))
                }
            }
            return children.isEmpty ? nil : .beneath(Self.sorted(children))
        case .array(let list):
            let items = StrategicMergePatch.itemSchema(of: schema)
            switch schema?.listMerge {
            case .byKey(let key) where !list.isEmpty && list.allSatisfy({ !($0.objectValue?[key]?.isNull ?? true) }):
                var elements: [(key: String, value: JSON)] = []
                var seen = Set<String>()
                for item in list {
                    let element = PathElement.key(key, item[key])
                    let elementKey = element.fieldsV1Key
                    guard seen.insert(elementKey).inserted else {
                        repeatedKey = true
                        return nil
                    }
                    path.append(element)
                    defer { path.removeLast() }
                    var held: JSONObject = [".": .object([:])]
                    if case .beneath(let children)? = node(item, schema: items, at: &path) {
                        for (name, child) in children { held[name] = child }
                    } else {
                        held = [:]
                    }
                    elements.append((elementKey, .object(held)))
                }
                return .beneath(Self.sorted(elements))
            case .primitiveSet where !list.isEmpty:
                var members: [String: JSON] = [:]
                for member in list { members[PathElement.value(member).fieldsV1Key] = .object([:]) }
                return .beneath(Self.sorted(members.map { ($0.key, $0.value) }))
            default:
                return .owned
            }
        default:
            return .owned
        }
    }

    /// Children in the order `FieldSet.fieldsV1` writes them (one kind of element per node, so by key).
    static func sorted(_ children: [(key: String, value: JSON)]) -> JSONObject {
        var object = JSONObject(minimumCapacity: children.count)
        for child in children.sorted(by: { $0.key < $1.key }) { object[child.key] = child.value }
        return object
    }
}
