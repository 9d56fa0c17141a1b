import APIMachinery
import Resources

/// The ClusterRoles and ClusterRoleBindings every cluster starts with, created when missing (existing ones
/// are left as they are, so an administrator may change them):
/// - `cluster-admin`: everything, bound to the group `system:masters`;
/// - `admin`, `edit`, `view`: for granting in a namespace with a RoleBinding (admin also manages Roles and
///   RoleBindings; view cannot read Secrets);
/// - `system:discovery`: the discovery, OpenAPI, version and health paths, bound to `system:authenticated`.
public enum BootstrapPolicy {
    static let readVerbs = ["get", "list", "watch"]
    static let writeVerbs = ["create", "update", "patch", "delete", "deletecollection"]

    /// Namespaced resources an application owner works with, by API group.
    static let workloads: [(group: String, resources: [String])] = [
        ("", ["pods", "pods/status", "pods/log", "services", "endpoints", "persistentvolumeclaims", "configmaps", "events"]),
        ("apps", ["statefulsets", "statefulsets/scale", "statefulsets/status", "deployments", "deployments/scale",
                  "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "daemonsets",
                  "daemonsets/status", "controllerrevisions"]),
        ("discovery.k8s.io", ["endpointslices"]),
    ]

    static var clusterRoles: [(name: String, rules: [PolicyRule])] {
        let view = workloads.map { PolicyRule(verbs: readVerbs, apiGroups: [$0.group], resources: $0.resources) }
            + [PolicyRule(verbs: readVerbs, apiGroups: [""], resources: ["namespaces"])]
        let edit = workloads.map { PolicyRule(verbs: readVerbs + writeVerbs, apiGroups: [$0.group], resources: $0.resources) }
            + [PolicyRule(verbs: readVerbs + writeVerbs, apiGroups: [""], resources: ["secrets"]),
               PolicyRule(verbs: readVerbs, apiGroups: [""], resources: ["namespaces"])]
        let admin = edit + [PolicyRule(verbs: readVerbs + writeVerbs, apiGroups: [RBACKinds.group], resources: ["roles", "rolebindings"])]
        return [
            ("cluster-admin", [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]),
                               PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]),
            ("admin", admin),
            ("edit", edit),
            ("view", view),
            ("system:discovery", [PolicyRule(verbs: ["get"], nonResourceURLs: [
                "/api", "/api/*", "/apis", "/apis/*", "/openapi", "/openapi/*", "/version", "/version/",
                "/healthz", "/livez", "/readyz"])]),
        ]
    }

    static let clusterRoleBindings: [(name: String, role: String, group: String)] = [
        ("cluster-admin", "cluster-admin", UserInfo.mastersGroup),
        ("system:discovery", "system:discovery", UserInfo.authenticatedGroup),
    ]

    static let metadataLabels: JSON = ["kubernetes.io/bootstrapping": "rbac-defaults"]

    /// Creates the missing bootstrap objects through the registries, so they are validated and watched like
    /// any other object.
    static func create(on server: APIServer) throws {
        guard let roles = server.registry(group: RBACKinds.group, version: "v1", resource: "clusterroles"),
              let bindings = server.registry(group: RBACKinds.group, version: "v1", resource: "clusterrolebindings") else { return }
        for role in clusterRoles where (try? roles.get(namespace: nil, name: role.name)) == nil {
            let object: JSON = ["metadata": ["name": .string(role.name), "labels": metadataLabels],
                                "rules": .array(role.rules.map(\.json))]
            _ = try roles.create(object, namespace: nil, options: .init())
        }
        for binding in clusterRoleBindings where (try? bindings.get(namespace: nil, name: binding.name)) == nil {
            let object: JSON = [
                "metadata": ["name": .string(binding.name), "labels": metadataLabels],
                "roleRef": ["apiGroup": .string(RBACKinds.group), "kind": "ClusterRole", "name": .string(binding.role)],
                "subjects": [["apiGroup": .string(RBACKinds.group), "kind": "Group", "name": .string(binding.group)]],
            ]
            _ = try bindings.create(object, namespace: nil, options: .init())
        }
    }
}

extension APIServer {
    /// Creates the bootstrap ClusterRoles and ClusterRoleBindings that do not exist yet.
    public func bootstrapRBAC() throws {
        try BootstrapPolicy.create(on: self)
    }
}
