import APIMachinery
import Foundation
import Logging

/// Keeps namespaces as Kubernetes does: the built-in ones exist from the first start, and a deleted
/// namespace is emptied (its objects deleted, waiting for their finalizers) before it is removed.
public final class NamespaceLifecycle: @unchecked Sendable {
    public static let builtIn = ["default", "kube-system", "kube-public", "kube-node-lease"]
    private let server: APIServer
    private let logger: Logger
    private let lock = NSCondition()
    private var stopped = false
    private var thread: Thread?

    public init(server: APIServer, logger: Logger = Logger(label: "ordinal.namespaces")) {
        self.server = server
        self.logger = logger
    }

    /// Creates the built-in namespaces that do not exist yet.
    public func bootstrap() throws {
        guard let namespaces = server.registry(group: "", version: "v1", resource: "namespaces") else { return }
        for name in Self.builtIn where (try? namespaces.get(namespace: nil, name: name)) == nil {
            _ = try namespaces.create(["metadata": ["name": .string(name)]], namespace: nil, options: .init())
        }
    }

    /// Starts finalizing terminating namespaces every `interval` seconds until `stop`.
    public func start(interval: Double = 0.2) {
        let thread = Thread { [weak self] in
            while let self, self.wait(interval) {
                self.finalizeTerminatingNamespaces()
            }
        }
        thread.name = "ordinal-namespace-lifecycle"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        lock.unlock()
    }

    private func wait(_ interval: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if !stopped { _ = lock.wait(until: Date(timeIntervalSinceNow: interval)) }
        return !stopped
    }

    /// One pass: deletes what terminating namespaces still hold; removes those that are empty.
    func finalizeTerminatingNamespaces() {
        guard let namespaces = server.registry(group: "", version: "v1", resource: "namespaces"),
              let page = try? namespaces.list(namespace: nil, options: .everything) else { return }
        for stored in page.items {
            guard let namespace = try? namespaces.decode(stored), !namespace["metadata"]["deletionTimestamp"].isNull,
                  let name = namespace["metadata"]["name"].stringValue else { continue }
            do {
                if try deleteContents(of: name) == 0 { try finalize(name, registry: namespaces) }
            } catch {
                logger.warning("namespace cleanup failed", metadata: ["namespace": "\(name)", "error": "\(error)"])
            }
        }
    }

    /// Deletes every object in `namespace`; returns how many still exist.
    private func deleteContents(of namespace: String) throws -> Int {
        var remaining = 0
        for definition in server.definitions where definition.namespaced {
            guard let registry = server.registry(group: definition.group, version: definition.version, resource: definition.resource) else { continue }
            let page = try registry.list(namespace: namespace, options: .everything)
            remaining += page.items.count
            for stored in page.items {
                let object = try registry.decode(stored)
                guard object["metadata"]["deletionTimestamp"].isNull, let name = object["metadata"]["name"].stringValue else { continue }
                let options = DeleteOptions(propagationPolicy: .background, gracePeriodSeconds: 0)
                _ = try? registry.delete(namespace: namespace, name: name, options: options, write: .init())
            }
        }
        return remaining
    }

    private func finalize(_ name: String, registry: ResourceRegistry) throws {
        _ = try registry.update(namespace: nil, name: name, scope: .subresource, options: .init()) { namespace in
            var finalized = namespace
            finalized["spec"]["finalizers"] = []
            return finalized
        }
        _ = try registry.delete(namespace: nil, name: name, options: DeleteOptions(propagationPolicy: .background), write: .init())
    }
}
