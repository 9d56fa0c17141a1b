import APIMachinery

/// Renders our `Schema` values as OpenAPI 3 schema objects with Kubernetes' extensions.
enum OpenAPISchema {
    static func name(of definition: ResourceDefinition) -> String {
        let group = definition.group.isEmpty ? "core" : String(definition.group.prefix { $0 != "." })
        return "io.k8s.api.\(group).\(definition.version).\(definition.kind)"
    }

    static func json(_ schema: Schema) -> JSON {
        var out = JSONObject()
        switch schema.shape {
        case .string: out["type"] = "string"
        case .integer: out["type"] = "integer"
        case .number: out["type"] = "number"
        case .boolean: out["type"] = "boolean"
        case .intOrString: out["x-kubernetes-int-or-string"] = true
        case .any: out["x-kubernetes-preserve-unknown-fields"] = true
        case .array(let items):
            out["type"] = "array"
            out["items"] = json(items)
            switch schema.listMerge {
            case .byKey(let key)?:
                out["x-kubernetes-patch-merge-key"] = .string(key)
                out["x-kubernetes-patch-strategy"] = "merge"
            case .primitiveSet?:
                out["x-kubernetes-patch-strategy"] = "merge"
            case nil: break
            }
        case .map(let values):
            out["type"] = "object"
            out["additionalProperties"] = json(values)
        case .object(let properties):
            out["type"] = "object"
            var rendered = JSONObject()
            for (key, property) in properties { rendered[key] = json(property) }
            out["properties"] = .object(rendered)
            if !schema.required.isEmpty { out["required"] = .array(schema.required.map(JSON.string)) }
        }
        if !schema.description.isEmpty { out["description"] = .string(schema.description) }
        if let format = schema.format { out["format"] = .string(format) }
        if let values = schema.enumValues { out["enum"] = .array(values.map(JSON.string)) }
        if let gvk = schema.groupVersionKind {
            out["x-kubernetes-group-version-kind"] = [["group": .string(gvk.group), "version": .string(gvk.version), "kind": .string(gvk.kind)]]
        }
        return .object(out)
    }
}
