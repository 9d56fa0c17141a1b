import Foundation
import Testing
@testable import HTTPServer

/// Streamed (chunked) responses, as watches use them.
@Suite struct HTTPServerStreamingTests {
    @Test func deliversEachChunkBeforeTheStreamEndsThenTheZeroChunk() throws {
        let stream = FakeBodyStream()
        let server = try startServer { _ in HTTPResponse(status: 200, body: .stream(stream)) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /api/v1/pods?watch=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        stream.push(#"{"type":"ADDED"}"# + "\n")
        let head = try client.readHead()
        #expect(head.status == 200)
        #expect(head.headers["transfer-encoding"] == "chunked")
        #expect(try client.readChunk().map { String(decoding: $0, as: UTF8.self) } == #"{"type":"ADDED"}"# + "\n")
        stream.push(#"{"type":"DELETED"}"# + "\n")
        #expect(try client.readChunk().map { String(decoding: $0, as: UTF8.self) } == #"{"type":"DELETED"}"# + "\n")
        stream.finish()
        #expect(try client.readChunk() == nil)
        #expect(eventually { stream.closeCount == 1 })
        #expect(try client.request("GET", "/again").head.status == 200)
    }

    @Test func sendsAChunkLargerThanTheBufferWhole() throws {
        let stream = FakeBodyStream()
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        stream.push(large)
        stream.push("tail")
        stream.finish()
        let server = try startServer { _ in HTTPResponse(status: 200, body: .stream(stream)) }
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request("GET", "/")
        #expect(response.body == large + Array("tail".utf8))
    }

    @Test func sendsPiecesInOrderAcrossBufferBoundaries() throws {
        // Pieces of every size, some empty, some larger than libmicrohttpd's buffer, in batches of several.
        let pieces = (0..<400).map { index in
            (0..<(index % 7 == 0 ? 0 : index * 97 % 5_000 + (index % 50 == 1 ? 70_000 : 0))).map { UInt8(truncatingIfNeeded: $0 &+ index) }
        }
        let stream = PiecesBodyStream(batches: stride(from: 0, to: pieces.count, by: 9).map { Array(pieces[$0..<min($0 + 9, pieces.count)]) })
        let server = try startServer { _ in HTTPResponse(status: 200, body: .stream(stream)) }
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request("GET", "/")
        #expect(response.body == Array(pieces.joined()))
    }

    @Test func closesTheStreamWhenTheClientGoesAway() throws {
        let stream = FakeBodyStream(wakeUpInterval: 0.02)
        let server = try startServer { _ in HTTPResponse(status: 200, body: .stream(stream)) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /watch HTTP/1.1\r\nHost: x\r\n\r\n")
        stream.push("first")
        _ = try client.readHead()
        #expect(try client.readChunk() == Array("first".utf8))
        client.close()
        #expect(eventually { stream.closeCount == 1 })
    }

    @Test func stopReturnsPromptlyWhileAStreamIsBlocked() throws {
        let stream = FakeBodyStream()
        let server = try startServer { _ in HTTPResponse(status: 200, body: .stream(stream)) }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /watch HTTP/1.1\r\nHost: x\r\n\r\n")
        stream.push("first")
        _ = try client.readHead()
        #expect(try client.readChunk() == Array("first".utf8))

        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        #expect(stopped.wait(timeout: .now() + 3) == .success)
        #expect(stream.closeCount == 1)
        server.stop()
    }
}

/// A stream that hands out prepared batches of pieces through `nextPieces`, then ends.
private final class PiecesBodyStream: HTTPBodyStream, @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[[UInt8]]]

    init(batches: [[[UInt8]]]) { self.batches = batches }

    func nextPieces() -> [[UInt8]]? {
        lock.withLock { batches.isEmpty ? nil : batches.removeFirst() }
    }

    func next() -> [UInt8]? { nextPieces().map { Array($0.joined()) } }

    func close() {}
}
