import Foundation
import Testing
import APIMachinery
import KubeClient
@testable import Controllers

@Suite struct StatefulSetOwnershipTests {
    struct RetentionCase: Sendable, CustomStringConvertible {
        var whenScaled: String
        var whenDeleted: String
        /// Expected owner kinds of an in-range pod's claim and of a condemned pod's claim.
        var inRange: [String]
        var condemned: [String]
        var description: String { "\(whenScaled)/\(whenDeleted)" }
    }

    static let retentionCases = [
        RetentionCase(whenScaled: "Retain", whenDeleted: "Retain", inRange: [], condemned: []),
        RetentionCase(whenScaled: "Retain", whenDeleted: "Delete", inRange: ["StatefulSet"], condemned: ["StatefulSet"]),
        RetentionCase(whenScaled: "Delete", whenDeleted: "Retain", inRange: [], condemned: ["Pod"]),
        RetentionCase(whenScaled: "Delete", whenDeleted: "Delete", inRange: ["StatefulSet"], condemned: ["Pod"]),
    ]

    @Test(arguments: retentionCases, bothPolicies) func retentionPolicyOwners(_ policyCase: RetentionCase, policy: String) {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: policy) {
            $0["spec"]["persistentVolumeClaimRetentionPolicy"] = ["whenScaled": .string(policyCase.whenScaled),
                                                                  "whenDeleted": .string(policyCase.whenDeleted)]
        })
        cluster.runUntilStable()
        #expect(cluster.claims["www-web-1"]?.ownerReferences.map(\.kind) == policyCase.inRange)
        cluster.editSpec { $0["replicas"] = 1 }
        cluster.sync()
        let owners = cluster.claims["www-web-1"]?.ownerReferences ?? []
        #expect(owners.map(\.kind) == policyCase.condemned)
        if policyCase.condemned == ["Pod"] { #expect(owners.first?.uid == cluster.pods["web-1"]?.uid) }
        cluster.runUntilStable()
        #expect((cluster.claims["www-web-1"] == nil) == (policyCase.whenScaled == "Delete"))
        #expect(cluster.claims["www-web-0"]?.ownerReferences.map(\.kind) == policyCase.inRange && cluster.violations.isEmpty)
    }

    @Test func scaleUpWaitsForAStaleClaimUnderWhenScaledDelete() {
        let cluster = FakeCluster(set: webSet(replicas: 1, policy: "OrderedReady") {
            $0["spec"]["persistentVolumeClaimRetentionPolicy"] = ["whenScaled": "Delete", "whenDeleted": "Retain"] })
        cluster.claims["www-web-0"] = ["metadata": ["name": "www-web-0", "namespace": "default", "uid": "c1", "resourceVersion": "1",
                                                    "ownerReferences": [["apiVersion": "v1", "kind": "Pod", "name": "web-0", "uid": "gone"]]]]
        cluster.sync()
        #expect(cluster.pods.isEmpty && cluster.events.contains { $0.reason == "WaitingForClaim" })
        cluster.runUntilStable()
        #expect(cluster.pods["web-0"]?.isHealthy == true && cluster.claims["www-web-0"]?.uid != "c1")
    }

    @Test func adoptsOrphansAndReleasesPodsThatStopMatching() throws {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: "OrderedReady") { $0["spec"]["updateStrategy"] = ["type": "OnDelete"] })
        cluster.pods["web-0"] = ["metadata": ["name": "web-0", "namespace": "default", "uid": "orphan", "resourceVersion": "5",
                                              "labels": ["app": "nginx"]],
                                 "status": ["phase": "Running", "conditions": [["type": "Ready", "status": "True"]]]]
        cluster.pods["web-1"] = ["metadata": ["name": "web-1", "namespace": "default", "uid": "strayed", "resourceVersion": "6",
                                              "labels": ["app": "other"],
                                              "ownerReferences": [OwnerReference(controllerOf: cluster.set).json]],
                                 "status": ["phase": "Running"]]
        let plan = cluster.sync()
        #expect(plan.actions.contains(.patch(.pods, namespace: "default", name: "web-0", mergePatch: [
            "metadata": ["ownerReferences": [OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "set-uid",
                                                            controller: true, blockOwnerDeletion: true).json],
                         "resourceVersion": "5"]])))
        #expect(plan.actions.contains(.patch(.pods, namespace: "default", name: "web-1",
                                             mergePatch: ["metadata": ["ownerReferences": nil, "resourceVersion": "6"]])))
        #expect(cluster.pods["web-0"]?.controllerReference?.uid == "set-uid" && cluster.pods["web-1"]?.ownerReferences.isEmpty == true)
        cluster.remove("web-1")
        cluster.runUntilStable()
        #expect(cluster.pods["web-0"]?.uid == "orphan" && cluster.pods["web-0"]?.labels["apps.kubernetes.io/pod-index"] == "0")
        #expect(cluster.violations.isEmpty && cluster.pods.count == 2)
    }

    @Test func terminatingSetOnlyWritesStatus() {
        let cluster = FakeCluster(set: webSet(replicas: 2, policy: "OrderedReady"))
        cluster.runUntilStable()
        cluster.set[path: ["metadata", "deletionTimestamp"]] = "2024-01-01T00:00:00Z"
        cluster.editSpec { $0["replicas"] = 0 }
        let plan = cluster.sync()
        #expect(plan.actions.count == 1)
        if case .updateStatus(.statefulSets, let set)? = plan.actions.first { #expect(set["status"]["observedGeneration"] == 2) }
        else { Issue.record("expected a status write") }
    }
}
