import APIMachinery
import Foundation

/// The OpenAPI v3 documents the server serves, generated from the kinds' schemas: an index at
/// `/openapi/v3` and one document per group-version. kubectl reads them to learn that the server does
/// field validation (an inline `fieldValidation` parameter on every PATCH) and for `kubectl explain`.
/// Documents are built on first use and kept: the served kinds never change while the server runs.
final class OpenAPIDocuments: @unchecked Sendable {
    private let definitions: [ResourceDefinition]
    private let lock = NSLock()
    private var documents: [String: [UInt8]] = [:]
    private var indexBytes: [UInt8]?

    init(definitions: [ResourceDefinition]) {
        self.definitions = definitions
    }

    /// The encoded index (`/openapi/v3`).
    func index() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let indexBytes { return indexBytes }
        let bytes = Self.index(definitions).encoded()
        indexBytes = bytes
        return bytes
    }

    /// The encoded document of one group-version, or nil when none is served.
    func document(group: String, version: String) -> [UInt8]? {
        let path = Self.path(group: group, version: version)
        lock.lock()
        defer { lock.unlock() }
        if let bytes = documents[path] { return bytes }
        guard let document = Self.document(group: group, version: version, definitions: definitions) else { return nil }
        let bytes = document.encoded()
        documents[path] = bytes
        return bytes
    }

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
            let schemaName = OpenAPISchema.name(of: definition), listSchemaName = schemaName + "List"
            schemas[schemaName] = OpenAPISchema.json(definition.schema)
            schemas[listSchemaName] = OpenAPISchema.list(of: definition, itemSchema: schemaName)
            for (path, item) in OpenAPIPaths.items(for: definition, schemaName: schemaName, listSchemaName: listSchemaName) {
                paths[path] = item
            }
        }
        for (name, schema) in OpenAPISchema.shared { schemas[name] = schema }
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
