import APIMachinery
import Foundation

/// One column of `kubectl get` output: its definition and how to compute the cell of an object.
struct TableColumn: Sendable {
    let name: String
    let type: String
    let format: String
    let description: String
    /// 0: always shown; 1: only with `-o wide`.
    let priority: Int
    let cell: @Sendable (JSON, Date) -> JSON

    init(_ name: String, type: String = "string", format: String = "", priority: Int = 0, _ description: String,
         cell: @escaping @Sendable (JSON, Date) -> JSON) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
        self.cell = cell
    }

    var definition: JSON {
        ["name": .string(name), "type": .string(type), "format": .string(format), "description": .string(description),
         "priority": .int(Int64(priority))]
    }

    static let name = TableColumn("Name", format: "name", "Name must be unique within a namespace.") { object, _ in .string(object.name) }
    static let age = TableColumn("Age", "Time since the object was created.") { object, now in .string(HumanDuration.age(of: object, now: now)) }

    static func string(_ name: String, priority: Int = 0, _ description: String, _ value: @escaping @Sendable (JSON) -> String) -> TableColumn {
        TableColumn(name, priority: priority, description) { object, _ in .string(value(object)) }
    }

    static func integer(_ name: String, _ description: String, _ value: @escaping @Sendable (JSON) -> Int64) -> TableColumn {
        TableColumn(name, type: "integer", description) { object, _ in .int(value(object)) }
    }
}

/// Shared cell helpers.
enum Cells {
    static func int(_ value: JSON) -> Int64 { value.intValue ?? 0 }
    static func orNone(_ text: String?) -> String { (text ?? "").isEmpty ? "<none>" : text! }
    static func joined(_ values: [String]) -> String { values.isEmpty ? "<none>" : values.joined(separator: ",") }
    static func containerNames(_ template: JSON) -> String {
        joined(template["spec"]["containers"].arrayValue?.compactMap { $0["name"].stringValue } ?? [])
    }
    static func images(_ template: JSON) -> String {
        joined(template["spec"]["containers"].arrayValue?.compactMap { $0["image"].stringValue } ?? [])
    }
    static func selector(_ selector: JSON) -> String {
        guard let parsed = try? LabelSelector(json: selector), !parsed.isEmpty else { return "<none>" }
        return parsed.description
    }
    static func accessModes(_ modes: JSON) -> String {
        let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
        return (modes.arrayValue ?? []).compactMap { $0.stringValue.map { short[$0] ?? $0 } }.joined(separator: ",")
    }
}
