/// A request as handlers see it: decoded path and query, lower-cased header names, the whole body.
/// Nothing here knows libmicrohttpd, so handlers are tested without sockets.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query string, percent-decoded.
    public var path: String
    /// Query parameters in arrival order, percent-decoded.
    public var query: [(name: String, value: String)]
    /// Header values by lower-cased name; repeated headers are joined with ", ".
    public var headers: [String: String]
    public var body: [UInt8]
    /// The peer's address, for logs.
    public var remoteAddress: String

    public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:],
                body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
