import APIMachinery
import Foundation
import HTTPServer
import Store

/// One watch response: synthetic ADDED events for the starting state (if any), then live events from the
/// store, filtered by the request's selectors, until the timeout, the client leaves, or the store cuts the
/// watcher off for falling behind (the client then re-lists or resumes, as with a real API server).
final class WatchStream: HTTPBodyStream, @unchecked Sendable {
    struct Plan {
        var initial: [StoredObject] = []
        /// Send a BOOKMARK marking the end of the initial events (sendInitialEvents=true).
        var initialEventsEndRevision: Revision?
        var bookmarks = false
        var deadline: Date
        /// A watch that can only report an error (410 Expired) and end.
        var failure: StatusError?
    }

    static let bookmarkInterval: Double = 60
    static let initialBatch = 500

    private let watch: (any StoreWatch)?
    private let filter: ObjectFilter
    private let encoder: WatchEventEncoder
    private let decode: (StoredObject) throws -> JSON
    private var plan: Plan
    private var lastBookmark = Date()
    private let lock = NSLock()
    private var closed = false
    /// The watch slot this stream holds, given back when it closes.
    var slot: WatchSlot?

    init(watch: (any StoreWatch)?, filter: ObjectFilter, encoder: WatchEventEncoder, plan: Plan,
         decode: @escaping (StoredObject) throws -> JSON) {
        self.watch = watch
        self.filter = filter
        self.encoder = encoder
        self.plan = plan
        self.decode = decode
    }

    private var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    func next() -> [UInt8]? {
        nextPieces().map { Array($0.joined()) }
    }

    func nextPieces() -> [[UInt8]]? {
        if let failure = plan.failure {
            plan.failure = nil
            watch?.close()
            return [encoder.error(failure)]
        }
        guard let watch else { return nil }
        if !plan.initial.isEmpty {
            let batch = plan.initial.prefix(Self.initialBatch)
            plan.initial.removeFirst(batch.count)
            var out: [[UInt8]] = []
            for object in batch { encoder.append("ADDED", object: object.value, to: &out) }
            return out
        }
        if let revision = plan.initialEventsEndRevision {
            plan.initialEventsEndRevision = nil
            lastBookmark = Date()
            return [encoder.bookmark(revision: revision, initialEventsEnd: true)]
        }
        // Wait at most a second, then return (possibly nothing) so the connection can check that the
        // client is still there.
        if isClosed { return nil }
        let remaining = plan.deadline.timeIntervalSinceNow
        if remaining <= 0 { return nil }
        guard let events = watch.next(timeout: min(remaining, 1)) else { return nil }
        let out = encode(events)
        if out.isEmpty, plan.bookmarks, Date().timeIntervalSince(lastBookmark) >= Self.bookmarkInterval {
            lastBookmark = Date()
            return [encoder.bookmark(revision: watch.progressRevision)]
        }
        return out
    }

    /// The lines for `events` as this watcher sees them: an object entering the selection is ADDED,
    /// one leaving it is DELETED (with its previous state). The pieces share the events' stored bytes.
    private func encode(_ events: [StoreEvent]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        out.reserveCapacity(events.count * 3)
        for event in events {
            if filter.isEverything {
                let type = event.kind == .created ? "ADDED" : event.kind == .updated ? "MODIFIED" : "DELETED"
                encoder.append(type, object: event.object.value, to: &out)
                continue
            }
            let now = event.kind != .deleted && matches(event.object)
            let before = event.kind == .deleted ? matches(event.object) : event.previous.map(matches) ?? false
            switch (before, now) {
            case (false, true): encoder.append("ADDED", object: event.object.value, to: &out)
            case (true, true): encoder.append("MODIFIED", object: event.object.value, to: &out)
            case (true, false):
                if event.kind == .deleted {
                    encoder.append("DELETED", object: event.object.value, to: &out)
                } else if let previous = event.previous, let object = try? decode(previous) {
                    encoder.append("DELETED", object: ResourceRegistry.encode(object, revision: event.revision), to: &out)
                }
            case (false, false): break
            }
        }
        return out
    }

    private func matches(_ object: StoredObject) -> Bool {
        guard let decoded = try? decode(object) else { return false }
        return filter.matches(decoded)
    }

    func close() {
        lock.lock()
        closed = true
        let slot = self.slot
        lock.unlock()
        watch?.close()
        slot?.release()
    }
}
