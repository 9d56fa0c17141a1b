import APIMachinery
import Foundation
import KubeClient

/// The simulated kubelet of one node: drives a pod bound to that node through Pending (ContainerCreating) →
/// Running → Ready, and through graceful deletion, by writing the pod status a real kubelet would write.
///
/// `sync` is level-based and pure: it reads the pod as it is and the time, returns the writes to make and
/// when to look again (`requeueAfter`, seconds). The timeline is measured from `status.startTime`, which the
/// first sync writes: containers run `startDelay` after it, each container is ready `initialDelaySeconds` of
/// its readiness probe after it runs (at once without a probe), and the pod is Ready when all are; every
/// duration is scaled by `SimulationConfig.timeScale`. Failure injection: `SimulatedFailure`.
///
/// PodScheduled: upstream's binding subresource sets `PodScheduled=True`; the kubelet writes it too, keeping
/// its `lastTransitionTime` if it is already True, so the condition is there whoever binds the pod.
///
/// Init containers are not simulated: pods report `Initialized=True` and no `initContainerStatuses`.
public enum Kubelet {
    /// The writes that move `pod` (bound to `node`) along its timeline at `now`, and the seconds after which
    /// the caller should sync it again (nil: nothing changes with time alone). Pods bound elsewhere, and pods
    /// in a terminal phase, get nothing.
    public static func sync(pod: JSON, node: JSON, config: SimulationConfig, now: Date)
        -> (actions: [ControllerAction], requeueAfter: Double?) {
        guard !node.name.isEmpty, pod["spec"]["nodeName"].stringValue == node.name else { return ([], nil) }
        if pod.isTerminating { return terminate(pod: pod, config: config, now: now) }
        let phase = pod["status"]["phase"].stringValue
        guard phase != "Succeeded", phase != "Failed" else { return ([], nil) }

        let start = Timestamp.date(pod["status"]["startTime"]) ?? Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let runAt = start + config.scaled(config.startDelay)
        let containers = pod["spec"]["containers"].arrayValue ?? []
        let timelines = containers.map { timeline(of: $0, pod: pod, runAt: runAt, config: config, now: now) }
        let status = podStatus(pod: pod, node: node, containers: containers, timelines: timelines, start: start,
                               runAt: runAt, now: now)
        let actions: [ControllerAction] = status.semanticallyEquals(pod["status"]) ? [] : [.updateStatus(.pods, updating(pod, status: status))]
        let next = timelines.compactMap(\.next).min()
        return (actions, next.map { max(0, $0.timeIntervalSince(now)) })
    }

    /// The timeline of one container of `pod`, its delays scaled.
    static func timeline(of container: JSON, pod: JSON, runAt: Date, config: SimulationConfig, now: Date) -> ContainerTimeline {
        let probeDelay = container["readinessProbe"].isNull ? 0 : Double(container["readinessProbe"]["initialDelaySeconds"].intValue ?? 0)
        let failure = SimulatedFailure.of(pod)
        return ContainerTimeline.at(now, runAt: runAt, readyDelay: config.scaled(probeDelay), failure: failure?.failure,
                                    after: config.scaled(failure?.after ?? 0), timeScale: config.timeScale)
    }

    /// The pod status for `timelines`: the existing status with the fields the kubelet owns replaced.
    static func podStatus(pod: JSON, node: JSON, containers: [JSON], timelines: [ContainerTimeline], start: Date,
                          runAt: Date, now: Date) -> JSON {
        var status = pod["status"]
        let failed = timelines.contains { if case .failed = $0.state { true } else { false } }
        let creating = timelines.contains { $0.state == .creating }
        status["phase"] = .string(failed ? "Failed" : creating ? "Pending" : "Running")
        let unready = zip(containers, timelines).filter { !$0.1.ready }.map { $0.0["name"].stringValue ?? "" }
        status["conditions"] = PodCondition.merge([
            PodCondition(type: "PodReadyToStartContainers", status: now >= runAt),
            PodCondition(type: "Initialized", status: true),
            readiness("Ready", unready: unready, failed: failed),
            readiness("ContainersReady", unready: unready, failed: failed),
            PodCondition(type: "PodScheduled", status: true),
        ], into: status["conditions"], now: now)
        let hostIP = internalIP(of: node)
        status["hostIP"] = hostIP.map(JSON.string) ?? .null
        status["hostIPs"] = hostIP.map { JSON.array([["ip": .string($0)]]) } ?? .null
        if now >= runAt, status["podIP"].isNull,
           let ip = SimulatedIdentity.podIP(uid: pod.uid, podCIDR: node["spec"]["podCIDR"].stringValue ?? "") {
            status["podIP"] = .string(ip)
            status["podIPs"] = [["ip": .string(ip)]]
        }
        status["startTime"] = .string(Timestamp.format(start))
        status["containerStatuses"] = .array(zip(containers, timelines).map { containerStatus($0, timeline: $1, pod: pod) })
        return status
    }

    /// `Ready` or `ContainersReady` (`type`) given the names of the unready containers.
    static func readiness(_ type: String, unready: [String], failed: Bool) -> PodCondition {
        if failed { return PodCondition(type: type, status: false, reason: "PodFailed") }
        if unready.isEmpty { return PodCondition(type: type, status: true) }
        return PodCondition(type: type, status: false, reason: "ContainersNotReady",
                            message: "containers with unready status: [\(unready.joined(separator: " "))]")
    }

    /// The node's first `InternalIP` address.
    static func internalIP(of node: JSON) -> String? {
        node["status"]["addresses"].arrayValue?.first { $0["type"].stringValue == "InternalIP" }?["address"].stringValue
    }

    static func updating(_ pod: JSON, status: JSON) -> JSON {
        var updated = pod
        updated["status"] = status
        return updated
    }
}
