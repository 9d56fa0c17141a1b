extension HTTPServer {
    /// Limits and tuning of the libmicrohttpd daemon behind an `HTTPServer`.
    public struct Configuration: Sendable {
        /// The largest request body buffered. A larger body is read and discarded (so the connection stays
        /// usable) and answered with `bodyTooLargeResponse` instead of reaching the responder.
        public var maxBodyBytes: Int
        /// What a request whose body exceeds `maxBodyBytes` gets.
        public var bodyTooLargeResponse: HTTPResponse
        /// Open connections beyond this are refused at accept time.
        public var connectionLimit: Int
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
                    threadStackSize: Int = 1024 * 1024) {
            self.maxBodyBytes = maxBodyBytes
            self.bodyTooLargeResponse = bodyTooLargeResponse ?? Self.requestEntityTooLarge(limit: maxBodyBytes)
            self.connectionLimit = connectionLimit
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.threadStackSize = threadStackSize
        }

        /// A 413 carrying a Kubernetes `Status`, as the API server answers an oversized body.
        public static func requestEntityTooLarge(limit: Int) -> HTTPResponse {
            let status = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
                + #""message":"Request entity too large: limit is \#(limit)","reason":"RequestEntityTooLarge","code":413}"#
            return .json(413, Array(status.utf8))
        }
    }
}
