import Foundation

/// A watcher's cursor over the shared `EventHistory`, keeping only its prefix and revisions above its start.
final class HistoryWatch: StoreWatch, @unchecked Sendable {
    private let history: EventHistory
    private let prefix: String
    private let lock = NSLock()
    private var after: Revision
    private var examined: Revision
    private var sequence: Int
    private var closed = false

    init(history: EventHistory, prefix: String, after: Revision, sequence: Int) {
        self.history = history
        self.prefix = prefix
        self.after = after
        self.examined = after
        self.sequence = sequence
    }

    func next(timeout: Double) -> [StoreEvent]? {
        lock.lock()
        let start = sequence, isClosed = closed
        lock.unlock()
        guard !isClosed, let (events, next) = history.read(from: start, timeout: timeout) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if closed { return nil }
        sequence = next
        let matching = events.filter { $0.revision > after && $0.key.hasPrefix(prefix) }
        if let last = matching.last { after = last.revision }
        if let last = events.last { examined = max(examined, last.revision) }
        return matching
    }

    var progressRevision: Revision {
        lock.lock()
        defer { lock.unlock() }
        return examined
    }

    func close() {
        lock.lock()
        closed = true
        lock.unlock()
        history.wakeAll()
    }
}
