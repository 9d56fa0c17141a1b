import APIMachinery
import KubeClient
import NIOConcurrencyHelpers

/// How many non-terminal pods are bound to each node, kept up to date from the pod informer's events, as the
/// upstream scheduler's cache keeps per-node pod lists: scheduling a pod reads a count per node instead of
/// scanning every cached pod.
///
/// A pod counts towards `spec.nodeName` while its phase is neither `Succeeded` nor `Failed` (terminating pods
/// still count: they hold the node until they are gone). Counts follow the informer, so they lag the server
/// exactly as the pod cache does.
public final class NodeLoad: Sendable {
    private struct State {
        /// Pod key → the node it counts towards.
        var placements: [String: String] = [:]
        var counts: [String: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// The count for every node with at least one counted pod.
    public var podsPerNode: [String: Int] { state.withLockedValue { $0.counts } }

    /// The handler that keeps the counts in step with a pod informer.
    public var handler: InformerHandler {
        InformerHandler(onAdd: { self.record($0) }, onUpdate: { _, new in self.record(new) },
                        onDelete: { self.forget($0.objectKey) })
    }

    /// Counts `pod` towards its node, or towards none if it is unbound or terminal.
    func record(_ pod: JSON) {
        let key = pod.objectKey
        let node = Self.node(countedFor: pod)
        state.withLockedValue { state in
            guard state.placements[key] != node else { return }
            Self.remove(key, from: &state)
            if let node {
                state.placements[key] = node
                state.counts[node, default: 0] += 1
            }
        }
    }

    func forget(_ key: String) {
        state.withLockedValue { Self.remove(key, from: &$0) }
    }

    /// The per-node counts of `pods`, computed in one scan (what the index holds for the same pods).
    static func count(_ pods: [JSON]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for pod in pods {
            if let node = node(countedFor: pod) { counts[node, default: 0] += 1 }
        }
        return counts
    }

    /// The node `pod` counts towards: its `spec.nodeName` unless empty or the pod is terminal.
    static func node(countedFor pod: JSON) -> String? {
        guard let node = pod["spec"]["nodeName"].stringValue, !node.isEmpty, !Scheduler.isTerminal(pod) else { return nil }
        return node
    }

    private static func remove(_ key: String, from state: inout State) {
        guard let node = state.placements.removeValue(forKey: key) else { return }
        state.counts[node, default: 0] -= 1
        if state.counts[node] == 0 { state.counts[node] = nil }
    }
}
