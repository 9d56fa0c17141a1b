/// Every message schema the decoder knows, by name, and the top-level kinds a request body may carry.
public enum SchemaRegistry {
    /// Message schemas by their short name (`ObjectMeta`, `PodSpec`, …).
    public static let messages: [String: MessageSchema] = {
        var all: [String: MessageSchema] = [:]
        for table in [MetaSchemas.all, CoreSchemas.all, PodSchemas.all, ContainerSchemas.all, VolumeSchemas.all, AppsSchemas.all, RBACSchemas.all] {
            for (name, schema) in table { all[name] = schema }
        }
        return all
    }()

    /// The top-level message for each `apiVersion` + `kind` accepted in a request body.
    public static let kinds: [String: String] = [
        "v1/Namespace": "Namespace",
        "v1/ConfigMap": "ConfigMap",
        "v1/Secret": "Secret",
        "v1/Service": "Service",
        "v1/Pod": "Pod",
        "v1/PersistentVolumeClaim": "PersistentVolumeClaim",
        "apps/v1/Deployment": "Deployment",
        "apps/v1/StatefulSet": "StatefulSet",
        "apps/v1/ReplicaSet": "ReplicaSet",
        "apps/v1/DaemonSet": "DaemonSet",
        "rbac.authorization.k8s.io/v1/Role": "Role",
        "rbac.authorization.k8s.io/v1/ClusterRole": "ClusterRole",
        "rbac.authorization.k8s.io/v1/RoleBinding": "RoleBinding",
        "rbac.authorization.k8s.io/v1/ClusterRoleBinding": "ClusterRoleBinding",
    ]

    /// The schema for a body's `apiVersion` + `kind`. DeleteOptions is registered in every group version,
    /// so it is accepted whatever its apiVersion.
    public static func schema(apiVersion: String, kind: String) -> MessageSchema? {
        if kind == "DeleteOptions" { return messages["DeleteOptions"] }
        return kinds[apiVersion + "/" + kind].flatMap { messages[$0] }
    }
}
