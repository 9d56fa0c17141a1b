import CMicroHTTPD

extension HTTPResponse {
    /// The largest piece libmicrohttpd asks a stream for at once.
    private static let streamBlockSize = 32 * 1024

    /// Queues this response on `connection`. Bytes are copied; a stream is sent chunked, registered in
    /// `liveStreams`, and exempts the connection from the idle timeout (a watch may be quiet for long).
    func queue(on connection: OpaquePointer, liveStreams: LiveStreams) -> MHD_Result {
        guard let response = makeResponse(for: connection, liveStreams: liveStreams) else { return .NO }
        defer { MHD_destroy_response(response) }
        for (name, value) in headers {
            _ = MHD_add_response_header(response, name, value)
        }
        return MHD_queue_response(connection, UInt32(status), response)
    }

    private func makeResponse(for connection: OpaquePointer, liveStreams: LiveStreams) -> OpaquePointer? {
        switch body {
        case .bytes(let bytes):
            return bytes.withUnsafeBytes { buffer in
                MHD_create_response_from_buffer(buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress),
                                                .RESPMEM_MUST_COPY)
            }
        case .stream(let stream):
            let body = StreamingBody(stream: stream, socket: cmicrohttpd_connection_fd(connection),
                                     liveStreams: liveStreams)
            liveStreams.insert(body)
            let cls = Unmanaged.passRetained(body).toOpaque()
            // MHD_SIZE_UNKNOWN: no Content-Length, so HTTP/1.1 clients get chunked encoding.
            guard let response = MHD_create_response_from_callback(UInt64.max, Self.streamBlockSize,
                                                                   Self.readStream, cls, Self.freeStream) else {
                Self.freeStream(cls)
                return nil
            }
            _ = cmicrohttpd_set_connection_timeout(connection, 0)
            return response
        }
    }

    /// libmicrohttpd's content reader: runs on the connection thread and may block in the stream.
    private static let readStream: MHD_ContentReaderCallback = { cls, _, buffer, capacity in
        guard let cls, let buffer else { return MHD_CONTENT_READER_END_WITH_ERROR }
        return Unmanaged<StreamingBody>.fromOpaque(cls).takeUnretainedValue().read(into: buffer, capacity: capacity)
    }

    /// libmicrohttpd's free callback: the response is done with, sent or not.
    private static let freeStream: MHD_ContentReaderFreeCallback = { cls in
        guard let cls else { return }
        Unmanaged<StreamingBody>.fromOpaque(cls).takeRetainedValue().finish()
    }
}
