import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct SchedulerTests {
    let nodes = NodeSimulator.nodes(config: SimulationConfig(), now: kubeletEpoch)
    let wffc: JSON = ["apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": ["name": "local"],
                      "provisioner": "ordinal.dev/simulated-disk", "volumeBindingMode": "WaitForFirstConsumer"]

    func claim(_ name: String, className: String = "local", annotations: [String: String] = [:]) -> JSON {
        ["metadata": ["name": .string(name), "namespace": "default", "uid": .string("uid-\(name)"), "annotations": JSON(stringMap: annotations)],
         "spec": ["storageClassName": .string(className), "resources": ["requests": ["storage": "1Gi"]]],
         "status": ["phase": "Pending"]]
    }

    func schedule(_ pod: JSON, pods: [JSON] = [], claims: [JSON] = [], nodes: [JSON]? = nil) -> [ControllerAction] {
        Scheduler.schedule(pod: pod, nodes: nodes ?? self.nodes, pods: pods, claims: claims,
                           storageClasses: [wffc, VolumeProvisioner.defaultStorageClass], now: at(0))
    }

    @Test func spreadsToTheLeastLoadedNodeTiesByName() {
        let pending = kubeletPod(name: "web-3", uid: "u3", node: nil)
        #expect(schedule(pending) == [.bind(namespace: "default", name: "web-3", node: "ordinal-worker-1")])
        let placed = [kubeletPod(name: "web-0", uid: "u0", node: "ordinal-worker-1"),
                      kubeletPod(name: "web-1", uid: "u1", node: "ordinal-worker-1"),
                      kubeletPod(name: "web-2", uid: "u2", node: "ordinal-worker-3")]
        #expect(schedule(pending, pods: placed) == [.bind(namespace: "default", name: "web-3", node: "ordinal-worker-2")])
    }

    @Test func terminalPodsDoNotCountAndUnreadyNodesAreSkipped() {
        var failed = kubeletPod(name: "old", uid: "u9", node: "ordinal-worker-1")
        failed["status"]["phase"] = "Failed"
        var notReady = nodes
        notReady[0]["status"]["conditions"] = [["type": "Ready", "status": "False"]]
        let pending = kubeletPod(name: "web-3", uid: "u3", node: nil)
        #expect(schedule(pending, pods: [failed, kubeletPod(name: "a", uid: "ua", node: "ordinal-worker-2")], nodes: notReady)
            == [.bind(namespace: "default", name: "web-3", node: "ordinal-worker-3")])
    }

    @Test func boundAndTerminatingPodsAreLeftAlone() {
        #expect(schedule(kubeletPod()).isEmpty)
        var terminating = kubeletPod(node: nil)
        terminating["metadata"]["deletionTimestamp"] = "2023-11-14T22:13:20Z"
        #expect(schedule(terminating).isEmpty)
    }

    @Test func aMissingClaimLeavesThePodUnschedulable() throws {
        let pod = kubeletPod(node: nil, claims: ["www-web-0"])
        let actions = schedule(pod)
        let updated = try #require(writtenObject(actions))
        #expect(actions.count == 1)
        let scheduled = condition(updated, "PodScheduled")
        #expect(scheduled["status"] == "False" && scheduled["reason"] == "Unschedulable")
        #expect(scheduled["message"] == "0/3 nodes are available: persistentvolumeclaim \"www-web-0\" not found.")
        #expect(schedule(updated).isEmpty)
    }

    @Test func waitForFirstConsumerClaimsGetTheSelectedNode() {
        let pod = kubeletPod(node: nil, claims: ["www-web-0"])
        let patch: JSON = ["metadata": ["annotations": ["volume.kubernetes.io/selected-node": "ordinal-worker-1"]]]
        #expect(schedule(pod, claims: [claim("www-web-0")]) == [
            .patch(.persistentVolumeClaims, namespace: "default", name: "www-web-0", mergePatch: patch),
            .bind(namespace: "default", name: "web-0", node: "ordinal-worker-1"),
        ])
        #expect(schedule(pod, claims: [claim("www-web-0", className: "standard")])
            == [.bind(namespace: "default", name: "web-0", node: "ordinal-worker-1")])
    }

    @Test func aSelectedNodePinsThePodToItsVolume() {
        let pod = kubeletPod(node: nil, claims: ["www-web-0"])
        let pinned = claim("www-web-0", annotations: [Scheduler.selectedNodeAnnotation: "ordinal-worker-2"])
        let busy = [kubeletPod(name: "x", uid: "ux", node: "ordinal-worker-2")]
        #expect(schedule(pod, pods: busy, claims: [pinned]) == [.bind(namespace: "default", name: "web-0", node: "ordinal-worker-2")])
    }
}
