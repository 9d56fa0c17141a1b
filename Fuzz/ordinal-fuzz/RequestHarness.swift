import APIMachinery
import APIServer
import HTTPServer
import Logging
import Store

/// A whole request through the API server on a memory store, as libmicrohttpd would hand it over.
///
/// Input: `METHOD /raw/path?raw=query` on the first line, the Content-Type on the second, the body after.
/// The URL is split and percent-decoded the way libmicrohttpd does before Ordinal sees it (path before `?`,
/// arguments at `&`, name and value at the first `=`, `%XX` decoded, a NUL ends a value); everything after
/// that is Ordinal's: routing, query options, selectors, body decoding, patches, validation and the store.
/// Every answer must have a valid status, and an error must carry a Status object with that code.
enum RequestHarness {
    static let server: APIServer = {
        let logger = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = APIServer(store: LogStore.memory(historyCapacity: 1_000), logger: logger)
        try! NamespaceLifecycle(server: server, logger: logger).bootstrap()
        return server
    }()

    static func run(_ bytes: [UInt8]) {
        let (requestLine, rest) = bytes.split(at: UInt8(ascii: "\n"))
        let (contentType, body) = rest.split(at: UInt8(ascii: "\n"))
        let (method, url) = requestLine.split(at: UInt8(ascii: " "))
        let (path, query) = url.split(at: UInt8(ascii: "?"))
        var headers: [String: String] = [:]
        if !contentType.isEmpty { headers["content-type"] = cString(contentType) }
        let request = HTTPRequest(method: cString(method), path: cString(percentDecoded(path)),
                                  query: arguments(query), headers: headers, body: body)
        let response = server.respond(to: request)
        require((200...599).contains(response.status), "status \(response.status)")
        if case .stream(let stream) = response.body { stream.close() }
        guard response.status >= 400, let body = response.bodyBytes else { return }
        let status = try? JSON.parse(body)
        require(status?["kind"].stringValue == "Status" && status?["code"].intValue == Int64(response.status),
                "a \(response.status) without a matching Status: \(String(decoding: body, as: UTF8.self))")
    }

    static func arguments(_ query: [UInt8]) -> [(name: String, value: String)] {
        guard !query.isEmpty else { return [] }
        return query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false).map { argument in
            let (name, value) = Array(argument).split(at: UInt8(ascii: "="))
            return (cString(percentDecoded(name)), cString(percentDecoded(value)))
        }
    }

    /// `%XX` decoded; a `%` without two hex digits stays as it is.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A C string as libmicrohttpd hands it over: up to the first NUL, invalid UTF-8 repaired.
    static func cString(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.split(at: 0).head, as: UTF8.self)
    }
}
