import APIMachinery

/// One RBAC rule: verbs allowed on resources (by API group, resource, optional names) or on non-resource URLs.
/// `*` matches any verb, group, resource or URL.
public struct PolicyRule: Sendable, Equatable {
    public var verbs: [String]
    public var apiGroups: [String]
    /// Resource names, `resource/subresource`, `*/subresource` or `*`.
    public var resources: [String]
    /// When not empty, the rule covers only objects of these names.
    public var resourceNames: [String]
    /// Paths, or prefixes ending in `*`.
    public var nonResourceURLs: [String]

    public init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
                nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// The rule as a Role's or ClusterRole's `rules[]` entry holds it.
    public init(json: JSON) {
        func strings(_ key: String) -> [String] { json[key].arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    public var json: JSON {
        var object: JSONObject = ["verbs": .array(verbs.map(JSON.string))]
        if !apiGroups.isEmpty { object["apiGroups"] = .array(apiGroups.map(JSON.string)) }
        if !resources.isEmpty { object["resources"] = .array(resources.map(JSON.string)) }
        if !resourceNames.isEmpty { object["resourceNames"] = .array(resourceNames.map(JSON.string)) }
        if !nonResourceURLs.isEmpty { object["nonResourceURLs"] = .array(nonResourceURLs.map(JSON.string)) }
        return .object(object)
    }

    /// Whether this rule allows the request.
    public func allows(_ request: RequestAttributes) -> Bool {
        guard matchesVerb(request.verb) else { return false }
        guard request.isResourceRequest else { return matchesNonResourceURL(request.path) }
        return matchesGroup(request.apiGroup) && matchesResource(request.resource, subresource: request.subresource)
            && matchesName(request.name)
    }

    func matchesVerb(_ verb: String) -> Bool { verbs.contains("*") || verbs.contains(verb) }

    func matchesGroup(_ group: String) -> Bool { apiGroups.contains("*") || apiGroups.contains(group) }

    func matchesResource(_ resource: String, subresource: String) -> Bool {
        let combined = subresource.isEmpty ? resource : "\(resource)/\(subresource)"
        return resources.contains { rule in
            rule == "*" || rule == combined || (!subresource.isEmpty && rule == "*/\(subresource)")
        }
    }

    func matchesName(_ name: String) -> Bool { resourceNames.isEmpty || resourceNames.contains(name) }

    func matchesNonResourceURL(_ path: String) -> Bool {
        nonResourceURLs.contains { rule in
            if rule == "*" || rule == path { return true }
            return rule.hasSuffix("*") && path.hasPrefix(rule.dropLast())
        }
    }
}
