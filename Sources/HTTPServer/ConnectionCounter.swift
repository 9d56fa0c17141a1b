import CMicroHTTPD

/// Counts the daemon's open connections (through libmicrohttpd's connection notifications) and marks each
/// connection that opened while `limit` were already open. A marked connection's requests are answered 429,
/// and its mark goes when it closes; connections opened within the limit are served as usual.
final class ConnectionCounter: @unchecked Sendable {
    private let limit: Int
    private let lock = Lock()
    private var open = 0
    private var overLimit: Set<OpaquePointer> = []

    init(limit: Int) {
        self.limit = limit
    }

    var openConnections: Int { lock.withLock { open } }

    func opened(_ connection: OpaquePointer) {
        lock.withLock {
            open += 1
            if open > limit { overLimit.insert(connection) }
        }
    }

    func closed(_ connection: OpaquePointer) {
        lock.withLock {
            open -= 1
            overLimit.remove(connection)
        }
    }

    /// Whether `connection` opened beyond the limit.
    func isOverLimit(_ connection: OpaquePointer) -> Bool {
        lock.withLock { !overLimit.isEmpty && overLimit.contains(connection) }
    }
}
