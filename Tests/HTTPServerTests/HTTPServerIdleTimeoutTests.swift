import Foundation
import Testing
@testable import HTTPServer

/// The idle timeout, which takes a second or two of real time to observe.
@Suite struct HTTPServerIdleTimeoutTests {
    @Test func closesAConnectionThatStallsMidRequest() throws {
        let server = try startServer(configuration: .init(idleTimeoutSeconds: 1)) { _ in .text(200, "ok") }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
        let error = #expect(throws: RawHTTPClient.Failure.self) { try client.readHead() }
        #expect(error?.description == "connection closed")
    }

    @Test func appliesAgainAfterAStreamOnTheSameConnection() throws {
        let stream = FakeBodyStream()
        let server = try startServer(configuration: .init(idleTimeoutSeconds: 1)) { request in
            request.path == "/watch" ? HTTPResponse(status: 200, body: .stream(stream)) : .text(200, "ok")
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /watch HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.readHead()
        usleep(1_500_000) // a quiet watch outlives the idle timeout
        stream.push("late")
        stream.finish()
        #expect(try client.readChunk() == Array("late".utf8))
        #expect(try client.readChunk() == nil)
        #expect(try client.request("GET", "/").text == "ok")
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
        let error = #expect(throws: RawHTTPClient.Failure.self) { try client.readHead() }
        #expect(error?.description == "connection closed")
    }
}
