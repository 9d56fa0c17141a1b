import Foundation
import Testing
import APIMachinery
import KubeClient
@testable import Controllers

@Suite struct StatefulSetUpdateTests {
    private func setImage(_ cluster: FakeCluster, _ image: String) {
        cluster.editSpec { $0[path: ["template", "spec", "containers"]] = [["name": "nginx", "image": .string(image)]] }
    }

    @Test(arguments: bothPolicies) func partitionedRolloutUpdatesFromTheTopThenFinishes(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 5, policy: policy))
        cluster.runUntilStable()
        let oldRevision = cluster.set["status"]["currentRevision"].stringValue ?? ""
        cluster.editSpec { $0[path: ["updateStrategy", "rollingUpdate", "partition"]] = 3 }
        setImage(cluster, "nginx:1.26")
        cluster.runUntilStable()
        let newRevision = cluster.set["status"]["updateRevision"].stringValue ?? ""
        #expect(newRevision != oldRevision && cluster.violations.isEmpty)
        #expect(cluster.deletedPods == ["web-4", "web-3"])
        #expect(cluster.podsByRevision() == ["web-0": oldRevision, "web-1": oldRevision, "web-2": oldRevision,
                                             "web-3": newRevision, "web-4": newRevision])
        #expect(cluster.set["status"]["currentRevision"].stringValue == oldRevision && cluster.set["status"]["updatedReplicas"] == 2)

        cluster.editSpec { $0[path: ["updateStrategy", "rollingUpdate", "partition"]] = 0 }
        cluster.runUntilStable()
        #expect(cluster.deletedPods == ["web-4", "web-3", "web-2", "web-1", "web-0"] && cluster.violations.isEmpty)
        let status = cluster.set["status"]
        #expect(status["currentRevision"].stringValue == newRevision && status["updateRevision"].stringValue == newRevision)
        #expect(status["currentReplicas"] == 5 && status["updatedReplicas"] == 5 && status["readyReplicas"] == 5)
        #expect(status["replicas"] == 5 && status["availableReplicas"] == 5 && status["observedGeneration"] == 4)
        #expect(status["collisionCount"] == 0)
    }

    @Test(arguments: bothPolicies) func rolloutReplacesOnePodAtATime(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy))
        cluster.runUntilStable()
        setImage(cluster, "nginx:1.26")
        cluster.stuckPods = ["web-2"]
        cluster.runUntilStable()
        #expect(cluster.deletedPods == ["web-2"], "a new pod that never gets Ready stalls the rollout")
        #expect(cluster.events.contains { $0.message.hasPrefix("rolling update waits for Pod web-2 (revision web-") })
    }

    @Test(arguments: bothPolicies) func rolloutFinishesWhenDeletedPodsVanishAtOnce(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy) { $0["spec"]["updateStrategy"] = ["type": "RollingUpdate"] })
        cluster.podsVanishOnDelete = true
        cluster.runUntilStable()
        setImage(cluster, "nginx:1.26")
        cluster.runUntilStable()
        #expect(cluster.deletedPods == ["web-2", "web-1", "web-0"] && cluster.violations.isEmpty)
        #expect(cluster.set["status"]["currentRevision"] == cluster.set["status"]["updateRevision"])
    }

    @Test func rollbackRenumbersTheOlderRevision() throws {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: "OrderedReady"))
        cluster.runUntilStable()
        let first = try #require(cluster.revisions.values.first)
        #expect(first["revision"] == 1 && first.labels["controller.kubernetes.io/hash"].map { first.name == "web-\($0)" } == true)
        #expect(first.name.dropFirst(4).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
        #expect(first["data"]["spec"]["template"]["$patch"] == "replace")
        setImage(cluster, "nginx:1.26")
        cluster.runUntilStable()
        setImage(cluster, "nginx:1.25")
        let plan = cluster.sync()
        #expect(plan.actions.contains { if case .update(.controllerRevisions, let revision) = $0 {
            return revision.name == first.name && revision["revision"] == 3 } else { return false } })
        cluster.runUntilStable()
        #expect(cluster.revisions.count == 2 && cluster.set["status"]["updateRevision"].stringValue == first.name)
        #expect(cluster.pods.values.allSatisfy { $0.podRevision == first.name })
    }

    @Test func historyIsPrunedToTheLimitKeepingLiveRevisions() {
        let cluster = FakeCluster(set: webSet(replicas: 1, policy: "OrderedReady") { $0["spec"]["revisionHistoryLimit"] = 1 })
        cluster.runUntilStable()
        for image in ["nginx:1", "nginx:2", "nginx:3"] {
            setImage(cluster, image)
            cluster.runUntilStable()
        }
        #expect(cluster.revisions.count == 1 && cluster.revisions.values.first?["revision"] == 4)
    }

    @Test(arguments: bothPolicies) func onDeleteNeverDeletesToUpdate(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: policy) { $0["spec"]["updateStrategy"] = ["type": "OnDelete"] })
        cluster.runUntilStable()
        setImage(cluster, "nginx:1.26")
        cluster.runUntilStable()
        #expect(cluster.deletedPods.isEmpty)
        let update = cluster.set["status"]["updateRevision"].stringValue
        #expect(update != cluster.set["status"]["currentRevision"].stringValue)
        cluster.remove("web-0")
        cluster.runUntilStable()
        #expect(cluster.pods["web-0"]?.podRevision == update && cluster.pods["web-1"]?.podRevision != update)
    }

    @Test func withoutRollingUpdateBlockReplacedPodsFollowCurrentReplicas() {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: "OrderedReady") { $0["spec"]["updateStrategy"] = ["type": "RollingUpdate"] })
        cluster.runUntilStable()
        let current = cluster.set["status"]["currentRevision"].stringValue
        setImage(cluster, "nginx:1.26")
        cluster.stuckPods = ["web-2"]
        cluster.runUntilStable()
        cluster.remove("web-0")
        cluster.runUntilStable()
        #expect(cluster.pods["web-0"]?.podRevision == current, "ordinal below status.currentReplicas keeps the current revision")
    }

    @Test func maxUnavailableDeletesSeveralAtOnce() {
        let cluster = FakeCluster(set: webSet(replicas: 4, policy: "Parallel") {
            $0[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]] = 2 })
        cluster.runUntilStable()
        setImage(cluster, "nginx:1.26")
        cluster.sync()
        #expect(cluster.deletedPods == ["web-3", "web-2"])
        cluster.runUntilStable()
        #expect(cluster.deletedPods.count == 4 && cluster.set["status"]["updatedReplicas"] == 4)
    }
}
