import APIMachinery

/// Schemas shared by the core/v1, storage and discovery kinds (references, quantities, conditions).
public enum CoreSchemas {
    /// `ObjectReference`: points at any object, optionally at a field inside it.
    public static let objectReference = Schema.object(
        "Points at another object by kind, namespace and name, optionally pinned to a uid and version.",
        [
            "apiVersion": .string("API version of the referent."),
            "kind": .string("Kind of the referent."),
            "namespace": .string("Namespace of the referent; empty for cluster-scoped objects."),
            "name": .string("Name of the referent."),
            "uid": .string("UID of the referent."),
            "resourceVersion": .string("Version of the referent this reference was made against."),
            "fieldPath": .string("A path within the referent, such as spec.containers{web}, when the reference is to a part of it."),
        ])

    /// `TypedLocalObjectReference`: an object in the same namespace, by API group, kind and name.
    public static let typedLocalObjectReference = Schema.object(
        "An object in the same namespace named by API group, kind and name.", required: ["kind", "name"],
        [
            "apiGroup": .string("API group of the referent; empty for the core group."),
            "kind": .string("Kind of the referent."),
            "name": .string("Name of the referent."),
        ])

    /// A resource quantity: a string such as `1Gi` or `500m`, or a bare number.
    public static let quantity = Schema(.intOrString, "An amount of a resource, e.g. 1Gi, 500Mi or 100m.", format: "quantity")

    /// `ResourceList`: resource name to quantity.
    public static func resourceList(_ description: String) -> Schema { .map(quantity, description) }

    /// A status condition of the common `{type, status, reason, message, times}` shape.
    public static func condition(_ description: String) -> Schema {
        .object(description, required: ["type", "status"], [
            "type": .string("Which condition this is."),
            "status": .string("True, False or Unknown.", enum: ["True", "False", "Unknown"]),
            "lastProbeTime": .string("When the condition was last checked.", format: "date-time"),
            "lastHeartbeatTime": .string("When the reporter last confirmed the condition.", format: "date-time"),
            "lastTransitionTime": .string("When status last changed.", format: "date-time"),
            "reason": .string("One-word CamelCase cause of the last transition."),
            "message": .string("Human-readable detail of the last transition."),
        ])
    }

    /// The `{key, operator, values}` node-selector requirement and the node affinity built from it.
    public static let nodeSelector = Schema.object(
        "Selects nodes: the terms are ORed, the requirements inside a term ANDed.", required: ["nodeSelectorTerms"],
        [
            "nodeSelectorTerms": .array(.object("Requirements that must all hold.", [
                "matchExpressions": .array(.any("A requirement on a node label."), "Requirements on node labels."),
                "matchFields": .array(.any("A requirement on a node field."), "Requirements on node fields."),
            ]), "Alternatives; a node matching any of them is selected."),
        ])
}
