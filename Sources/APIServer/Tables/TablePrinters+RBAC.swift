import APIMachinery
import Foundation

extension TablePrinters {
    static let roles: [TableColumn] = [
        .name,
        .string("Created At", "When the role was created.") { $0["metadata"]["creationTimestamp"].stringValue ?? "" },
    ]

    static let roleBindings: [TableColumn] = [
        .name,
        .string("Role", "The role granted, as Kind/name.") { "\($0["roleRef"]["kind"].stringValue ?? "")/\($0["roleRef"]["name"].stringValue ?? "")" },
        .age,
        .string("Users", priority: 1, "Users granted the role.") { subjects($0, kind: "User") },
        .string("Groups", priority: 1, "Groups granted the role.") { subjects($0, kind: "Group") },
        .string("ServiceAccounts", priority: 1, "Service accounts granted the role, as namespace/name.") { subjects($0, kind: "ServiceAccount") },
    ]

    private static func subjects(_ binding: JSON, kind: String) -> String {
        (binding["subjects"].arrayValue ?? []).filter { $0["kind"].stringValue == kind }.compactMap { subject in
            guard let name = subject["name"].stringValue else { return nil }
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"].stringValue ?? "")/\(name)"
        }.joined(separator: ", ")
    }
}
