import APIMachinery
import APIServer
import Foundation
import HTTPServer
import KubeClient
import Store

/// A real API server on a memory store, served over HTTP on a free port, and a client of it.
///
/// The HTTP server can be stopped and started again on the same port (`stopServing`, `resumeServing`)
/// while the API server keeps its state and accepts writes through `send`, as if other clients wrote
/// while this one was cut off.
final class LiveCluster: @unchecked Sendable {
    let store: LogStore
    let server: APIServer
    let recorder: RecordingResponder
    let client: KubeClient
    private let lock = NSLock()
    private var http: HTTPServer
    private let port: Int

    init(historyCapacity: Int = 10_000) throws {
        store = LogStore.memory(historyCapacity: historyCapacity)
        server = APIServer(store: store)
        try NamespaceLifecycle(server: server).bootstrap()
        recorder = RecordingResponder(server: server)
        http = HTTPServer(port: 0, responder: recorder)
        try http.start()
        port = http.port
        client = KubeClient(baseURL: "http://127.0.0.1:\(port)")
    }

    func stopServing() {
        lock.withLock { http }.stop()
    }

    func resumeServing() throws {
        let server = HTTPServer(port: port, responder: recorder)
        try server.start()
        lock.withLock { http = server }
    }

    func shutdown() async {
        try? await client.shutdown()
        lock.withLock { http }.stop()
        store.close()
    }

    /// A request straight to the API server, without HTTP; returns the status.
    @discardableResult
    func send(_ method: String, _ path: String, _ body: JSON? = nil) -> Int {
        let request = HTTPRequest(method: method, path: path, headers: body == nil ? [:] : ["content-type": "application/json"],
                                  body: body?.encoded() ?? [])
        return server.respond(to: request).status
    }
}

/// Hands requests to the API server and remembers each one as `METHOD path`, with `?watch` or `?continue`
/// for watches and continued lists. It can also end live watches cleanly and hold new ones back, as a server
/// that restarts its watches would, so a test can make a client resume a watch from an old resourceVersion.
final class RecordingResponder: HTTPResponder, @unchecked Sendable {
    private let server: APIServer
    private let lock = NSCondition()
    private var log: [String] = []
    private var watchesHeld = false
    private var liveWatches: [EndableStream] = []

    init(server: APIServer) { self.server = server }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let isWatch = request.queryValue("watch") == "true"
        let kind = isWatch ? "?watch" : request.queryValue("continue") != nil ? "?continue" : ""
        lock.withLock { log.append("\(request.method) \(request.path)\(kind)") }
        guard isWatch else { return server.respond(to: request) }
        lock.withLock { while watchesHeld { lock.wait() } }
        var response = server.respond(to: request)
        if case .stream(let stream) = response.body {
            let endable = EndableStream(stream)
            lock.withLock { liveWatches.append(endable) }
            response.body = .stream(endable)
        }
        return response
    }

    var requests: [String] { lock.withLock { log } }

    /// Ends every live watch as if its timeout passed; new watches wait until `releaseWatches()`.
    func endWatchesAndHoldNewOnes() {
        let live = lock.withLock {
            watchesHeld = true
            defer { liveWatches = [] }
            return liveWatches
        }
        for stream in live { stream.end() }
    }

    func releaseWatches() {
        lock.withLock {
            watchesHeld = false
            lock.broadcast()
        }
    }
}

/// A watch body that can be ended cleanly (a last empty chunk) from outside.
private final class EndableStream: HTTPBodyStream, @unchecked Sendable {
    private let inner: any HTTPBodyStream
    private let lock = NSLock()
    private var ended = false
    private var closed = false

    init(_ inner: any HTTPBodyStream) { self.inner = inner }

    func next() -> [UInt8]? {
        guard !lock.withLock({ ended }) else { return nil }
        let chunk = inner.next()
        return lock.withLock { ended } ? nil : chunk
    }

    func end() {
        lock.withLock { ended = true }
        close()
    }

    func close() {
        guard lock.withLock({ defer { closed = true }; return !closed }) else { return }
        inner.close()
    }
}

/// Collects what an informer's handler was told, as `add web`, `update web`, `delete web`.
final class HandlerLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    var handler: InformerHandler {
        InformerHandler(onAdd: { self.append("add \($0.name)") },
                        onUpdate: { _, new in self.append("update \(new.name)") },
                        onDelete: { self.append("delete \($0.name)") })
    }

    private func append(_ entry: String) { lock.withLock { entries.append(entry) } }
    var all: [String] { lock.withLock { entries } }
}

func configMap(_ name: String, namespace: String = "default", data: [String: String] = [:], owner: JSON? = nil) -> JSON {
    var object: JSON = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": .string(namespace)],
                        "data": JSON(stringMap: data)]
    if let owner { object["metadata"]["ownerReferences"] = [OwnerReference(controllerOf: owner).json] }
    return object
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(5), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

/// A boolean set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
