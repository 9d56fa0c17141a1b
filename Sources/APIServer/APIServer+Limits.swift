import APIMachinery
import Foundation

extension APIServer {
    /// Bounds on what one client can ask of the server, so a busy or careless client gets a Status error
    /// instead of exhausting it for everyone.
    public struct Limits: Sendable {
        /// Watches open at once across all clients. One more is answered 429 TooManyRequests with
        /// `Retry-After`, until a watch ends.
        public var maxWatches: Int
        /// The largest page a list returns: a `limit=` above it is lowered to it, and the client gets a
        /// `continue` token for the rest, as Kubernetes allows a server to do. Lists without `limit=` are
        /// not paged (kubectl and informers expect the whole collection).
        public var maxListLimit: Int

        public init(maxWatches: Int = 2048, maxListLimit: Int = 10_000) {
            self.maxWatches = maxWatches
            self.maxListLimit = maxListLimit
        }

        /// A requested page size as served.
        func pageSize(_ requested: Int?) -> Int? {
            requested.map { min($0, maxListLimit) }
        }
    }
}

/// The count of open watches against `Limits.maxWatches`. A slot is taken when a watch starts and given back
/// exactly once when its stream closes.
final class WatchSlots: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    private var taken = 0

    init(limit: Int) {
        self.limit = limit
    }

    var open: Int { lock.withLock { taken } }

    /// Takes a slot, or throws 429 TooManyRequests when all are taken.
    func acquire() throws -> WatchSlot {
        let granted = lock.withLock {
            guard taken < limit else { return false }
            taken += 1
            return true
        }
        guard granted else {
            throw StatusError(code: 429, reason: "TooManyRequests",
                              message: "too many watches open (limit \(limit)); retry later", details: .init(),
                              retryAfterSeconds: 1)
        }
        return WatchSlot(slots: self)
    }

    fileprivate func release() {
        lock.withLock { taken -= 1 }
    }
}

/// One taken watch slot; `release` gives it back once, however often it is called.
final class WatchSlot: @unchecked Sendable {
    private weak var slots: WatchSlots?
    private let lock = NSLock()
    private var released = false

    fileprivate init(slots: WatchSlots) {
        self.slots = slots
    }

    func release() {
        let first = lock.withLock {
            defer { released = true }
            return !released
        }
        if first { slots?.release() }
    }

    deinit { release() }
}
