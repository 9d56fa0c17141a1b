/// k8s.io/api/rbac/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding (what `kubectl create role` and
/// `kubectl create rolebinding` send).
enum RBACSchemas {
    static let package = "k8s.io.api.rbac.v1."

    static let all: [String: MessageSchema] = [
        "Role": MessageSchema(package + "Role", [.message(1, "metadata", "ObjectMeta"), .messages(2, "rules", "PolicyRule")]),
        "ClusterRole": MessageSchema(package + "ClusterRole", [
            .message(1, "metadata", "ObjectMeta"), .messages(2, "rules", "PolicyRule"),
            .message(3, "aggregationRule", "AggregationRule"),
        ]),
        "PolicyRule": MessageSchema(package + "PolicyRule", [
            .strings(1, "verbs"), .strings(2, "apiGroups"), .strings(3, "resources"), .strings(4, "resourceNames"),
            .strings(5, "nonResourceURLs"),
        ]),
        "AggregationRule": MessageSchema(package + "AggregationRule", [.messages(1, "clusterRoleSelectors", "LabelSelector")]),
        "RoleBinding": MessageSchema(package + "RoleBinding", [
            .message(1, "metadata", "ObjectMeta"), .messages(2, "subjects", "Subject"), .message(3, "roleRef", "RoleRef"),
        ]),
        "ClusterRoleBinding": MessageSchema(package + "ClusterRoleBinding", [
            .message(1, "metadata", "ObjectMeta"), .messages(2, "subjects", "Subject"), .message(3, "roleRef", "RoleRef"),
        ]),
        "Subject": MessageSchema(package + "Subject", [
            .string(1, "kind"), .string(2, "apiGroup"), .string(3, "name"), .string(4, "namespace"),
        ]),
        "RoleRef": MessageSchema(package + "RoleRef", [.string(1, "apiGroup"), .string(2, "kind"), .string(3, "name")]),
    ]
}
