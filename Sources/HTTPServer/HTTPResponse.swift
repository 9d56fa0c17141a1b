/// A response: status, headers, and either bytes or a stream that is sent chunked (watches).
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        case stream(any HTTPBodyStream)
    }

    public var status: Int
    /// Header names as they go on the wire; order kept.
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ status: Int, _ bytes: [UInt8], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: .bytes(bytes))
    }

    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }

    public var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }
}

/// The source of a streamed (chunked) response body, pulled by the connection's own thread.
///
/// `next` may block until data is ready. It returns the next bytes to send, an empty array to be called
/// again (after a wake-up with nothing to send), or nil at the end of the stream. `close` is called once when
/// the connection ends for any reason, possibly from another thread, and must make a blocked `next` return.
public protocol HTTPBodyStream: AnyObject, Sendable {
    func next() -> [UInt8]?
    /// `next` as pieces sent one after another (empty for "call again", nil at the end). A stream that sends
    /// the same bytes on many connections (a watch event) returns shared buffers here instead of joining
    /// them into a fresh one per connection. By default, `next` as a single piece.
    func nextPieces() -> [[UInt8]]?
    func close()
}

extension HTTPBodyStream {
    public func nextPieces() -> [[UInt8]]? { next().map { $0.isEmpty ? [] : [$0] } }
}

/// Turns requests into responses. Called on the connection's own thread: it may block (waiting for a
/// durable write, say) without holding up other connections.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}
