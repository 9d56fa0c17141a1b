import APIMachinery
import Foundation
import HTTPServer
import Resources

/// Server-side printing for `kubectl get`: the columns of each kind, and Tables built from objects.
enum TablePrinters {
    static func columns(of definition: ResourceDefinition) -> [TableColumn] {
        switch (definition.group, definition.kind) {
        case ("apps", "StatefulSet"): return statefulSets
        case ("apps", "Deployment"): return deployments
        case ("apps", "ReplicaSet"): return replicaSets
        case ("apps", "DaemonSet"): return daemonSets
        case ("apps", "ControllerRevision"): return controllerRevisions
        case ("", "Pod"): return pods
        case ("", "PersistentVolumeClaim"): return persistentVolumeClaims
        case ("", "PersistentVolume"): return persistentVolumes
        case ("", "Service"): return services
        case ("", "Endpoints"): return endpoints
        case ("", "Node"): return nodes
        case ("", "Event"): return events
        case ("", "Namespace"): return namespaces
        case ("", "ConfigMap"): return configMaps
        case ("", "Secret"): return secrets
        case ("storage.k8s.io", "StorageClass"): return storageClasses
        case ("discovery.k8s.io", "EndpointSlice"): return endpointSlices
        case (RBACKinds.group, "Role"), (RBACKinds.group, "ClusterRole"): return roles
        case (RBACKinds.group, "RoleBinding"), (RBACKinds.group, "ClusterRoleBinding"): return roleBindings
        default: return [.name, .age]
        }
    }

    /// Whether the client asked for a Table (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`).
    static func wanted(_ request: HTTPRequest) -> Bool {
        guard let accept = request.header("accept") else { return false }
        return accept.split(separator: ",").contains { type in
            let parameters = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return parameters.contains("as=Table") && parameters.contains("g=meta.k8s.io")
                && (parameters.contains("v=v1") || parameters.contains("v=v1beta1"))
        }
    }

    /// `None`, `Metadata` (the default: PartialObjectMetadata) or `Object`.
    static func rowObject(_ object: JSON, include: String?) -> JSON? {
        switch include {
        case "None": return nil
        case "Object": return object
        default:
            return ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"]]
        }
    }

    static func table(_ objects: [JSON], definition: ResourceDefinition, metadata: JSON, include: String?, now: Date) -> JSON {
        let columns = columns(of: definition)
        let rows: [JSON] = objects.map { object in
            var row: JSONObject = ["cells": .array(columns.map { $0.cell(object, now) })]
            if let rowObject = rowObject(object, include: include) { row["object"] = rowObject }
            return .object(row)
        }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
                "columnDefinitions": .array(columns.map(\.definition)), "rows": .array(rows)]
    }
}
