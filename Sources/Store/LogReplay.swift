/// Rebuilds the store's state from the durable log at start-up: the live value of every key, the last
/// revision, and the retained events (each with the value it replaced) for watches to resume from.
struct LogReplay {
    private(set) var index = KeyIndex()
    private(set) var events: [StoreEvent] = []
    private(set) var revision: Revision
    let compactedRevision: Revision

    init(records: [LogRecord], compactedRevision: Revision) {
        self.compactedRevision = compactedRevision
        revision = compactedRevision
        var latest: [String: LogRecord] = [:]
        for record in records {
            let object = StoredObject(key: record.key, value: record.value, createRevision: record.createRevision, modRevision: record.revision)
            let previous = latest[record.key].flatMap { prior -> StoredObject? in
                prior.deleted ? nil : StoredObject(key: prior.key, value: prior.value, createRevision: prior.createRevision, modRevision: prior.revision)
            }
            if record.revision > compactedRevision {
                let kind: StoreEvent.Kind = record.deleted ? .deleted : (previous == nil ? .created : .updated)
                events.append(StoreEvent(kind: kind, object: object, previous: previous))
            }
            latest[record.key] = record
            if record.deleted { index.remove(record.key) } else { index.put(object) }
            revision = max(revision, record.revision)
        }
    }

    /// The revision above which the retained events are complete, given how many the history keeps.
    func historyFloor(capacity: Int) -> Revision {
        guard events.count > capacity else { return compactedRevision }
        return events[events.count - capacity - 1].revision
    }
}
