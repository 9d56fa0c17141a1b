// MARK: Update

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
        let sentEntries = sent.compactMap(ManagedFieldsEntry.init)
        let keepsOld = sent.isEmpty || sentEntries.count != sent.count
        guard let old else {
            if keepsOld { recordCreate(&result, manager: manager, time: time) }
            else { record(FieldChanges(exactlyFrom: .object([:]), to: new, fields: ownedFields), entries: sentEntries,
                          in: &result, manager: manager, time: time) }
            return result
        }
        let changes = FieldChanges(from: old, to: new, schema: schema, include: mayOwn)
            ?? FieldChanges(exactlyFrom: old, to: new, fields: ownedFields)
        let oldRecorded = old["metadata"]["managedFields"]
        if changes.isEmpty, keepsOld || JSON.array(sent) == oldRecorded, !recordsAnotherVersion(for: manager, in: oldRecorded) {
            // Nobody's fields move: the entries stay exactly as stored.
            if let entries = oldRecorded.arrayValue, !entries.isEmpty {
                result["metadata"]["managedFields"] = oldRecorded
            } else {
                result["metadata"].removeValue(forKey: "managedFields")
            }
            return result
        }
        record(changes, entries: keepsOld ? ManagedFieldsEntry.entries(of: old) : sentEntries, in: &result,
               manager: manager, time: time)
        return result
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
    private func record(_ changes: FieldChanges, entries: [ManagedFieldsEntry], in object: inout JSON,
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

    /// Whether `recorded` (managedFields) has an entry of `manager`'s updates at this scope under another
    /// apiVersion, which an update moves to this one.
    private func recordsAnotherVersion(for manager: String, in recorded: JSON) -> Bool {
        (recorded.arrayValue ?? []).contains { entry in
            entry["manager"].stringValue == manager && entry["operation"].stringValue == "Update"
                && entry["subresource"].stringValue == subresource && entry["apiVersion"].stringValue != apiVersion
        }
    }
}
