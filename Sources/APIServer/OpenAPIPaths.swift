import APIMachinery

/// The OpenAPI path items of one kind: its collections, items and subresources, each operation tagged
/// with the kind and the verb as Kubernetes tags them, answering with the kind's schema, its list schema,
/// Scale or Status.
enum OpenAPIPaths {
    /// What one kind's operations refer to.
    struct Context {
        var definition: ResourceDefinition
        var gvk: JSON
        var operationSuffix: String

        init(_ definition: ResourceDefinition, kind: String? = nil, group: String? = nil) {
            self.definition = definition
            gvk = ["group": .string(group ?? definition.group), "version": .string(definition.version), "kind": .string(kind ?? definition.kind)]
            operationSuffix = definition.kind
        }
    }

    static func items(for definition: ResourceDefinition, schemaName: String, listSchemaName: String) -> [(String, JSON)] {
        let base = definition.group.isEmpty ? "/api/\(definition.version)" : "/apis/\(definition.group)/\(definition.version)"
        let scoped = definition.namespaced ? "\(base)/namespaces/{namespace}/\(definition.resource)" : "\(base)/\(definition.resource)"
        let object = OpenAPISchema.ref(schemaName), list = OpenAPISchema.ref(listSchemaName), status = OpenAPISchema.ref(OpenAPISchema.statusName)
        let objectOrStatus: JSON = ["anyOf": [object, status]]
        let context = Context(definition)
        let namespace: [JSON] = definition.namespaced ? [OpenAPIParameters.path("namespace", "Namespace of the objects.")] : []
        let name = OpenAPIParameters.path("name", "Name of the \(definition.kind).")
        var result: [(String, JSON)] = []

        var collection: JSONObject = ["parameters": .array(namespace)]
        collection["get"] = listOperation("list", context)
        collection["post"] = operation("create", context, parameters: OpenAPIParameters.write, body: object,
                                       responses: ["200": object, "201": object, "202": object])
        collection["delete"] = operation("deletecollection", context,
                                         parameters: OpenAPIParameters.list.filter { $0["name"] != "watch" } + OpenAPIParameters.delete,
                                         body: OpenAPISchema.ref(OpenAPISchema.deleteOptionsName), bodyRequired: false,
                                         responses: ["200": ["anyOf": [list, status]]])
        result.append((scoped, .object(collection)))
        if definition.namespaced {
            var all: JSONObject = [:]
            all["get"] = listOperation("list", context, allNamespaces: true)
            result.append(("\(base)/\(definition.resource)", .object(all)))
        }

        var item = readWriteItem(context, object: object, parameters: namespace + [name])
        item["delete"] = operation("delete", context, parameters: OpenAPIParameters.delete,
                                   body: OpenAPISchema.ref(OpenAPISchema.deleteOptionsName), bodyRequired: false,
                                   responses: ["200": objectOrStatus, "202": objectOrStatus])
        result.append(("\(scoped)/{name}", .object(item)))

        if definition.hasStatus {
            var statusContext = context
            statusContext.operationSuffix = "\(definition.kind)Status"
            result.append(("\(scoped)/{name}/status", .object(readWriteItem(statusContext, object: object, parameters: namespace + [name]))))
        }
        if definition.scale != nil {
            var scaleContext = Context(definition, kind: "Scale", group: "autoscaling")
            scaleContext.operationSuffix = "\(definition.kind)Scale"
            result.append(("\(scoped)/{name}/scale",
                           .object(readWriteItem(scaleContext, object: OpenAPISchema.ref(OpenAPISchema.scaleName), parameters: namespace + [name]))))
        }
        return result + serverSubresources(context, scoped: scoped, object: object, status: status, parameters: namespace + [name])
    }

    /// A pod's `/binding` (what a scheduler posts) and a namespace's `/finalize`.
    private static func serverSubresources(_ context: Context, scoped: String, object: JSON, status: JSON,
                                           parameters: [JSON]) -> [(String, JSON)] {
        guard context.definition.group.isEmpty else { return [] }
        switch context.definition.resource {
        case "pods":
            var binding = Context(context.definition, kind: "Binding")
            binding.operationSuffix = "PodBinding"
            let op = operation("create", binding, parameters: OpenAPIParameters.write, body: OpenAPISchema.binding,
                               responses: ["201": status])
            return [("\(scoped)/{name}/binding", ["parameters": .array(parameters), "post": op])]
        case "namespaces":
            var finalize = context
            finalize.operationSuffix = "NamespaceFinalize"
            let op = operation("update", finalize, parameters: OpenAPIParameters.write, body: object, responses: ["200": object])
            return [("\(scoped)/{name}/finalize", ["parameters": .array(parameters), "put": op])]
        default:
            return []
        }
    }

    /// GET, PUT and PATCH of one object or subresource.
    private static func readWriteItem(_ context: Context, object: JSON, parameters: [JSON]) -> JSONObject {
        var item: JSONObject = ["parameters": .array(parameters)]
        item["get"] = operation("get", context, parameters: [], responses: ["200": object])
        item["put"] = operation("update", context, parameters: OpenAPIParameters.write, body: object, responses: ["200": object, "201": object])
        item["patch"] = operation("patch", context, parameters: OpenAPIParameters.patch, patchBody: true, responses: ["200": object, "201": object])
        return item
    }

    /// A list, which with `watch=true` becomes a stream of WatchEvent lines.
    private static func listOperation(_ action: String, _ context: Context, allNamespaces: Bool = false) -> JSON {
        var listContext = context
        if allNamespaces { listContext.operationSuffix = "\(context.definition.kind)ForAllNamespaces" }
        var op = operation(action, listContext, parameters: OpenAPIParameters.list,
                           responses: ["200": OpenAPISchema.ref(OpenAPISchema.name(of: context.definition) + "List")])
        op["responses"]["200"]["content"]["application/json;stream=watch"] = ["schema": OpenAPISchema.ref(OpenAPISchema.watchEventName)]
        return op
    }

    private static func operation(_ action: String, _ context: Context, parameters: [JSON], body: JSON? = nil,
                                  bodyRequired: Bool = true, patchBody: Bool = false, responses: KeyValuePairs<String, JSON>) -> JSON {
        var answers = JSONObject()
        for (code, schema) in responses {
            answers[code] = ["description": code == "201" ? "Created" : code == "202" ? "Accepted" : "OK",
                             "content": ["application/json": ["schema": schema]]]
        }
        answers["default"] = ["description": "A Status error.", "content": ["application/json": ["schema": OpenAPISchema.ref(OpenAPISchema.statusName)]]]
        var op: JSONObject = [
            "operationId": .string("\(action)\(context.operationSuffix)"),
            "x-kubernetes-action": .string(action),
            "x-kubernetes-group-version-kind": context.gvk,
            "parameters": .array(parameters),
            "responses": .object(answers),
        ]
        if let body {
            op["requestBody"] = ["required": .bool(bodyRequired), "content": ["application/json": ["schema": body]]]
        } else if patchBody {
            let any: JSON = ["schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]
            op["requestBody"] = ["required": true, "content": [
                "application/json-patch+json": ["schema": ["type": "array", "items": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]],
                "application/merge-patch+json": any, "application/strategic-merge-patch+json": any, "application/apply-patch+yaml": any]]
        }
        return .object(op)
    }
}
