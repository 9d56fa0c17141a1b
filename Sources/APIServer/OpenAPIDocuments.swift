import APIMachinery

/// The OpenAPI v3 documents the server serves, generated from the kinds' schemas: an index at
/// `/openapi/v3` and one document per group-version. kubectl reads them to learn that the server does
/// field validation (an inline `fieldValidation` parameter on every PATCH) and for `kubectl explain`.
enum OpenAPIDocuments {
    static func path(group: String, version: String) -> String {
        group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
    }

    static func index(_ definitions: [ResourceDefinition]) -> JSON {
        var paths = JSONObject()
        var seen: Set<String> = []
        for definition in definitions where seen.insert(definition.groupVersion).inserted {
            let path = path(group: definition.group, version: definition.version)
            let hash = document(group: definition.group, version: definition.version, definitions: definitions).map { Hash.fnv64Hex($0.encoded()) } ?? ""
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    static func document(group: String, version: String, definitions: [ResourceDefinition]) -> JSON? {
        let served = definitions.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var paths = JSONObject()
        var schemas = JSONObject()
        for definition in served {
            let schemaName = OpenAPISchema.name(of: definition)
            schemas[schemaName] = OpenAPISchema.json(definition.schema)
            for (path, item) in OpenAPIPaths.items(for: definition, schemaName: schemaName) { paths[path] = item }
        }
        schemas["io.k8s.apimachinery.pkg.apis.meta.v1.Status"] = OpenAPISchema.status
        return ["openapi": "3.0.0",
                "info": ["title": "Ordinal", "version": "v1.32.0"],
                "paths": .object(paths),
                "components": ["schemas": .object(schemas)]]
    }
}

/// Small stable hashes for cache-busting URLs.
enum Hash {
    static func fnv64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16, uppercase: true)
    }
}
