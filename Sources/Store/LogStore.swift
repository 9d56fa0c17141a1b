import Foundation
import Logging

/// The embedded `VersionedStore`: every live key in memory, every write appended to a `RevisionLog`.
///
/// Writes are grouped: each writer checks its precondition and takes the next revision under one lock,
/// then waits while a single committer thread appends everything queued since the last batch in one
/// durable transaction (group commit). Only then is the batch applied to what readers see, published to
/// watchers, and acknowledged. If a batch fails, it and every write queued after it fail, and the revision
/// counter returns to the last durable revision: nothing unacknowledged is ever visible.
public final class LogStore: VersionedStore, @unchecked Sendable {
    private let log: any RevisionLog
    private let logger: Logger
    private let history: EventHistory

    /// Guards `index`, `pending`, `overlay`, `nextRevision`, `committedRevision`, `closed`.
    private let lock = NSCondition()
    private var index = KeyIndex()
    /// Writes waiting for the committer, in revision order.
    private var pending: [PendingWrite] = []
    /// The newest not-yet-durable state of each key written since the last batch.
    private var overlay: [String: QueuedState] = [:]
    private var nextRevision: Revision
    private var committedRevision: Revision
    private var closed = false
    private var committer: Thread?
    private var commitsSinceCompaction = 0

    /// Batches between two compactions of the durable log.
    public var compactionInterval = 1_000

    /// Opens a store over `log`, loading its retained rows. `historyCapacity` is how many recent events
    /// watches can resume from; older ones are compacted.
    public init(log: any RevisionLog, historyCapacity: Int = 10_000, logger: Logger = Logger(label: "ordinal.store")) throws {
        self.log = log
        self.logger = logger
        let (records, compacted) = try log.load()
        let replay = LogReplay(records: records, compactedRevision: compacted)
        index = replay.index
        committedRevision = replay.revision
        nextRevision = replay.revision + 1
        history = EventHistory(capacity: historyCapacity, floorRevision: replay.historyFloor(capacity: historyCapacity))
        history.append(Array(replay.events.suffix(historyCapacity)))
        let thread = Thread { [weak self] in self?.commitLoop() }
        thread.name = "ordinal-store-committer"
        committer = thread
        thread.start()
    }

    /// A store backed by an SQLite database at `path`.
    public static func sqlite(path: String, historyCapacity: Int = 10_000) throws -> LogStore {
        try LogStore(log: SQLiteRevisionLog(path: path), historyCapacity: historyCapacity)
    }

    /// A throwaway store that keeps nothing on disk.
    public static func memory(historyCapacity: Int = 10_000) -> LogStore {
        // A memory log cannot fail to load.
        try! LogStore(log: MemoryRevisionLog(), historyCapacity: historyCapacity)
    }

    public var currentRevision: Revision {
        lock.lock()
        defer { lock.unlock() }
        return committedRevision
    }

    public var compactedRevision: Revision { history.floor }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return index.count
    }

    public func get(_ key: String) -> StoredObject? {
        lock.lock()
        defer { lock.unlock() }
        return index[key]
    }

    public func range(prefix: String, afterKey: String?, limit: Int?, revision: Revision?) throws -> RangeResult {
        lock.lock()
        let now = committedRevision
        if revision == nil || revision! >= now {
            let keys = index.keys(prefix: prefix, after: afterKey)
            let taken = limit.map { min($0, keys.count) } ?? keys.count
            let objects = keys.prefix(taken).map { index[$0]! }
            lock.unlock()
            return RangeResult(objects: objects, revision: now, remaining: keys.count - taken)
        }
        lock.unlock()
        return try rangeInPast(prefix: prefix, afterKey: afterKey, limit: limit, revision: revision!, now: now)
    }

    /// Reconstructs a range as of `revision` by undoing, from the current state, every retained event after it.
    private func rangeInPast(prefix: String, afterKey: String?, limit: Int?, revision: Revision, now: Revision) throws -> RangeResult {
        let events = try history.events(after: revision)
        lock.lock()
        var state: [String: StoredObject] = [:]
        for key in index.keys(prefix: prefix, after: afterKey) { state[key] = index[key] }
        lock.unlock()
        var undone: Set<String> = []
        for event in events where event.key.hasPrefix(prefix) && event.revision <= now {
            guard !undone.contains(event.key) else { continue }
            undone.insert(event.key)
            if let afterKey, event.key <= afterKey { continue }
            state[event.key] = event.previous
        }
        let keys = state.keys.sorted()
        let taken = limit.map { min($0, keys.count) } ?? keys.count
        return RangeResult(objects: keys.prefix(taken).map { state[$0]! }, revision: revision, remaining: keys.count - taken)
    }

    public func create(_ key: String, value: (Revision) throws -> [UInt8]) throws -> StoredObject {
        try write(key) { current, revision in
            if current != nil { throw StoreError.alreadyExists(key: key) }
            return (StoredObject(key: key, value: try value(revision), createRevision: revision, modRevision: revision), false)
        }
    }

    public func update(_ key: String, expectedModRevision: Revision, value: (Revision) throws -> [UInt8]) throws -> StoredObject {
        try write(key) { current, revision in
            guard let current else { throw StoreError.notFound(key: key) }
            guard current.modRevision == expectedModRevision else { throw StoreError.conflict(key: key, current: current.modRevision) }
            return (StoredObject(key: key, value: try value(revision), createRevision: current.createRevision, modRevision: revision), false)
        }
    }

    public func delete(_ key: String, expectedModRevision: Revision, tombstone: (Revision) throws -> [UInt8]) throws -> StoredObject {
        try write(key) { current, revision in
            guard let current else { throw StoreError.notFound(key: key) }
            guard current.modRevision == expectedModRevision else { throw StoreError.conflict(key: key, current: current.modRevision) }
            return (StoredObject(key: key, value: try tombstone(revision), createRevision: current.createRevision, modRevision: revision), true)
        }
    }

    /// Queues one write and waits until it is durable (or failed).
    /// `make` sees the key's newest state, durable or queued, and the revision this write will have.
    private func write(_ key: String, make: (StoredObject?, Revision) throws -> (StoredObject, deleted: Bool)) throws -> StoredObject {
        let write: PendingWrite
        lock.lock()
        do {
            guard !closed else { throw StoreError.closed }
            let current = overlay[key].map(\.object) ?? index[key]
            let (object, deleted) = try make(current, nextRevision)
            write = PendingWrite(object: object, previous: current, deleted: deleted)
            nextRevision += 1
            overlay[key] = QueuedState(revision: object.modRevision, object: deleted ? nil : object)
            pending.append(write)
            lock.signal()
            lock.unlock()
        } catch {
            lock.unlock()
            throw error
        }
        return try write.waitForOutcome()
    }

    public func watch(prefix: String, after revision: Revision) throws -> StoreWatch {
        let sequence = try history.sequence(after: revision)
        return HistoryWatch(history: history, prefix: prefix, after: revision, sequence: sequence)
    }

    public func close() {
        lock.lock()
        closed = true
        lock.broadcast()
        lock.unlock()
        while committer?.isFinished == false { usleep(1_000) }
        history.close()
        log.close()
    }
}

extension LogStore {
    /// The committer thread: takes every queued write, makes the batch durable, then publishes it.
    private func commitLoop() {
        while true {
            lock.lock()
            while pending.isEmpty && !closed { lock.wait() }
            if pending.isEmpty && closed {
                lock.unlock()
                return
            }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            lock.unlock()
            commit(batch)
        }
    }

    private func commit(_ batch: [PendingWrite]) {
        let records = batch.map { LogRecord(revision: $0.object.modRevision, key: $0.object.key,
                                            createRevision: $0.object.createRevision, deleted: $0.deleted, value: $0.object.value) }
        do {
            try log.append(records)
        } catch {
            fail(batch, error: error)
            return
        }
        lock.lock()
        for write in batch {
            if write.deleted { index.remove(write.object.key) } else { index.put(write.object) }
            if overlay[write.object.key]?.revision == write.object.modRevision {
                overlay.removeValue(forKey: write.object.key)
            }
        }
        committedRevision = batch.last!.object.modRevision
        lock.unlock()
        history.append(batch.map(\.event))
        for write in batch { write.finish(.success(write.object)) }
        compactIfDue()
    }

    /// Fails `batch` and everything queued after it: later writes were checked against state that never became durable.
    private func fail(_ batch: [PendingWrite], error: Error) {
        logger.error("durable write failed; \(batch.count) writes rejected", metadata: ["error": "\(error)"])
        lock.lock()
        let later = pending
        pending.removeAll()
        overlay.removeAll()
        nextRevision = committedRevision + 1
        lock.unlock()
        let reported = (error as? StoreError) ?? StoreError.unavailable("\(error)")
        for write in batch + later { write.finish(.failure(reported)) }
    }

    private func compactIfDue() {
        commitsSinceCompaction += 1
        guard commitsSinceCompaction >= compactionInterval else { return }
        commitsSinceCompaction = 0
        do {
            try log.compact(upTo: history.floor)
        } catch {
            logger.warning("compaction failed", metadata: ["error": "\(error)"])
        }
    }
}
