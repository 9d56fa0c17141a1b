import APIMachinery
import Foundation

extension Kubelet {
    /// `status.containerStatuses[]` entry for `container` (its spec) at `timeline`, keys in the order the
    /// API server prints them.
    static func containerStatus(_ container: JSON, timeline: ContainerTimeline, pod: JSON) -> JSON {
        let name = container["name"].stringValue ?? ""
        let image = container["image"].stringValue ?? ""
        var status: JSONObject = [:]
        var state: JSON = [:]
        switch timeline.state {
        case .creating:
            state = ["waiting": ["reason": "ContainerCreating"]]
        case .running(let run, let since):
            status["containerID"] = .string(SimulatedIdentity.containerID(podUID: pod.uid, container: name, run: run))
            state = ["running": ["startedAt": .string(Timestamp.format(since))]]
        case .failed(let exit):
            status["containerID"] = .string(SimulatedIdentity.containerID(podUID: pod.uid, container: name, run: exit.run))
            state = terminated(exit, container: name, pod: pod)
        case .backOff(let backOff):
            if let exit = timeline.lastExit {
                status["containerID"] = .string(SimulatedIdentity.containerID(podUID: pod.uid, container: name, run: exit.run))
            }
            let message = "back-off \(Int(backOff.rounded()))s restarting failed container=\(name) "
                + "pod=\(pod.name)_\(pod.namespace)(\(pod.uid))"
            state = ["waiting": ["message": .string(message), "reason": "CrashLoopBackOff"]]
        }
        status["image"] = .string(image)
        status["imageID"] = timeline.state == .creating ? "" : .string(SimulatedIdentity.imageID(image: image))
        status["lastState"] = timeline.lastExit.map { terminated($0, container: name, pod: pod) } ?? [:]
        status["name"] = .string(name)
        status["ready"] = .bool(timeline.ready)
        status["restartCount"] = .int(Int64(timeline.restartCount))
        if case .running = timeline.state { status["started"] = true } else { status["started"] = false }
        status["state"] = state
        return .object(status)
    }

    /// `{terminated: {...}}` for a run that exited with code 1.
    private static func terminated(_ exit: ContainerTimeline.Exit, container: String, pod: JSON) -> JSON {
        ["terminated": [
            "containerID": .string(SimulatedIdentity.containerID(podUID: pod.uid, container: container, run: exit.run)),
            "exitCode": 1,
            "finishedAt": .string(Timestamp.format(exit.finished)),
            "reason": "Error",
            "startedAt": .string(Timestamp.format(exit.started)),
        ]]
    }
}
