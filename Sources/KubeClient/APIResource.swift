import APIMachinery

/// A kind as a client addresses it: group, version, plural resource and scope, which make its URLs.
public struct APIResource: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var resource: String
    public var kind: String
    public var namespaced: Bool

    public init(group: String, version: String, resource: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.resource = resource
        self.kind = kind
        self.namespaced = namespaced
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }

    /// The path of the collection in `namespace` (all namespaces, or cluster-scoped, when nil).
    public func collectionPath(namespace: String?) -> String {
        let base = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        guard namespaced, let namespace else { return "\(base)/\(resource)" }
        return "\(base)/namespaces/\(namespace)/\(resource)"
    }

    public func objectPath(namespace: String?, name: String, subresource: String? = nil) -> String {
        collectionPath(namespace: namespace) + "/\(name)" + (subresource.map { "/\($0)" } ?? "")
    }
}

extension APIResource {
    public static let pods = APIResource(group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true)
    public static let nodes = APIResource(group: "", version: "v1", resource: "nodes", kind: "Node", namespaced: false)
    public static let namespaces = APIResource(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
    public static let services = APIResource(group: "", version: "v1", resource: "services", kind: "Service", namespaced: true)
    public static let endpoints = APIResource(group: "", version: "v1", resource: "endpoints", kind: "Endpoints", namespaced: true)
    public static let events = APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true)
    public static let persistentVolumeClaims = APIResource(group: "", version: "v1", resource: "persistentvolumeclaims",
                                                           kind: "PersistentVolumeClaim", namespaced: true)
    public static let persistentVolumes = APIResource(group: "", version: "v1", resource: "persistentvolumes",
                                                      kind: "PersistentVolume", namespaced: false)
    public static let configMaps = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)
    public static let statefulSets = APIResource(group: "apps", version: "v1", resource: "statefulsets", kind: "StatefulSet", namespaced: true)
    public static let controllerRevisions = APIResource(group: "apps", version: "v1", resource: "controllerrevisions",
                                                        kind: "ControllerRevision", namespaced: true)
    public static let deployments = APIResource(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)
    public static let replicaSets = APIResource(group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true)
    public static let daemonSets = APIResource(group: "apps", version: "v1", resource: "daemonsets", kind: "DaemonSet", namespaced: true)
    public static let storageClasses = APIResource(group: "storage.k8s.io", version: "v1", resource: "storageclasses",
                                                   kind: "StorageClass", namespaced: false)
    public static let endpointSlices = APIResource(group: "discovery.k8s.io", version: "v1", resource: "endpointslices",
                                                   kind: "EndpointSlice", namespaced: true)

    /// The resource of an owner reference's kind, for the kinds Ordinal serves.
    public static func forKind(_ kind: String, apiVersion: String) -> APIResource? {
        all.first { $0.kind == kind && $0.apiVersion == apiVersion }
    }

    public static let all: [APIResource] = [
        .pods, .nodes, .namespaces, .services, .endpoints, .events, .persistentVolumeClaims, .persistentVolumes, .configMaps,
        .statefulSets, .controllerRevisions, .deployments, .replicaSets, .daemonSets, .storageClasses, .endpointSlices,
    ]
}
