import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on libmicrohttpd that hands each request to an `HTTPResponder`.
///
/// Every connection has its own thread, and the responder runs on it, so a responder may block (waiting for
/// a durable write, say) and a streamed response may block in `HTTPBodyStream.next` without holding up other
/// connections. Connections are kept alive between requests; streamed bodies are sent chunked, one chunk as
/// soon as the stream yields it.
///
/// ```swift
/// let server = HTTPServer(port: 0, responder: MyResponder())
/// try server.start()
/// print("listening on http://127.0.0.1:\(server.port)/")
/// defer { server.stop() }
/// ```
public final class HTTPServer: @unchecked Sendable {
    public let host: String
    public let configuration: Configuration
    private let responder: any HTTPResponder
    private let lock = Lock()
    private let requestedPort: Int
    private var boundPort: Int?
    private var daemon: OpaquePointer?
    private var context: DaemonContext?
    private var started = false
    private var tlsMemory: TLSMemory?

    /// - Parameters:
    ///   - host: The IPv4 address to listen on.
    ///   - port: The port to listen on; 0 picks a free one, which `port` reports once started.
    public init(host: String = "127.0.0.1", port: Int, responder: any HTTPResponder,
                configuration: Configuration = .init()) {
        self.host = host
        self.requestedPort = port
        self.responder = responder
        self.configuration = configuration
    }

    deinit {
        stop()
    }

    /// How many connections are open now (served or being told 429).
    public var openConnections: Int {
        lock.withLock { context?.connections.openConnections ?? 0 }
    }

    /// The port the server listens on: the bound port once started, the requested one before.
    public var port: Int {
        lock.withLock { boundPort ?? requestedPort }
    }

    /// Starts listening and serving on libmicrohttpd's threads. A server starts at most once.
    public func start() throws {
        var address = try socketAddress()
        try lock.withLock { () throws(HTTPServerError) in
            guard !started else { throw .alreadyStarted }
            if configuration.tls != nil, !Self.supportsTLS { throw .tlsUnsupported }
            let tlsMemory = configuration.tls.map(TLSMemory.init)
            let context = DaemonContext(responder: responder, configuration: configuration)
            let daemon = withUnsafeMutablePointer(to: &address) { address in
                startDaemon(context: context, address: UnsafeMutableRawPointer(address), tls: tlsMemory)
            }
            guard let daemon else {
                if tlsMemory != nil { throw .tlsDaemonFailedToStart(host: host, port: requestedPort) }
                throw .daemonFailedToStart(host: host, port: requestedPort)
            }
            self.tlsMemory = tlsMemory
            self.daemon = daemon
            self.context = context
            self.started = true
            self.boundPort = Int(cmicrohttpd_daemon_port(daemon))
        }
    }

    /// Stops the server: closes live streams so their threads can finish, then stops the daemon and joins
    /// its threads. Returns once no callback is running. A responder still blocked delays it. Idempotent.
    public func stop() {
        let (daemon, context) = lock.withLock {
            defer { self.daemon = nil; self.context = nil }
            return (self.daemon, self.context)
        }
        guard let daemon, let context else { return }
        context.liveStreams.closeAll()
        MHD_stop_daemon(daemon)
        lock.withLock { tlsMemory = nil }
    }

    private func startDaemon(context: DaemonContext, address: UnsafeMutableRawPointer, tls: TLSMemory?) -> OpaquePointer? {
        var flags = [MHD_USE_THREAD_PER_CONNECTION, MHD_USE_INTERNAL_POLLING_THREAD, MHD_USE_POLL, MHD_USE_ERROR_LOG]
            .reduce(0) { $0 | $1.rawValue }
        if tls != nil { flags |= MHD_USE_TLS.rawValue }
        let cls = Unmanaged.passUnretained(context).toOpaque()
        // In an option array, an option of two arguments carries the first (here the callback) in `value`.
        let notify = unsafeBitCast(DaemonContext.connectionHandler, to: Int.self)
        let options = (tls?.options ?? []) + [
            MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: address),
            MHD_OptionItem(option: .CONNECTION_LIMIT,
                           value: configuration.connectionLimit + configuration.connectionOverflow, ptr_value: nil),
            MHD_OptionItem(option: .NOTIFY_CONNECTION, value: notify, ptr_value: cls),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimit, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.idleTimeoutSeconds, ptr_value: nil),
            MHD_OptionItem(option: .THREAD_STACK_SIZE, value: configuration.threadStackSize, ptr_value: nil),
            MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
        ]
        return cmicrohttpd_start_daemon(flags, DaemonContext.accessHandler, cls,
                                        DaemonContext.completionHandler, cls, options)
    }

    private func socketAddress() throws(HTTPServerError) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: requestedPort).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .invalidHost(host) }
        return address
    }
}
