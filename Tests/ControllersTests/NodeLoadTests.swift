import APIMachinery
import Testing
@testable import Controllers

/// The per-node counts the scheduler reads must equal a scan of the pods through binds, terminal phases,
/// re-binds and deletes, however the events arrive.
@Suite struct NodeLoadTests {
    @Test func countsFollowBindsTerminalPhasesAndDeletes() {
        let load = NodeLoad()
        let pending = kubeletPod(name: "web-0", uid: "u0", node: nil)
        load.handler.onAdd(pending)
        #expect(load.podsPerNode.isEmpty)

        let bound = kubeletPod(name: "web-0", uid: "u0", node: "ordinal-worker-1")
        load.handler.onUpdate(pending, bound)
        load.handler.onUpdate(bound, bound)
        load.handler.onAdd(kubeletPod(name: "web-1", uid: "u1", node: "ordinal-worker-1"))
        load.handler.onAdd(kubeletPod(name: "web-2", uid: "u2", node: "ordinal-worker-2"))
        #expect(load.podsPerNode == ["ordinal-worker-1": 2, "ordinal-worker-2": 1])

        var succeeded = bound
        succeeded["status"]["phase"] = "Succeeded"
        load.handler.onUpdate(bound, succeeded)
        #expect(load.podsPerNode == ["ordinal-worker-1": 1, "ordinal-worker-2": 1])

        load.handler.onDelete(kubeletPod(name: "web-2", uid: "u2", node: "ordinal-worker-2"))
        load.handler.onDelete(succeeded)
        #expect(load.podsPerNode == ["ordinal-worker-1": 1])

        let recreated = kubeletPod(name: "web-2", uid: "u3", node: "ordinal-worker-3")
        load.handler.onAdd(recreated)
        #expect(load.podsPerNode == NodeLoad.count([kubeletPod(name: "web-1", uid: "u1", node: "ordinal-worker-1"), recreated]))
    }

    @Test func schedulingWithCountsMatchesSchedulingWithPods() {
        let nodes = NodeSimulator.nodes(config: SimulationConfig(), now: kubeletEpoch)
        let placed = [kubeletPod(name: "a", uid: "ua", node: "ordinal-worker-1"),
                      kubeletPod(name: "b", uid: "ub", node: "ordinal-worker-2"),
                      kubeletPod(name: "c", uid: "uc", node: "ordinal-worker-1")]
        let load = NodeLoad()
        for pod in placed { load.handler.onAdd(pod) }
        let pending = kubeletPod(name: "web-3", uid: "u3", node: nil)
        let fromCounts = Scheduler.schedule(pod: pending, nodes: nodes, podsPerNode: load.podsPerNode, claims: [],
                                            storageClasses: [], now: kubeletEpoch)
        #expect(fromCounts == Scheduler.schedule(pod: pending, nodes: nodes, pods: placed, claims: [], storageClasses: [],
                                                 now: kubeletEpoch))
        #expect(fromCounts == [.bind(namespace: "default", name: "web-3", node: "ordinal-worker-3")])
    }
}
