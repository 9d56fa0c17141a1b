import APIMachinery

/// apps/v1 DaemonSet (no scale subresource).
public enum DaemonSetKind {
    static let spec = Schema.object(
        "Desired state of a DaemonSet.", required: ["selector", "template"],
        [
            "minReadySeconds": .integer("Seconds a new pod must be ready before it counts as available."),
            "revisionHistoryLimit": .integer("ControllerRevisions kept for rollback; 10 when absent."),
            "selector": WorkloadSchemas.selector,
            "template": WorkloadSchemas.template,
            "updateStrategy": .object("How pods are replaced when the template changes.", [
                "type": .string("RollingUpdate or OnDelete; RollingUpdate when absent.", enum: ["RollingUpdate", "OnDelete"]),
                "rollingUpdate": WorkloadSchemas.surgeRollingUpdate,
            ]),
        ])

    static let status = Schema.object(
        "Observed state of a DaemonSet, written by its controller.",
        required: ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"],
        [
            "collisionCount": .integer("Counter that keeps revision names unique."),
            "conditions": WorkloadSchemas.conditions("A condition of the DaemonSet."),
            "currentNumberScheduled": .integer("Nodes running a daemon pod that should."),
            "desiredNumberScheduled": .integer("Nodes that should run a daemon pod."),
            "numberAvailable": .integer("Nodes whose daemon pod is available."),
            "numberMisscheduled": .integer("Nodes running a daemon pod that should not."),
            "numberReady": .integer("Nodes whose daemon pod is ready."),
            "numberUnavailable": .integer("Nodes whose daemon pod is not available."),
            "observedGeneration": .integer("Generation this status describes.", format: "int64"),
            "updatedNumberScheduled": .integer("Nodes running the current template."),
        ])

    public static let schema = CommonSchemas.kind(
        "Runs one pod on every eligible node.", group: "apps", version: "v1", kind: "DaemonSet",
        [("spec", spec), ("status", status)])

    public static let definition = ResourceDefinition(
        group: "apps", version: "v1", kind: "DaemonSet", resource: "daemonsets", singular: "daemonset",
        namespaced: true, shortNames: ["ds"], categories: ["all"], hasStatus: true,
        tracksGeneration: true, schema: schema, strategy: DaemonSetStrategy())
}

/// DaemonSet defaults and validation; the selector may not change after creation.
public struct DaemonSetStrategy: ResourceStrategy {
    public init() {}

    public func applyDefaults(to object: inout JSON) {
        var spec = object["spec"]
        spec["updateStrategy"].setDefault("type", "RollingUpdate")
        if spec["updateStrategy"]["type"] == "RollingUpdate" {
            spec["updateStrategy"]["rollingUpdate"].setDefault("maxUnavailable", 1)
            spec["updateStrategy"]["rollingUpdate"].setDefault("maxSurge", 0)
        }
        spec.setDefault("revisionHistoryLimit", 10)
        PodDefaults.apply(toPodTemplateSpec: &spec["template"])
        object["spec"] = spec
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["currentNumberScheduled": 0, "numberMisscheduled": 0, "desiredNumberScheduled": 0, "numberReady": 0]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        return WorkloadValidation.nonNegative(spec, root: "spec", fields: ["minReadySeconds", "revisionHistoryLimit"])
            + WorkloadValidation.validateSelector(spec, emptySelectorNoun: "daemonset")
            + WorkloadValidation.validateTemplate(spec, deadlineKind: "DaemonSet")
            + validateUpdateStrategy(spec["updateStrategy"])
    }

    /// Exactly one of `maxUnavailable` and `maxSurge` is non-zero, both within 100%.
    func validateUpdateStrategy(_ strategy: JSON) -> [FieldError] {
        let path = "spec.updateStrategy.rollingUpdate"
        let rollingUpdate = strategy["rollingUpdate"]
        switch strategy["type"].stringValue ?? "" {
        case "OnDelete": return []
        case "RollingUpdate":
            guard !rollingUpdate.isNull else { return [.required(path)] }
            var errors: [FieldError] = []
            for field in ["maxUnavailable", "maxSurge"] {
                errors += IntOrPercent.validatePositive(rollingUpdate[field], "\(path).\(field)")
                    + IntOrPercent.validateNotMoreThan100Percent(rollingUpdate[field], "\(path).\(field)")
            }
            let hasUnavailable = IntOrPercent.value(rollingUpdate["maxUnavailable"]) != 0
            let hasSurge = IntOrPercent.value(rollingUpdate["maxSurge"]) != 0
            if hasUnavailable && hasSurge {
                errors.append(.invalid("\(path).maxSurge", rollingUpdate["maxSurge"], "may not be set when maxUnavailable is non-zero"))
            } else if !hasUnavailable && !hasSurge {
                errors.append(.required("\(path).maxUnavailable", "cannot be 0 when maxSurge is 0"))
            }
            return errors
        default:
            return [.notSupported("spec.updateStrategy", strategy["type"], supported: ["RollingUpdate", "OnDelete"])]
        }
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + FieldChecks.immutable(object["spec"]["selector"], old["spec"]["selector"], "spec.selector")
    }
}
