import Foundation
import HTTPServer
import Testing

@Suite struct HTTPServerLimitTests {
    @Test func aConnectionOverTheLimitIsTold429AndTheOthersAreServed() throws {
        let server = try startServer(configuration: .init(connectionLimit: 2)) { _ in .text(200, "ok") }
        defer { server.stop() }
        let first = try RawHTTPClient(port: server.port)
        let second = try RawHTTPClient(port: server.port)
        #expect(eventually { server.openConnections == 2 })
        let third = try RawHTTPClient(port: server.port)
        let refused = try third.request("GET", "/")
        #expect(refused.head.status == 429)
        #expect(refused.head.headers["retry-after"] == "1")
        #expect(refused.text.contains(#""reason":"TooManyRequests""#))
        #expect(try first.request("GET", "/").text == "ok")
        #expect(try second.request("GET", "/").text == "ok")
        first.close()
        #expect(eventually { server.openConnections == 1 })
        let later = try RawHTTPClient(port: server.port)
        #expect(try later.request("GET", "/").text == "ok")
    }

    @Test func anOversizedHeadIsAnswered431() throws {
        let server = try startServer(configuration: .init(maxHeaderBytes: 8192)) { _ in .text(200, "ok") }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("GET", "/", headers: [("X-Padding", String(repeating: "a", count: 16_384))])
        #expect(response.head.status == 431)
        #expect(try RawHTTPClient(port: server.port).request("GET", "/").text == "ok")
    }
}
