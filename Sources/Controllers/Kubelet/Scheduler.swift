import APIMachinery
import Foundation
import KubeClient

/// The simulated default scheduler: places a pending pod on the least-loaded Ready node.
///
/// Filters, in upstream's words: the node must be Ready and not `spec.unschedulable`; every claim the pod
/// mounts (`spec.volumes[].persistentVolumeClaim.claimName`) must exist and not be terminating; a claim that
/// carries `volume.kubernetes.io/selected-node` (kept after binding, so a recreated pod follows its volume)
/// pins the pod to that node. Score: the fewest non-terminal pods already on the node, ties by node name.
///
/// The scheduler only binds; `PodScheduled=True` is set by the binding subresource upstream and by the
/// kubelet's first status here (see `Kubelet`). When no node fits it writes `PodScheduled=False`, reason
/// `Unschedulable`, with upstream's message, e.g.
/// `0/3 nodes are available: persistentvolumeclaim "www-web-0" not found.`
public enum Scheduler {
    public static let selectedNodeAnnotation = "volume.kubernetes.io/selected-node"

    /// `schedule(pod:nodes:podsPerNode:…)` with the load counted from `pods` (every pod other than `pod`).
    public static func schedule(pod: JSON, nodes: [JSON], pods: [JSON], claims: [JSON], storageClasses: [JSON],
                                now: Date) -> [ControllerAction] {
        schedule(pod: pod, nodes: nodes, podsPerNode: NodeLoad.count(pods.filter { $0.uid != pod.uid }), claims: claims,
                 storageClasses: storageClasses, now: now)
    }

    /// The writes that schedule `pod`: for each unbound `WaitForFirstConsumer` claim without a selected node,
    /// a merge patch annotating it with the chosen node, then `.bind`. Nothing for pods already bound,
    /// terminating, terminal, or asking for another `schedulerName`. `podsPerNode` is the number of
    /// non-terminal pods bound to each node (`NodeLoad`); `pod` itself is unbound, so never among them.
    public static func schedule(pod: JSON, nodes: [JSON], podsPerNode: [String: Int], claims: [JSON], storageClasses: [JSON],
                                now: Date) -> [ControllerAction] {
        guard (pod["spec"]["nodeName"].stringValue ?? "").isEmpty, !pod.isTerminating, !isTerminal(pod),
              (pod["spec"]["schedulerName"].stringValue ?? "default-scheduler") == "default-scheduler" else { return [] }
        let used = claimNames(of: pod)
        let podClaims = used.compactMap { name in claims.first { $0.namespace == pod.namespace && $0.name == name } }
        if let problem = claimProblem(used: used, found: podClaims) {
            return unschedulable(pod, message: "0/\(nodes.count) nodes are available: \(problem).", now: now)
        }
        let ready = nodes.filter(isSchedulable)
        let pinned = Set(podClaims.compactMap { $0.annotations[selectedNodeAnnotation] })
        let candidates = ready.filter { pinned.isEmpty || pinned == [$0.name] }
        guard let chosen = leastLoaded(candidates, load: podsPerNode) else {
            return unschedulable(pod, message: noNodeMessage(total: nodes.count, ready: ready.count, pinned: !pinned.isEmpty), now: now)
        }
        let selections: [ControllerAction] = podClaims.filter { waitsForConsumer($0, storageClasses: storageClasses) }.map {
            .patch(.persistentVolumeClaims, namespace: $0.namespace, name: $0.name,
                   mergePatch: ["metadata": ["annotations": [selectedNodeAnnotation: .string(chosen)]]])
        }
        return selections + [.bind(namespace: pod.namespace, name: pod.name, node: chosen)]
    }

    /// Claim names the pod mounts, in volume order.
    static func claimNames(of pod: JSON) -> [String] {
        (pod["spec"]["volumes"].arrayValue ?? []).compactMap { $0["persistentVolumeClaim"]["claimName"].stringValue }
    }

    /// Upstream's reason for the first missing or terminating claim.
    private static func claimProblem(used: [String], found: [JSON]) -> String? {
        for name in used {
            guard let claim = found.first(where: { $0.name == name }) else { return "persistentvolumeclaim \"\(name)\" not found" }
            if claim.isTerminating { return "persistentvolumeclaim \"\(name)\" is being deleted" }
        }
        return nil
    }

    private static func noNodeMessage(total: Int, ready: Int, pinned: Bool) -> String {
        guard total > 0 else { return "no nodes available to schedule pods" }
        var reasons: [String] = []
        if ready < total { reasons.append("\(total - ready) node(s) were not ready") }
        if pinned, ready > 0 { reasons.append("\(ready) node(s) had volume node affinity conflict") }
        return "0/\(total) nodes are available: \(reasons.joined(separator: ", "))."
    }

    static func isSchedulable(_ node: JSON) -> Bool {
        let ready = node["status"]["conditions"].arrayValue?.contains {
            $0["type"].stringValue == "Ready" && $0["status"].stringValue == "True"
        } ?? false
        return ready && !(node["spec"]["unschedulable"].boolValue ?? false)
    }

    static func isTerminal(_ pod: JSON) -> Bool {
        ["Succeeded", "Failed"].contains(pod["status"]["phase"].stringValue ?? "")
    }

    /// The candidate with the fewest non-terminal pods bound to it, ties by name.
    private static func leastLoaded(_ candidates: [JSON], load: [String: Int]) -> String? {
        candidates.map(\.name).min { (load[$0] ?? 0, $0) < (load[$1] ?? 0, $1) }
    }

    /// An unbound claim of a `WaitForFirstConsumer` class that has no node selected yet.
    private static func waitsForConsumer(_ claim: JSON, storageClasses: [JSON]) -> Bool {
        guard (claim["spec"]["volumeName"].stringValue ?? "").isEmpty, claim.annotations[selectedNodeAnnotation] == nil,
              let className = claim["spec"]["storageClassName"].stringValue else { return false }
        let storageClass = storageClasses.first { $0.name == className }
        return storageClass?["volumeBindingMode"].stringValue == "WaitForFirstConsumer"
    }

    /// `PodScheduled=False` (reason `Unschedulable`), written only when it differs from what the pod shows.
    private static func unschedulable(_ pod: JSON, message: String, now: Date) -> [ControllerAction] {
        var updated = pod
        updated["status"]["conditions"] = PodCondition.merge(
            [PodCondition(type: "PodScheduled", status: false, reason: "Unschedulable", message: message)],
            into: pod["status"]["conditions"], now: now)
        return updated.semanticallyEquals(pod) ? [] : [.updateStatus(.pods, updated)]
    }
}
