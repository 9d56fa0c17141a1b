import Foundation
import Testing
import APIMachinery
import KubeClient
@testable import Controllers

@Suite struct StatefulSetScalingTests {
    @Test(arguments: bothPolicies) func scaleUpCreatesClaimsThenPodsInOrder(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy))
        let first = cluster.sync()
        let creates = first.actions.compactMap { action -> String? in
            if case .create(let resource, let object) = action, resource != .controllerRevisions { return object.name } else { return nil }
        }
        #expect(creates == (policy == "Parallel"
            ? ["www-web-0", "web-0", "www-web-1", "web-1", "www-web-2", "web-2"] : ["www-web-0", "web-0"]))
        cluster.runUntilStable()
        #expect(cluster.violations.isEmpty)
        #expect(cluster.createdPods == ["web-0", "web-1", "web-2"])
        #expect(Set(cluster.claims.keys) == ["www-web-0", "www-web-1", "www-web-2"])
        let status = cluster.set["status"]
        #expect(status["replicas"] == 3 && status["readyReplicas"] == 3 && status["availableReplicas"] == 3)
        #expect(status["currentRevision"] == status["updateRevision"] && status["currentReplicas"] == 3)
        #expect(cluster.events.contains { $0.reason == "SuccessfulCreate" && $0.message == "create Pod web-0 in StatefulSet web successful" })
        #expect(cluster.events.contains { $0.message == "create Claim www-web-0 Pod web-0 in StatefulSet web success" })
    }

    @Test func newPodCarriesIdentity() throws {
        let cluster = FakeCluster(set: webSet(replicas: 1, policy: "OrderedReady"))
        cluster.runUntilStable()
        let pod = try #require(cluster.pods["web-0"])
        #expect(pod.labels["statefulset.kubernetes.io/pod-name"] == "web-0" && pod.labels["apps.kubernetes.io/pod-index"] == "0")
        #expect(pod.labels["controller-revision-hash"] == cluster.set["status"]["updateRevision"].stringValue)
        #expect(pod["spec"]["hostname"] == "web-0" && pod["spec"]["subdomain"] == "nginx")
        #expect(pod["spec"]["volumes"] == [["name": "www", "persistentVolumeClaim": ["claimName": "www-web-0"]]])
        #expect(pod.controllerReference == OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "set-uid",
                                                          controller: true, blockOwnerDeletion: true))
        #expect(cluster.claims["www-web-0"]?.labels == ["app": "nginx"])
    }

    @Test func orderedReadyExplainsWhyTheNextPodWaits() {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: "OrderedReady"))
        cluster.stuckPods = ["web-1"]
        cluster.runUntilStable()
        #expect(cluster.violations.isEmpty)
        #expect(cluster.pods["web-2"] == nil)
        #expect(cluster.events.contains { $0.reason == "WaitingForPod"
            && $0.message == "waiting for Pod web-1 to be Running and Ready before creating web-2" })
    }

    @Test(arguments: bothPolicies) func scaleDownDeletesHighestFirst(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy))
        cluster.runUntilStable()
        cluster.editSpec { $0["replicas"] = 1 }
        let plan = cluster.sync()
        let deletes = plan.actions.filter { if case .delete(.pods, _, _, _, _, _) = $0 { return true } else { return false } }
        #expect(deletes.count == (policy == "Parallel" ? 2 : 1))
        #expect(cluster.deletedPods.first == "web-2")
        cluster.sync()
        if policy == "OrderedReady" { #expect(cluster.deletedPods == ["web-2"], "web-1 waits while web-2 terminates") }
        cluster.runUntilStable()
        #expect(cluster.deletedPods == ["web-2", "web-1"])
        #expect(Set(cluster.pods.keys) == ["web-0"] && cluster.violations.isEmpty)
        #expect(cluster.events.contains { $0.reason == "SuccessfulDelete" && $0.message == "delete Pod web-2 in StatefulSet web successful" })
        #expect(cluster.claims.count == 3, "Retain keeps every claim")
    }

    @Test(arguments: bothPolicies) func deletedPodComesBackWithItsClaim(policy: String) throws {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy))
        cluster.runUntilStable()
        let oldUID = try #require(cluster.pods["web-1"]).uid
        let claimUID = try #require(cluster.claims["www-web-1"]).uid
        cluster.remove("web-1")
        cluster.runUntilStable()
        let pod = try #require(cluster.pods["web-1"])
        #expect(pod.uid != oldUID && cluster.claims["www-web-1"]?.uid == claimUID && cluster.violations.isEmpty)
    }

    @Test(arguments: bothPolicies) func failedPodIsReplacedOnlyOnceTheObjectIsGone(policy: String) throws {
        let cluster = FakeCluster(set: webSet(replicas: 3, policy: policy))
        cluster.runUntilStable()
        cluster.markFailed("web-1")
        cluster.sync()
        #expect(cluster.pods["web-1"]?.isTerminating == true && cluster.deletedPods == ["web-1"])
        cluster.sync()
        #expect(cluster.createdPods.filter { $0 == "web-1" }.count == 1, "the slot stays blocked while the object exists")
        cluster.runUntilStable()
        #expect(cluster.pods["web-1"]?.isHealthy == true && cluster.violations.isEmpty)
        #expect(cluster.createdPods.filter { $0 == "web-1" }.count == 2)
    }

    @Test(arguments: bothPolicies) func injectedFailuresAreRecoveredOnLaterPasses(policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 4, policy: policy))
        var attempt = 0
        cluster.failWhen = { action in
            if case .event = action { return false }
            attempt += 1
            return attempt % 3 == 0
        }
        cluster.runUntilStable(maxPasses: 80)
        #expect(cluster.violations.isEmpty)
        #expect(cluster.pods.count == 4 && cluster.pods.values.allSatisfy(\.isHealthy))
        #expect(cluster.set["status"]["readyReplicas"] == 4)
    }

    @Test func terminatingClaimBlocksItsPod() {
        let cluster = FakeCluster(set: webSet(replicas: 1, policy: "OrderedReady"))
        cluster.claims["www-web-0"] = ["metadata": ["name": "www-web-0", "namespace": "default", "uid": "c1",
                                                    "deletionTimestamp": "2024-01-01T00:00:00Z"]]
        cluster.sync()
        #expect(cluster.pods.isEmpty)
        #expect(cluster.events.contains { $0.reason == "WaitingForClaim" && $0.message == "pvc www-web-0 is being deleted; Pod web-0 waits for it" })
    }

    @Test func minReadySecondsHoldsTheNextPodAndRequeues() {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: "OrderedReady") { $0["spec"]["minReadySeconds"] = 10 })
        cluster.sync()
        cluster.markReady("web-0")
        let waiting = cluster.sync()
        #expect(cluster.pods["web-1"] == nil && waiting.requeueAfter == 10)
        #expect(cluster.events.contains { $0.message == "waiting for Pod web-0 to be available for minReadySeconds (10s) before creating web-1" })
        cluster.now += 10
        cluster.sync()
        #expect(cluster.pods["web-1"] != nil && cluster.set["status"]["availableReplicas"] == 1)
    }
}
