import APIMachinery
import Foundation
import KubeClient

extension Kubelet {
    /// Graceful deletion of a pod with `deletionTimestamp`.
    ///
    /// At the delete request `t` the API server set `deletionGracePeriodSeconds = grace` and
    /// `deletionTimestamp = t + grace`. The simulated containers take their whole grace to stop, scaled:
    /// the deadline is `t + grace × timeScale` (exactly `deletionTimestamp` at timeScale 1). Until then the
    /// pod reports each running container `terminated` (exit code 0, reason `Completed`) and `Ready=False`,
    /// its phase unchanged; at the deadline the kubelet deletes it with grace 0 and a uid precondition.
    /// A pod none of whose containers ever ran has nothing to stop and is deleted at once.
    static func terminate(pod: JSON, config: SimulationConfig, now: Date) -> (actions: [ControllerAction], requeueAfter: Double?) {
        let delete = ControllerAction.delete(.pods, namespace: pod.namespace, name: pod.name, uid: pod.uid, gracePeriodSeconds: 0)
        let statuses = pod["status"]["containerStatuses"].arrayValue ?? []
        let everRan = statuses.contains { !$0["state"]["running"].isNull || !$0["state"]["terminated"].isNull
            || !$0["lastState"]["terminated"].isNull }
        let grace = Double(pod["metadata"]["deletionGracePeriodSeconds"].intValue ?? 0)
        guard everRan, let deletionTimestamp = Timestamp.date(pod["metadata"]["deletionTimestamp"]) else { return ([delete], nil) }
        let deadline = deletionTimestamp - grace + config.scaled(grace)
        guard now < deadline else { return ([delete], nil) }

        var status = pod["status"]
        status["containerStatuses"] = .array(statuses.map { stopped($0, now: now) })
        let names = statuses.compactMap { $0["name"].stringValue }
        status["conditions"] = PodCondition.merge([
            readiness("Ready", unready: names, failed: false),
            readiness("ContainersReady", unready: names, failed: false),
        ], into: status["conditions"], now: now)
        let actions: [ControllerAction] = status.semanticallyEquals(pod["status"]) ? [] : [.updateStatus(.pods, updating(pod, status: status))]
        return (actions, deadline.timeIntervalSince(now))
    }

    /// A container status after its container was asked to stop: a running container is terminated.
    private static func stopped(_ containerStatus: JSON, now: Date) -> JSON {
        var stopped = containerStatus
        stopped["ready"] = false
        stopped["started"] = false
        let running = containerStatus["state"]["running"]
        guard !running.isNull else { return stopped }
        stopped["state"] = ["terminated": [
            "containerID": containerStatus["containerID"],
            "exitCode": 0,
            "finishedAt": .string(Timestamp.format(now)),
            "reason": "Completed",
            "startedAt": running["startedAt"],
        ]]
        return stopped
    }
}
