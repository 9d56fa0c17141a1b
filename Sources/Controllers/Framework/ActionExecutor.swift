import APIMachinery
import KubeClient
import Logging

/// Applies the actions a reconciler decided on, in order, over HTTP.
///
/// Order matters (a claim before the pod that mounts it), so execution stops at the first failed write and
/// the error is thrown: the controller retries the key with back-off and the next pass decides again from
/// fresh state. A delete of an object that is already gone counts as done. Events never fail a pass.
public struct ActionExecutor: Sendable {
    let client: KubeClient
    let events: EventRecorder
    let logger: Logger

    public init(client: KubeClient, events: EventRecorder, logger: Logger) {
        self.client = client
        self.events = events
        self.logger = logger
    }

    public func execute(_ actions: [ControllerAction]) async throws {
        for action in actions {
            try await execute(action)
        }
    }

    private func execute(_ action: ControllerAction) async throws {
        logger.trace("executing \(action)")
        switch action {
        case .create(let resource, let object):
            _ = try await client.create(resource, object)
        case .update(let resource, let object):
            _ = try await client.update(resource, object)
        case .updateStatus(let resource, let object):
            _ = try await client.updateStatus(resource, object)
        case .patch(let resource, let namespace, let name, let patch):
            _ = try await client.patch(resource, namespace: namespace, name: name, patch: patch, type: .merge)
        case .delete(let resource, let namespace, let name, let uid, let grace, let propagation):
            do {
                try await client.delete(resource, namespace: namespace, name: name,
                                        options: DeleteRequest(preconditionUID: uid, gracePeriodSeconds: grace, propagationPolicy: propagation))
            } catch let error as KubeError where error.isNotFound {
                return
            }
        case .bind(let namespace, let name, let node):
            let binding: JSON = ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": .string(name), "namespace": .string(namespace)],
                                 "target": ["apiVersion": "v1", "kind": "Node", "name": .string(node)]]
            _ = try await client.post(path: APIResource.pods.objectPath(namespace: namespace, name: name, subresource: "binding"), body: binding)
        case .event(let record):
            await events.record(record)
        }
    }
}

extension ActionExecutor {
    /// Applies `actions` as `execute(_:)` does, except that a run of several pod creations is applied in
    /// slow-start batches of concurrent pods (1, 2, 4, … up to `maxBatch`), as upstream's StatefulSet controller
    /// creates the pods of a `Parallel` set.
    ///
    /// Order is kept where it matters: the actions before the run are applied first; each pod's claims are
    /// created before the pod and its events after it; a batch with a failed write throws once the batch has
    /// finished, so later batches and the actions after the run are not applied (the next pass decides again).
    /// A plan with at most one pod creation (every `OrderedReady` pass) is applied strictly in order.
    public func executeBatchingPodCreations(_ actions: [ControllerAction], maxBatch: Int = 64) async throws {
        let split = Self.podCreationChains(actions)
        guard split.chains.count > 1 else { return try await execute(actions) }
        try await execute(split.before)
        var start = 0
        var size = 1
        while start < split.chains.count {
            let batch = split.chains[start..<min(split.chains.count, start + size)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for chain in batch {
                    group.addTask { try await execute(chain) }
                }
                try await group.waitForAll()
            }
            start += batch.count
            size = min(size * 2, maxBatch)
        }
        try await execute(split.after)
    }

    /// Cuts `actions` around its first run of creations (pods, claims and events only): what comes before the
    /// run, the run as chains that each hold one pod's claims, the pod and the events after it, and the rest.
    static func podCreationChains(_ actions: [ControllerAction])
        -> (before: [ControllerAction], chains: [[ControllerAction]], after: [ControllerAction]) {
        guard let firstPod = actions.firstIndex(where: isPodCreation) else { return (actions, [], []) }
        var start = firstPod
        while start > 0, isClaimCreation(actions[start - 1]) || isEvent(actions[start - 1]) { start -= 1 }
        var end = firstPod
        while end < actions.count, isPodCreation(actions[end]) || isClaimCreation(actions[end]) || isEvent(actions[end]) {
            end += 1
        }
        var chains: [[ControllerAction]] = []
        var current: [ControllerAction] = []
        var holdsPod = false
        for action in actions[start..<end] {
            if holdsPod && (isPodCreation(action) || isClaimCreation(action)) {
                chains.append(current)
                current = []
                holdsPod = false
            }
            current.append(action)
            if isPodCreation(action) { holdsPod = true }
        }
        let rest = Array(actions[end...])
        if holdsPod {
            chains.append(current)
            return (Array(actions[..<start]), chains, rest)
        }
        return (Array(actions[..<start]), chains, current + rest)
    }

    private static func isPodCreation(_ action: ControllerAction) -> Bool {
        if case .create(let resource, _) = action { return resource == .pods }
        return false
    }

    private static func isClaimCreation(_ action: ControllerAction) -> Bool {
        if case .create(let resource, _) = action { return resource == .persistentVolumeClaims }
        return false
    }

    private static func isEvent(_ action: ControllerAction) -> Bool {
        if case .event = action { return true }
        return false
    }
}
