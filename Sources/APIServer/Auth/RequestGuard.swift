import APIMachinery
import HTTPServer

/// Authentication and authorization in front of the API, as kube-apiserver's handler chain does them:
/// a request without a valid bearer token gets 401 Unauthorized; an authenticated user the authorizer refuses
/// gets 403 Forbidden, naming the user, verb and resource. The health paths stay open to everyone, so
/// probes need no credentials.
public struct RequestGuard: HTTPResponder {
    static let openPaths = ["healthz", "livez", "readyz"]
    private let next: any HTTPResponder
    private let authenticator: TokenAuthenticator
    private let authorizer: (any Authorizer)?

    /// - Parameter authorizer: nil allows every authenticated request.
    public init(_ next: any HTTPResponder, authenticator: TokenAuthenticator, authorizer: (any Authorizer)?) {
        self.next = next
        self.authenticator = authenticator
        self.authorizer = authorizer
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if Self.isOpen(request.path) { return next.respond(to: request) }
        guard case .authenticated(let user) = authenticator.authenticate(request) else {
            return Responses.error(Self.unauthorized)
        }
        let attributes = RequestAttributes(request)
        if let authorizer, !authorizer.allows(user, attributes) {
            return Responses.error(Self.forbidden(user, attributes))
        }
        return next.respond(to: request)
    }

    static func isOpen(_ path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return openPaths.contains(String(first))
    }

    static let unauthorized = StatusError(code: 401, reason: "Unauthorized", message: "Unauthorized")

    /// The 403 kube-apiserver sends: `statefulsets.apps is forbidden: User "alice" cannot list resource
    /// "statefulsets" in API group "apps" in the namespace "default"`.
    static func forbidden(_ user: UserInfo, _ request: RequestAttributes) -> StatusError {
        guard request.isResourceRequest else {
            return StatusError(code: 403, reason: "Forbidden",
                               message: "forbidden: User \"\(user.name)\" cannot \(request.verb) path \"\(request.path)\"",
                               details: .init())
        }
        let resource = request.subresource.isEmpty ? request.resource : "\(request.resource)/\(request.subresource)"
        let scope = request.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(request.namespace)\""
        let detail = "User \"\(user.name)\" cannot \(request.verb) resource \"\(resource)\" in API group \"\(request.apiGroup)\" \(scope)"
        return .forbidden(GroupResource(group: request.apiGroup, resource: request.resource), name: request.name, detail: detail)
    }
}
