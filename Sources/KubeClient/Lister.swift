import APIMachinery
import NIOConcurrencyHelpers

/// An informer's cache: the last state the informer saw of each object, safe to read from any thread.
///
/// Reads never reach the server. Objects are indexed by namespace and by the uid of each owner reference,
/// and the indexes are maintained on every change, so `list(namespace:)` and `list(ownerUID:)` cost the size
/// of their answer, not of the cache. Lists come back sorted by `namespace/name`.
public final class Lister: Sendable {
    private let state = NIOLockedValueBox(Index())

    init() {}

    /// The cached object, or nil. `namespace` is nil (or empty) for cluster-scoped objects.
    public func get(namespace: String?, name: String) -> JSON? {
        let key = namespace.map { $0.isEmpty ? name : "\($0)/\(name)" } ?? name
        return state.withLockedValue { $0.objects[key] }
    }

    /// The cached objects in `namespace`, or all of them when nil.
    public func list(namespace: String? = nil) -> [JSON] {
        state.withLockedValue { index in
            guard let namespace else { return index.objects.keys.sorted().compactMap { index.objects[$0] } }
            return (index.byNamespace[namespace] ?? []).sorted().compactMap { index.objects[$0] }
        }
    }

    /// Every cached object in no particular order: cheaper than `list()` (no sort) for callers that only
    /// aggregate, such as counting pods per node.
    public func unorderedList() -> [JSON] {
        state.withLockedValue { Array($0.objects.values) }
    }

    /// The cached objects with an owner reference to `ownerUID` (controller or not).
    public func list(ownerUID: String) -> [JSON] {
        state.withLockedValue { index in (index.byOwner[ownerUID] ?? []).sorted().compactMap { index.objects[$0] } }
    }

    public var count: Int { state.withLockedValue { $0.objects.count } }

    /// Stores `object`, returning the state it replaces.
    @discardableResult
    func upsert(_ object: JSON) -> JSON? {
        state.withLockedValue { $0.upsert(object) }
    }

    /// Removes the object with `object`'s key, returning the cached state.
    @discardableResult
    func remove(_ object: JSON) -> JSON? {
        state.withLockedValue { $0.remove(key: object.objectKey) }
    }

    /// Makes the cache exactly `objects` and returns what changed, in order: adds and updates in the order of
    /// `objects`, then deletes. An object counts as updated when its resourceVersion differs.
    func replace(with objects: [JSON]) -> [Change] {
        state.withLockedValue { index in
            var changes: [Change] = []
            var seen = Set<String>()
            for object in objects {
                seen.insert(object.objectKey)
                switch index.upsert(object) {
                case nil: changes.append(.added(object))
                case let old? where old.resourceVersion != object.resourceVersion: changes.append(.updated(old: old, new: object))
                case _?: break
                }
            }
            for key in index.objects.keys.sorted() where !seen.contains(key) {
                if let old = index.remove(key: key) { changes.append(.deleted(old)) }
            }
            return changes
        }
    }

    /// A difference `replace(with:)` found.
    enum Change: Sendable {
        case added(JSON)
        case updated(old: JSON, new: JSON)
        case deleted(JSON)
    }
}

/// The objects by key, with the namespace and owner indexes kept in step.
private struct Index {
    var objects: [String: JSON] = [:]
    var byNamespace: [String: Set<String>] = [:]
    var byOwner: [String: Set<String>] = [:]

    mutating func upsert(_ object: JSON) -> JSON? {
        let key = object.objectKey
        let old = remove(key: key)
        objects[key] = object
        byNamespace[object.namespace, default: []].insert(key)
        for owner in Set(object.ownerReferences.map(\.uid)) { byOwner[owner, default: []].insert(key) }
        return old
    }

    mutating func remove(key: String) -> JSON? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        Self.unindex(key, from: old.namespace, in: &byNamespace)
        for owner in Set(old.ownerReferences.map(\.uid)) { Self.unindex(key, from: owner, in: &byOwner) }
        return old
    }

    private static func unindex(_ key: String, from value: String, in index: inout [String: Set<String>]) {
        index[value]?.remove(key)
        if index[value]?.isEmpty == true { index[value] = nil }
    }
}
