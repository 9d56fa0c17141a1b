import APIMachinery
import HTTPServer

/// The unaggregated discovery documents: `/api`, `/apis`, `/apis/{group}` and each group-version's
/// resource list, built from the served definitions. kubectl, client-go, kopf and the Python client all
/// read these.
enum Discovery {
    static let allVerbs: [JSON] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    static let subresourceVerbs: [JSON] = ["get", "patch", "update"]

    static func apiVersions(_ request: HTTPRequest) -> JSON {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(request.header("host") ?? "127.0.0.1")]]]
    }

    /// Named groups in the order their kinds are defined.
    static func groups(_ definitions: [ResourceDefinition]) -> [(group: String, version: String)] {
        var seen: [String] = []
        var result: [(String, String)] = []
        for definition in definitions where !definition.group.isEmpty && !seen.contains(definition.groupVersion) {
            seen.append(definition.groupVersion)
            result.append((definition.group, definition.version))
        }
        return result
    }

    static func groupJSON(_ group: String, version: String) -> JSON {
        let groupVersion: JSON = ["groupVersion": .string("\(group)/\(version)"), "version": .string(version)]
        return ["name": .string(group), "versions": [groupVersion], "preferredVersion": groupVersion]
    }

    static func groupList(_ definitions: [ResourceDefinition], request: HTTPRequest) -> HTTPResponse {
        let body: JSON = ["kind": "APIGroupList", "apiVersion": "v1",
                          "groups": .array(groups(definitions).map { groupJSON($0.group, version: $0.version) })]
        return Responses.json(200, body)
    }

    static func group(_ name: String, definitions: [ResourceDefinition]) -> JSON? {
        guard let match = groups(definitions).first(where: { $0.group == name }) else { return nil }
        var body = groupJSON(match.group, version: match.version)
        body = ["kind": "APIGroup", "apiVersion": "v1", "name": body["name"], "versions": body["versions"],
                "preferredVersion": body["preferredVersion"]]
        return body
    }

    static func resourceList(group: String, version: String, definitions: [ResourceDefinition]) -> JSON? {
        let served = definitions.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var resources: [JSON] = []
        for definition in served {
            var entry: JSONObject = [
                "name": .string(definition.resource), "singularName": .string(definition.singular),
                "namespaced": .bool(definition.namespaced), "kind": .string(definition.kind), "verbs": .array(allVerbs),
            ]
            if !definition.shortNames.isEmpty { entry["shortNames"] = .array(definition.shortNames.map(JSON.string)) }
            if !definition.categories.isEmpty { entry["categories"] = .array(definition.categories.map(JSON.string)) }
            resources.append(.object(entry))
            if definition.hasStatus {
                resources.append(subresource(definition, "status", kind: definition.kind, verbs: subresourceVerbs))
            }
            if definition.scale != nil {
                var scale = subresource(definition, "scale", kind: "Scale", verbs: subresourceVerbs)
                scale["group"] = "autoscaling"
                scale["version"] = "v1"
                resources.append(scale)
            }
            if definition.kind == "Namespace" {
                resources.append(subresource(definition, "finalize", kind: definition.kind, verbs: ["update"]))
            }
            if definition.kind == "Pod" && definition.group.isEmpty {
                resources.append(subresource(definition, "binding", kind: "Binding", verbs: ["create"]))
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
                "resources": .array(resources)]
    }

    private static func subresource(_ definition: ResourceDefinition, _ name: String, kind: String, verbs: [JSON]) -> JSON {
        ["name": .string("\(definition.resource)/\(name)"), "singularName": "", "namespaced": .bool(definition.namespaced),
         "kind": .string(kind), "verbs": .array(verbs)]
    }
}
