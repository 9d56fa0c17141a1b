// Serves one fixed JSON body for every request through HTTPServer: the baseline that Ordinal's own
// request handling is benchmarked against.
//
//   ordinal-bare-responder [--host 127.0.0.1] [--port 8080] [--body-bytes 1024]
#if canImport(Glibc)
import Glibc
#endif
import HTTPServer

struct FixedResponder: HTTPResponder {
    let response: HTTPResponse

    /// A JSON object padded to exactly `bytes` bytes (at least the bare object's size).
    init(bodyBytes bytes: Int) {
        let prefix = #"{"kind":"Status","apiVersion":"v1","padding":""#
        let suffix = #""}"#
        let padding = String(repeating: "x", count: max(0, bytes - prefix.utf8.count - suffix.utf8.count))
        response = .json(200, Array((prefix + padding + suffix).utf8))
    }

    func respond(to request: HTTPRequest) -> HTTPResponse { response }
}

func flag(_ name: String, default value: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

guard let port = Int(flag("--port", default: "8080")), let bodyBytes = Int(flag("--body-bytes", default: "1024")) else {
    print("usage: ordinal-bare-responder [--host ADDRESS] [--port PORT] [--body-bytes N]")
    exit(2)
}
let server = HTTPServer(host: flag("--host", default: "127.0.0.1"), port: port,
                        responder: FixedResponder(bodyBytes: bodyBytes))
do {
    try server.start()
} catch {
    print("ordinal-bare-responder: \(error)")
    exit(1)
}
print("listening on http://\(server.host):\(server.port)/")
fflush(nil)
while true { pause() }
