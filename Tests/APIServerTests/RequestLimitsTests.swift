import APIMachinery
import HTTPServer
import Testing
@testable import APIServer

/// Bodies nested past the decoders' limits are a 400 Status, on every route that decodes a body.
@Suite struct RequestLimitsTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    static func send(_ cluster: TestCluster, _ method: String, _ path: String, _ body: String, _ contentType: String) -> (Int, JSON) {
        let response = cluster.server.respond(to: HTTPRequest(method: method, path: path, headers: ["content-type": contentType],
                                                              body: Array(body.utf8)))
        return (response.status, (try? JSON.parse(response.bodyBytes ?? [])) ?? .null)
    }

    @Test(arguments: [
        ("POST", configMaps, "application/json", String(repeating: "[", count: 100_000)),
        ("POST", configMaps, "application/yaml", String(repeating: "- ", count: 50_000)),
        ("PUT", configMaps + "/cm", "application/json", String(repeating: "{\"a\":", count: 100_000)),
        ("PATCH", configMaps + "/cm", "application/merge-patch+json", String(repeating: "{\"data\":", count: 100_000)),
        ("PATCH", configMaps + "/cm", "application/strategic-merge-patch+json", String(repeating: "{\"data\":", count: 100_000)),
        ("PATCH", configMaps + "/cm", "application/json-patch+json", String(repeating: "[", count: 100_000)),
        ("PATCH", configMaps + "/cm", "application/apply-patch+yaml", "a: " + String(repeating: "[", count: 100_000)),
    ])
    func deepBodiesAreBadRequests(_ method: String, _ path: String, _ contentType: String, _ body: String) throws {
        let cluster = try TestCluster()
        cluster.send("POST", Self.configMaps, ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cm"]])
        let (status, answer) = Self.send(cluster, method, path, body, contentType)
        #expect(status == 400)
        #expect(answer["kind"] == "Status" && answer["reason"] == "BadRequest" && answer["code"] == 400)
        #expect(answer["message"].stringValue?.contains("exceeded max depth") == true)
        #expect(cluster.send("GET", "\(Self.configMaps)/cm").body["metadata"]["resourceVersion"] != nil)
    }
}
