/// The current value of every live key, with keys kept in order per collection for range reads.
///
/// Keys are paths (`/apps/statefulsets/default/web`); a collection is the first two segments
/// (`/apps/statefulsets/`). Each collection sorts its keys lazily: after a create or delete the order is
/// rebuilt on the next range read of that collection, not on the write.
struct KeyIndex {
    private(set) var objects: [String: StoredObject] = [:]
    private var collections: [String: Collection] = [:]

    private struct Collection {
        var keys: Set<String> = []
        var sorted: [String]? = []
    }

    subscript(key: String) -> StoredObject? { objects[key] }

    var count: Int { objects.count }

    mutating func put(_ object: StoredObject) {
        if objects.updateValue(object, forKey: object.key) == nil {
            let id = KeyIndex.collectionID(of: object.key)
            collections[id, default: Collection()].keys.insert(object.key)
            collections[id]!.sorted = nil
        }
    }

    mutating func remove(_ key: String) {
        guard objects.removeValue(forKey: key) != nil else { return }
        let id = KeyIndex.collectionID(of: key)
        collections[id]?.keys.remove(key)
        collections[id]?.sorted = nil
    }

    /// Keys with `prefix`, ascending, strictly after `afterKey` when given.
    mutating func keys(prefix: String, after afterKey: String?) -> ArraySlice<String> {
        let id = KeyIndex.collectionID(of: prefix)
        let sorted: [String]
        if id.count <= prefix.count, collections[id] != nil {
            sorted = sortedKeys(of: id)
        } else {
            // A prefix above one collection (`/` or `/apps/`): gather every collection under it.
            sorted = collections.keys.filter { $0.hasPrefix(prefix) || prefix.hasPrefix($0) }
                .sorted().flatMap { sortedKeys(of: $0) }
        }
        let start = afterKey.map { max($0, prefix) } ?? prefix
        let first = Self.partition(sorted) { $0 < start || (afterKey != nil && $0 == start) }
        // The keys with `prefix` are contiguous and begin at or before `first`: the range ends at the first
        // key past them, found by bisection too, so a page costs its size and not the collection's.
        let end = Self.partition(sorted[first...]) { $0.hasPrefix(prefix) || $0 < prefix }
        return sorted[first..<end]
    }

    /// The index of the first element of `keys` for which `isBefore` (true for a prefix of `keys`, then false)
    /// is false.
    private static func partition(_ keys: ArraySlice<String>, isBefore: (String) -> Bool) -> Int {
        var low = keys.startIndex, high = keys.endIndex
        while low < high {
            let mid = (low + high) / 2
            if isBefore(keys[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func partition(_ keys: [String], isBefore: (String) -> Bool) -> Int {
        partition(keys[...], isBefore: isBefore)
    }

    private mutating func sortedKeys(of id: String) -> [String] {
        if let sorted = collections[id]?.sorted { return sorted }
        let sorted = collections[id]?.keys.sorted() ?? []
        collections[id]?.sorted = sorted
        return sorted
    }

    /// The first two segments of a key with their slashes: `/apps/statefulsets/`.
    static func collectionID(of key: String) -> String {
        var slashes = 0
        var end = key.startIndex
        while end < key.endIndex {
            if key[end] == "/" {
                slashes += 1
                if slashes == 3 { return String(key[...end]) }
            }
            end = key.index(after: end)
        }
        return key
    }
}
