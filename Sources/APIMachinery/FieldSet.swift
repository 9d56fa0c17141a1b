/// A set of field paths: what one manager owns in an object, as server-side apply tracks it.
///
/// A path in the set means the manager owns that node: a scalar or atomic value whole, an empty object, an
/// element of an associative list, a member of a set. An object that holds fields is owned through them,
/// not as a node of its own. The wire form is FieldsV1 (see ``init(fieldsV1:)``).
public struct FieldSet: Hashable, Sendable {
    public private(set) var paths: Set<FieldPath>

    public init<S: Sequence>(_ paths: S) where S.Element == FieldPath { self.paths = Set(paths) }
    public init() { paths = [] }

    public var isEmpty: Bool { paths.isEmpty }
    public func contains(_ path: FieldPath) -> Bool { paths.contains(path) }
    public mutating func insert(_ path: FieldPath) { paths.insert(path) }
    public func union(_ other: FieldSet) -> FieldSet { FieldSet(paths.union(other.paths)) }
    public func subtracting(_ other: FieldSet) -> FieldSet { FieldSet(paths.subtracting(other.paths)) }
    public func intersection(_ other: FieldSet) -> FieldSet { FieldSet(paths.intersection(other.paths)) }
    public func filter(_ isIncluded: (FieldPath) -> Bool) -> FieldSet { FieldSet(paths.filter(isIncluded)) }

    /// Whether the set holds `path` or anything beneath it.
    public func touches(_ path: FieldPath) -> Bool { paths.contains { $0.hasPrefix(path) } }

    /// Paths with nothing of the set beneath them: the values a manager sets, rather than the list elements
    /// that hold them.
    public var leafPaths: Set<FieldPath> {
        var inner = Set<FieldPath>()
        for path in paths where path.count > 1 {
            for length in 1..<path.count { inner.insert(Array(path[..<length])) }
        }
        return paths.subtracting(inner)
    }

    /// ``leafPaths`` in a stable order, for messages that list them.
    public var leaves: [FieldPath] { leafPaths.sorted { $0.lexicographicallyPrecedes($1) } }

    /// The paths in a stable order (shorter first within a branch), for messages and tests.
    public var sorted: [FieldPath] { paths.sorted { $0.lexicographicallyPrecedes($1) } }
}

// MARK: The fields an object sets

extension FieldSet {
    /// The fields `object` sets, read through `schema`: every scalar, atomic list (no merge strategy) and
    /// free-form (`.any`) value is one path; objects and maps own nothing themselves unless empty; an
    /// associative list contributes each element (by its merge key) and the element's fields; a set-like
    /// list contributes each member. Where the schema says nothing, objects are walked as maps.
    public init(fieldsOf object: JSON, schema: Schema?) {
        var set = FieldSet()
        set.collect(object, schema: schema, at: [])
        self = set
    }

    private mutating func collect(_ value: JSON, schema: Schema?, at path: FieldPath) {
        if case .any? = schema?.shape, !path.isEmpty { insert(path); return }
        switch value {
        case .object(let object):
            if object.isEmpty { if !path.isEmpty { insert(path) }; return }
            for (name, child) in object {
                collect(child, schema: StrategicMergePatch.child(of: schema, name), at: path + [.field(name)])
            }
        case .array(let list):
            let items = StrategicMergePatch.itemSchema(of: schema)
            switch schema?.listMerge {
            case .byKey(let key) where list.allSatisfy({ !($0.objectValue?[key]?.isNull ?? true) }) && !list.isEmpty:
                for item in list {
                    let element = path + [.key(key, item[key])]
                    insert(element)
                    collect(item, schema: items, at: element)
                }
            case .primitiveSet where !list.isEmpty:
                for member in list { insert(path + [.value(member)]) }
            default:
                insert(path)
            }
        default:
            insert(path)
        }
    }
}

// MARK: FieldsV1

extension FieldSet {
    /// The FieldsV1 tree: each path element is a key (`f:`, `k:`, `v:`) whose value is the subtree beneath
    /// it; `{}` marks an owned leaf, and `".": {}` marks a node owned as well as things beneath it.
    public var fieldsV1: JSON {
        var root = Node()
        for path in paths { root.insert(path[...]) }
        return root.json
    }

    /// Reads a FieldsV1 tree; nil when it is not one.
    public init?(fieldsV1: JSON) {
        guard case .object(let tree) = fieldsV1 else { return nil }
        var set = FieldSet()
        guard set.read(tree, at: []) else { return nil }
        self = set
    }

    private mutating func read(_ tree: JSONObject, at path: FieldPath) -> Bool {
        for (key, subtree) in tree {
            guard case .object(let children) = subtree else { return false }
            if key == "." {
                guard !path.isEmpty else { return false }
                insert(path)
                continue
            }
            guard let element = PathElement(fieldsV1Key: key) else { return false }
            let child = path + [element]
            if children.isEmpty { insert(child) } else if !read(children, at: child) { return false }
        }
        return true
    }

    private struct Node {
        var owned = false
        var children: [PathElement: Node] = [:]

        mutating func insert(_ path: ArraySlice<PathElement>) {
            guard let first = path.first else { owned = true; return }
            children[first, default: Node()].insert(path.dropFirst())
        }

        var json: JSON {
            var object = JSONObject()
            if owned && !children.isEmpty { object["."] = .object([:]) }
            for element in children.keys.sorted() { object[element.fieldsV1Key] = children[element]!.json }
            return .object(object)
        }
    }
}
