/// What an update did to the fields a manager can own, which is all field ownership needs to know about it.
///
/// - ``changed``: the fields of the new object that the old one lacks, and the leaves whose value differs.
/// - ``removed``: the fields of the old object that the new one no longer sets.
///
/// Computed by walking both objects together, so a write pays for what it changed rather than for the size
/// of the object; ``init(exactlyFrom:to:fields:)`` gives the same answer from whole field sets.
public struct FieldChanges: Equatable, Sendable {
    public var changed = FieldSet()
    public var removed = FieldSet()

    public var isEmpty: Bool { changed.isEmpty && removed.isEmpty }

    init() {}

    /// The changes from `old` to `new` among the fields `include` admits (asked about paths of one and two
    /// elements only, as in ``FieldSet/fieldsV1(of:schema:include:)``). Nil when an associative list repeats
    /// a merge key, where only ``init(exactlyFrom:to:fields:)`` is exact.
    public init?(from old: JSON, to new: JSON, schema: Schema?, include: (FieldPath) -> Bool) {
        let walked: FieldChanges? = withoutActuallyEscaping(include) { include in
            var walk = ChangeWalk(include: include)
            var path: FieldPath = []
            walk.added(new, old: old, schema: schema, at: &path)
            walk.dropped(old, new: new, schema: schema, at: &path)
            return walk.repeatedKey ? nil : walk.changes
        }
        guard let walked else { return nil }
        self = walked
    }

    /// The changes from `old` to `new`, from their whole field sets as `fields` reads them.
    public init(exactlyFrom old: JSON, to new: JSON, fields: (JSON) -> FieldSet) {
        let newFields = fields(new)
        removed = fields(old).subtracting(newFields)
        let leaves = newFields.leafPaths
        changed = newFields.filter { path in
            guard let previous = old.value(at: path) else { return true }
            return leaves.contains(path) && !(new.value(at: path).map { $0.semanticallyEquals(previous) } ?? false)
        }
    }
}

/// One walk of ``FieldChanges/init(from:to:schema:include:)``; each function mirrors `FieldSet.collect`.
private struct ChangeWalk {
    let include: (FieldPath) -> Bool
    var changes = FieldChanges()
    var repeatedKey = false

    /// Records in `changed` what `new` sets at and beneath `path` that `old` (the same place in the old
    /// object, nil where it has nothing) lacks or holds with another value.
    mutating func added(_ new: JSON, old: JSON?, schema: Schema?, at path: inout FieldPath) {
        if case .any? = schema?.shape, !path.isEmpty { return leaf(new, old: old, at: path) }
        switch new {
        case .object(let object):
            if object.isEmpty {
                if !path.isEmpty { leaf(new, old: old, at: path) }
                return
            }
            let oldObject = old?.objectValue
            for (name, child) in object {
                path.append(.field(name))
                defer { path.removeLast() }
                if path.count <= 2 && !include(path) { continue }
                added(child, old: oldObject?[name], schema: StrategicMergePatch.child(of: schema, name), at: &path)
            }
        case .array(let list):
            switch schema?.listMerge {
            case .byKey(let key) where Self.isKeyed(list, by: key):
                guard hasUniqueKeys(list, key: key) else { return }
                let oldList = old?.arrayValue
                let items = StrategicMergePatch.itemSchema(of: schema)
                for item in list {
                    let element: PathElement = .key(key, item[key])
                    guard case .key(let fields) = element else { continue }
                    path.append(element)
                    defer { path.removeLast() }
                    let oldItem = oldList?.first { $0.matches(key: fields) }
                    if oldItem == nil { changes.changed.insert(path) }
                    added(item, old: oldItem, schema: items, at: &path)
                }
            case .primitiveSet where !list.isEmpty:
                let oldList = old?.arrayValue
                for member in list where !(oldList?.contains { $0.isEquivalent(to: member) } ?? false) {
                    changes.changed.insert(path + [.value(member)])
                }
            default:
                leaf(new, old: old, at: path)
            }
        default:
            leaf(new, old: old, at: path)
        }
    }

    private mutating func leaf(_ new: JSON, old: JSON?, at path: FieldPath) {
        if let old, new.semanticallyEquals(old) { return }
        changes.changed.insert(path)
    }

    /// Records in `removed` what `old` sets at and beneath `path` that `new` (nil where it has nothing there)
    /// no longer sets.
    mutating func dropped(_ old: JSON, new: JSON?, schema: Schema?, at path: inout FieldPath) {
        if case .any? = schema?.shape, !path.isEmpty { return droppedLeaf(new: new, schema: schema, at: path) }
        switch old {
        case .object(let object):
            if object.isEmpty {
                if !path.isEmpty { droppedLeaf(new: new, schema: schema, at: path) }
                return
            }
            let newObject = new?.objectValue
            for (name, child) in object {
                path.append(.field(name))
                defer { path.removeLast() }
                if path.count <= 2 && !include(path) { continue }
                dropped(child, new: newObject?[name], schema: StrategicMergePatch.child(of: schema, name), at: &path)
            }
        case .array(let list):
            switch schema?.listMerge {
            case .byKey(let key) where Self.isKeyed(list, by: key):
                guard hasUniqueKeys(list, key: key) else { return }
                let newList = new?.arrayValue.flatMap { Self.isKeyed($0, by: key) ? $0 : nil }
                let items = StrategicMergePatch.itemSchema(of: schema)
                for item in list {
                    path.append(.key(key, item[key]))
                    defer { path.removeLast() }
                    let newItem = newList?.first { $0.objectValue?[key] == item[key] }
                    if newItem == nil { changes.removed.insert(path) }
                    dropped(item, new: newItem, schema: items, at: &path)
                }
            case .primitiveSet where !list.isEmpty:
                let newList = new?.arrayValue ?? []
                for member in list where !newList.contains(member) {
                    changes.removed.insert(path + [.value(member)])
                }
            default:
                droppedLeaf(new: new, schema: schema, at: path)
            }
        default:
            droppedLeaf(new: new, schema: schema, at: path)
        }
    }

    /// `path` is one of the old object's fields: it is removed unless the new object sets it too.
    private mutating func droppedLeaf(new: JSON?, schema: Schema?, at path: FieldPath) {
        if let new, Self.setsItself(new, schema: schema, at: path) { return }
        changes.removed.insert(path)
    }

    /// Whether `FieldSet.collect` holds `path` itself for `value` there (rather than what lies beneath it).
    static func setsItself(_ value: JSON, schema: Schema?, at path: FieldPath) -> Bool {
        if case .any? = schema?.shape, !path.isEmpty { return true }
        switch value {
        case .object(let object): return object.isEmpty && !path.isEmpty
        case .array(let list):
            switch schema?.listMerge {
            case .byKey(let key) where isKeyed(list, by: key): return false
            case .primitiveSet where !list.isEmpty: return false
            default: return true
            }
        default: return true
        }
    }

    /// Whether `list` is held element by element: not empty, and every element carries its merge key.
    static func isKeyed(_ list: [JSON], by key: String) -> Bool {
        !list.isEmpty && list.allSatisfy { !($0.objectValue?[key]?.isNull ?? true) }
    }

    private mutating func hasUniqueKeys(_ list: [JSON], key: String) -> Bool {
        var seen = Set<String>()
        for item in list where !seen.insert(PathElement.key(key, item[key]).fieldsV1Key).inserted {
            repeatedKey = true
            return false
        }
        return true
    }
}
