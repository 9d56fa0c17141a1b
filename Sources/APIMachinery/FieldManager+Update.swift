/// Field ownership of creates, PUTs and non-apply patches.
extension FieldManager {
    /// `new` with its managed fields recorded after `manager` wrote it over `old` (nil for a create).
    ///
    /// The entries start from `old`'s, unless `new` carries its own: `[{}]` strips them all (and records
    /// nothing), a readable non-empty list replaces them; an absent or empty list keeps `old`'s.
    /// The writer gains the fields it changed, taking them from other managers; removed fields leave every set.
    public func update(_ new: JSON, old: JSON?, manager: String, time: String) -> JSON {
        var result = new
        let sent = new["metadata"].objectValue?["managedFields"]?.arrayValue ?? []
        if sent.count == 1, sent[0].objectValue?.isEmpty == true {
            result["metadata"].removeValue(forKey: "managedFields")
            return result
        }
        let oldRecorded = old?["metadata"]["managedFields"] ?? .null
        // Entries sent back as stored (a patch, or a PUT of what was read) are the stored ones: not read again.
        let sentEntries = sent.isEmpty || JSON.array(sent) == oldRecorded ? nil : Self.readableEntries(sent)
        guard let old else {
            if let sentEntries {
                record(FieldChanges(exactlyFrom: .object([:]), to: new, fields: ownedFields), entries: sentEntries,
                       in: &result, manager: manager, time: time)
            } else {
                recordCreate(&result, manager: manager, time: time)
            }
            return result
        }
        let changes = FieldChanges(from: old, to: new, schema: schema, include: mayOwn)
            ?? FieldChanges(exactlyFrom: old, to: new, fields: ownedFields)
        if sentEntries == nil,
           let entries = recordByEditing(changes, recorded: oldRecorded.arrayValue ?? [], manager: manager, time: time) {
            if entries.isEmpty {
                result["metadata"].removeValue(forKey: "managedFields")
            } else {
                result["metadata"]["managedFields"] = .array(entries)
            }
            return result
        }
        record(changes, entries: sentEntries ?? ManagedFieldsEntry.entries(of: old), in: &result, manager: manager, time: time)
        return result
    }

    /// The entries of `list`; nil if any cannot be read (the write then keeps the stored entries).
    private static func readableEntries(_ list: [JSON]) -> [ManagedFieldsEntry]? {
        let entries = list.compactMap(ManagedFieldsEntry.init)
        return entries.count == list.count ? entries : nil
    }

    /// The entry of a create that carried no entries: the creator owns every field it set.
    private func recordCreate(_ object: inout JSON, manager: String, time: String) {
        guard let fieldsV1 = FieldSet.fieldsV1(of: object, schema: schema, include: mayOwn) else {
            return record(FieldChanges(exactlyFrom: .object([:]), to: object, fields: ownedFields), entries: [],
                          in: &object, manager: manager, time: time)
        }
        if fieldsV1.objectValue?.isEmpty ?? true {
            object["metadata"].removeValue(forKey: "managedFields")
        } else {
            object["metadata"]["managedFields"] = [ManagedFieldsEntry.json(
                manager: manager, operation: .update, apiVersion: apiVersion, time: time, subresource: subresource,
                fieldsV1: fieldsV1)]
        }
    }

    /// Moves the changed fields to `manager`'s entry and drops the removed ones from every entry.
    func record(_ changes: FieldChanges, entries: [ManagedFieldsEntry], in object: inout JSON,
                        manager: String, time: String) {
        var entries = entries
        let me = ManagedFieldsEntry(manager: manager, operation: .update, apiVersion: apiVersion, time: time,
                                    subresource: subresource, fields: FieldSet())
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(changes.removed)
            if !entries[index].sameOwner(as: me) { entries[index].fields = entries[index].fields.subtracting(changes.changed) }
        }
        var mine = entries.first { $0.sameOwner(as: me) } ?? me
        let grown = mine.fields.union(changes.changed)
        if grown != mine.fields || mine.apiVersion != apiVersion {
            mine.fields = grown
            mine.time = time
            mine.apiVersion = apiVersion
        }
        ManagedFieldsEntry.record(Self.replacing(mine, in: entries), in: &object)
    }

    /// What ``record(_:entries:in:manager:time:)`` records, worked out on the stored entries (`recorded`)
    /// themselves: only the entries holding a field that moves are rewritten, the others stay as they are.
    /// Nil when an entry is not in the form this server records, for the route that reads them.
    func recordByEditing(_ changes: FieldChanges, recorded: [JSON], manager: String, time: String) -> [JSON]? {
        var entries: [JSON] = []
        var foundMine = false
        for entry in recorded {
            guard let owner = entry["manager"].stringValue,
                  let operation = entry["operation"].stringValue.flatMap(ManagedFieldsEntry.Operation.init(rawValue:)),
                  (entry["fieldsType"].stringValue ?? "FieldsV1") == "FieldsV1",
                  var tree = FieldsV1Tree(entry["fieldsV1"]) else { return nil }
            let entrySubresource = entry["subresource"].stringValue
            let isMine = owner == manager && operation == .update && entrySubresource == subresource
            let grows = isMine && !foundMine
            foundMine = foundMine || isMine
            var edited = false
            for path in changes.removed.paths where tree.contains(path) {
                tree.remove(path)
                edited = true
            }
            var grew = false
            if isMine {
                if grows {
                    for path in changes.changed.paths where !tree.contains(path) {
                        tree.insert(path)
                        grew = true
                    }
                    grew = grew || entry["apiVersion"].stringValue != apiVersion
                }
            } else {
                for path in changes.changed.paths where tree.contains(path) {
                    tree.remove(path)
                    edited = true
                }
            }
            if tree.isEmpty { continue }
            if !edited && !grew {
                entries.append(entry)
                continue
            }
            entries.append(ManagedFieldsEntry.json(
                manager: owner, operation: operation, apiVersion: grew ? apiVersion : entry["apiVersion"].stringValue ?? "",
                time: grew ? time : entry["time"].stringValue ?? "", subresource: entrySubresource, fieldsV1: tree.json))
        }
        if !foundMine && !changes.changed.isEmpty {
            entries.append(ManagedFieldsEntry.json(manager: manager, operation: .update, apiVersion: apiVersion, time: time,
                                                   subresource: subresource, fieldsV1: changes.changed.fieldsV1))
        }
        return entries
    }
}
