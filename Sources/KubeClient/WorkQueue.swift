import DequeModule

/// client-go's rate-limited work queue of object keys (`namespace/name`), shared by a controller's workers.
///
/// - Fair: keys are handed out first in, first out.
/// - Stingy: a key added while it waits is queued once.
/// - One worker per key: a key handed out by `next()` is not handed out again until `done(_:)`; if it is
///   added meanwhile, it is queued again when `done(_:)` is called.
/// - Clean shutdown: after `shutDown()`, `next()` returns nil at once and adds are ignored; keys still
///   queued or delayed are dropped.
///
/// ```swift
/// while let key = await queue.next() {
///     do { try await reconcile(key); await queue.forget(key) } catch { await queue.addRateLimited(key) }
///     await queue.done(key)
/// }
/// ```
public actor WorkQueue {
    private let backoff: Backoff
    private var queue = Deque<String>()
    /// Keys to be handed out: those in `queue`, and those added while being processed.
    private var dirty = Set<String>()
    private var processing = Set<String>()
    private var waiters = Deque<(id: Int, continuation: CheckedContinuation<String?, Never>)>()
    private var nextWaiterID = 0
    private var delayed: [String: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)] = [:]
    private var failures: [String: Int] = [:]
    private var shuttingDown = false

    /// - Parameter backoff: The per-key delays of `addRateLimited`; 5 ms doubling to 10 s by default.
    public init(backoff: Backoff = .workQueue) {
        self.backoff = backoff
    }

    /// Queues `key` unless it is already queued. Ignored after `shutDown()`.
    public func add(_ key: String) {
        guard !shuttingDown, !dirty.contains(key) else { return }
        dirty.insert(key)
        if !processing.contains(key) { enqueue(key) }
    }

    /// Adds `key` once `delay` has passed. While a key waits, a later `addAfter` with an earlier deadline moves
    /// it forward; one with a later deadline is ignored. A delay of zero or less adds at once.
    public func addAfter(_ key: String, delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(key) }
        let deadline = ContinuousClock.now.advanced(by: delay)
        if let waiting = delayed[key], waiting.deadline <= deadline { return }
        delayed[key]?.task.cancel()
        let task = Task { [weak self] in
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            await self?.fireDelayed(key, deadline: deadline)
        }
        delayed[key] = (deadline, task)
    }

    /// Adds `key` after its backoff: `backoff.delay(afterFailures: n)` for the n-th call since `forget(key)`.
    public func addRateLimited(_ key: String) {
        failures[key, default: 0] += 1
        addAfter(key, delay: backoff.delay(afterFailures: failures[key]!))
    }

    /// Resets `key`'s backoff (call it once the key was processed successfully).
    public func forget(_ key: String) {
        failures[key] = nil
    }

    /// How many times `key` was rate-limited since it was last forgotten.
    public func numRequeues(_ key: String) -> Int {
        failures[key] ?? 0
    }

    /// The next key to process, waiting for one if the queue is empty; the caller must call `done(_:)` with
    /// it. Returns nil after `shutDown()` or when the calling task is cancelled.
    public func next() async -> String? {
        guard !shuttingDown else { return nil }
        if let key = queue.popFirst() { return handOut(key) }
        nextWaiterID += 1
        let id = nextWaiterID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { return continuation.resume(returning: nil) }
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Marks `key` processed; if it was added meanwhile, queues it again.
    public func done(_ key: String) {
        processing.remove(key)
        if dirty.contains(key), !shuttingDown { enqueue(key) }
    }

    /// Stops the queue: waiting and future `next()` calls return nil; queued and delayed keys are dropped.
    public func shutDown() {
        shuttingDown = true
        queue.removeAll()
        dirty.removeAll()
        for (_, waiting) in delayed { waiting.task.cancel() }
        delayed.removeAll()
        while let waiter = waiters.popFirst() { waiter.continuation.resume(returning: nil) }
    }

    /// The number of keys waiting to be handed out (not those being processed or delayed).
    public var count: Int { queue.count }

    private func enqueue(_ key: String) {
        if let waiter = waiters.popFirst() {
            waiter.continuation.resume(returning: handOut(key))
        } else {
            queue.append(key)
        }
    }

    private func handOut(_ key: String) -> String {
        dirty.remove(key)
        processing.insert(key)
        return key
    }

    private func fireDelayed(_ key: String, deadline: ContinuousClock.Instant) {
        guard delayed[key]?.deadline == deadline else { return }
        delayed[key] = nil
        add(key)
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: nil)
    }
}
