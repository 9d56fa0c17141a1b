import APIMachinery
import Foundation
import KubeClient
import Logging

/// Records core/v1 Events as the Kubernetes event recorder does: a repeat of the same event (same object,
/// type, reason and message) raises `count` and `lastTimestamp` on the existing Event instead of adding one.
public actor EventRecorder {
    private let client: KubeClient
    private let component: String
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var recorded: [Key: (name: String, count: Int64)] = [:]

    private struct Key: Hashable {
        let regarding: ObjectReference
        let type: String
        let reason: String
        let message: String
    }

    public init(client: KubeClient, component: String, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.component = component
        self.logger = logger
        self.now = now
    }

    /// Posts the event, or counts a repeat; failures are logged, never thrown.
    public func record(_ event: EventRecord) async {
        let key = Key(regarding: event.regarding, type: event.type, reason: event.reason, message: event.message)
        let timestamp = Timestamp.format(now())
        do {
            if let existing = recorded[key] {
                let count = existing.count + 1
                recorded[key] = (existing.name, count)
                _ = try await client.patch(.events, namespace: event.regarding.namespace, name: existing.name,
                                           patch: ["count": .int(count), "lastTimestamp": .string(timestamp)], type: .merge)
                return
            }
            let name = "\(event.regarding.name).\(String(UInt64(now().timeIntervalSince1970 * 1e9), radix: 16))"
            _ = try await client.create(.events, eventObject(event, name: name, timestamp: timestamp))
            recorded[key] = (name, 1)
        } catch {
            recorded[key] = nil
            logger.debug("event not recorded", metadata: ["reason": "\(event.reason)", "error": "\(error)"])
        }
    }

    private func eventObject(_ event: EventRecord, name: String, timestamp: String) -> JSON {
        let regarding = event.regarding
        return [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": .string(regarding.namespace.isEmpty ? "default" : regarding.namespace)],
            "involvedObject": ["apiVersion": .string(regarding.apiVersion), "kind": .string(regarding.kind),
                               "namespace": .string(regarding.namespace), "name": .string(regarding.name), "uid": .string(regarding.uid)],
            "reason": .string(event.reason), "message": .string(event.message), "type": .string(event.type),
            "source": ["component": .string(component)],
            "reportingComponent": .string(component), "reportingInstance": .string(component),
            "firstTimestamp": .string(timestamp), "lastTimestamp": .string(timestamp), "count": 1,
        ]
    }
}
