import APIMachinery
import Foundation
import KubeClient
import Logging

/// Records core/v1 Events as the Kubernetes event recorder does: a repeat of the same event (same object,
/// type, reason and message) raises `count` and `lastTimestamp` on the existing Event instead of adding one,
/// and similar events are combined and rate-limited per object as client-go's correlator does
/// (`EventCorrelator`).
public actor EventRecorder {
    private let client: KubeClient
    private let component: String
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var correlator = EventCorrelator()
    /// The last write queued, which the next one waits for.
    private var lastWrite: Task<Void, Never>?

    public init(client: KubeClient, component: String, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.component = component
        self.logger = logger
        self.now = now
    }

    /// Posts the event, counts a repeat, folds it into its combined Event, or drops it, as `EventCorrelator`
    /// decides; failures are logged, never thrown. Writes go out in the order events were recorded, one at a
    /// time, so a count update never overtakes the create of its Event.
    public func record(_ event: EventRecord) async {
        let timestamp = Timestamp.format(now())
        let name = "\(event.regarding.name).\(String(UInt64(now().timeIntervalSince1970 * 1e9), radix: 16))"
        let outcome = correlator.correlate(event, now: now(), newName: name)
        if outcome == .skip { return }
        let previous = lastWrite
        let write = Task {
            await previous?.value
            await self.send(outcome, for: event, timestamp: timestamp)
        }
        lastWrite = write
        await write.value
    }

    private func send(_ outcome: EventCorrelator.Outcome, for event: EventRecord, timestamp: String) async {
        do {
            switch outcome {
            case .skip:
                return
            case .increment(_, let name, let count, let message):
                _ = try await client.patch(.events, namespace: event.regarding.namespace, name: name,
                                           patch: ["count": .int(count), "lastTimestamp": .string(timestamp), "message": .string(message)],
                                           type: .merge)
            case .create(_, let name, let count, let message):
                var body = eventObject(event, name: name, timestamp: timestamp)
                body["message"] = .string(message)
                body["count"] = .int(count)
                _ = try await client.create(.events, body)
            }
        } catch {
            switch outcome {
            case .increment(let key, _, _, _), .create(let key, _, _, _): correlator.forget(key)
            case .skip: break
            }
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
