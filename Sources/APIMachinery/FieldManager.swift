/// Field ownership for one kind, as server-side apply keeps it in `metadata.managedFields`.
///
/// - An **apply** (``apply(_:to:manager:force:time:)``) merges the manager's configuration into the live
///   object, fails with ``Conflicts`` when it would change a value another manager owns (unless forced, which
///   takes the field over), removes what the manager applied before and no longer applies unless another
///   manager still owns it, and makes the applied fields the manager's whole set.
/// - An **update** (``update(_:old:manager:time:)``: create, PUT, non-apply PATCH) gives the writer the
///   fields it changed, taking them from other managers without conflicts; removed fields leave every set.
///
/// Nobody owns `apiVersion`, `kind` or the server-owned metadata. Writes to the main resource never own
/// `status`; writes through `/status` own only `status`.
public struct FieldManager: Sendable {
    public let schema: Schema
    public let apiVersion: String
    /// `status` when writes go through `/status`; nil for the main resource.
    public let subresource: String?
    /// Whether the kind has a status that main-resource writes leave alone.
    public let hasStatus: Bool

    public init(schema: Schema, apiVersion: String, subresource: String? = nil, hasStatus: Bool) {
        self.schema = schema
        self.apiVersion = apiVersion
        self.subresource = subresource
        self.hasStatus = hasStatus
    }

    /// The metadata the server owns: nobody's fields, like `apiVersion` and `kind`.
    static let unownedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    ]

    /// The fields of `object` a write at this scope may own.
    public func ownedFields(of object: JSON) -> FieldSet {
        FieldSet(fieldsOf: object, schema: schema).filter(mayOwn)
    }

    /// Whether a write at this scope may own `path`: never `apiVersion`, `kind` or ``unownedMetadata``; status
    /// only through `/status`, and only status there. Decided by the path's first two elements.
    public func mayOwn(_ path: FieldPath) -> Bool {
        guard case .field(let first)? = path.first else { return true }
        if subresource == "status" { return first == "status" }
        switch first {
        case "apiVersion", "kind": return false
        case "status": return !hasStatus
        case "metadata":
            guard path.count > 1, case .field(let second) = path[1] else { return true }
            return !Self.unownedMetadata.contains(second)
        default: return true
        }
    }

    /// One field another manager owns with a different value than the apply asks for.
    public struct Conflict: Equatable, Sendable {
        public var owner: ManagedFieldsEntry
        public var path: FieldPath
    }

    /// An apply refused because of conflicts; the message reads as upstream's
    /// (`Apply failed with 1 conflict: conflict with "other" using apps/v1: .spec.replicas`).
    public struct Conflicts: Error, Sendable {
        public var conflicts: [Conflict]

        public var message: String {
            let count = conflicts.count
            let head = "Apply failed with \(count) conflict\(count == 1 ? "" : "s"): "
            if count == 1 { return head + "conflict with \(conflicts[0].owner.ownerDescription): \(conflicts[0].path.pathString)" }
            var owners: [String] = []
            var paths: [String: [String]] = [:]
            for conflict in conflicts {
                let owner = conflict.owner.ownerDescription
                if paths[owner] == nil { owners.append(owner) }
                paths[owner, default: []].append(conflict.path.pathString)
            }
            return head + owners.map { owner in
                (["conflicts with \(owner):"] + paths[owner]!.map { "- \($0)" }).joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }
}

// MARK: Apply

extension FieldManager {
    /// The object after `manager` applies `config` to `live` (nil: the object does not exist yet), with its
    /// managed fields recorded. Throws ``Conflicts`` unless `force`, and ``PatchError`` for a configuration
    /// that cannot be merged.
    public func apply(_ config: JSON, to live: JSON?, manager: String, force: Bool, time: String) throws -> JSON {
        let base = live ?? .object([:])
        let config = scoped(config)
        let me = ManagedFieldsEntry(manager: manager, operation: .apply, apiVersion: apiVersion, time: time,
                                    subresource: subresource, fields: ownedFields(of: config))
        var entries = ManagedFieldsEntry.entries(of: base)
        let conflicts = self.conflicts(applying: config, fields: me.fields, to: base, entries: entries, me: me)
        if !conflicts.isEmpty && !force { throw Conflicts(conflicts: conflicts) }
        for conflict in conflicts {
            for index in entries.indices where entries[index].sameOwner(as: conflict.owner) {
                entries[index].fields = entries[index].fields.subtracting(FieldSet([conflict.path]))
            }
        }
        var merged = try StrategicMergePatch.apply(config, to: base, schema: schema)
        let previous = entries.first { $0.sameOwner(as: me) }
        let others = entries.filter { !$0.sameOwner(as: me) }.reduce(FieldSet()) { $0.union($1.fields) }
        for path in (previous?.fields ?? FieldSet()).subtracting(me.fields).sorted
            where !me.fields.touches(path) && !others.touches(path) && !Self.isMergeKey(path) {
            merged = Self.removing(path, from: merged, keeping: me.fields.union(others))
        }
        var mine = me
        if let previous, previous.fields == me.fields, previous.apiVersion == apiVersion { mine.time = previous.time }
        ManagedFieldsEntry.record(Self.replacing(mine, in: entries), in: &merged)
        return merged
    }

    /// The configuration as this scope applies it: identity and status (or, through `/status`, everything but
    /// status) are not applied; managed fields in it are ignored.
    func scoped(_ config: JSON) -> JSON {
        var config = config
        config["metadata"].removeValue(forKey: "managedFields")
        if subresource == "status" {
            var only: JSONObject = [:]
            for key in ["apiVersion", "kind", "metadata", "status"] { if let value = config.objectValue?[key] { only[key] = value } }
            return .object(only)
        }
        if hasStatus { config.removeValue(forKey: "status") }
        return config
    }

    func conflicts(applying config: JSON, fields: FieldSet, to live: JSON, entries: [ManagedFieldsEntry],
                   me: ManagedFieldsEntry) -> [Conflict] {
        var conflicts: [Conflict] = []
        for path in fields.leaves {
            if let wanted = config.value(at: path), let current = live.value(at: path), wanted.semanticallyEquals(current) { continue }
            for entry in entries where !entry.sameOwner(as: me) && entry.fields.contains(path) {
                conflicts.append(Conflict(owner: entry, path: path))
            }
        }
        return conflicts
    }

    /// `object` without `path`, and without the maps and lists that this leaves empty (unless `owned` holds them).
    static func removing(_ path: FieldPath, from object: JSON, keeping owned: FieldSet) -> JSON {
        var result = object.removing(path)
        var parent = Array(path.dropLast())
        while case .field? = parent.last, !owned.contains(parent), let value = result.value(at: parent),
              value.objectValue?.isEmpty == true || value.arrayValue?.isEmpty == true {
            result = result.removing(parent)
            parent.removeLast()
        }
        return result
    }

    /// Whether `path` is a merge-key field of a list element: it goes with its element, never alone.
    static func isMergeKey(_ path: FieldPath) -> Bool {
        guard path.count >= 2, case .field(let name) = path[path.count - 1], case .key(let key) = path[path.count - 2] else { return false }
        return key[name] != nil
    }

    /// `entries` with `entry`'s owner's old entry replaced (in place, or appended), and empty entries dropped.
    static func replacing(_ entry: ManagedFieldsEntry, in entries: [ManagedFieldsEntry]) -> [ManagedFieldsEntry] {
        var result = entries
        if let index = result.firstIndex(where: { $0.sameOwner(as: entry) }) {
            result[index] = entry
        } else {
            result.append(entry)
        }
        return result.filter { !$0.fields.isEmpty }
    }
}
