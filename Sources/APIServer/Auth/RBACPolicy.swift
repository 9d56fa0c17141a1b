import APIMachinery
import Resources

/// The RBAC objects at one moment, indexed for authorization: roles by name, bindings by namespace.
struct RBACPolicy: Sendable {
    struct Subject: Sendable, Equatable {
        var kind: String
        var name: String
        var namespace: String

        /// Whether the subject names `user`: a User by name, a Group among its groups, a ServiceAccount as
        /// the user `system:serviceaccount:<namespace>:<name>`.
        func matches(_ user: UserInfo) -> Bool {
            switch kind {
            case "User": return name == user.name
            case "Group": return user.groups.contains(name)
            case "ServiceAccount": return user.name == "system:serviceaccount:\(namespace):\(name)"
            default: return false
            }
        }
    }

    struct Binding: Sendable {
        var name: String
        var roleKind: String
        var roleName: String
        var subjects: [Subject]

        init(_ object: JSON) {
            name = object["metadata"]["name"].stringValue ?? ""
            roleKind = object["roleRef"]["kind"].stringValue ?? ""
            roleName = object["roleRef"]["name"].stringValue ?? ""
            let bindingNamespace = object["metadata"]["namespace"].stringValue ?? ""
            subjects = (object["subjects"].arrayValue ?? []).map { subject in
                Subject(kind: subject["kind"].stringValue ?? "", name: subject["name"].stringValue ?? "",
                        namespace: subject["namespace"].stringValue ?? bindingNamespace)
            }
        }
    }

    var clusterRoles: [String: [PolicyRule]] = [:]
    /// Roles by `namespace/name`.
    var roles: [String: [PolicyRule]] = [:]
    var clusterRoleBindings: [Binding] = []
    var roleBindings: [String: [Binding]] = [:]

    init() {}

    /// Indexes decoded objects of the four RBAC kinds; anything else is ignored.
    init(objects: some Sequence<JSON>) {
        for object in objects {
            let name = object["metadata"]["name"].stringValue ?? ""
            let namespace = object["metadata"]["namespace"].stringValue ?? ""
            let rules = (object["rules"].arrayValue ?? []).map(PolicyRule.init(json:))
            switch object["kind"].stringValue {
            case "ClusterRole": clusterRoles[name] = rules
            case "Role": roles["\(namespace)/\(name)"] = rules
            case "ClusterRoleBinding": clusterRoleBindings.append(Binding(object))
            case "RoleBinding": roleBindings[namespace, default: []].append(Binding(object))
            default: continue
            }
        }
    }

    /// Whether some binding that names `user` grants a role with a rule allowing `request`: ClusterRoleBindings
    /// everywhere, RoleBindings only in the request's namespace.
    func allows(_ user: UserInfo, _ request: RequestAttributes) -> Bool {
        for binding in clusterRoleBindings where binding.roleKind == "ClusterRole" && binding.subjects.contains(where: { $0.matches(user) }) {
            if clusterRoles[binding.roleName]?.contains(where: { $0.allows(request) }) == true { return true }
        }
        guard !request.namespace.isEmpty else { return false }
        for binding in roleBindings[request.namespace] ?? [] where binding.subjects.contains(where: { $0.matches(user) }) {
            let rules = binding.roleKind == "ClusterRole" ? clusterRoles[binding.roleName]
                : roles["\(request.namespace)/\(binding.roleName)"]
            if rules?.contains(where: { $0.allows(request) }) == true { return true }
        }
        return false
    }
}
