import APIMachinery

/// The OpenAPI path items of one kind: its collections, items and subresources, each operation tagged
/// with the kind and the verb as Kubernetes tags them.
enum OpenAPIPaths {
    static func items(for definition: ResourceDefinition, schemaName: String) -> [(String, JSON)] {
        let base = definition.group.isEmpty ? "/api/\(definition.version)" : "/apis/\(definition.group)/\(definition.version)"
        let scoped = definition.namespaced ? "\(base)/namespaces/{namespace}/\(definition.resource)" : "\(base)/\(definition.resource)"
        let ref = "#/components/schemas/\(schemaName)"
        let gvk: JSON = ["group": .string(definition.group), "version": .string(definition.version), "kind": .string(definition.kind)]
        let namespaceParameter: [JSON] = definition.namespaced ? [pathParameter("namespace", "Namespace of the objects.")] : []
        let nameParameter = pathParameter("name", "Name of the \(definition.kind).")
        var result: [(String, JSON)] = []

        var collection: JSONObject = ["parameters": .array(namespaceParameter)]
        collection["get"] = operation("list", definition, gvk: gvk, parameters: listParameters, response: ["type": "object", "x-kubernetes-preserve-unknown-fields": true])
        collection["post"] = operation("create", definition, gvk: gvk, parameters: writeParameters, body: ref, response: ["$ref": .string(ref)], code: "201")
        collection["delete"] = operation("deletecollection", definition, gvk: gvk, parameters: listParameters + [queryParameter("dryRun", "string")],
                                         response: ["type": "object", "x-kubernetes-preserve-unknown-fields": true])
        result.append((scoped, .object(collection)))
        if definition.namespaced {
            var all: JSONObject = [:]
            all["get"] = operation("list", definition, gvk: gvk, parameters: listParameters, response: ["type": "object", "x-kubernetes-preserve-unknown-fields": true])
            result.append(("\(base)/\(definition.resource)", .object(all)))
        }

        var item: JSONObject = ["parameters": .array(namespaceParameter + [nameParameter])]
        item["get"] = operation("get", definition, gvk: gvk, parameters: [], response: ["$ref": .string(ref)])
        item["put"] = operation("update", definition, gvk: gvk, parameters: writeParameters, body: ref, response: ["$ref": .string(ref)])
        item["patch"] = operation("patch", definition, gvk: gvk, parameters: patchParameters, patchBody: true, response: ["$ref": .string(ref)])
        item["delete"] = operation("delete", definition, gvk: gvk, parameters: [queryParameter("gracePeriodSeconds", "integer"),
                                                                                queryParameter("propagationPolicy", "string"),
                                                                                queryParameter("dryRun", "string")],
                                   response: ["type": "object", "x-kubernetes-preserve-unknown-fields": true])
        result.append(("\(scoped)/{name}", .object(item)))

        if definition.hasStatus { result.append(("\(scoped)/{name}/status", subresource(definition, gvk: gvk, ref: ref, parameters: namespaceParameter + [nameParameter]))) }
        if definition.scale != nil {
            let scaleGVK: JSON = ["group": "autoscaling", "version": "v1", "kind": "Scale"]
            let scaleSchema: JSON = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
            var scale: JSONObject = ["parameters": .array(namespaceParameter + [nameParameter])]
            scale["get"] = operation("get", definition, gvk: scaleGVK, parameters: [], response: scaleSchema)
            scale["put"] = operation("update", definition, gvk: scaleGVK, parameters: writeParameters, bodySchema: scaleSchema, response: scaleSchema)
            scale["patch"] = operation("patch", definition, gvk: scaleGVK, parameters: patchParameters, patchBody: true, response: scaleSchema)
            result.append(("\(scoped)/{name}/scale", .object(scale)))
        }
        return result
    }

    private static func subresource(_ definition: ResourceDefinition, gvk: JSON, ref: String, parameters: [JSON]) -> JSON {
        var item: JSONObject = ["parameters": .array(parameters)]
        item["get"] = operation("get", definition, gvk: gvk, parameters: [], response: ["$ref": .string(ref)])
        item["put"] = operation("update", definition, gvk: gvk, parameters: writeParameters, body: ref, response: ["$ref": .string(ref)])
        item["patch"] = operation("patch", definition, gvk: gvk, parameters: patchParameters, patchBody: true, response: ["$ref": .string(ref)])
        return .object(item)
    }

    private static func operation(_ action: String, _ definition: ResourceDefinition, gvk: JSON, parameters: [JSON],
                                  body: String? = nil, bodySchema: JSON? = nil, patchBody: Bool = false,
                                  response: JSON, code: String = "200") -> JSON {
        var op: JSONObject = [
            "operationId": .string("\(action)\(definition.kind)"),
            "x-kubernetes-action": .string(action),
            "x-kubernetes-group-version-kind": gvk,
            "parameters": .array(parameters),
            "responses": .object([code: ["description": "OK", "content": ["application/json": ["schema": response]]],
                                  "default": ["description": "A Status error.",
                                              "content": ["application/json": ["schema": ["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status"]]]]]),
        ]
        if let body {
            op["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["$ref": .string(body)]]]]
        } else if let bodySchema {
            op["requestBody"] = ["required": true, "content": ["application/json": ["schema": bodySchema]]]
        } else if patchBody {
            let any: JSON = ["schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]
            op["requestBody"] = ["required": true, "content": [
                "application/json-patch+json": ["schema": ["type": "array", "items": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]],
                "application/merge-patch+json": any, "application/strategic-merge-patch+json": any, "application/apply-patch+yaml": any]]
        }
        return .object(op)
    }

    private static func pathParameter(_ name: String, _ description: String) -> JSON {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": ["type": "string"]]
    }

    private static func queryParameter(_ name: String, _ type: String, _ description: String = "") -> JSON {
        var parameter: JSONObject = ["name": .string(name), "in": "query", "schema": ["type": .string(type)]]
        if !description.isEmpty { parameter["description"] = .string(description) }
        return .object(parameter)
    }

    static let listParameters: [JSON] = [
        queryParameter("labelSelector", "string", "Only objects whose labels match."),
        queryParameter("fieldSelector", "string", "Only objects whose fields match."),
        queryParameter("limit", "integer", "At most this many items; the rest through continue."),
        queryParameter("continue", "string", "The token of the previous page."),
        queryParameter("resourceVersion", "string", "Which version of the state to read."),
        queryParameter("resourceVersionMatch", "string", "How resourceVersion applies: Exact or NotOlderThan."),
        queryParameter("watch", "boolean", "Stream changes instead of listing."),
        queryParameter("allowWatchBookmarks", "boolean", "Send BOOKMARK events."),
        queryParameter("timeoutSeconds", "integer", "End the list or watch after this long."),
    ]

    static let writeParameters: [JSON] = [
        queryParameter("dryRun", "string", "All: check and answer, persist nothing."),
        queryParameter("fieldManager", "string", "Name of the actor making the change."),
        queryParameter("fieldValidation", "string", "Ignore, Warn or Strict handling of unknown fields."),
    ]

    static let patchParameters: [JSON] = writeParameters + [queryParameter("force", "boolean", "Take ownership of conflicting fields (apply only).")]
}
