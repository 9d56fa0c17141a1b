import NIOCore
import NIOHTTP1
import NIOPosix

/// A status code and body of one finished response.
struct Response {
    let status: Int
    let body: ByteBuffer
}

/// One keep-alive HTTP/1.1 connection that sends a request and waits for its response, one at a time.
///
/// Cheap enough that a few cores can drive tens of thousands of requests a second: no header parsing beyond
/// NIO's decoder, no JSON decoding of bodies.
final class HTTPConnection: @unchecked Sendable {
    private let channel: Channel
    private let collector: ResponseCollector
    let host: String

    private init(channel: Channel, collector: ResponseCollector, host: String) {
        self.channel = channel
        self.collector = collector
        self.host = host
    }

    static func connect(to target: Target, on group: EventLoopGroup) async throws -> HTTPConnection {
        let collector = ResponseCollector()
        let channel = try await ClientBootstrap(group: group)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap { channel.pipeline.addHandler(collector) }
            }
            .connect(host: target.host, port: target.port).get()
        return HTTPConnection(channel: channel, collector: collector, host: "\(target.host):\(target.port)")
    }

    /// Sends `method path` with a JSON `body` (if any) and returns the response once it has fully arrived.
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil,
              contentType: String = "application/json") async throws -> Response {
        let promise = channel.eventLoop.makePromise(of: Response.self)
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: host)
        if let body {
            head.headers.add(name: "Content-Type", value: contentType)
            head.headers.add(name: "Content-Length", value: String(body.count))
        }
        let channel = self.channel
        let collector = self.collector
        channel.eventLoop.execute {
            collector.expect(promise)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let body {
                channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))), promise: nil)
            }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
        return try await promise.futureResult.get()
    }

    func close() async {
        try? await channel.close()
    }
}

/// Collects the parts of each response and completes the promise of the request it answers.
private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    private var waiting: [EventLoopPromise<Response>] = []
    private var status = 0
    private var body: ByteBuffer?

    func expect(_ promise: EventLoopPromise<Response>) {
        waiting.append(promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            body = nil
        case .body(var part):
            if body == nil { body = part } else { body!.writeBuffer(&part) }
        case .end:
            guard !waiting.isEmpty else { return }
            waiting.removeFirst().succeed(Response(status: status, body: body ?? ByteBuffer()))
            body = nil
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        failAll(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(LoadError.connectionClosed)
    }

    private func failAll(_ error: Error) {
        let promises = waiting
        waiting = []
        for promise in promises { promise.fail(error) }
    }
}

enum LoadError: Error, CustomStringConvertible {
    case connectionClosed
    case badURL(String)
    case unexpectedStatus(Int, String)

    var description: String {
        switch self {
        case .connectionClosed: "the server closed the connection"
        case .badURL(let url): "not an http://host:port URL: \(url)"
        case .unexpectedStatus(let status, let body): "HTTP \(status): \(body)"
        }
    }
}

/// Where the server listens, from an `http://host:port` URL.
struct Target {
    let host: String
    let port: Int

    init(url: String) throws {
        guard url.hasPrefix("http://") else { throw LoadError.badURL(url) }
        let rest = url.dropFirst("http://".count).split(separator: "/").first.map(String.init) ?? ""
        let parts = rest.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw LoadError.badURL(url) }
        host = String(parts[0])
        self.port = port
    }
}
