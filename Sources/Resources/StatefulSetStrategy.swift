import APIMachinery

/// StatefulSet defaults, validation, the spec fields an update may change, and `/status` rules.
public struct StatefulSetStrategy: ResourceStrategy {
    /// Spec fields an update may change; every other difference is forbidden.
    static let mutableSpecFields = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
                                    "persistentVolumeClaimRetentionPolicy", "minReadySeconds"]
    public static let forbiddenUpdateMessage = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
        + "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
        + "'minReadySeconds' are forbidden"
    static let statusCounts = ["replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas",
                               "observedGeneration", "collisionCount"]

    public init() {}

    /// Defaults as on create; note `type: RollingUpdate` sent without `rollingUpdate` keeps it absent.
    public func applyDefaults(to object: inout JSON) {
        var spec = object["spec"]
        spec.setDefault("podManagementPolicy", "OrderedReady")
        if (spec["updateStrategy"]["type"].stringValue ?? "").isEmpty {
            spec["updateStrategy"]["type"] = "RollingUpdate"
            spec["updateStrategy"].setDefault("rollingUpdate", [:])
        }
        if spec["updateStrategy"]["type"] == "RollingUpdate", !spec["updateStrategy"]["rollingUpdate"].isNull {
            spec["updateStrategy"]["rollingUpdate"].setDefault("partition", 0)
        }
        spec["persistentVolumeClaimRetentionPolicy"].setDefault("whenDeleted", "Retain")
        spec["persistentVolumeClaimRetentionPolicy"].setDefault("whenScaled", "Retain")
        spec.setDefault("replicas", 1)
        spec.setDefault("revisionHistoryLimit", 10)
        PodDefaults.apply(toPodTemplateSpec: &spec["template"])
        spec.updateElements(of: "volumeClaimTemplates") { claim in
            claim["spec"].setDefault("volumeMode", "Filesystem")
            claim["status"].setDefault("phase", "Pending")
        }
        object["spec"] = spec
    }

    /// Status starts empty with the counts clients read unconditionally.
    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["replicas": 0, "availableReplicas": 0]
    }

    /// Spec rules; the name's DNS-label rule is the registry's, from `nameRule`.
    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        var errors: [FieldError] = []
        let policy = spec["podManagementPolicy"]
        switch policy.stringValue ?? "" {
        case "": errors.append(.required("spec.podManagementPolicy"))
        case "OrderedReady", "Parallel": break
        default: errors.append(.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"))
        }
        errors += validateUpdateStrategy(spec["updateStrategy"])
        errors += WorkloadValidation.nonNegative(spec, root: "spec", fields: ["replicas", "minReadySeconds", "ordinals.start"])
        for field in ["whenDeleted", "whenScaled"] {
            let value = spec["persistentVolumeClaimRetentionPolicy"][field]
            if let string = value.stringValue, string != "Retain", string != "Delete" {
                errors.append(.notSupported("spec.persistentVolumeClaimRetentionPolicy.\(field)", value, supported: ["Retain", "Delete"]))
            }
        }
        errors += WorkloadValidation.validateSelector(spec, emptySelectorNoun: "statefulset")
        errors += WorkloadValidation.validateTemplate(spec, deadlineKind: "StatefulSet")
        return errors
    }

    func validateUpdateStrategy(_ strategy: JSON) -> [FieldError] {
        let rollingUpdate = strategy["rollingUpdate"]
        switch strategy["type"].stringValue ?? "" {
        case "": return [.required("spec.updateStrategy")]
        case "OnDelete":
            return rollingUpdate.isNull ? [] : [.invalid("spec.updateStrategy.rollingUpdate", rollingUpdate,
                                                         "only allowed for updateStrategy 'RollingUpdate'")]
        case "RollingUpdate":
            let path = "spec.updateStrategy.rollingUpdate"
            var errors = FieldChecks.nonNegative(rollingUpdate["partition"], "\(path).partition")
            let maxUnavailable = rollingUpdate["maxUnavailable"]
            if !maxUnavailable.isNull {
                errors += IntOrPercent.validatePositive(maxUnavailable, "\(path).maxUnavailable")
                if IntOrPercent.value(maxUnavailable) == 0 { errors.append(.invalid("\(path).maxUnavailable", maxUnavailable, "cannot be 0")) }
                errors += IntOrPercent.validateNotMoreThan100Percent(maxUnavailable, "\(path).maxUnavailable")
            }
            return errors
        default:
            return [.invalid("spec.updateStrategy", strategy, "must be 'RollingUpdate' or 'OnDelete'")]
        }
    }

    /// A valid spec that differs from the old one only in `mutableSpecFields`.
    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        var unchangeable = object["spec"]
        for field in Self.mutableSpecFields { unchangeable[field] = old["spec"][field] }
        if !unchangeable.semanticallyEquals(old["spec"]) {
            errors.append(.forbidden("spec", Self.forbiddenUpdateMessage))
        }
        return errors
    }

    /// Counts are non-negative and bounded by `status.replicas`; `availableReplicas` by `readyReplicas`;
    /// `collisionCount` never goes down.
    public func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        let status = object["status"]
        var errors = WorkloadValidation.nonNegative(status, root: "status", fields: Self.statusCounts)
        func count(_ field: String) -> Int64 { status[field].intValue ?? 0 }
        for field in ["readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"] where count(field) > count("replicas") {
            errors.append(.invalid("status.\(field)", .int(count(field)), "cannot be greater than status.replicas"))
        }
        if count("availableReplicas") > count("readyReplicas") {
            errors.append(.invalid("status.availableReplicas", .int(count("availableReplicas")), "cannot be greater than status.readyReplicas"))
        }
        if let previous = old["status"]["collisionCount"].intValue, (status["collisionCount"].intValue ?? 0) < previous {
            errors.append(.invalid("status.collisionCount", status["collisionCount"], "cannot be decremented"))
        }
        return errors
    }
}
