import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct KubeletTerminationTests {
    /// A running, ready pod whose deletion was requested at `requested` with `grace` seconds.
    func terminatingPod(requested: Double, grace: Int64, config: SimulationConfig = SimulationConfig()) -> JSON {
        var pod = kubeletPod()
        _ = kubeletStep(&pod, at: at(0), config: config)
        _ = kubeletStep(&pod, at: at(1), config: config)
        pod["metadata"]["deletionTimestamp"] = .string(Timestamp.format(at(requested + Double(grace))))
        pod["metadata"]["deletionGracePeriodSeconds"] = .int(grace)
        return pod
    }

    @Test func containersStopThenThePodIsDeletedAtDeletionTimestamp() {
        var pod = terminatingPod(requested: 10, grace: 30)
        let stop = kubeletStep(&pod, at: at(10))
        #expect(stop.actions.count == 1 && stop.requeueAfter == 30)
        let state = container(pod)["state"]["terminated"]
        #expect(state["exitCode"] == 0 && state["reason"] == "Completed")
        #expect(state["startedAt"] == "2023-11-14T22:13:21Z" && state["finishedAt"] == "2023-11-14T22:13:30Z")
        #expect(state["containerID"] == container(pod)["containerID"])
        #expect(container(pod)["ready"] == false)
        #expect(condition(pod, "Ready")["status"] == "False" && condition(pod, "ContainersReady")["status"] == "False")

        let waiting = kubeletStep(&pod, at: at(39))
        #expect(waiting.actions.isEmpty && waiting.requeueAfter == 1)

        let done = kubeletStep(&pod, at: at(40))
        #expect(done.actions == [.delete(.pods, namespace: "default", name: "web-0", uid: "uid-web-0", gracePeriodSeconds: 0)])
        #expect(done.requeueAfter == nil)
    }

    @Test func graceIsScaled() {
        let config = SimulationConfig(timeScale: 0.1)
        var pod = terminatingPod(requested: 10, grace: 30, config: config)
        #expect(kubeletStep(&pod, at: at(10), config: config).requeueAfter == 3)
        #expect(kubeletStep(&pod, at: at(13), config: config).actions.first.map {
            if case .delete = $0 { true } else { false }
        } == true)
    }

    @Test func aPodThatNeverRanIsDeletedAtOnce() {
        var pod = kubeletPod()
        _ = kubeletStep(&pod, at: at(0))
        pod["metadata"]["deletionTimestamp"] = .string(Timestamp.format(at(30)))
        pod["metadata"]["deletionGracePeriodSeconds"] = 30
        let result = kubeletStep(&pod, at: at(0.5))
        #expect(result.actions == [.delete(.pods, namespace: "default", name: "web-0", uid: "uid-web-0", gracePeriodSeconds: 0)])
    }
}
