import APIMachinery
import KubeClient

/// The writes the collector makes, and the scope rules it checks before making them.
extension GarbageCollector {
    /// A merge patch setting the object's whole `ownerReferences` list to the entries `keeping` accepts.
    /// Its `resourceVersion` makes it conditional: a list changed since the cache saw it is not overwritten.
    static func setOwnerReferences(of object: JSON, resource: APIResource,
                                   keeping: (OwnerReference) -> Bool) -> ControllerAction {
        let kept = object["metadata"]["ownerReferences"].arrayValue?.filter { entry in
            OwnerReference(json: entry).map(keeping) ?? true
        } ?? []
        return .patch(resource, namespace: namespaceOf(object, resource), name: object.name,
                      mergePatch: metadataPatch(of: object, "ownerReferences", .array(kept)))
    }

    /// A merge patch setting the object's `finalizers` to its current ones without `finalizer`.
    static func removeFinalizer(_ finalizer: String, from object: JSON, resource: APIResource) -> ControllerAction {
        let kept = object.finalizers.filter { $0 != finalizer }.map(JSON.string)
        return .patch(resource, namespace: namespaceOf(object, resource), name: object.name,
                      mergePatch: metadataPatch(of: object, "finalizers", .array(kept)))
    }

    private static func metadataPatch(of object: JSON, _ key: String, _ value: JSON) -> JSON {
        var metadata: JSON = [key: value]
        if !object.resourceVersion.isEmpty { metadata["resourceVersion"] = .string(object.resourceVersion) }
        return ["metadata": metadata]
    }

    static func namespaceOf(_ object: JSON, _ resource: APIResource) -> String? {
        resource.namespaced ? object.namespace : nil
    }

    /// False for a reference no object can satisfy: a cluster-scoped dependent naming a namespaced owner kind.
    /// Kinds Ordinal does not know are left to the caller's lookup.
    static func isValidScope(_ reference: OwnerReference, dependentNamespaced: Bool) -> Bool {
        guard !dependentNamespaced,
              let ownerResource = APIResource.forKind(reference.kind, apiVersion: reference.apiVersion) else { return true }
        return !ownerResource.namespaced
    }

    /// A cluster-scoped owner may own anything; a namespaced one only namespaced dependents of its namespace.
    static func isInScope(_ dependent: JSON, _ resource: APIResource, of owner: JSON, _ ownerResource: APIResource) -> Bool {
        guard ownerResource.namespaced else { return true }
        return resource.namespaced && dependent.namespace == owner.namespace
    }
}
