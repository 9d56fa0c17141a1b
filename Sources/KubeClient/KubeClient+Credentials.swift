import NIOSSL

extension KubeClient {
    /// What a client presents to the API server and whom it trusts: a bearer token sent on every request, and
    /// the certificate authority an `https` server's certificate must chain to (the system's roots when nil).
    public struct Credentials: Sendable {
        public var bearerToken: String?
        var trustRoots: [NIOSSLCertificate]?

        public init() {}

        /// - Parameter certificateAuthorityPEM: one or more PEM certificates; throws when none can be read.
        public init(bearerToken: String?, certificateAuthorityPEM: String? = nil) throws {
            self.bearerToken = bearerToken
            if let certificateAuthorityPEM {
                trustRoots = try NIOSSLCertificate.fromPEMBytes(Array(certificateAuthorityPEM.utf8))
                if trustRoots?.isEmpty == true { throw NIOSSLError.failedToLoadCertificate }
            }
        }

        var tlsConfiguration: TLSConfiguration? {
            guard let trustRoots else { return nil }
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .certificates(trustRoots)
            // On close, do not wait long for the server's close_notify: a server thread blocked in a quiet watch
            // stream only notices the client leaving when the TCP connection closes, so the default 5 s
            // would hold every open watch (and the client's shutdown) for that long.
            configuration.shutdownTimeout = .milliseconds(100)
            return configuration
        }
    }
}
