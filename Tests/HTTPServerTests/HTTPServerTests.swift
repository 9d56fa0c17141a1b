import Foundation
import Testing
@testable import HTTPServer

/// Requests and plain responses over a live server on a free loopback port.
@Suite struct HTTPServerTests {
    @Test func startsOnAFreePortAndStartsOnlyOnce() throws {
        let server = try startServer { _ in .text(200, "ok") }
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
    }

    @Test func rejectsAHostThatIsNotIPv4() {
        let server = HTTPServer(host: "localhost", port: 0, responder: ClosureResponder { _ in .text(200, "") })
        #expect(throws: HTTPServerError.invalidHost("localhost")) { try server.start() }
    }

    @Test func decodesMethodPathQueryHeadersAndPeer() throws {
        let seen = Recorder<HTTPRequest>()
        let server = try startServer { request in
            seen.value = request
            return .text(200, "ok")
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("GET", "/api/v1/namespaces/a%20b/pods?watch&labelSelector=app%3Dweb&limit=5",
                                          headers: [("X-Trace", "one"), ("x-trace", "two"), ("Accept", "application/json")])
        #expect(response.head.status == 200)
        let request = try #require(seen.value)
        #expect(request.method == "GET")
        #expect(request.path == "/api/v1/namespaces/a b/pods")
        #expect(request.query.map { "\($0.name)=\($0.value)" } == ["watch=", "labelSelector=app=web", "limit=5"])
        #expect(request.header("X-Trace") == "one, two")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.body.isEmpty)
        #expect(request.remoteAddress.hasPrefix("127.0.0.1:"))
    }

    @Test func echoesAPostedBodyWithStatusAndHeaders() throws {
        let server = try startServer { request in
            .json(201, request.body, headers: [("X-Method", request.method)])
        }
        defer { server.stop() }
        let body = Array(#"{"kind":"Pod","metadata":{"name":"web-0"}}"#.utf8) + [UInt8](repeating: 0x20, count: 100_000)
        let response = try RawHTTPClient(port: server.port).request("POST", "/api/v1/pods", body: body)
        #expect(response.head.status == 201)
        #expect(response.head.headers["content-type"] == "application/json")
        #expect(response.head.headers["x-method"] == "POST")
        #expect(response.body == body)
    }

    @Test func keepsTheConnectionAliveBetweenRequests() throws {
        let server = try startServer { request in .text(200, request.path) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let first = try client.request("GET", "/first")
        let second = try client.request("POST", "/second", body: Array("x".utf8))
        #expect(first.text == "/first")
        #expect(second.text == "/second")
        #expect(first.head.headers["connection"] == nil)
        #expect(second.head.headers["connection"] == nil)
    }

    @Test func answersAnOversizedBodyWithTheConfiguredResponseAndKeepsServing() throws {
        let reached = Recorder<Bool>()
        let server = try startServer(configuration: .init(maxBodyBytes: 1024)) { request in
            reached.value = true
            return .text(200, "\(request.body.count)")
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let tooLarge = try client.request("PUT", "/api/v1/configmaps/big", body: [UInt8](repeating: 65, count: 5000))
        #expect(tooLarge.head.status == 413)
        #expect(tooLarge.text.contains(#""reason":"RequestEntityTooLarge""#))
        #expect(tooLarge.text.contains("limit is 1024"))
        #expect(reached.value == nil)
        let fits = try client.request("PUT", "/api/v1/configmaps/small", body: [UInt8](repeating: 65, count: 1024))
        #expect(fits.head.status == 200)
        #expect(fits.text == "1024")
    }

    @Test func answersAnOversizedChunkedUploadToo() throws {
        let server = try startServer(configuration: .init(maxBodyBytes: 10)) { _ in .text(200, "ok") }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n")
        #expect(try client.readResponse().head.status == 413)
        #expect(try client.request("GET", "/").text == "ok")
    }

    @Test func defaultTooLargeResponseIsAKubernetesStatus() {
        let response = HTTPServer.Configuration().bodyTooLargeResponse
        #expect(response.status == 413)
        #expect(response.headers.first { $0.name == "Content-Type" }?.value == "application/json")
        let expected = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
            + #""message":"Request entity too large: limit is 3145728","reason":"RequestEntityTooLarge","code":413}"#
        #expect(response.bodyBytes == Array(expected.utf8))
    }
}
