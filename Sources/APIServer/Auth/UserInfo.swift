/// Who made a request, as an authenticator establishes it.
public struct UserInfo: Sendable, Equatable {
    /// Members of this group may do everything, whatever the RBAC objects say.
    public static let mastersGroup = "system:masters"
    /// Every authenticated user belongs to this group.
    public static let authenticatedGroup = "system:authenticated"

    public var name: String
    public var uid: String
    public var groups: [String]

    public init(name: String, uid: String = "", groups: [String] = []) {
        self.name = name
        self.uid = uid
        self.groups = groups
    }
}
