import APIMachinery

extension ResourceDefinition {
    /// core/v1 Event: a report about another object, selectable by its subject, reason, source and type.
    public static let event = ResourceDefinition(
        group: "", version: "v1", kind: "Event", resource: "events", singular: "event", namespaced: true,
        shortNames: ["ev"], nameRule: .pathSegment,
        fieldLabels: [
            "involvedObject.kind": ["involvedObject", "kind"],
            "involvedObject.namespace": ["involvedObject", "namespace"],
            "involvedObject.name": ["involvedObject", "name"],
            "involvedObject.uid": ["involvedObject", "uid"],
            "involvedObject.apiVersion": ["involvedObject", "apiVersion"],
            "involvedObject.resourceVersion": ["involvedObject", "resourceVersion"],
            "involvedObject.fieldPath": ["involvedObject", "fieldPath"],
            "reason": ["reason"],
            "reportingComponent": ["reportingComponent"],
            "source": ["source", "component"],
            "type": ["type"],
        ],
        schema: CommonSchemas.kind(
            "Something that happened to an object, as reported by a controller or a node agent.",
            group: "", version: "v1", kind: "Event", required: ["metadata", "involvedObject"],
            [
                ("involvedObject", CoreSchemas.objectReference.described("The object the event is about.")),
                ("reason", .string("Short CamelCase cause, machine-readable (e.g. SuccessfulCreate).")),
                ("message", .string("What happened, for people.")),
                ("source", .object("Who reported the event (older reporters).", [
                    "component": .string("The reporting component, e.g. statefulset-controller."),
                    "host": .string("The node the reporter runs on."),
                ])),
                ("firstTimestamp", .string("When the event was first seen.", format: "date-time")),
                ("lastTimestamp", .string("When the event was most recently seen.", format: "date-time")),
                ("count", .integer("How many times the event has been seen.")),
                ("type", .string("Normal or Warning.", enum: EventStrategy.types)),
                ("eventTime", .string("When the event first happened, with microseconds.", format: "date-time")),
                ("series", .object("Repetitions of the event, when it recurs.", [
                    "count": .integer("Repetitions so far."),
                    "lastObservedTime": .string("When the last repetition was seen.", format: "date-time"),
                ])),
                ("action", .string("What the reporter did or failed to do about the object.")),
                ("related", CoreSchemas.objectReference.described("A second object the event concerns, if any.")),
                ("reportingComponent", .string("The controller that emitted the event, e.g. kubernetes.io/kubelet.")),
                ("reportingInstance", .string("Which instance of the reporting component emitted it, e.g. a node name.")),
            ]),
        strategy: EventStrategy())
}

/// Event rules: the subject lives in the event's namespace (a cluster-scoped subject's events may live in
/// `default` or have no namespace), and `type`, when set, is Normal or Warning.
public struct EventStrategy: ResourceStrategy {
    public static let types = ["Normal", "Warning"]

    public init() {}

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        let namespace = object["metadata"]["namespace"].stringValue ?? ""
        let subjectNamespace = object["involvedObject"]["namespace"]
        let subject = subjectNamespace.stringValue ?? ""
        let matches = subject.isEmpty ? (namespace.isEmpty || namespace == "default") : subject == namespace
        if !matches { errors.append(.invalid("involvedObject.namespace", .string(subject), "does not match event.namespace")) }
        let type = object["type"]
        if let value = type.stringValue, !value.isEmpty, !Self.types.contains(value) {
            errors.append(.notSupported("type", type, supported: Self.types))
        }
        if let count = object["count"].intValue, count < 0 {
            errors.append(.invalid("count", object["count"], "must be greater than or equal to 0"))
        }
        return errors
    }
}
