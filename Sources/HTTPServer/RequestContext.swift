/// What one request accumulates between calls of libmicrohttpd's access handler.
///
/// Created on the first call (headers only), fed the upload data on the following calls, and answered on the
/// call that reports no more data. libmicrohttpd keeps it in the request's `con_cls` slot as a retained
/// pointer; the request-completed callback releases it, whether the request was answered or cut off.
final class RequestContext {
    private let maxBodyBytes: Int
    private(set) var body: [UInt8] = []
    /// Whether the body went over the limit; from then on it is discarded, not buffered.
    private(set) var bodyTooLarge = false

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bodyTooLarge else { return }
        if body.count + bytes.count > maxBodyBytes {
            bodyTooLarge = true
            body = []
        } else {
            body.append(contentsOf: bytes)
        }
    }
}
