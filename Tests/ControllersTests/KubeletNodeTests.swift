import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct KubeletNodeTests {
    @Test func nodesAreReadyWithAddressesAndCapacity() {
        let nodes = NodeSimulator.nodes(config: SimulationConfig(), now: kubeletEpoch)
        #expect(nodes.map(\.name) == ["ordinal-worker-1", "ordinal-worker-2", "ordinal-worker-3"])
        let node = nodes[1]
        #expect(node.labels["kubernetes.io/hostname"] == "ordinal-worker-2" && node.labels["kubernetes.io/os"] == "linux")
        #expect(node["spec"]["podCIDR"] == "10.244.2.0/24")
        #expect(Kubelet.internalIP(of: node) == "172.18.0.3")
        let ready = node["status"]["conditions"].arrayValue?.first { $0["type"] == "Ready" }
        #expect(ready?["status"] == "True" && ready?["reason"] == "KubeletReady")
        #expect(node["status"]["capacity"]["pods"] == "110" && node["status"]["allocatable"]["cpu"] == "4")
        #expect(node["status"]["daemonEndpoints"]["kubeletEndpoint"]["Port"] == 10250)
        #expect(node["status"]["nodeInfo"]["kubeletVersion"].stringValue?.hasPrefix("v1.") == true)
        #expect(Scheduler.isSchedulable(node))
    }

    @Test func heartbeatEveryFortyScaledSeconds() throws {
        let node = kubeletNode()
        let config = SimulationConfig()
        #expect(NodeSimulator.heartbeat(node: node, config: config, now: at(39)) == nil)
        let action = try #require(NodeSimulator.heartbeat(node: node, config: config, now: at(40)))
        let beat = try #require(writtenObject([action]))
        let ready = beat["status"]["conditions"].arrayValue?.first { $0["type"] == "Ready" }
        #expect(ready?["lastHeartbeatTime"] == "2023-11-14T22:14:00Z")
        #expect(ready?["lastTransitionTime"] == "2023-11-14T22:13:20Z")
        #expect(NodeSimulator.heartbeat(node: node, config: SimulationConfig(timeScale: 0.1), now: at(4)) != nil)
    }

    @Test func heartbeatRestoresMissingConditions() {
        var node = kubeletNode()
        node["status"]["conditions"] = []
        #expect(NodeSimulator.heartbeat(node: node, config: SimulationConfig(), now: at(1)) != nil)
    }
}
