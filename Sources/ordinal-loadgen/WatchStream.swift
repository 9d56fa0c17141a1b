import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One watch of pods over its own connection, counting the benchmark's ADDED events: which sequence numbers
/// arrived, how many arrived twice, and how long after their write was sent.
final class WatchStream: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    private let lock = NSLock()
    private let expected: Int
    private var seen: [Bool]
    private var pending: [UInt8] = []
    private(set) var status = 0
    private(set) var distinct = 0
    private(set) var duplicates = 0
    private(set) var ended = false
    private(set) var latencies: [UInt32] = []
    private let established: EventLoopPromise<Int>
    private var answered = false

    private static let added = Array(#""type":"ADDED""#.utf8)

    init(expected: Int, established: EventLoopPromise<Int>) {
        self.expected = expected
        seen = Array(repeating: false, count: expected)
        self.established = established
        latencies.reserveCapacity(expected)
    }

    /// Opens a watch of `path` (with `watch=true` in it) and returns once the server answered its head.
    static func open(_ path: String, target: Target, expected: Int, on group: EventLoopGroup) async throws -> (WatchStream, Channel) {
        let loop = group.next()
        let stream = WatchStream(expected: expected, established: loop.makePromise())
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap { channel.pipeline.addHandler(stream) }
            }
            .connect(host: target.host, port: target.port).get()
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: "\(target.host):\(target.port)")
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil)).get()
        let status = try await stream.established.futureResult.get()
        guard status == 200 else { throw LoadError.unexpectedStatus(status, "watch \(path)") }
        return (stream, channel)
    }

    /// Distinct benchmark events seen so far.
    var seenCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return distinct
    }

    func snapshot() -> (distinct: Int, duplicates: Int, ended: Bool, latencies: [UInt32]) {
        lock.lock()
        defer { lock.unlock() }
        return (distinct, duplicates, ended, latencies)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            answered = true
            established.succeed(status)
        case .body(let buffer):
            let arrived = nowNanoseconds()
            buffer.withUnsafeReadableBytes { scan($0, arrived: arrived) }
        case .end:
            markEnded()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        markEnded()
        if !answered {
            answered = true
            established.fail(LoadError.connectionClosed)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func markEnded() {
        lock.lock()
        ended = true
        lock.unlock()
    }

    /// Handles the complete lines in `bytes` where they lie, keeping only an unfinished last line (copied into
    /// `pending` and completed by the next buffer): a watcher receives every event, so it must not copy or walk
    /// each byte of them more than the search for newlines and markers needs.
    private func scan(_ bytes: UnsafeRawBufferPointer, arrived: UInt64) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            let newline = base.distance(to: UnsafeRawPointer(found))
            if pending.isEmpty {
                handle(line: UnsafeRawBufferPointer(rebasing: bytes[start..<newline]), arrived: arrived)
            } else {
                pending.append(contentsOf: bytes[start..<newline])
                pending.withUnsafeBytes { handle(line: $0, arrived: arrived) }
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        pending.append(contentsOf: bytes[start...])
    }

    private func handle(line: UnsafeRawBufferPointer, arrived: UInt64) {
        // Events start `{"type":"ADDED",…`: look for the type near the start only; the markers are in the
        // pod's annotations, early in the object.
        guard !line.isEmpty, search(Self.added, in: UnsafeRawBufferPointer(rebasing: line.prefix(32))) != nil,
              let sequence = number(after: PodBody.sequenceMarker, in: line),
              let sent = number(after: PodBody.sentMarker, in: line) else { return }
        let index = Int(sequence)
        guard index < expected else { return }
        lock.lock()
        defer { lock.unlock() }
        if seen[index] {
            duplicates += 1
            return
        }
        seen[index] = true
        distinct += 1
        latencies.append(UInt32(clamping: arrived >= sent ? (arrived - sent) / 1000 : 0))
    }
}
