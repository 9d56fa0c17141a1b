import APIMachinery

/// apps/v1 Deployment.
public enum DeploymentKind {
    static let spec = Schema.object(
        "Desired state of a Deployment.", required: ["selector", "template"],
        [
            "minReadySeconds": .integer("Seconds a new pod must be ready before it counts as available."),
            "paused": .boolean("Stops the rollout from progressing."),
            "progressDeadlineSeconds": .integer("Seconds without progress before the rollout is reported failed; 600 when absent."),
            "replicas": .integer("Desired number of pods; 1 when absent."),
            "revisionHistoryLimit": .integer("Old ReplicaSets kept for rollback; 10 when absent."),
            "selector": WorkloadSchemas.selector,
            "strategy": .object("How old pods are replaced by new ones.", [
                "type": .string("Recreate or RollingUpdate; RollingUpdate when absent.", enum: ["Recreate", "RollingUpdate"]),
                "rollingUpdate": WorkloadSchemas.surgeRollingUpdate,
            ]),
            "template": WorkloadSchemas.template,
        ])

    static let status = Schema.object(
        "Observed state of a Deployment, written by its controller.",
        [
            "availableReplicas": .integer("Pods available for at least minReadySeconds."),
            "collisionCount": .integer("Counter that keeps ReplicaSet names unique."),
            "conditions": WorkloadSchemas.conditions("A condition of the Deployment.", lastUpdateTime: true),
            "observedGeneration": .integer("Generation this status describes.", format: "int64"),
            "readyReplicas": .integer("Pods with a Ready condition."),
            "replicas": .integer("Pods of all its ReplicaSets."),
            "unavailableReplicas": .integer("Pods still needed for the desired count to be available."),
            "updatedReplicas": .integer("Pods from the current template."),
        ])

    public static let schema = CommonSchemas.kind(
        "Declarative updates of stateless pods through ReplicaSets.", group: "apps", version: "v1", kind: "Deployment",
        [("spec", spec), ("status", status)])

    public static let definition = ResourceDefinition(
        group: "apps", version: "v1", kind: "Deployment", resource: "deployments", singular: "deployment",
        namespaced: true, shortNames: ["deploy"], categories: ["all"], hasStatus: true, scale: .init(),
        tracksGeneration: true, schema: schema, strategy: DeploymentStrategy())
}

/// Deployment defaults and validation; the selector may not change after creation.
public struct DeploymentStrategy: ResourceStrategy {
    public init() {}

    public func applyDefaults(to object: inout JSON) {
        var spec = object["spec"]
        spec.setDefault("replicas", 1)
        spec["strategy"].setDefault("type", "RollingUpdate")
        if spec["strategy"]["type"] == "RollingUpdate" {
            spec["strategy"]["rollingUpdate"].setDefault("maxUnavailable", "25%")
            spec["strategy"]["rollingUpdate"].setDefault("maxSurge", "25%")
        }
        spec.setDefault("revisionHistoryLimit", 10)
        spec.setDefault("progressDeadlineSeconds", 600)
        PodDefaults.apply(toPodTemplateSpec: &spec["template"])
        object["spec"] = spec
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = [:]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        var errors = WorkloadValidation.nonNegative(spec, root: "spec",
                                                    fields: ["replicas", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds"])
        errors += WorkloadValidation.validateSelector(spec, emptySelectorNoun: "deployment")
        errors += WorkloadValidation.validateTemplate(spec, deadlineKind: "ReplicaSet")
        errors += validateStrategy(spec["strategy"])
        if let deadline = spec["progressDeadlineSeconds"].intValue, deadline <= (spec["minReadySeconds"].intValue ?? 0) {
            errors.append(.invalid("spec.progressDeadlineSeconds", spec["progressDeadlineSeconds"], "must be greater than minReadySeconds"))
        }
        return errors
    }

    func validateStrategy(_ strategy: JSON) -> [FieldError] {
        let path = "spec.strategy.rollingUpdate"
        let rollingUpdate = strategy["rollingUpdate"]
        switch strategy["type"].stringValue ?? "" {
        case "Recreate":
            return rollingUpdate.isNull ? [] : [.forbidden(path, "may not be specified when strategy `type` is 'Recreate'")]
        case "RollingUpdate":
            guard !rollingUpdate.isNull else { return [.required(path, "this should be defaulted and never be nil")] }
            let maxUnavailable = rollingUpdate["maxUnavailable"], maxSurge = rollingUpdate["maxSurge"]
            var errors = IntOrPercent.validatePositive(maxUnavailable, "\(path).maxUnavailable")
                + IntOrPercent.validatePositive(maxSurge, "\(path).maxSurge")
            if IntOrPercent.value(maxUnavailable) == 0 && IntOrPercent.value(maxSurge) == 0 {
                errors.append(.invalid("\(path).maxUnavailable", maxUnavailable, "may not be 0 when `maxSurge` is 0"))
            }
            return errors + IntOrPercent.validateNotMoreThan100Percent(maxUnavailable, "\(path).maxUnavailable")
        default:
            return [.notSupported("spec.strategy", strategy["type"], supported: ["Recreate", "RollingUpdate"])]
        }
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + FieldChecks.immutable(object["spec"]["selector"], old["spec"]["selector"], "spec.selector")
    }
}
