import APIMachinery

/// Role and ClusterRole rules: every rule names verbs; a resource rule names API groups and resources; a
/// non-resource rule names only URLs, and only in a ClusterRole.
public struct RoleStrategy: ResourceStrategy {
    let namespaced: Bool

    public init(namespaced: Bool) { self.namespaced = namespaced }

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, rule) in (object["rules"].arrayValue ?? []).enumerated() {
            errors += Self.validate(rule: rule, at: "rules[\(index)]", namespaced: namespaced)
        }
        return errors
    }

    static func validate(rule: JSON, at path: String, namespaced: Bool) -> [FieldError] {
        func strings(_ key: String) -> [String] { rule[key].arrayValue?.compactMap(\.stringValue) ?? [] }
        var errors: [FieldError] = []
        if strings("verbs").isEmpty { errors.append(.required("\(path).verbs", "verbs must contain at least one value")) }
        let urls = strings("nonResourceURLs")
        if !urls.isEmpty {
            if namespaced {
                errors.append(.invalid("\(path).nonResourceURLs", rule["nonResourceURLs"], "namespaced rules cannot apply to non-resource URLs"))
            }
            if !strings("apiGroups").isEmpty || !strings("resources").isEmpty || !strings("resourceNames").isEmpty {
                errors.append(.invalid("\(path).nonResourceURLs", rule["nonResourceURLs"], "rules cannot apply to both regular resources and non-resource URLs"))
            }
            return errors
        }
        if rule["apiGroups"].arrayValue?.isEmpty ?? true {
            errors.append(.required("\(path).apiGroups", "resource rules must supply at least one api group"))
        }
        if strings("resources").isEmpty {
            errors.append(.required("\(path).resources", "resource rules must supply at least one resource"))
        }
        return errors
    }
}

/// RoleBinding and ClusterRoleBinding: defaults the API groups, checks the role reference (which never changes)
/// and each subject.
public struct RoleBindingStrategy: ResourceStrategy {
    static let subjectKinds = ["ServiceAccount", "User", "Group"]
    let namespaced: Bool

    public init(namespaced: Bool) { self.namespaced = namespaced }

    public func applyDefaults(to object: inout JSON) {
        if object["roleRef"].objectValue != nil, (object["roleRef"]["apiGroup"].stringValue ?? "").isEmpty {
            object["roleRef"]["apiGroup"] = .string(RBACKinds.group)
        }
        guard var subjects = object["subjects"].arrayValue else { return }
        for index in subjects.indices where subjects[index]["apiGroup"].isNull {
            let kind = subjects[index]["kind"].stringValue
            if kind == "User" || kind == "Group" { subjects[index]["apiGroup"] = .string(RBACKinds.group) }
        }
        object["subjects"] = .array(subjects)
    }

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        let roleRef = object["roleRef"]
        if roleRef["apiGroup"].stringValue != RBACKinds.group {
            errors.append(.notSupported("roleRef.apiGroup", roleRef["apiGroup"], supported: [RBACKinds.group]))
        }
        let kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"]
        if !kinds.contains(roleRef["kind"].stringValue ?? "") {
            errors.append(.notSupported("roleRef.kind", roleRef["kind"], supported: kinds))
        }
        if (roleRef["name"].stringValue ?? "").isEmpty { errors.append(.required("roleRef.name")) }
        for (index, subject) in (object["subjects"].arrayValue ?? []).enumerated() {
            errors += validate(subject: subject, at: "subjects[\(index)]")
        }
        return errors
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        let changed = ["apiGroup", "kind", "name"].contains { object["roleRef"][$0] != old["roleRef"][$0] }
        if changed { errors.append(.invalid("roleRef", object["roleRef"], "cannot change roleRef")) }
        return errors
    }

    private func validate(subject: JSON, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let kind = subject["kind"].stringValue ?? ""
        if (subject["name"].stringValue ?? "").isEmpty { errors.append(.required("\(path).name")) }
        switch kind {
        case "ServiceAccount":
            if !(subject["apiGroup"].stringValue ?? "").isEmpty {
                errors.append(.notSupported("\(path).apiGroup", subject["apiGroup"], supported: [""]))
            }
            if !namespaced, (subject["namespace"].stringValue ?? "").isEmpty { errors.append(.required("\(path).namespace")) }
        case "User", "Group":
            if subject["apiGroup"].stringValue != RBACKinds.group {
                errors.append(.notSupported("\(path).apiGroup", subject["apiGroup"], supported: [RBACKinds.group]))
            }
        default:
            errors.append(.notSupported("\(path).kind", subject["kind"], supported: Self.subjectKinds))
        }
        return errors
    }
}
