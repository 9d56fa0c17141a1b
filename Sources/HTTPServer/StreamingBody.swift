import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// Bridges an `HTTPBodyStream` to libmicrohttpd's content-reader callbacks of a chunked response.
///
/// libmicrohttpd calls `read` on the connection's own thread whenever it can send more; `read` pulls the
/// stream (which may block), hands over as much as fits and keeps the rest for the next call. Each chunk the
/// reader returns is sent before the reader is called again, so events reach the client one by one.
/// The stream is closed exactly once: by `finish` (the response's free callback, when the connection is done
/// with it for any reason) or earlier by `close` (server stop).
final class StreamingBody: @unchecked Sendable {
    private let stream: any HTTPBodyStream
    /// The connection's socket, watched for the peer hanging up while the stream is quiet.
    private let socket: Int32
    private let liveStreams: LiveStreams
    /// Pieces from the stream not yet handed to libmicrohttpd, from `pendingIndex` and `pendingOffset` on.
    /// Touched only by the connection thread.
    private var pending: [[UInt8]] = []
    private var pendingIndex = 0
    private var pendingOffset = 0
    private let lock = Lock()
    private var closed = false
    /// The connection thread's niceness before the stream started; set by the first `read`.
    private var niceness: ThreadNiceness?
    private var started = false
    /// Niceness of a thread while it streams (see `ThreadNiceness`).
    static let streamingNiceness: Int32 = 10

    init(stream: any HTTPBodyStream, socket: Int32, liveStreams: LiveStreams) {
        self.stream = stream
        self.socket = socket
        self.liveStreams = liveStreams
    }

    var isClosed: Bool { lock.withLock { closed } }

    /// Fills `buffer` with up to `capacity` bytes. Returns the count, 0 for "nothing yet, call again"
    /// (libmicrohttpd polls the socket without waiting and calls again: `next` is expected to block, so this
    /// does not spin), or one of the `MHD_CONTENT_READER_END_…` values.
    ///
    /// The stream is pulled only when everything it gave before has been handed over, and at most once per
    /// call, so a batch of events goes out in as few callbacks (and socket writes) as the buffer allows.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        if !started {
            started = true
            niceness = ThreadNiceness.lowerCurrentThread(to: Self.streamingNiceness)
        }
        if pendingIndex == pending.count {
            guard !isClosed, let next = stream.nextPieces() else { return MHD_CONTENT_READER_END_OF_STREAM }
            guard next.contains(where: { !$0.isEmpty }) else {
                // A wake-up with nothing to send is the one chance to notice a client that has gone away,
                // because libmicrohttpd only finds out when a write fails.
                return isClosed || peerHungUp() ? MHD_CONTENT_READER_END_WITH_ERROR : 0
            }
            pending = next
            pendingIndex = 0
            pendingOffset = 0
        }
        var filled = 0
        while filled < capacity, pendingIndex < pending.count {
            let count = min(capacity - filled, pending[pendingIndex].count - pendingOffset)
            pending[pendingIndex].withUnsafeBytes { bytes in
                if count > 0 { (buffer + filled).copyMemory(from: bytes.baseAddress! + pendingOffset, byteCount: count) }
            }
            filled += count
            pendingOffset += count
            if pendingOffset == pending[pendingIndex].count {
                pendingIndex += 1
                pendingOffset = 0
            }
        }
        if pendingIndex == pending.count { pending.removeAll(keepingCapacity: true); pendingIndex = 0 }
        return filled
    }

    /// Closes the stream unless it already is, which makes a blocked `next` return.
    func close() {
        let wasClosed = lock.withLock {
            defer { closed = true }
            return closed
        }
        if !wasClosed { stream.close() }
    }

    /// The response is being freed: the stream is over.
    func finish() {
        niceness?.restore()
        liveStreams.remove(self)
        close()
    }

    /// Whether the client has closed its end: a peek at the socket reads end-of-file or fails.
    private func peerHungUp() -> Bool {
        var byte: UInt8 = 0
        let count = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }
}
