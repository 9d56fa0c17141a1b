import APIMachinery
import AsyncHTTPClient
import NIOCore

extension KubeClient {
    /// Watches the collection: one `WatchEvent` per line of the response, in the server's order, as each
    /// line arrives (the body is streamed, never collected).
    ///
    /// The stream finishes when the server ends the response (e.g. after `timeoutSeconds`, or after an ERROR
    /// event, which is delivered as an event, not thrown). It throws `KubeError` when the server refuses the
    /// watch with a non-200 status, the HTTP client's error when the connection fails or drops, and
    /// `JSONParseError` for a malformed line. The connection has no read timeout, so a quiet watch stays open.
    /// Ending the iteration (or cancelling its task) closes the connection.
    public func watch(_ resource: APIResource, namespace: String? = nil, options: WatchRequest) -> AsyncThrowingStream<WatchEvent, Error> {
        let request = makeRequest(.GET, resource.collectionPath(namespace: namespace), query: options.query)
        let (stream, continuation) = AsyncThrowingStream<WatchEvent, Error>.makeStream()
        let task = Task { [http, requestTimeout, maxResponseBytes, logger] in
            do {
                let response = try await http.execute(request, timeout: requestTimeout, logger: logger)
                guard response.status.code == 200 else {
                    let body = Array(try await response.body.collect(upTo: maxResponseBytes).readableBytesView)
                    throw KubeError(httpStatus: Int(response.status.code), body: body)
                }
                var lines = LineSplitter()
                for try await buffer in response.body {
                    for line in lines.append(buffer.readableBytesView) {
                        continuation.yield(try WatchEvent(line: line))
                    }
                }
                if let line = lines.finish() { continuation.yield(try WatchEvent(line: line)) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
