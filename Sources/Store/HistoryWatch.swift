import Foundation

/// A watcher's cursor over the shared `EventHistory`, keeping only its prefix and revisions above its start.
///
/// With many watchers, events are delivered in batches: after a watcher hands on events it reads again only
/// `batchInterval` later, taking everything that arrived meanwhile in one go. Under a steady stream of writes
/// each watcher thus wakes, takes the history's lock and writes to its socket about once per interval instead
/// of once per commit (a thousand watchers would otherwise all be woken, and queue on one lock, for every
/// commit). A watcher that has been quiet longer than the interval is woken by the next event at once. With
/// few watchers (a controller manager's informers, a kubectl watch) every event goes out as it commits: a
/// chain of controllers reacting to each other's writes would otherwise wait out the interval at each step.
final class HistoryWatch: StoreWatch, @unchecked Sendable {
    /// Seconds between two deliveries to one watcher while events keep coming; adds at most this to latency.
    static let batchInterval = 0.005
    /// Open watches above which deliveries are batched.
    static let batchingWatchers = 64

    private let history: EventHistory
    private let prefix: String
    private let lock = NSLock()
    private var after: Revision
    private var examined: Revision
    private var sequence: Int
    private var closed = false
    /// When this watcher last returned events (monotonic nanoseconds); read and written only by `next`.
    private var lastDelivery: UInt64 = 0

    init(history: EventHistory, prefix: String, after: Revision, sequence: Int) {
        self.history = history
        self.prefix = prefix
        self.after = after
        self.examined = after
        self.sequence = sequence
        history.watcherOpened()
    }

    deinit {
        if !closed { history.watcherClosed() }
    }

    func next(timeout: Double) -> [StoreEvent]? {
        let sinceDelivery = Double(DispatchTime.now().uptimeNanoseconds &- lastDelivery) / 1e9
        if sinceDelivery < Self.batchInterval, history.openWatchers > Self.batchingWatchers {
            Thread.sleep(forTimeInterval: min(Self.batchInterval - sinceDelivery, max(timeout, 0)))
        }
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
        if !events.isEmpty { lastDelivery = DispatchTime.now().uptimeNanoseconds }
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
        let wasClosed = closed
        closed = true
        lock.unlock()
        if !wasClosed { history.watcherClosed() }
        history.wakeAll()
    }
}
