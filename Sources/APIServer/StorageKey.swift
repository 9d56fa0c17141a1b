import APIMachinery

/// Where objects of a kind live in the store: `/<group or core>/<resource>/<namespace>/<name>`, or
/// `/<group>/<resource>/<name>` for cluster-scoped kinds.
enum StorageKey {
    static func collection(_ definition: ResourceDefinition) -> String {
        "/\(definition.group.isEmpty ? "core" : definition.group)/\(definition.resource)/"
    }

    /// The prefix of a list: one namespace, or the whole collection when `namespace` is nil.
    static func prefix(_ definition: ResourceDefinition, namespace: String?) -> String {
        guard definition.namespaced, let namespace else { return collection(definition) }
        return collection(definition) + namespace + "/"
    }

    static func object(_ definition: ResourceDefinition, namespace: String?, name: String) -> String {
        prefix(definition, namespace: namespace) + name
    }
}
