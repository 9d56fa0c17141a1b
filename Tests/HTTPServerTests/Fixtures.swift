import Foundation
@testable import HTTPServer

/// A responder made of a closure.
struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
    }

    func respond(to request: HTTPRequest) -> HTTPResponse { handler(request) }
}

/// A stream the test feeds by hand. `next` blocks until a chunk is pushed, the stream is finished or closed,
/// or (if `wakeUpInterval` is set) the interval passes, when it returns [] as a watch's idle wake-up does.
final class FakeBodyStream: HTTPBodyStream, @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var finished = false
    private var closed = false
    private var closes = 0
    private let wakeUpInterval: TimeInterval?

    init(wakeUpInterval: TimeInterval? = nil) {
        self.wakeUpInterval = wakeUpInterval
    }

    var closeCount: Int { condition.withLock { closes } }

    func push(_ text: String) { push(Array(text.utf8)) }

    func push(_ bytes: [UInt8]) {
        condition.withLock { chunks.append(bytes); condition.broadcast() }
    }

    func finish() {
        condition.withLock { finished = true; condition.broadcast() }
    }

    func next() -> [UInt8]? {
        condition.withLock {
            while chunks.isEmpty && !finished && !closed {
                if let wakeUpInterval {
                    if !condition.wait(until: Date(timeIntervalSinceNow: wakeUpInterval)) { return [] }
                } else {
                    condition.wait()
                }
            }
            return closed || chunks.isEmpty ? nil : chunks.removeFirst()
        }
    }

    func close() {
        condition.withLock { closed = true; closes += 1; condition.broadcast() }
    }
}

/// Holds the last value a server thread handed over.
final class Recorder<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: TimeInterval = 3, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

/// Starts a server on a free port with `responder`.
func startServer(configuration: HTTPServer.Configuration = .init(),
                 _ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws -> HTTPServer {
    let server = HTTPServer(port: 0, responder: ClosureResponder(handler), configuration: configuration)
    try server.start()
    return server
}
