/// One entry of `metadata.managedFields`: the fields one manager owns, through one operation.
///
/// A manager is identified by its name, its operation (`Apply` or `Update`) and the subresource it wrote
/// through: `kubectl` applying and `kubectl` updating are two owners, as upstream.
public struct ManagedFieldsEntry: Equatable, Sendable {
    public enum Operation: String, Sendable { case apply = "Apply", update = "Update" }

    public var manager: String
    public var operation: Operation
    public var apiVersion: String
    /// RFC 3339, whole seconds; when the manager's set last changed.
    public var time: String
    /// `status` for writes through `/status`; nil for the main resource.
    public var subresource: String?
    public var fields: FieldSet

    public init(manager: String, operation: Operation, apiVersion: String, time: String, subresource: String? = nil, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    /// Whether this entry belongs to the same owner as `other`.
    public func sameOwner(as other: ManagedFieldsEntry) -> Bool {
        manager == other.manager && operation == other.operation && subresource == other.subresource
    }

    /// How conflict messages name the owner: `"kubectl-client-side-apply" using apps/v1`.
    public var ownerDescription: String {
        "\"\(manager)\" using \(apiVersion)"
    }

    public var json: JSON {
        Self.json(manager: manager, operation: operation, apiVersion: apiVersion, time: time, subresource: subresource,
                  fieldsV1: fields.fieldsV1)
    }

    /// An entry as it is recorded, with its fields already in FieldsV1 form.
    static func json(manager: String, operation: Operation, apiVersion: String, time: String, subresource: String?,
                     fieldsV1: JSON) -> JSON {
        var object: JSONObject = ["manager": .string(manager), "operation": .string(operation.rawValue),
                                  "apiVersion": .string(apiVersion), "time": .string(time),
                                  "fieldsType": "FieldsV1", "fieldsV1": fieldsV1]
        if let subresource { object["subresource"] = .string(subresource) }
        return .object(object)
    }

    /// Reads one entry; nil for an entry this server cannot interpret (unknown operation or fields type).
    public init?(_ json: JSON) {
        guard let manager = json["manager"].stringValue,
              let operation = json["operation"].stringValue.flatMap(Operation.init(rawValue:)),
              (json["fieldsType"].stringValue ?? "FieldsV1") == "FieldsV1",
              let fields = FieldSet(fieldsV1: json["fieldsV1"].isNull ? .object([:]) : json["fieldsV1"]) else { return nil }
        self.init(manager: manager, operation: operation, apiVersion: json["apiVersion"].stringValue ?? "",
                  time: json["time"].stringValue ?? "", subresource: json["subresource"].stringValue, fields: fields)
    }

    /// The entries recorded in `object`'s metadata (entries that cannot be read are dropped).
    public static func entries(of object: JSON) -> [ManagedFieldsEntry] {
        object["metadata"]["managedFields"].arrayValue?.compactMap(ManagedFieldsEntry.init) ?? []
    }

    /// Records `entries` in `object`'s metadata (removing the key when there are none).
    public static func record(_ entries: [ManagedFieldsEntry], in object: inout JSON) {
        if entries.isEmpty {
            object["metadata"].removeValue(forKey: "managedFields")
        } else {
            object["metadata"]["managedFields"] = .array(entries.map(\.json))
        }
    }
}
