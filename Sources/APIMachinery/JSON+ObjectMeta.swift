/// Read accessors for the metadata every Kubernetes object carries, for code that works on objects as JSON.
extension JSON {
    public var name: String { self["metadata"]["name"].stringValue ?? "" }
    public var namespace: String { self["metadata"]["namespace"].stringValue ?? "" }
    public var uid: String { self["metadata"]["uid"].stringValue ?? "" }
    public var resourceVersion: String { self["metadata"]["resourceVersion"].stringValue ?? "" }
    public var generation: Int64 { self["metadata"]["generation"].intValue ?? 0 }
    public var labels: [String: String] { self["metadata"]["labels"].stringMap ?? [:] }
    public var annotations: [String: String] { self["metadata"]["annotations"].stringMap ?? [:] }
    public var finalizers: [String] { self["metadata"]["finalizers"].arrayValue?.compactMap(\.stringValue) ?? [] }
    /// True once a delete was asked for (`metadata.deletionTimestamp` is set).
    public var isTerminating: Bool { !self["metadata"]["deletionTimestamp"].isNull }
    /// `namespace/name`, or `name` for cluster-scoped objects: the key controllers queue.
    public var objectKey: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public var ownerReferences: [OwnerReference] {
        self["metadata"]["ownerReferences"].arrayValue?.compactMap(OwnerReference.init(json:)) ?? []
    }

    /// The owner reference with `controller: true`, if any.
    public var controllerReference: OwnerReference? { ownerReferences.first { $0.controller } }
}

/// One entry of `metadata.ownerReferences`.
public struct OwnerReference: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool
    public var blockOwnerDeletion: Bool

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool = false, blockOwnerDeletion: Bool = false) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    public init?(json: JSON) {
        guard let apiVersion = json["apiVersion"].stringValue, let kind = json["kind"].stringValue,
              let name = json["name"].stringValue, let uid = json["uid"].stringValue else { return nil }
        self.init(apiVersion: apiVersion, kind: kind, name: name, uid: uid,
                  controller: json["controller"].boolValue ?? false, blockOwnerDeletion: json["blockOwnerDeletion"].boolValue ?? false)
    }

    /// A controller reference to `owner` (as the StatefulSet controller sets on its pods).
    public init(controllerOf owner: JSON, blockOwnerDeletion: Bool = true) {
        self.init(apiVersion: owner["apiVersion"].stringValue ?? "", kind: owner["kind"].stringValue ?? "", name: owner.name,
                  uid: owner.uid, controller: true, blockOwnerDeletion: blockOwnerDeletion)
    }

    public var json: JSON {
        var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid)]
        if controller { object["controller"] = true }
        if blockOwnerDeletion { object["blockOwnerDeletion"] = true }
        return .object(object)
    }
}
