import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct KubeletFailureTests {
    @Test func failTurnsThePodFailed() {
        var pod = kubeletPod(annotations: [SimulatedFailure.annotation: "fail"])
        _ = kubeletStep(&pod, at: at(0))
        let failed = kubeletStep(&pod, at: at(1))
        #expect(failed.requeueAfter == nil)
        #expect(pod["status"]["phase"] == "Failed")
        let terminated = container(pod)["state"]["terminated"]
        #expect(terminated["exitCode"] == 1 && terminated["reason"] == "Error")
        #expect(condition(pod, "Ready")["status"] == "False" && condition(pod, "Ready")["reason"] == "PodFailed")
        #expect(kubeletStep(&pod, at: at(50)).actions.isEmpty)
    }

    @Test func failAfterADelay() {
        var pod = kubeletPod(annotations: [SimulatedFailure.annotation: "fail", SimulatedFailure.afterAnnotation: "5"])
        _ = kubeletStep(&pod, at: at(0))
        #expect(kubeletStep(&pod, at: at(1)).requeueAfter == 5)
        #expect(pod["status"]["phase"] == "Running" && condition(pod, "Ready")["status"] == "True")
        _ = kubeletStep(&pod, at: at(6))
        #expect(pod["status"]["phase"] == "Failed")
        #expect(container(pod)["state"]["terminated"]["finishedAt"] == "2023-11-14T22:13:26Z")
    }

    @Test func neverReadyRunsButIsNeverReady() {
        var pod = kubeletPod(annotations: [SimulatedFailure.annotation: "never-ready"])
        _ = kubeletStep(&pod, at: at(0))
        let running = kubeletStep(&pod, at: at(1))
        #expect(running.requeueAfter == nil)
        _ = kubeletStep(&pod, at: at(1000))
        #expect(pod["status"]["phase"] == "Running" && container(pod)["ready"] == false)
        #expect(condition(pod, "Ready")["status"] == "False")
    }

    @Test func crashLoopBacksOffDoubling() {
        var pod = kubeletPod(annotations: [SimulatedFailure.annotation: "crash-loop"])
        _ = kubeletStep(&pod, at: at(0))
        let expected: [(Double, Int64, Double)] = [(1, 1, 10), (11, 2, 20), (31, 3, 40), (71, 4, 80)]
        for (time, restarts, backOff) in expected {
            let result = kubeletStep(&pod, at: at(time))
            #expect(result.requeueAfter == backOff)
            #expect(container(pod)["restartCount"] == .int(restarts))
            #expect(container(pod)["state"]["waiting"]["reason"] == "CrashLoopBackOff")
            #expect(container(pod)["state"]["waiting"]["message"].stringValue?.hasPrefix("back-off \(Int(backOff))s restarting failed container=nginx pod=web-0_default(uid-web-0)") == true)
            #expect(container(pod)["lastState"]["terminated"]["exitCode"] == 1)
            #expect(pod["status"]["phase"] == "Running" && condition(pod, "Ready")["status"] == "False")
        }
    }

    @Test func crashLoopRunsBetweenCrashesWithADelay() {
        var pod = kubeletPod(annotations: [SimulatedFailure.annotation: "crash-loop", SimulatedFailure.afterAnnotation: "5"])
        _ = kubeletStep(&pod, at: at(0))
        _ = kubeletStep(&pod, at: at(1))
        #expect(container(pod)["restartCount"] == 0 && container(pod)["ready"] == true)
        _ = kubeletStep(&pod, at: at(6))
        #expect(container(pod)["restartCount"] == 1 && container(pod)["state"]["waiting"]["reason"] == "CrashLoopBackOff")
        let rerun = kubeletStep(&pod, at: at(16))
        #expect(rerun.requeueAfter == 5)
        #expect(container(pod)["state"]["running"]["startedAt"] == "2023-11-14T22:13:36Z")
        #expect(container(pod)["restartCount"] == 1 && container(pod)["ready"] == true)
        #expect(container(pod)["lastState"]["terminated"]["finishedAt"] == "2023-11-14T22:13:26Z")
    }
}
