import APIMachinery

/// Schema parts shared by the apps/v1 workload kinds.
enum WorkloadSchemas {
    /// A status condition of a workload (`type`, `status`, times, reason, message).
    static func condition(_ description: String, lastUpdateTime: Bool = false) -> Schema {
        var properties: [(String, Schema)] = [
            ("type", .string("Condition type.")),
            ("status", .string("True, False or Unknown.")),
            ("lastTransitionTime", .string("When status last changed.", format: "date-time")),
            ("reason", .string("Machine-readable reason of the last transition.")),
            ("message", .string("Human-readable detail of the last transition.")),
        ]
        if lastUpdateTime { properties.append(("lastUpdateTime", .string("When the condition was last updated.", format: "date-time"))) }
        return .object(description, required: ["type", "status"], .init(uniqueKeysWithValues: properties))
    }

    static func conditions(_ description: String, lastUpdateTime: Bool = false) -> Schema {
        .array(condition(description, lastUpdateTime: lastUpdateTime), "Latest observations of the object's state.", merge: .byKey("type"))
    }

    /// `maxUnavailable` and `maxSurge` of a Deployment's or DaemonSet's rolling update.
    static let surgeRollingUpdate = Schema.object("Parameters of RollingUpdate.", [
        "maxUnavailable": .intOrString("Most pods that may be unavailable during the update (count or percent)."),
        "maxSurge": .intOrString("Most pods created above the desired count during the update (count or percent)."),
    ])

    static let selector = CommonSchemas.labelSelector.described("Selects the pods this object manages; must match the template's labels.")
    static let template = PodSchemas.podTemplateSpec.described("The pods this object creates.")
}
