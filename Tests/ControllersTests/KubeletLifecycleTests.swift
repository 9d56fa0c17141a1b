import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct KubeletLifecycleTests {
    @Test func timelineWithReadinessDelay() {
        var pod = kubeletPod(readinessDelay: 5)

        let first = kubeletStep(&pod, at: at(0))
        #expect(first.actions.count == 1 && first.requeueAfter == 1)
        #expect(pod["status"]["phase"] == "Pending" && pod["status"]["qosClass"] == "BestEffort")
        #expect(pod["status"]["startTime"] == "2023-11-14T22:13:20Z")
        #expect(pod["status"]["hostIP"] == "172.18.0.2" && pod["status"]["hostIPs"] == [["ip": "172.18.0.2"]])
        #expect(pod["status"]["podIP"].isNull)
        #expect(container(pod)["state"] == ["waiting": ["reason": "ContainerCreating"]])
        #expect(container(pod)["started"] == false && container(pod)["ready"] == false && container(pod)["containerID"].isNull)
        #expect(condition(pod, "PodScheduled")["status"] == "True" && condition(pod, "Initialized")["status"] == "True")
        #expect(condition(pod, "PodReadyToStartContainers")["status"] == "False")
        #expect(condition(pod, "Ready")["status"] == "False" && condition(pod, "Ready")["reason"] == "ContainersNotReady")
        #expect(condition(pod, "ContainersReady")["message"] == "containers with unready status: [nginx]")
        #expect(condition(pod, "Ready")["lastProbeTime"] == .null)

        let before = kubeletStep(&pod, at: at(0.99))
        #expect(before.actions.isEmpty)
        #expect(abs((before.requeueAfter ?? 0) - 0.01) < 1e-6)

        let running = kubeletStep(&pod, at: at(1))
        #expect(running.actions.count == 1 && running.requeueAfter == 5)
        #expect(pod["status"]["phase"] == "Running")
        #expect(pod["status"]["podIP"].stringValue?.hasPrefix("10.244.1.") == true)
        #expect(pod["status"]["podIPs"] == [["ip": pod["status"]["podIP"]]])
        #expect(container(pod)["state"] == ["running": ["startedAt": "2023-11-14T22:13:21Z"]])
        #expect(container(pod)["started"] == true && container(pod)["ready"] == false)
        #expect(container(pod)["containerID"].stringValue?.hasPrefix("containerd://") == true)
        #expect(container(pod)["imageID"].stringValue?.hasPrefix("registry.k8s.io/nginx-slim@sha256:") == true)
        #expect(condition(pod, "PodReadyToStartContainers")["status"] == "True")
        #expect(condition(pod, "Ready")["status"] == "False")

        #expect(kubeletStep(&pod, at: at(5.9)).actions.isEmpty)
        let ready = kubeletStep(&pod, at: at(6))
        #expect(ready.actions.count == 1 && ready.requeueAfter == nil)
        #expect(container(pod)["ready"] == true)
        #expect(condition(pod, "Ready")["status"] == "True" && condition(pod, "Ready")["reason"].isNull)
        #expect(condition(pod, "ContainersReady")["status"] == "True")
        #expect(condition(pod, "Ready")["lastTransitionTime"] == "2023-11-14T22:13:26Z")

        let later = kubeletStep(&pod, at: at(100))
        #expect(later.actions.isEmpty && later.requeueAfter == nil)
    }

    @Test func lastTransitionTimeChangesOnlyWhenStatusFlips() {
        var pod = kubeletPod(readinessDelay: 5)
        _ = kubeletStep(&pod, at: at(0))
        _ = kubeletStep(&pod, at: at(1))
        _ = kubeletStep(&pod, at: at(6))
        #expect(condition(pod, "PodScheduled")["lastTransitionTime"] == "2023-11-14T22:13:20Z")
        #expect(condition(pod, "Initialized")["lastTransitionTime"] == "2023-11-14T22:13:20Z")
        #expect(condition(pod, "PodReadyToStartContainers")["lastTransitionTime"] == "2023-11-14T22:13:21Z")
        #expect(condition(pod, "ContainersReady")["lastTransitionTime"] == "2023-11-14T22:13:26Z")
    }

    @Test func readyAsSoonAsRunningWithoutProbe() {
        var pod = kubeletPod()
        _ = kubeletStep(&pod, at: at(0))
        let running = kubeletStep(&pod, at: at(1))
        #expect(running.requeueAfter == nil)
        #expect(condition(pod, "Ready")["status"] == "True" && container(pod)["ready"] == true)
    }

    @Test func timeScaleShortensEveryDelay() {
        let config = SimulationConfig(timeScale: 0.1)
        var pod = kubeletPod(readinessDelay: 10)
        #expect(abs((kubeletStep(&pod, at: at(0), config: config).requeueAfter ?? 0) - 0.1) < 1e-6)
        _ = kubeletStep(&pod, at: at(0.1), config: config)
        #expect(pod["status"]["phase"] == "Running" && condition(pod, "Ready")["status"] == "False")
        _ = kubeletStep(&pod, at: at(1.1), config: config)
        #expect(condition(pod, "Ready")["status"] == "True")
    }

    @Test func podIPIsStableAndSpread() {
        var pod = kubeletPod()
        _ = kubeletStep(&pod, at: at(0))
        _ = kubeletStep(&pod, at: at(1))
        let ip = pod["status"]["podIP"]
        _ = kubeletStep(&pod, at: at(500))
        #expect(pod["status"]["podIP"] == ip)
        #expect(SimulatedIdentity.podIP(uid: "uid-web-0", podCIDR: "10.244.1.0/24") == ip.stringValue)

        let ips = (0..<20).compactMap { SimulatedIdentity.podIP(uid: "uid-\($0)", podCIDR: "10.244.2.0/24") }
        #expect(ips.count == 20 && Set(ips).count >= 17)
        #expect(ips.allSatisfy { ip in Int(ip.split(separator: ".")[3]).map { (2...254).contains($0) } ?? false })
    }

    @Test func podsOnOtherNodesAreLeftAlone() {
        let pod = kubeletPod(node: "ordinal-worker-2")
        #expect(Kubelet.sync(pod: pod, node: kubeletNode(1), config: SimulationConfig(), now: at(0)).actions.isEmpty)
    }
}
