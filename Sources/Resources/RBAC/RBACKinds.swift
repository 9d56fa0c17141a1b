import APIMachinery

/// rbac.authorization.k8s.io/v1: Roles and ClusterRoles (sets of permissions) and the bindings that grant them
/// to users, groups and service accounts.
public enum RBACKinds {
    public static let group = "rbac.authorization.k8s.io"

    public static var all: [ResourceDefinition] {
        [.clusterRoleBinding, .clusterRole, .roleBinding, .role]
    }
}

extension ResourceDefinition {
    /// A namespaced set of permissions.
    public static let role = ResourceDefinition(
        group: RBACKinds.group, version: "v1", kind: "Role", resource: "roles", singular: "role", namespaced: true,
        nameRule: .pathSegment,
        schema: CommonSchemas.kind("A namespaced set of permissions, granted by a RoleBinding.",
                                   group: RBACKinds.group, version: "v1", kind: "Role",
                                   [("rules", .array(RBACSchemas.policyRule, "The permissions of this Role."))]),
        strategy: RoleStrategy(namespaced: true))

    /// A cluster-wide set of permissions, including non-resource URLs.
    public static let clusterRole = ResourceDefinition(
        group: RBACKinds.group, version: "v1", kind: "ClusterRole", resource: "clusterroles", singular: "clusterrole",
        namespaced: false, nameRule: .pathSegment,
        schema: CommonSchemas.kind("A cluster-wide set of permissions, granted by a RoleBinding or ClusterRoleBinding.",
                                   group: RBACKinds.group, version: "v1", kind: "ClusterRole",
                                   [("rules", .array(RBACSchemas.policyRule, "The permissions of this ClusterRole.")),
                                    ("aggregationRule", RBACSchemas.aggregationRule)]),
        strategy: RoleStrategy(namespaced: false))

    /// Grants a Role or ClusterRole within one namespace.
    public static let roleBinding = ResourceDefinition(
        group: RBACKinds.group, version: "v1", kind: "RoleBinding", resource: "rolebindings", singular: "rolebinding",
        namespaced: true, nameRule: .pathSegment,
        schema: CommonSchemas.kind("Grants the permissions of a Role or ClusterRole within the binding's namespace.",
                                   group: RBACKinds.group, version: "v1", kind: "RoleBinding", required: ["roleRef"],
                                   [("subjects", .array(RBACSchemas.subject, "Who the role is granted to.")),
                                    ("roleRef", RBACSchemas.roleRef)]),
        strategy: RoleBindingStrategy(namespaced: true))

    /// Grants a ClusterRole in every namespace and for cluster-scoped resources.
    public static let clusterRoleBinding = ResourceDefinition(
        group: RBACKinds.group, version: "v1", kind: "ClusterRoleBinding", resource: "clusterrolebindings",
        singular: "clusterrolebinding", namespaced: false, nameRule: .pathSegment,
        schema: CommonSchemas.kind("Grants the permissions of a ClusterRole across the whole cluster.",
                                   group: RBACKinds.group, version: "v1", kind: "ClusterRoleBinding", required: ["roleRef"],
                                   [("subjects", .array(RBACSchemas.subject, "Who the role is granted to.")),
                                    ("roleRef", RBACSchemas.roleRef)]),
        strategy: RoleBindingStrategy(namespaced: false))
}

/// The shared RBAC types.
enum RBACSchemas {
    static let policyRule = Schema.object("Verbs allowed on resources or non-resource URLs.", required: ["verbs"], [
        "verbs": .array(.string(), "Verbs allowed (get, list, watch, create, update, patch, delete, deletecollection, or *)."),
        "apiGroups": .array(.string(), "API groups of the resources; \"\" is the core group, * any group."),
        "resources": .array(.string(), "Resources (or resource/subresource); * is any resource."),
        "resourceNames": .array(.string(), "Object names the rule is limited to; empty means all."),
        "nonResourceURLs": .array(.string(), "Non-resource paths, a trailing * matching any suffix (ClusterRoles only)."),
    ])

    static let subject = Schema.object("A user, group or service account.", required: ["kind", "name"], [
        "kind": .string("User, Group or ServiceAccount."),
        "apiGroup": .string("rbac.authorization.k8s.io for User and Group, empty for ServiceAccount."),
        "name": .string("Name of the subject."),
        "namespace": .string("Namespace of a ServiceAccount subject."),
    ])

    static let roleRef = Schema.object("The role granted; cannot change once set.", required: ["apiGroup", "kind", "name"], [
        "apiGroup": .string("rbac.authorization.k8s.io."),
        "kind": .string("Role or ClusterRole."),
        "name": .string("Name of the role."),
    ])

    static let aggregationRule = Schema.object("Selects ClusterRoles whose rules this one aggregates.", [
        "clusterRoleSelectors": .array(.any("A label selector."), "Selectors of the ClusterRoles to aggregate."),
    ])
}
