import APIMachinery
import Foundation
import Logging
import Resources
import Store

/// The RBAC objects, kept in memory and current from the store's watch of the `rbac.authorization.k8s.io`
/// prefix: lists once, then applies each event; when the watch ends (the store compacted past it) it lists
/// again. `policy` is a consistent snapshot; it lags a write by the watch's delivery time.
public final class RBACCache: @unchecked Sendable {
    static let prefix = "/\(RBACKinds.group)/"
    private let store: any VersionedStore
    private let logger: Logger
    private let lock = NSLock()
    private var objects: [String: JSON] = [:]
    private var current = RBACPolicy()
    private var stopped = false
    private var watch: (any StoreWatch)?

    public init(store: any VersionedStore, logger: Logger = Logger(label: "ordinal.rbac")) {
        self.store = store
        self.logger = logger
    }

    var policy: RBACPolicy { lock.withLock { current } }

    /// Lists the objects now, so the first requests see them, then follows the watch on its own thread.
    public func start() throws {
        try relist()
        let thread = Thread { [self] in follow() }
        thread.name = "ordinal-rbac-cache"
        thread.start()
    }

    public func stop() {
        let watch = lock.withLock { stopped = true; return self.watch }
        watch?.close()
    }

    private func relist() throws {
        let state = try store.range(prefix: Self.prefix, afterKey: nil, limit: nil, revision: nil)
        var objects: [String: JSON] = [:]
        for object in state.objects { objects[object.key] = try? JSON.parse(object.value) }
        let watch = try store.watch(prefix: Self.prefix, after: state.revision)
        lock.withLock {
            self.objects = objects
            self.current = RBACPolicy(objects: objects.values)
            self.watch = watch
        }
    }

    private func follow() {
        while let watch = lock.withLock({ stopped ? nil : self.watch }) {
            guard let events = watch.next(timeout: 1) else {
                if lock.withLock({ stopped }) { return }
                do { try relist() } catch {
                    logger.warning("cannot list RBAC objects", metadata: ["error": "\(error)"])
                    Thread.sleep(forTimeInterval: 0.5)
                }
                continue
            }
            guard !events.isEmpty else { continue }
            lock.withLock {
                for event in events {
                    if event.kind == .deleted { objects[event.key] = nil } else { objects[event.key] = try? JSON.parse(event.object.value) }
                }
                current = RBACPolicy(objects: objects.values)
            }
        }
    }
}
