import APIMachinery

/// core/v1 Pod.
public enum PodKind {
    public static let schema = CommonSchemas.kind(
        "A group of containers scheduled together on one node.", group: "", version: "v1", kind: "Pod",
        [("spec", PodSchemas.podSpec), ("status", PodSchemas.podStatus)])

    public static let definition = ResourceDefinition(
        group: "", version: "v1", kind: "Pod", resource: "pods", singular: "pod", namespaced: true,
        shortNames: ["po"], categories: ["all"], nameRule: .dns1123Subdomain, hasStatus: true,
        fieldLabels: [
            "spec.nodeName": ["spec", "nodeName"],
            "spec.restartPolicy": ["spec", "restartPolicy"],
            "spec.schedulerName": ["spec", "schedulerName"],
            "spec.serviceAccountName": ["spec", "serviceAccountName"],
            "status.phase": ["status", "phase"],
            "status.podIP": ["status", "podIP"],
            "status.nominatedNodeName": ["status", "nominatedNodeName"],
        ],
        schema: schema, strategy: PodStrategy(), returnsDeletedObject: true)
}

/// Pods start `Pending` with their QoS class; afterwards only images, the deadline, tolerations and a
/// negative grace period may change in the spec.
public struct PodStrategy: ResourceStrategy {
    public init() {}

    public func applyDefaults(to object: inout JSON) {
        PodDefaults.apply(toPod: &object)
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["phase": "Pending", "qosClass": .string(PodQOS.qosClass(ofPodSpec: object["spec"]))]
    }

    /// A pod bound to a node and not finished gets the requested grace period, else its own
    /// `terminationGracePeriodSeconds` (30 by default); an unscheduled or finished pod goes at once.
    public func gracefulDeletionSeconds(_ object: JSON, requested: Int64?) -> Int64 {
        let phase = object["status"]["phase"].stringValue
        if (object["spec"]["nodeName"].stringValue ?? "").isEmpty || phase == "Failed" || phase == "Succeeded" { return 0 }
        return max(0, requested ?? object["spec"]["terminationGracePeriodSeconds"].intValue ?? 30)
    }

    public func validate(_ object: JSON) -> [FieldError] {
        PodValidation.validate(podSpec: object["spec"], path: "spec")
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + PodUpdateValidation.validate(newSpec: object["spec"], oldSpec: old["spec"])
    }
}
