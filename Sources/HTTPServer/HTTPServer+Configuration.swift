extension HTTPServer {
    /// Limits and tuning of the libmicrohttpd daemon behind an `HTTPServer`.
    public struct Configuration: Sendable {
        /// The largest request body buffered. A larger body is read and discarded (so the connection stays
        /// usable) and answered with `bodyTooLargeResponse` instead of reaching the responder.
        public var maxBodyBytes: Int
        /// What a request whose body exceeds `maxBodyBytes` gets.
        public var bodyTooLargeResponse: HTTPResponse
        /// Open connections up to this many are served. A connection opened beyond it gets one 429
        /// `tooManyConnectionsResponse` (with `Retry-After: 1`) and is closed; `connectionOverflow` more
        /// than that are refused at accept time, so the threads of a flood stay bounded.
        public var connectionLimit: Int
        /// What a request on a connection over `connectionLimit` gets.
        public var tooManyConnectionsResponse: HTTPResponse
        /// The request line and headers of one request may take this many bytes; a longer head is answered
        /// 431 by libmicrohttpd (its per-connection memory pool is sized from this).
        public var maxHeaderBytes: Int
        /// A connection that neither sends nor receives for this long is closed, so a slow or silent client
        /// cannot hold a connection (and its thread) forever. Streamed responses are exempt: a watch may be
        /// quiet for minutes, and its end is up to the stream.
        public var idleTimeoutSeconds: Int
        /// The stack of each connection thread. The responder runs on it, so it must fit the deepest JSON
        /// the layers above decode recursively; it is virtual memory until touched.
        public var threadStackSize: Int
        /// When set, the server speaks HTTPS only, with this certificate and key.
        public var tls: TLSCredentials? = nil

        public init(maxBodyBytes: Int = 3 * 1024 * 1024,
                    bodyTooLargeResponse: HTTPResponse? = nil,
                    connectionLimit: Int = 4096,
                    idleTimeoutSeconds: Int = 60,
                    threadStackSize: Int = 1024 * 1024,
                    maxHeaderBytes: Int = 64 * 1024,
                    tooManyConnectionsResponse: HTTPResponse? = nil) {
            self.maxBodyBytes = maxBodyBytes
            self.bodyTooLargeResponse = bodyTooLargeResponse ?? Self.requestEntityTooLarge(limit: maxBodyBytes)
            self.connectionLimit = connectionLimit
            self.tooManyConnectionsResponse = tooManyConnectionsResponse ?? Self.tooManyConnections(limit: connectionLimit)
            self.maxHeaderBytes = maxHeaderBytes
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.threadStackSize = threadStackSize
        }

        /// A 413 carrying a Kubernetes `Status`, as the API server answers an oversized body.
        public static func requestEntityTooLarge(limit: Int) -> HTTPResponse {
            let status = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
                + #""message":"Request entity too large: limit is \#(limit)","reason":"RequestEntityTooLarge","code":413}"#
            return .json(413, Array(status.utf8))
        }

        /// A 429 carrying a Kubernetes `Status`, with `Retry-After: 1`; the connection is closed after it.
        public static func tooManyConnections(limit: Int) -> HTTPResponse {
            let status = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
                + #""message":"too many open connections (limit \#(limit)); retry shortly","reason":"TooManyRequests","#
                + #""details":{"retryAfterSeconds":1},"code":429}"#
            return .json(429, Array(status.utf8), headers: [("Retry-After", "1"), ("Connection", "close")])
        }

        /// Connections accepted beyond `connectionLimit` only to be told 429; past these, accept refuses.
        var connectionOverflow: Int { max(16, connectionLimit / 8) }

        /// libmicrohttpd's per-connection memory pool: it holds the request head, so its size is the limit on
        /// the head, with a little room for the buffers that share it.
        var connectionMemoryLimit: Int { maxHeaderBytes + 4 * 1024 }
    }
}
