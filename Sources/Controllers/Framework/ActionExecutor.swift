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
