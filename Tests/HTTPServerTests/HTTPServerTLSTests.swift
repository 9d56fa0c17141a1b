import Testing
@testable import HTTPServer

/// HTTPS start-up; serving over TLS is tested end to end in Tests/integration/test_auth.py with a real CA.
@Suite struct HTTPServerTLSTests {
    @Test func libmicrohttpdHasTLS() {
        #expect(HTTPServer.supportsTLS)
    }

    @Test func refusesCredentialsThatAreNotPEM() {
        var configuration = HTTPServer.Configuration()
        configuration.tls = .init(certificatePEM: "not a certificate", privateKeyPEM: "not a key")
        let server = HTTPServer(port: 0, responder: ClosureResponder { _ in .text(200, "") }, configuration: configuration)
        #expect(throws: HTTPServerError.tlsDaemonFailedToStart(host: "127.0.0.1", port: 0)) { try server.start() }
    }
}
