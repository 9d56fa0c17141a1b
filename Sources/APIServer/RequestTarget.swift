/// What a request path names, decided from the path alone.
enum RequestTarget: Equatable {
    case apiVersions                            // /api
    case apiGroupList                           // /apis
    case apiGroup(group: String)                // /apis/{g}
    case resourceList(group: String, version: String)   // /api/v1, /apis/{g}/{v}
    case version, healthz, livez, readyz
    case openAPIIndex                           // /openapi/v3
    case openAPIGroupVersion(group: String, version: String)
    /// A collection, item or subresource of a kind. `namespace` is nil for cluster-scoped kinds and for
    /// lists and watches across all namespaces.
    case resource(ResourcePath)
    case notFound

    struct ResourcePath: Equatable {
        var group: String
        var version: String
        var resource: String
        var namespace: String?
        var name: String?
        var subresource: String?
    }

    init(path: String) {
        // A trailing slash names the same thing: empty segments are dropped.
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = segments.first else { self = .notFound; return }
        switch first {
        case "version" where segments.count == 1: self = .version
        case "healthz": self = .healthz
        case "livez": self = .livez
        case "readyz": self = .readyz
        case "openapi":
            guard segments.count >= 2, segments[1] == "v3" else { self = .notFound; return }
            if segments.count == 2 { self = .openAPIIndex; return }
            if segments.count == 4, segments[2] == "api" { self = .openAPIGroupVersion(group: "", version: segments[3]); return }
            if segments.count == 5, segments[2] == "apis" { self = .openAPIGroupVersion(group: segments[3], version: segments[4]); return }
            self = .notFound
        case "api":
            if segments.count == 1 { self = .apiVersions; return }
            segments.removeFirst()
            self = RequestTarget(group: "", segments: segments)
        case "apis":
            if segments.count == 1 { self = .apiGroupList; return }
            if segments.count == 2 { self = .apiGroup(group: segments[1]); return }
            let group = segments[1]
            segments.removeFirst(2)
            self = RequestTarget(group: group, segments: segments)
        default:
            self = .notFound
        }
    }

    /// `segments` starts at the version: `v1/namespaces/default/pods/web-0/status`.
    private init(group: String, segments: [String]) {
        let version = segments[0]
        var rest = Array(segments.dropFirst())
        if rest.isEmpty { self = .resourceList(group: group, version: version); return }
        var namespace: String?
        // `namespaces/{ns}/{resource}…` addresses a namespaced kind; `namespaces/{name}[/status|/finalize]`
        // is the Namespace object itself.
        if group.isEmpty, rest[0] == "namespaces", rest.count >= 3, !["status", "finalize"].contains(rest[2]) {
            namespace = rest[1]
            rest.removeFirst(2)
        } else if !group.isEmpty, rest[0] == "namespaces", rest.count >= 3 {
            namespace = rest[1]
            rest.removeFirst(2)
        }
        guard rest.count <= 3 else { self = .notFound; return }
        self = .resource(ResourcePath(group: group, version: version, resource: rest[0], namespace: namespace,
                                      name: rest.count > 1 ? rest[1] : nil, subresource: rest.count > 2 ? rest[2] : nil))
    }
}
