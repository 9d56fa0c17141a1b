import APIMachinery
import KubeClient
import Testing

@Suite struct KubeClientTests {
    @Test func crudRoundTrip() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let client = cluster.client

        let created = try await client.create(.configMaps, configMap("settings", data: ["mode": "a"]))
        #expect(created.uid.isEmpty == false)
        #expect(try await client.get(.configMaps, namespace: "default", name: "settings")["data"]["mode"] == "a")

        var changed = created
        changed["data"]["mode"] = "b"
        let updated = try await client.update(.configMaps, changed)
        #expect(updated["data"]["mode"] == "b")
        #expect(updated.resourceVersion != created.resourceVersion)

        let patched = try await client.patch(.configMaps, namespace: "default", name: "settings", patch: ["data": ["extra": "1"]])
        #expect(patched["data"] == ["mode": "b", "extra": "1"])
        let jsonPatched = try await client.patch(.configMaps, namespace: "default", name: "settings",
                                                 patch: [["op": "remove", "path": "/data/extra"]], type: .json)
        #expect(jsonPatched["data"] == ["mode": "b"])

        let posted = try await client.post(path: "/api/v1/namespaces/default/configmaps", body: configMap("posted"))
        #expect(posted.name == "posted")

        try await client.delete(.configMaps, namespace: "default", name: "settings", options: DeleteRequest(preconditionUID: created.uid))
        let names = try await client.list(.configMaps, namespace: "default").items.map(\.name)
        #expect(names == ["posted"])
    }

    @Test func updateStatusWritesOnlyStatus() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        var set = try await cluster.client.create(.statefulSets, webStatefulSet)
        set["status"]["observedGeneration"] = 1
        set["status"]["replicas"] = 2
        set["spec"]["replicas"] = 5
        let updated = try await cluster.client.updateStatus(.statefulSets, set)
        #expect(updated["status"]["replicas"] == 2)
        #expect(updated["status"]["observedGeneration"] == 1)
        #expect(updated["spec"]["replicas"] == 2)
    }

    @Test func serverRefusalsBecomeKubeErrors() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let client = cluster.client

        let missing = await #expect(throws: KubeError.self) { try await client.get(.configMaps, namespace: "default", name: "nope") }
        #expect(missing?.isNotFound == true && missing?.reason == "NotFound")
        #expect(missing?.message == #"configmaps "nope" not found"#)

        let deleteMissing = await #expect(throws: KubeError.self) { try await client.delete(.configMaps, namespace: "default", name: "nope") }
        #expect(deleteMissing?.isNotFound == true)

        let original = try await client.create(.configMaps, configMap("cm"))
        let duplicate = await #expect(throws: KubeError.self) { try await client.create(.configMaps, configMap("cm")) }
        #expect(duplicate?.isAlreadyExists == true && duplicate?.isConflict == false && duplicate?.code == 409)

        _ = try await client.patch(.configMaps, namespace: "default", name: "cm", patch: ["data": ["k": "v"]])
        let stale = await #expect(throws: KubeError.self) { try await client.update(.configMaps, original) }
        #expect(stale?.isConflict == true && stale?.code == 409)

        let wrongUID = await #expect(throws: KubeError.self) {
            try await client.delete(.configMaps, namespace: "default", name: "cm", options: DeleteRequest(preconditionUID: "other"))
        }
        #expect(wrongUID?.isConflict == true)
    }

    @Test func listPagesShareOneSnapshot() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        for name in ["a", "b", "c", "d", "e"] { _ = try await cluster.client.create(.configMaps, configMap(name)) }

        var pages: [ObjectList] = []
        var token: String?
        repeat {
            let page = try await cluster.client.list(.configMaps, namespace: "default", options: ListRequest(limit: 2, continueToken: token))
            pages.append(page)
            token = page.continueToken
            if pages.count == 1 { _ = try await cluster.client.create(.configMaps, configMap("late")) }
        } while token != nil

        #expect(pages.map(\.items.count) == [2, 2, 1])
        #expect(pages.flatMap(\.items).map(\.name) == ["a", "b", "c", "d", "e"])
        #expect(Set(pages.map(\.resourceVersion)).count == 1)
    }

    @Test func selectorsAreEscapedInTheQuery() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        var labelled = configMap("x")
        labelled["metadata"]["labels"] = ["tier": "web"]
        _ = try await cluster.client.create(.configMaps, labelled)
        _ = try await cluster.client.create(.configMaps, configMap("y"))
        let list = try await cluster.client.list(.configMaps, options: ListRequest(labelSelector: "tier in (web,db)"))
        #expect(list.items.map(\.name) == ["x"])
        let others = try await cluster.client.list(.configMaps, namespace: "default", options: ListRequest(labelSelector: "tier!=web"))
        #expect(others.items.map(\.name) == ["y"])
    }
}

let webStatefulSet: JSON = [
    "apiVersion": "apps/v1", "kind": "StatefulSet",
    "metadata": ["name": "web", "namespace": "default"],
    "spec": [
        "selector": ["matchLabels": ["app": "nginx"]],
        "serviceName": "nginx", "replicas": 2,
        "template": [
            "metadata": ["labels": ["app": "nginx"]],
            "spec": ["containers": [["name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24"]]],
        ],
    ],
]
