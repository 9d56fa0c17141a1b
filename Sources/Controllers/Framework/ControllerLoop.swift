import KubeClient
import Logging

/// What a reconcile pass asks of its loop: nothing, or to look at the key again after a while.
public struct ReconcileResult: Sendable {
    public var requeueAfter: Double?

    public init(requeueAfter: Double? = nil) {
        self.requeueAfter = requeueAfter
    }

    public static let done = ReconcileResult()
}

/// Workers that take keys from a work queue and reconcile them, as controller-runtime does: level-based
/// (a pass looks at current state, not at the event that queued the key), one worker per key at a time,
/// errors retried with per-key back-off, success forgets the back-off.
public struct ControllerLoop: Sendable {
    public let name: String
    public let queue: WorkQueue
    let workers: Int
    let logger: Logger
    let reconcile: @Sendable (String) async throws -> ReconcileResult

    public init(name: String, queue: WorkQueue, workers: Int, logger: Logger,
                reconcile: @escaping @Sendable (String) async throws -> ReconcileResult) {
        self.name = name
        self.queue = queue
        self.workers = workers
        self.logger = logger
        self.reconcile = reconcile
    }

    /// Runs the workers until the queue shuts down.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, workers) {
                group.addTask { await work() }
            }
        }
    }

    private func work() async {
        while let key = await queue.next() {
            do {
                logger.trace("\(name): reconciling \(key)")
                let result = try await reconcile(key)
                await queue.forget(key)
                if let delay = result.requeueAfter {
                    await queue.addAfter(key, delay: .milliseconds(Int64(max(delay, 0.001) * 1000)))
                }
            } catch {
                logger.debug("\(name): reconcile failed, retrying", metadata: ["key": "\(key)", "error": "\(error)"])
                await queue.addRateLimited(key)
            }
            await queue.done(key)
        }
    }
}
