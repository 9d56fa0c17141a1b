import APIMachinery

/// Whether new objects may be created in a namespace.
enum NamespaceState { case active, missing, terminating }

extension APIServer {
    func namespaceState(_ name: String) -> NamespaceState {
        guard let registry = registry(group: "", version: "v1", resource: "namespaces"),
              let stored = try? registry.get(namespace: nil, name: name),
              let object = try? registry.decode(stored) else { return .missing }
        return object["metadata"]["deletionTimestamp"].isNull ? .active : .terminating
    }
}
