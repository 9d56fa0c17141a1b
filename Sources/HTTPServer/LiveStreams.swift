/// The streamed responses in flight, so that stopping the server can close them: a stream blocked in `next`
/// holds its connection thread, and libmicrohttpd joins those threads when it stops.
final class LiveStreams: @unchecked Sendable {
    private let lock = Lock()
    private var bodies: [ObjectIdentifier: StreamingBody] = [:]
    private var stopped = false

    /// Tracks `body` until it is removed. Once the server is stopping, closes it at once instead.
    func insert(_ body: StreamingBody) {
        let accepted = lock.withLock {
            if !stopped { bodies[ObjectIdentifier(body)] = body }
            return !stopped
        }
        if !accepted { body.close() }
    }

    func remove(_ body: StreamingBody) {
        _ = lock.withLock { bodies.removeValue(forKey: ObjectIdentifier(body)) }
    }

    /// Closes every live stream and any that start afterwards.
    func closeAll() {
        let live = lock.withLock {
            stopped = true
            defer { bodies = [:] }
            return Array(bodies.values)
        }
        live.forEach { $0.close() }
    }
}
