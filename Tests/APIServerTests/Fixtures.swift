import APIMachinery
import Foundation
import HTTPServer
import Store
@testable import APIServer

/// An API server on a memory store, driven with plain requests (no sockets).
final class TestCluster: @unchecked Sendable {
    let store: LogStore
    let server: APIServer

    init(historyCapacity: Int = 10_000) throws {
        store = LogStore.memory(historyCapacity: historyCapacity)
        server = APIServer(store: store)
        try NamespaceLifecycle(server: server).bootstrap()
    }

    deinit { store.close() }

    @discardableResult
    func send(_ method: String, _ path: String, _ body: JSON? = nil, contentType: String = "application/json",
              query: [(String, String)] = []) -> (status: Int, body: JSON, headers: [(name: String, value: String)]) {
        let request = HTTPRequest(method: method, path: path, query: query.map { (name: $0.0, value: $0.1) },
                                  headers: body == nil ? [:] : ["content-type": contentType], body: body?.encoded() ?? [])
        let response = server.respond(to: request)
        let bytes = response.bodyBytes ?? []
        return (response.status, bytes.isEmpty ? .null : (try? JSON.parse(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)), response.headers)
    }

    /// Reads a watch response's events until `count` arrived or `next` ends.
    func watchEvents(_ path: String, query: [(String, String)], count: Int, after action: () -> Void = {}) -> [JSON] {
        let response = server.respond(to: HTTPRequest(method: "GET", path: path, query: query.map { (name: $0.0, value: $0.1) }))
        guard case .stream(let stream) = response.body else { return [] }
        action()
        var events: [JSON] = []
        var buffer: [UInt8] = []
        let deadline = Date().addingTimeInterval(5)
        while events.count < count, Date() < deadline, let chunk = stream.next() {
            buffer += chunk
            while let newline = buffer.firstIndex(of: 0x0A) {
                events.append(try! JSON.parse(Array(buffer[..<newline])))
                buffer.removeSubrange(...newline)
            }
        }
        stream.close()
        return events
    }
}

let webStatefulSet: JSON = [
    "apiVersion": "apps/v1", "kind": "StatefulSet",
    "metadata": ["name": "web"],
    "spec": [
        "selector": ["matchLabels": ["app": "nginx"]],
        "serviceName": "nginx", "replicas": 2,
        "template": [
            "metadata": ["labels": ["app": "nginx"]],
            "spec": ["containers": [["name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
                                     "ports": [["containerPort": 80, "name": "web"]]]]],
        ],
    ],
]

let statefulSets = "/apis/apps/v1/namespaces/default/statefulsets"
