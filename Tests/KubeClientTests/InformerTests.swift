import APIMachinery
@testable import KubeClient
import Testing

@Suite struct InformerTests {
    @Test func informerSyncsThenFollowsLiveChanges() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let client = cluster.client
        _ = try await client.create(.namespaces, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "other"]])
        let owner = try await client.create(.configMaps, configMap("owner"))
        _ = try await client.create(.configMaps, configMap("owned-a", owner: owner))

        let informer = Informer(client: client, resource: .configMaps)
        let log = HandlerLog()
        informer.addHandler(log.handler)
        #expect(!informer.hasSynced)
        let run = Task { await informer.run() }
        defer { run.cancel() }
        await informer.waitUntilSynced()

        #expect(informer.hasSynced)
        #expect(informer.lister.count == 2)
        #expect(log.all.sorted() == ["add owned-a", "add owner"])
        #expect(informer.lister.list(ownerUID: owner.uid).map(\.name) == ["owned-a"])

        _ = try await client.create(.configMaps, configMap("owned-b", namespace: "other", owner: owner))
        _ = try await client.patch(.configMaps, namespace: "default", name: "owned-a", patch: ["data": ["k": "v"]])
        try await client.delete(.configMaps, namespace: "default", name: "owner")

        #expect(await eventually { log.all.count == 5 })
        #expect(Array(log.all.dropFirst(2)) == ["add owned-b", "update owned-a", "delete owner"])
        let lister = informer.lister
        #expect(lister.get(namespace: "default", name: "owned-a")?["data"]["k"] == "v")
        #expect(lister.get(namespace: "default", name: "owner") == nil)
        #expect(lister.list(namespace: "other").map(\.name) == ["owned-b"])
        #expect(lister.list(namespace: "default").map(\.name) == ["owned-a"])
        #expect(lister.list().map(\.objectKey) == ["default/owned-a", "other/owned-b"])
        #expect(lister.list(ownerUID: owner.uid).map(\.objectKey) == ["default/owned-a", "other/owned-b"])
        #expect(lister.list(ownerUID: "nobody").isEmpty)
    }

    @Test func informerListsInPagesAndHonoursItsSelector() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        for index in 0..<6 {
            var object = configMap("cm\(index)")
            object["metadata"]["labels"] = ["app": index == 5 ? "other" : "web"]
            _ = try await cluster.client.create(.configMaps, object)
        }
        let informer = Informer(client: cluster.client, resource: .configMaps, namespace: "default", labelSelector: "app=web",
                                resyncInterval: nil, pageSize: 2)
        let run = Task { await informer.run() }
        defer { run.cancel() }
        await informer.waitUntilSynced()
        #expect(informer.lister.list().map(\.name) == ["cm0", "cm1", "cm2", "cm3", "cm4"])
        #expect(cluster.recorder.requests.filter { $0.hasPrefix("GET") }.prefix(3) == [
            "GET /api/v1/namespaces/default/configmaps", "GET /api/v1/namespaces/default/configmaps?continue",
            "GET /api/v1/namespaces/default/configmaps?continue",
        ])
        #expect(await eventually { cluster.recorder.requests.contains("GET /api/v1/namespaces/default/configmaps?watch") })
    }

    @Test func informerRelistsAfterTheHistoryWasCompacted() async throws {
        let cluster = try LiveCluster(historyCapacity: 4)
        defer { Task { await cluster.shutdown() } }
        _ = try await cluster.client.create(.configMaps, configMap("early"))
        let informer = Informer(client: cluster.client, resource: .configMaps, namespace: "default")
        let log = HandlerLog()
        informer.addHandler(log.handler)
        let run = Task { await informer.run() }
        defer { run.cancel() }
        await informer.waitUntilSynced()
        #expect(await eventually { cluster.recorder.requests.last?.hasSuffix("?watch") == true })

        // Cut the informer off while others write past the history the server keeps.
        cluster.stopServing()
        cluster.send("DELETE", "/api/v1/namespaces/default/configmaps/early")
        for index in 0..<10 { cluster.send("POST", "/api/v1/namespaces/default/configmaps", configMap("c\(index)")) }
        let listsBefore = cluster.recorder.requests.filter { $0 == "GET /api/v1/namespaces/default/configmaps" }.count
        try cluster.resumeServing()

        #expect(await eventually { informer.lister.count == 10 })
        #expect(informer.lister.get(namespace: "default", name: "early") == nil)
        #expect(log.all.contains("delete early") && log.all.contains("add c9"))
        let lists = cluster.recorder.requests.filter { $0 == "GET /api/v1/namespaces/default/configmaps" }.count
        #expect(lists > listsBefore)

        // Live changes flow again after the re-list.
        _ = try await cluster.client.create(.configMaps, configMap("after"))
        #expect(await eventually { informer.lister.get(namespace: "default", name: "after") != nil })
    }

    @Test func informerRelistsWhenItsResumedWatchIsExpired() async throws {
        let cluster = try LiveCluster(historyCapacity: 4)
        defer { Task { await cluster.shutdown() } }
        _ = try await cluster.client.create(.configMaps, configMap("early"))
        let informer = Informer(client: cluster.client, resource: .configMaps, namespace: "default")
        let run = Task { await informer.run() }
        defer { run.cancel() }
        await informer.waitUntilSynced()
        let watch = "GET /api/v1/namespaces/default/configmaps?watch"
        #expect(await eventually { cluster.recorder.requests.last == watch })

        // The watch ends cleanly; the informer resumes it from its resourceVersion, which the writes below
        // push out of the server's history before the server answers: ERROR 410, then a re-list.
        cluster.recorder.endWatchesAndHoldNewOnes()
        #expect(await eventually { cluster.recorder.requests.suffix(2) == [watch, watch] })
        let heldSoFar = cluster.recorder.requests.count
        cluster.send("DELETE", "/api/v1/namespaces/default/configmaps/early")
        for index in 0..<10 { cluster.send("POST", "/api/v1/namespaces/default/configmaps", configMap("c\(index)")) }
        cluster.recorder.releaseWatches()

        #expect(await eventually { informer.lister.count == 10 })
        #expect(informer.lister.get(namespace: "default", name: "early") == nil)
        // The expired resume was answered by a re-list (how many watches follow it depends on timing).
        let afterResume = cluster.recorder.requests.dropFirst(heldSoFar)
        #expect(afterResume.contains("GET /api/v1/namespaces/default/configmaps"))
    }

    @Test func resyncRedeliversCachedObjects() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        _ = try await cluster.client.create(.configMaps, configMap("steady"))
        let informer = Informer(client: cluster.client, resource: .configMaps, namespace: "default", resyncInterval: .milliseconds(20))
        let log = HandlerLog()
        informer.addHandler(log.handler)
        let run = Task { await informer.run() }
        defer { run.cancel() }
        #expect(await eventually { log.all.filter { $0 == "update steady" }.count >= 2 })
        #expect(log.all.first == "add steady")
    }

    @Test func cancellingRunEndsIt() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let informer = Informer(client: cluster.client, resource: .configMaps)
        let ended = Flag()
        let run = Task {
            await informer.run()
            ended.set()
        }
        await informer.waitUntilSynced()
        run.cancel()
        #expect(await eventually(timeout: .seconds(3)) { ended.isSet })
    }
}
