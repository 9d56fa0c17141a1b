import APIMachinery
import Testing
@testable import APIServer

/// Server-side apply through the API server's request handling: managed fields, conflicts, force, removal.
@Suite struct ServerSideApplyTests {
    static let web = "\(statefulSets)/web"
    static let applyType = "application/apply-patch+yaml"

    static func manifest(replicas: Int64, image: String = "registry.k8s.io/nginx-slim:0.24") -> JSON {
        var object = webStatefulSet
        object[path: ["spec", "replicas"]] = .int(replicas)
        object[path: ["spec", "template", "spec", "containers"]] = [["name": "nginx", "image": .string(image),
                                                                      "ports": [["containerPort": 80, "name": "web"]]]]
        return object
    }

    @discardableResult
    static func apply(_ cluster: TestCluster, _ body: JSON, manager: String?, force: Bool = false) -> (status: Int, body: JSON) {
        var query: [(String, String)] = []
        if let manager { query.append(("fieldManager", manager)) }
        if force { query.append(("force", "true")) }
        let response = cluster.send("PATCH", web, body, contentType: applyType, query: query)
        return (response.status, response.body)
    }

    static func managers(_ object: JSON) -> [String] {
        ManagedFieldsEntry.entries(of: object).map { "\($0.manager)/\($0.operation.rawValue)" }
    }

    @Test func applyCreatesAndRecordsTheManager() throws {
        let cluster = try TestCluster()
        let created = Self.apply(cluster, Self.manifest(replicas: 2), manager: "other")
        #expect(created.status == 201)
        #expect(Self.managers(created.body) == ["other/Apply"])
        let entry = (created.body["metadata"]["managedFields"].arrayValue ?? [])[0]
        #expect(entry["fieldsType"] == "FieldsV1" && entry["apiVersion"] == "apps/v1")
        #expect(entry["fieldsV1"]["f:spec"]["f:replicas"] == .object([:]))
        // Defaults the server filled are nobody's.
        #expect(entry["fieldsV1"]["f:spec"]["f:podManagementPolicy"].isNull)
        // GET returns them.
        #expect(cluster.send("GET", Self.web).body["metadata"]["managedFields"] == created.body["metadata"]["managedFields"])
    }

    @Test func missingFieldManagerIsABadRequest() throws {
        let cluster = try TestCluster()
        let response = Self.apply(cluster, Self.manifest(replicas: 2), manager: nil)
        #expect(response.status == 400)
        #expect(cluster.send("GET", Self.web).status == 404)
    }

    @Test func conflictNamesTheManagerAndFieldAndChangesNothing() throws {
        let cluster = try TestCluster()
        Self.apply(cluster, Self.manifest(replicas: 4), manager: "other")
        let before = cluster.send("GET", Self.web).body
        let refused = Self.apply(cluster, Self.manifest(replicas: 3), manager: "kubectl")
        #expect(refused.status == 409)
        #expect(refused.body["reason"] == "Conflict")
        #expect(refused.body["message"] == "Apply failed with 1 conflict: conflict with \"other\" using apps/v1: .spec.replicas")
        #expect(refused.body["details"]["causes"] == [["reason": "FieldManagerConflict", "message": "conflict with \"other\" using apps/v1",
                                                      "field": ".spec.replicas"]])
        #expect(cluster.send("GET", Self.web).body == before)

        let forced = Self.apply(cluster, Self.manifest(replicas: 3), manager: "kubectl", force: true)
        #expect(forced.status == 200 && forced.body["spec"]["replicas"] == 3)
        #expect(Self.managers(forced.body) == ["other/Apply", "kubectl/Apply"])
        #expect((forced.body["metadata"]["managedFields"].arrayValue ?? [])[0]["fieldsV1"]["f:spec"]["f:replicas"].isNull)
    }

    @Test func updatesRecordTheirManagerAndConflictWithApply() throws {
        let cluster = try TestCluster()
        #expect(cluster.send("POST", statefulSets, webStatefulSet, query: [("fieldManager", "kubectl-client-side-apply")]).status == 201)
        let scaled = cluster.send("PATCH", Self.web, ["spec": ["replicas": 5]], contentType: "application/merge-patch+json",
                                  query: [("fieldManager", "kubectl-scale")]).body
        #expect(Self.managers(scaled) == ["kubectl-client-side-apply/Update", "kubectl-scale/Update"])
        let refused = Self.apply(cluster, Self.manifest(replicas: 3), manager: "kubectl")
        #expect(refused.status == 409)
        #expect((refused.body["details"]["causes"].arrayValue ?? [])[0]["message"] == "conflict with \"kubectl-scale\" using apps/v1")
        // An update without fieldManager is recorded under the User-Agent's product name.
        let bad = cluster.send("PATCH", Self.web, ["spec": ["replicas": 6]], contentType: "application/merge-patch+json",
                               query: [("force", "true")])
        #expect(bad.status == 400)
    }

    @Test func reapplyingWithoutAFieldRemovesIt() throws {
        let cluster = try TestCluster()
        var labelled = Self.manifest(replicas: 2)
        labelled[path: ["metadata", "labels"]] = ["team": "a"]
        labelled[path: ["spec", "template", "spec", "containers"]] = [
            ["name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24"], ["name": "sidecar", "image": "busybox"]]
        Self.apply(cluster, labelled, manager: "mine")
        let smaller = Self.manifest(replicas: 2)
        let after = Self.apply(cluster, smaller, manager: "mine")
        #expect(after.status == 200)
        #expect(after.body["metadata"]["labels"]["team"].isNull)
        let containers = after.body[path: ["spec", "template", "spec", "containers"]].arrayValue ?? []
        #expect(containers.map { $0["name"] } == ["nginx"])
        #expect(after.body["metadata"]["generation"] == 2)
        // Applying the same thing again writes nothing.
        let again = Self.apply(cluster, smaller, manager: "mine")
        #expect(again.body["metadata"]["resourceVersion"] == after.body["metadata"]["resourceVersion"])
    }
}
