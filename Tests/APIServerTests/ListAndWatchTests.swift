import APIMachinery
import Testing
@testable import APIServer

@Suite struct ListAndWatchTests {
    private func createConfigMaps(_ cluster: TestCluster, _ names: [String], labels: JSON = [:]) {
        for name in names {
            cluster.send("POST", "/api/v1/namespaces/default/configmaps", ["metadata": ["name": .string(name), "labels": labels]])
        }
    }

    @Test func pagesShareOneSnapshot() throws {
        let cluster = try TestCluster()
        createConfigMaps(cluster, ["a", "b", "c"])
        let first = cluster.send("GET", "/api/v1/namespaces/default/configmaps", query: [("limit", "2")]).body
        #expect(first["items"].arrayValue?.count == 2)
        let token = try #require(first["metadata"]["continue"].stringValue)
        createConfigMaps(cluster, ["bb"])
        let second = cluster.send("GET", "/api/v1/namespaces/default/configmaps", query: [("limit", "2"), ("continue", token)]).body
        #expect(second["items"].arrayValue?.map { $0["metadata"]["name"] } == ["c"])
        #expect(second["metadata"]["resourceVersion"] == first["metadata"]["resourceVersion"])
    }

    @Test func selectorsFilterLists() throws {
        let cluster = try TestCluster()
        createConfigMaps(cluster, ["x"], labels: ["tier": "web"])
        createConfigMaps(cluster, ["y"], labels: ["tier": "db"])
        createConfigMaps(cluster, ["z"])
        func names(_ selector: String) -> [JSON] {
            cluster.send("GET", "/api/v1/namespaces/default/configmaps", query: [("labelSelector", selector)]).body["items"]
                .arrayValue?.map { $0["metadata"]["name"] } ?? []
        }
        #expect(names("tier=web") == ["x"])
        #expect(names("tier!=web") == ["y", "z"])
        #expect(names("tier in (web,db)") == ["x", "y"])
        #expect(names("!tier") == ["z"])
        #expect(cluster.send("GET", "/api/v1/namespaces/default/configmaps", query: [("labelSelector", "tier in (")]).status == 400)
        #expect(cluster.send("GET", "/api/v1/namespaces/default/configmaps", query: [("fieldSelector", "spec.foo=1")]).status == 400)
    }

    @Test func watchReplaysStateThenStreamsChanges() throws {
        let cluster = try TestCluster()
        createConfigMaps(cluster, ["a"])
        let events = cluster.watchEvents("/api/v1/namespaces/default/configmaps", query: [("watch", "true")], count: 3) {
            cluster.send("PATCH", "/api/v1/namespaces/default/configmaps/a", ["data": ["k": "v"]], contentType: "application/merge-patch+json")
            cluster.send("DELETE", "/api/v1/namespaces/default/configmaps/a")
        }
        #expect(events.map { $0["type"] } == ["ADDED", "MODIFIED", "DELETED"])
        #expect(events[2]["object"]["data"]["k"] == "v")
    }

    @Test func watchFromCompactedRevisionReportsExpired() throws {
        let cluster = try TestCluster(historyCapacity: 4)
        createConfigMaps(cluster, (0..<10).map { "c\($0)" })
        let events = cluster.watchEvents("/api/v1/namespaces/default/configmaps", query: [("watch", "1"), ("resourceVersion", "2")], count: 2)
        #expect(events.count == 1)
        #expect(events.first?["type"] == "ERROR")
        #expect(events.first?["object"]["code"] == 410 && events.first?["object"]["reason"] == "Expired")
    }
}
