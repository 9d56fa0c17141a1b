import APIMachinery
import NIOConcurrencyHelpers

/// What an informer calls on each change to its cache.
///
/// `onUpdate` also gets periodic resyncs (`old` and `new` the same object). `onDelete` gets the object's last
/// state. Handlers run on the informer's task one at a time, in the order the changes were applied to the
/// lister (which already reflects them), so they must not block: enqueue a key and return.
public struct InformerHandler: Sendable {
    public var onAdd: @Sendable (JSON) -> Void
    public var onUpdate: @Sendable (_ old: JSON, _ new: JSON) -> Void
    public var onDelete: @Sendable (JSON) -> Void

    public init(onAdd: @escaping @Sendable (JSON) -> Void = { _ in },
                onUpdate: @escaping @Sendable (_ old: JSON, _ new: JSON) -> Void = { _, _ in },
                onDelete: @escaping @Sendable (JSON) -> Void = { _ in }) {
        self.onAdd = onAdd
        self.onUpdate = onUpdate
        self.onDelete = onDelete
    }
}

/// client-go's shared informer: a `Reflector` that keeps `lister` in step with one collection, and handlers
/// told of every change.
///
/// ```swift
/// let pods = Informer(client: client, resource: .pods, namespace: "default")
/// pods.addHandler(InformerHandler(onAdd: { pod in queue.add(pod.objectKey) }))
/// let task = Task { await pods.run() }
/// await pods.waitUntilSynced()
/// let web0 = pods.lister.get(namespace: "default", name: "web-0")
/// ```
public final class Informer: Sendable {
    /// The cache, readable from any thread.
    public let lister = Lister()
    private let reflector: Reflector
    private let resyncInterval: Duration?
    private let state = NIOLockedValueBox(State())
    /// Held while handlers run, so that changes and resyncs reach them one at a time.
    private let delivery = NIOLock()

    private struct State {
        var handlers: [InformerHandler] = []
        var synced = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    /// - Parameters:
    ///   - namespace: The namespace to watch; nil for all namespaces (or a cluster-scoped resource).
    ///   - labelSelector: Only objects matching it are cached; an object that stops matching is deleted.
    ///   - resyncInterval: When set, every cached object is redelivered to `onUpdate` this often.
    public convenience init(client: KubeClient, resource: APIResource, namespace: String? = nil, labelSelector: String? = nil,
                            resyncInterval: Duration? = nil) {
        self.init(client: client, resource: resource, namespace: namespace, labelSelector: labelSelector,
                  resyncInterval: resyncInterval, pageSize: 500)
    }

    /// - Parameter pageSize: The `limit` of each list request.
    init(client: KubeClient, resource: APIResource, namespace: String?, labelSelector: String?, resyncInterval: Duration?,
         pageSize: Int) {
        self.resyncInterval = resyncInterval
        reflector = Reflector(client: client, resource: resource, namespace: namespace, labelSelector: labelSelector,
                              lister: lister, pageSize: pageSize)
    }

    /// Adds a handler. A handler added after the informer synced learns only of later changes; add handlers
    /// before `run()`, or read the lister, to see the objects already cached.
    public func addHandler(_ handler: InformerHandler) {
        state.withLockedValue { $0.handlers.append(handler) }
    }

    /// Lists and watches until the calling task is cancelled (see `Reflector` for the loop and its retries).
    /// Call it once.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                await self.reflector.run(onChange: { self.deliver($0) }, onListed: { self.markSynced() })
            }
            if let resyncInterval {
                group.addTask { await self.resync(every: resyncInterval) }
            }
        }
    }

    /// True once the first complete list has been applied to the lister (and its changes delivered).
    public var hasSynced: Bool { state.withLockedValue { $0.synced } }

    /// Returns once `hasSynced`, or when the calling task is cancelled.
    public func waitUntilSynced() async {
        let id = state.withLockedValue { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLockedValue { state -> Bool in
                    guard !state.synced, !Task.isCancelled else { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    private func markSynced() {
        let waiters = state.withLockedValue { state in
            defer { state.waiters = [:] }
            state.synced = true
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    private func deliver(_ change: Lister.Change) {
        let handlers = state.withLockedValue { $0.handlers }
        delivery.withLock {
            for handler in handlers {
                switch change {
                case .added(let object): handler.onAdd(object)
                case .updated(let old, let new): handler.onUpdate(old, new)
                case .deleted(let object): handler.onDelete(object)
                }
            }
        }
    }

    private func resync(every interval: Duration) async {
        while (try? await Task.sleep(for: interval)) != nil {
            guard hasSynced else { continue }
            for object in lister.list() { deliver(.updated(old: object, new: object)) }
        }
    }
}
