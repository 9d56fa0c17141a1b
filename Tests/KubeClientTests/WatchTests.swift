import APIMachinery
import KubeClient
import Testing

@Suite struct WatchTests {
    @Test func watchStreamsChangesAfterTheListedVersion() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let client = cluster.client
        _ = try await client.create(.configMaps, configMap("before"))
        let list = try await client.list(.configMaps, namespace: "default")

        let events = client.watch(.configMaps, namespace: "default", options: WatchRequest(resourceVersion: list.resourceVersion))
        let writer = Task {
            try await Task.sleep(for: .milliseconds(50))
            _ = try await client.create(.configMaps, configMap("web"))
            _ = try await client.patch(.configMaps, namespace: "default", name: "web", patch: ["data": ["k": "v"]])
            try await client.delete(.configMaps, namespace: "default", name: "web")
        }
        var seen: [WatchEvent] = []
        for try await event in events where event.kind != .bookmark {
            seen.append(event)
            if seen.count == 3 { break }
        }
        try await writer.value

        #expect(seen.map(\.kind) == [.added, .modified, .deleted])
        #expect(seen.allSatisfy { $0.object.name == "web" })
        #expect(seen[2].object["data"]["k"] == "v")
        let versions = seen.compactMap { Int($0.object.resourceVersion) }
        #expect(versions == versions.sorted() && Set(versions).count == 3)
    }

    @Test func watchFromCompactedVersionDeliversExpiredError() async throws {
        let cluster = try LiveCluster(historyCapacity: 4)
        defer { Task { await cluster.shutdown() } }
        for index in 0..<10 { _ = try await cluster.client.create(.configMaps, configMap("c\(index)")) }

        var seen: [WatchEvent] = []
        for try await event in cluster.client.watch(.configMaps, namespace: "default", options: WatchRequest(resourceVersion: "1")) {
            seen.append(event)
        }
        #expect(seen.map(\.kind) == [.error])
        let error = try #require(seen.first?.error)
        #expect(error.isExpired && error.code == 410 && error.reason == "Expired")
    }

    @Test func refusedWatchThrowsKubeError() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let events = cluster.client.watch(.configMaps, options: WatchRequest(resourceVersion: "", labelSelector: "tier in ("))
        let error = await #expect(throws: KubeError.self) { for try await _ in events {} }
        #expect(error?.code == 400)
    }

    @Test func cancellingTheConsumerEndsAQuietWatch() async throws {
        let cluster = try LiveCluster()
        defer { Task { await cluster.shutdown() } }
        let list = try await cluster.client.list(.configMaps, namespace: "default")
        let ended = Flag()
        let consumer = Task {
            defer { ended.set() }
            for try await _ in cluster.client.watch(.configMaps, namespace: "default",
                                                    options: WatchRequest(resourceVersion: list.resourceVersion, allowBookmarks: false)) {}
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!ended.isSet)
        consumer.cancel()
        #expect(await eventually(timeout: .seconds(3)) { ended.isSet })
    }
}
