import APIMachinery

/// apps/v1 ReplicaSet.
public enum ReplicaSetKind {
    static let spec = Schema.object(
        "Desired state of a ReplicaSet.", required: ["selector"],
        [
            "minReadySeconds": .integer("Seconds a new pod must be ready before it counts as available."),
            "replicas": .integer("Desired number of pods; 1 when absent."),
            "selector": WorkloadSchemas.selector,
            "template": WorkloadSchemas.template,
        ])

    static let status = Schema.object(
        "Observed state of a ReplicaSet, written by its controller.", required: ["replicas"],
        [
            "availableReplicas": .integer("Pods available for at least minReadySeconds."),
            "conditions": WorkloadSchemas.conditions("A condition of the ReplicaSet."),
            "fullyLabeledReplicas": .integer("Pods whose labels match the template's."),
            "observedGeneration": .integer("Generation this status describes.", format: "int64"),
            "readyReplicas": .integer("Pods with a Ready condition."),
            "replicas": .integer("Pods the ReplicaSet owns."),
        ])

    public static let schema = CommonSchemas.kind(
        "Keeps a number of identical pods running.", group: "apps", version: "v1", kind: "ReplicaSet",
        [("spec", spec), ("status", status)])

    public static let definition = ResourceDefinition(
        group: "apps", version: "v1", kind: "ReplicaSet", resource: "replicasets", singular: "replicaset",
        namespaced: true, shortNames: ["rs"], categories: ["all"], hasStatus: true, scale: .init(),
        tracksGeneration: true, schema: schema, strategy: ReplicaSetStrategy())
}

/// ReplicaSet defaults and validation; the selector may not change after creation.
public struct ReplicaSetStrategy: ResourceStrategy {
    public init() {}

    public func applyDefaults(to object: inout JSON) {
        object["spec"].setDefault("replicas", 1)
        PodDefaults.apply(toPodTemplateSpec: &object["spec"]["template"])
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["replicas": 0]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        return WorkloadValidation.nonNegative(spec, root: "spec", fields: ["replicas", "minReadySeconds"])
            + WorkloadValidation.validateSelector(spec, emptySelectorNoun: "deployment")
            + WorkloadValidation.validateTemplate(spec, deadlineKind: "ReplicaSet")
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + FieldChecks.immutable(object["spec"]["selector"], old["spec"]["selector"], "spec.selector")
    }
}
