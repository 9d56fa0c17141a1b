/// A FieldsV1 tree edited in place, one path at a time, so that an update moving a few fields between
/// managers leaves every other entry's tree as stored instead of reading it into a ``FieldSet`` and writing
/// it out again.
///
/// The tree must be in the form ``FieldSet/fieldsV1`` writes, and stays in it: keys in order (`.` first,
/// which also sorts first), `{}` for a held node with nothing beneath, `"."` only beside children, and no
/// node that neither is held nor leads to one that is.
struct FieldsV1Tree {
    private(set) var root: JSONObject

    /// Nil when `json` is not an object.
    init?(_ json: JSON) {
        guard case .object(let root) = json else { return nil }
        self.root = root
    }

    var json: JSON { .object(root) }
    var isEmpty: Bool { root.isEmpty }

    func contains(_ path: FieldPath) -> Bool {
        var node = root
        for element in path {
            guard case .object(let child)? = node[element.fieldsV1Key] else { return false }
            node = child
        }
        return !path.isEmpty && (node.isEmpty || node["."] != nil)
    }

    mutating func insert(_ path: FieldPath) {
        guard !path.isEmpty else { return }
        Self.insert(path[...], into: &root)
    }

    mutating func remove(_ path: FieldPath) {
        guard !path.isEmpty else { return }
        Self.remove(path[...], from: &root)
    }

    private static func insert(_ path: ArraySlice<PathElement>, into node: inout JSONObject) {
        let key = path.first!.fieldsV1Key
        let rest = path.dropFirst()
        guard case .object(var child)? = node[key] else {
            var child = JSONObject()
            if !rest.isEmpty { insert(rest, into: &child) }
            let index = node.keys.firstIndex { $0 > key } ?? node.count
            node.updateValue(.object(child), forKey: key, insertingAt: index)
            return
        }
        if rest.isEmpty {
            // Held already, or leading to held nodes only: mark it held too.
            if !child.isEmpty && child["."] == nil { child.updateValue(.object([:]), forKey: ".", insertingAt: 0) }
        } else {
            let wasHeldAlone = child.isEmpty
            insert(rest, into: &child)
            if wasHeldAlone { child.updateValue(.object([:]), forKey: ".", insertingAt: 0) }
        }
        node[key] = .object(child)
    }

    private static func remove(_ path: ArraySlice<PathElement>, from node: inout JSONObject) {
        let key = path.first!.fieldsV1Key
        let rest = path.dropFirst()
        guard case .object(var child)? = node[key] else { return }
        if rest.isEmpty {
            if child.isEmpty {
                node.removeValue(forKey: key)
            } else if child.removeValue(forKey: ".") != nil {
                node[key] = .object(child)
            }
            return
        }
        guard !child.isEmpty else { return }
        remove(rest, from: &child)
        if child.isEmpty {
            node.removeValue(forKey: key)  // it was not held, and leads nowhere now
        } else if child.count == 1, child["."] != nil {
            node[key] = .object([:])  // held, with nothing beneath any more
        } else {
            node[key] = .object(child)
        }
    }
}
