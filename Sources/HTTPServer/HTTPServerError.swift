/// Why an `HTTPServer` could not start.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// `host` is not an IPv4 address in dotted-decimal form.
    case invalidHost(String)
    /// `start()` was called on a server that is running or has been stopped.
    case alreadyStarted
    /// libmicrohttpd refused to start, most often because the address is in use.
    case daemonFailedToStart(host: String, port: Int)
    /// TLS was asked for but libmicrohttpd was built without it.
    case tlsUnsupported
    /// An HTTPS daemon did not start: the address is taken, or GnuTLS refused the certificate or key
    /// (libmicrohttpd logs which to standard error).
    case tlsDaemonFailedToStart(host: String, port: Int)

    public var description: String {
        switch self {
        case .invalidHost(let host): "not an IPv4 address: \(host)"
        case .alreadyStarted: "the server has already been started"
        case .daemonFailedToStart(let host, let port): "could not listen on \(host):\(port)"
        case .tlsUnsupported: "this libmicrohttpd was built without TLS support"
        case .tlsDaemonFailedToStart(let host, let port):
            "could not serve HTTPS on \(host):\(port): the address is in use, or the certificate or key was refused"
        }
    }
}
