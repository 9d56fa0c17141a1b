import APIMachinery

/// Schemas shared by every kind: object metadata, owner references, label selectors, list metadata.
public enum CommonSchemas {
    public static let ownerReference = Schema.object(
        "Identifies an object this one depends on; when every owner is gone the garbage collector removes this object.",
        required: ["apiVersion", "kind", "name", "uid"],
        [
            "apiVersion": .string("API version of the owner."),
            "kind": .string("Kind of the owner."),
            "name": .string("Name of the owner."),
            "uid": .string("UID of the owner; a new object with the same name is a different owner."),
            "controller": .boolean("True on the one owner that manages this object."),
            "blockOwnerDeletion": .boolean("When true, a foreground deletion of the owner waits for this object to go."),
        ])

    public static let managedFieldsEntry = Schema.object(
        "Which manager owns which fields, as recorded by server-side apply.",
        [
            "manager": .string("Name of the manager (the field manager of its requests)."),
            "operation": .string("Apply or Update."),
            "apiVersion": .string("Version the fields are expressed in."),
            "time": .string("When the manager last changed these fields.", format: "date-time"),
            "fieldsType": .string("Format of fieldsV1; always FieldsV1."),
            "fieldsV1": .any("The set of fields owned, as a tree of f:, k:, v: and i: keys."),
            "subresource": .string("The subresource the write went through, if any."),
        ])

    public static let objectMeta = Schema.object(
        "Standard metadata every persisted object carries.",
        [
            "name": .string("Unique name within the namespace (or the cluster, for cluster-scoped kinds)."),
            "generateName": .string("Prefix for a server-generated name, used when name is empty."),
            "namespace": .string("Namespace the object lives in; empty for cluster-scoped kinds."),
            "uid": .string("Server-assigned identifier, unique for the object's whole life."),
            "resourceVersion": .string("Opaque version of this object; changes on every write. Send it back to make an update conditional."),
            "generation": .integer("Sequence number of the desired state (spec); bumped by the server when spec changes.", format: "int64"),
            "creationTimestamp": .string("When the object was created (RFC 3339, UTC).", format: "date-time"),
            "deletionTimestamp": .string("When the object was asked to be deleted; set by the server, never by clients.", format: "date-time"),
            "deletionGracePeriodSeconds": .integer("Seconds allowed for graceful termination before the object goes.", format: "int64"),
            "labels": .stringMap("Key-value pairs to organise and select objects."),
            "annotations": .stringMap("Key-value pairs for tools and people; not used for selection."),
            "ownerReferences": .array(ownerReference, "Objects this one depends on.", merge: .byKey("uid")),
            "finalizers": .array(.string(), "Names of the actors that must finish before the object is removed.", merge: .primitiveSet),
            "managedFields": .array(managedFieldsEntry, "Field ownership recorded by server-side apply."),
            "selfLink": .string("Deprecated; never set."),
        ])

    public static let labelSelectorRequirement = Schema.object(
        "One requirement on a label.", required: ["key", "operator"],
        [
            "key": .string("The label key."),
            "operator": .string("In, NotIn, Exists or DoesNotExist.", enum: ["In", "NotIn", "Exists", "DoesNotExist"]),
            "values": .array(.string(), "Values for In and NotIn; empty for Exists and DoesNotExist."),
        ])

    public static let labelSelector = Schema.object(
        "Selects objects by label; all requirements must hold. An empty selector selects everything.",
        [
            "matchLabels": .stringMap("Labels that must be present with exactly these values."),
            "matchExpressions": .array(labelSelectorRequirement, "Further requirements, ANDed together."),
        ])

    /// The common top of every kind's schema: apiVersion, kind and metadata, followed by `properties`.
    public static func kind(_ description: String, group: String, version: String, kind: String,
                            required: [String] = [], _ properties: [(String, Schema)]) -> Schema {
        var all: [(String, Schema)] = [
            ("apiVersion", .string("Versioned schema of this object, e.g. apps/v1.")),
            ("kind", .string("The kind of this object, e.g. StatefulSet.")),
            ("metadata", objectMeta),
        ]
        all.append(contentsOf: properties)
        var schema = Schema.object(description, required: required, .init(uniqueKeysWithValues: all))
        schema = schema.tagged(group: group, version: version, kind: kind)
        return schema
    }
}
