import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// A certificate chain and its private key, both PEM, for serving HTTPS.
    public struct TLSCredentials: Sendable {
        public var certificatePEM: String
        public var privateKeyPEM: String

        public init(certificatePEM: String, privateKeyPEM: String) {
            self.certificatePEM = certificatePEM
            self.privateKeyPEM = privateKeyPEM
        }
    }

    /// Whether this libmicrohttpd was built with TLS (GnuTLS); Debian's is.
    public static var supportsTLS: Bool { cmicrohttpd_supports_tls() != 0 }
}

/// C copies of the PEM texts, alive as long as the daemon that was given them.
final class TLSMemory {
    let certificate: UnsafeMutablePointer<CChar>
    let privateKey: UnsafeMutablePointer<CChar>

    init(_ credentials: HTTPServer.TLSCredentials) {
        certificate = strdup(credentials.certificatePEM)
        privateKey = strdup(credentials.privateKeyPEM)
    }

    deinit {
        free(certificate)
        // Scrub the key before releasing its memory.
        memset(privateKey, 0, strlen(privateKey))
        free(privateKey)
    }

    /// The daemon options that make it serve HTTPS with these credentials.
    var options: [MHD_OptionItem] {
        [MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: UnsafeMutableRawPointer(certificate)),
         MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: UnsafeMutableRawPointer(privateKey))]
    }
}
