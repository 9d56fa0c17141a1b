import HTTPServer

/// What a request asks to do, in the terms authorization decides on: a verb on a resource (with its API group,
/// namespace, name and subresource), or a verb on a non-resource path such as `/apis` or `/version`.
public struct RequestAttributes: Sendable, Equatable {
    /// `get`, `list`, `watch`, `create`, `update`, `patch`, `delete` or `deletecollection` for resources; the
    /// lower-cased HTTP method for non-resource paths.
    public var verb: String
    public var isResourceRequest: Bool
    public var path: String
    public var apiGroup = ""
    public var resource = ""
    public var subresource = ""
    public var namespace = ""
    public var name = ""

    public init(verb: String, path: String) {
        self.verb = verb
        self.path = path
        self.isResourceRequest = false
    }

    public init(verb: String, apiGroup: String, resource: String, subresource: String = "", namespace: String = "",
                name: String = "", path: String = "") {
        self.verb = verb
        self.isResourceRequest = true
        self.path = path
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    /// Reads the attributes from the method, path and `watch` parameter, as kube-apiserver's request-info
    /// resolver does: a GET with `watch=true` is `watch`, else `list` for a collection and `get` for an object;
    /// DELETE of a collection is `deletecollection`. A Namespace object request carries its own name as the
    /// namespace.
    public init(_ request: HTTPRequest) {
        guard case .resource(let target) = RequestTarget(path: request.path) else {
            self.init(verb: request.method.lowercased(), path: request.path)
            return
        }
        let isCollection = target.name == nil
        let watching = ["1", "true"].contains(request.queryValue("watch")?.lowercased() ?? "")
        let verb: String
        switch request.method {
        case "GET", "HEAD": verb = watching ? "watch" : (isCollection ? "list" : "get")
        case "POST": verb = "create"
        case "PUT": verb = "update"
        case "PATCH": verb = "patch"
        case "DELETE": verb = isCollection ? "deletecollection" : "delete"
        default: verb = request.method.lowercased()
        }
        var namespace = target.namespace ?? ""
        if target.group.isEmpty, target.resource == "namespaces", let name = target.name { namespace = name }
        self.init(verb: verb, apiGroup: target.group, resource: target.resource, subresource: target.subresource ?? "",
                  namespace: namespace, name: target.name ?? "", path: request.path)
    }
}
