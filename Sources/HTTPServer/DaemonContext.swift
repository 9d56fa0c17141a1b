import CMicroHTTPD

/// What libmicrohttpd's callbacks need, reached through their `cls` pointer. The `HTTPServer` owns it and
/// keeps it alive until the daemon has stopped, so callbacks take it unretained.
final class DaemonContext: @unchecked Sendable {
    let responder: any HTTPResponder
    let configuration: HTTPServer.Configuration
    let liveStreams = LiveStreams()
    let connections: ConnectionCounter

    init(responder: any HTTPResponder, configuration: HTTPServer.Configuration) {
        self.responder = responder
        self.configuration = configuration
        self.connections = ConnectionCounter(limit: configuration.connectionLimit)
    }

    /// One call of the access handler. Answering on the first call (headers only) would make libmicrohttpd
    /// 0.9.75 close every connection after its response, so that call only allocates the request's context;
    /// later calls buffer the body, and the call reporting no more upload data answers.
    func handle(connection: OpaquePointer, url: String, method: String,
                upload: UnsafeRawBufferPointer, uploadSize: UnsafeMutablePointer<Int>,
                slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> MHD_Result {
        guard let pointer = slot.pointee else {
            restoreIdleTimeout(of: connection)
            slot.pointee = Unmanaged.passRetained(RequestContext(maxBodyBytes: configuration.maxBodyBytes)).toOpaque()
            return .YES
        }
        let context = Unmanaged<RequestContext>.fromOpaque(pointer).takeUnretainedValue()
        guard uploadSize.pointee == 0 else {
            context.append(upload)
            uploadSize.pointee = 0
            return .YES
        }
        let response: HTTPResponse
        if connections.isOverLimit(connection) {
            response = configuration.tooManyConnectionsResponse
        } else if context.bodyTooLarge {
            response = configuration.bodyTooLargeResponse
        } else {
            response = responder.respond(to: HTTPRequest(connection: connection, method: method, path: url, body: context.body))
        }
        return response.queue(on: connection, liveStreams: liveStreams)
    }

    /// A streamed response switches the idle timeout off for its connection; the next request on the same
    /// keep-alive connection switches it back on. (Setting it takes a daemon-wide lock, so only when needed.)
    private func restoreIdleTimeout(of connection: OpaquePointer) {
        let seconds = UInt32(configuration.idleTimeoutSeconds)
        if cmicrohttpd_connection_timeout(connection) != seconds {
            _ = cmicrohttpd_set_connection_timeout(connection, seconds)
        }
    }

    /// The request is over (answered, failed, or the connection closed): frees its context.
    static func requestCompleted(slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>) {
        guard let pointer = slot.pointee else { return }
        Unmanaged<RequestContext>.fromOpaque(pointer).release()
        slot.pointee = nil
    }
}

extension DaemonContext {
    /// libmicrohttpd's access handler; `cls` is the daemon's context.
    static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, upload, uploadSize, slot in
        guard let cls, let connection, let url, let method, let uploadSize, let slot else { return .NO }
        let context = Unmanaged<DaemonContext>.fromOpaque(cls).takeUnretainedValue()
        return context.handle(connection: connection, url: String(cString: url), method: String(cString: method),
                              upload: UnsafeRawBufferPointer(start: upload, count: uploadSize.pointee),
                              uploadSize: uploadSize, slot: slot)
    }

    /// libmicrohttpd's connection notification: counts connections as they open and close.
    static let connectionHandler: MHD_NotifyConnectionCallback = { cls, connection, _, code in
        guard let cls, let connection else { return }
        let context = Unmanaged<DaemonContext>.fromOpaque(cls).takeUnretainedValue()
        if code == .CONNECTION_NOTIFY_STARTED {
            context.connections.opened(connection)
        } else {
            context.connections.closed(connection)
        }
    }

    /// libmicrohttpd's request-completed notification.
    static let completionHandler: MHD_RequestCompletedCallback = { _, _, slot, _ in
        guard let slot else { return }
        requestCompleted(slot: slot)
    }
}
