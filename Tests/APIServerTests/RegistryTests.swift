import Foundation
import APIMachinery
import Testing
@testable import APIServer

@Suite struct RegistryTests {
    @Test func createsWithServerMetadataAndDefaults() throws {
        let cluster = try TestCluster()
        let created = cluster.send("POST", statefulSets, webStatefulSet)
        #expect(created.status == 201)
        #expect(created.body["metadata"]["generation"] == 1)
        #expect(created.body["metadata"]["uid"].stringValue?.count == 36)
        #expect(created.body["metadata"]["resourceVersion"].stringValue != nil)
        #expect(created.body["spec"]["podManagementPolicy"] == "OrderedReady")
        #expect(created.body["status"]["replicas"] == 0)
        #expect(cluster.send("POST", statefulSets, webStatefulSet).body["reason"] == "AlreadyExists")
    }

    @Test func staleUpdateConflictsAndStatusIsKept() throws {
        let cluster = try TestCluster()
        let created = cluster.send("POST", statefulSets, webStatefulSet).body
        var status = created
        status["status"]["replicas"] = 2
        let afterStatus = cluster.send("PUT", "\(statefulSets)/web/status", status)
        #expect(afterStatus.status == 200)
        #expect(afterStatus.body["status"]["replicas"] == 2)
        #expect(afterStatus.body["metadata"]["generation"] == 1)

        var scaled = afterStatus.body
        scaled["spec"]["replicas"] = 3
        scaled["status"]["replicas"] = 99
        let updated = cluster.send("PUT", "\(statefulSets)/web", scaled)
        #expect(updated.status == 200)
        #expect(updated.body["metadata"]["generation"] == 2)
        #expect(updated.body["status"]["replicas"] == 2)
        let stale = cluster.send("PUT", "\(statefulSets)/web", scaled)
        #expect(stale.status == 409)
        #expect(stale.body["reason"] == "Conflict")
    }

    @Test func noOpUpdateWritesNothing() throws {
        let cluster = try TestCluster()
        let created = cluster.send("POST", statefulSets, webStatefulSet).body
        let same = cluster.send("PUT", "\(statefulSets)/web", created)
        #expect(same.body["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"])
    }

    @Test(arguments: [
        ("Strict", 400, false),
        ("Warn", 201, true),
        ("Ignore", 201, false),
    ])
    func unknownFieldsFollowFieldValidation(mode: String, status: Int, warns: Bool) throws {
        let cluster = try TestCluster()
        var body = webStatefulSet
        body["spec"]["foo"] = "bar"
        let response = cluster.send("POST", statefulSets, body, query: [("fieldValidation", mode)])
        #expect(response.status == status)
        #expect(response.headers.contains { $0.name == "Warning" && $0.value.contains("spec.foo") } == warns)
        if status == 400 { #expect(response.body["message"].stringValue?.contains("strict decoding error: unknown field \"spec.foo\"") == true) }
        if status == 201 { #expect(response.body["spec"]["foo"].isNull) }
    }

    @Test func immutableFieldsAreRefused() throws {
        let cluster = try TestCluster()
        var changed = cluster.send("POST", statefulSets, webStatefulSet).body
        changed["spec"]["serviceName"] = "other"
        let response = cluster.send("PUT", "\(statefulSets)/web", changed)
        #expect(response.status == 422)
        #expect(response.body["message"].stringValue?.hasPrefix("StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec") == true)
    }

    @Test func scaleSubresourceReadsAndWritesReplicas() throws {
        let cluster = try TestCluster()
        cluster.send("POST", statefulSets, webStatefulSet)
        let scale = cluster.send("GET", "\(statefulSets)/web/scale").body
        #expect(scale["kind"] == "Scale" && scale["status"]["selector"] == "app=nginx" && scale["spec"]["replicas"] == 2)
        let patched = cluster.send("PATCH", "\(statefulSets)/web/scale", ["spec": ["replicas": 5]], contentType: "application/merge-patch+json")
        #expect(patched.body["spec"]["replicas"] == 5)
        #expect(cluster.send("GET", "\(statefulSets)/web").body["spec"]["replicas"] == 5)
    }

    @Test func strategicMergePatchMergesContainersByName() throws {
        let cluster = try TestCluster()
        cluster.send("POST", statefulSets, webStatefulSet)
        let patch: JSON = ["spec": ["template": ["spec": ["containers": [["name": "nginx", "image": "nginx:2"],
                                                                         ["name": "sidecar", "image": "busybox"]]]]]]
        let patched = cluster.send("PATCH", "\(statefulSets)/web", patch, contentType: "application/strategic-merge-patch+json").body
        let containers = patched["spec"]["template"]["spec"]["containers"].arrayValue ?? []
        #expect(containers.map { $0["name"] } == ["nginx", "sidecar"])
        #expect(containers[0]["image"] == "nginx:2" && containers[0]["ports"].arrayValue?.first?["containerPort"] == 80)
    }

    @Test func creatingInAMissingNamespaceIsNotFound() throws {
        let cluster = try TestCluster()
        let response = cluster.send("POST", "/apis/apps/v1/namespaces/nope/statefulsets", webStatefulSet)
        #expect(response.status == 404)
        #expect(response.body["message"] == "namespaces \"nope\" not found")
    }

    @Test func finalizersHoldDeletionUntilRemoved() throws {
        let cluster = try TestCluster()
        var body = webStatefulSet
        body["metadata"]["finalizers"] = ["example.com/hold"]
        cluster.send("POST", statefulSets, body)
        let deleting = cluster.send("DELETE", "\(statefulSets)/web")
        #expect(deleting.status == 200 && !deleting.body["metadata"]["deletionTimestamp"].isNull)
        let released = cluster.send("PATCH", "\(statefulSets)/web", ["metadata": ["finalizers": nil]], contentType: "application/merge-patch+json")
        #expect(released.status == 200)
        #expect(cluster.send("GET", "\(statefulSets)/web").status == 404)
    }
}

@Suite struct ConcurrentPatchTests {
    /// Patches that carry no resourceVersion are retried on conflicts, so concurrent writers all succeed
    /// (as `kubectl label` beside a busy controller must).
    @Test func patchesWithoutResourceVersionNeverConflict() throws {
        let cluster = try TestCluster()
        cluster.send("POST", "/api/v1/namespaces/default/configmaps", ["metadata": ["name": "shared"]])
        let statuses = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for round in 0..<25 {
                let patch: JSON = ["metadata": ["labels": [.init(stringLiteral: "w\(writer)"): .string("r\(round)")]]]
                statuses.append(cluster.send("PATCH", "/api/v1/namespaces/default/configmaps/shared", patch,
                                             contentType: "application/merge-patch+json").status)
            }
        }
        #expect(statuses.values.allSatisfy { $0 == 200 })
        #expect(statuses.values.count == 200)
    }

    @Test func aResourceVersionInThePatchIsAPrecondition() throws {
        let cluster = try TestCluster()
        cluster.send("POST", "/api/v1/namespaces/default/configmaps", ["metadata": ["name": "pinned"]])
        let stale = cluster.send("PATCH", "/api/v1/namespaces/default/configmaps/pinned",
                                 ["metadata": ["resourceVersion": "1", "labels": ["a": "b"]]], contentType: "application/merge-patch+json")
        #expect(stale.status == 409)
    }
}

/// Collects values from concurrent threads.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Int] = []
    func append(_ value: Int) { lock.lock(); collected.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return collected }
}
