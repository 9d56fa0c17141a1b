/// Decides whether an authenticated user may make a request.
public protocol Authorizer: Sendable {
    func allows(_ user: UserInfo, _ request: RequestAttributes) -> Bool
}

/// Authorizes by RBAC objects: members of `system:masters` may do everything; everyone else needs a
/// binding whose role has a matching rule. Reads the policy the cache keeps current, so a changed Role or
/// binding takes effect as soon as the store's watch delivers it, without a restart.
public struct RBACAuthorizer: Authorizer {
    private let cache: RBACCache

    public init(cache: RBACCache) { self.cache = cache }

    public func allows(_ user: UserInfo, _ request: RequestAttributes) -> Bool {
        if user.groups.contains(UserInfo.mastersGroup) { return true }
        return cache.policy.allows(user, request)
    }
}
