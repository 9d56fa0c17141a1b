import APIMachinery

/// apps/v1 ControllerRevision: an immutable snapshot of a controller's template, numbered by `revision`.
public enum ControllerRevisionKind {
    public static let schema = CommonSchemas.kind(
        "A snapshot of a workload's pod template, used for rollout history and rollback.",
        group: "apps", version: "v1", kind: "ControllerRevision", required: ["revision"],
        [
            ("data", .any("The snapshot: a patch that restores the workload's template.")),
            ("revision", .integer("Order of this revision among the owner's revisions.", format: "int64")),
        ])

    public static let definition = ResourceDefinition(
        group: "apps", version: "v1", kind: "ControllerRevision", resource: "controllerrevisions",
        singular: "controllerrevision", namespaced: true, nameRule: .dns1123Subdomain,
        schema: schema, strategy: ControllerRevisionStrategy())
}

/// `data` is mandatory and may never change; `revision` is a non-negative number that may.
public struct ControllerRevisionStrategy: ResourceStrategy {
    public init() {}

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = object["data"].isNull ? [.required("data", "data is mandatory")] : []
        errors += FieldChecks.nonNegative(object["revision"], "revision")
        return errors
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + FieldChecks.immutable(object["data"], old["data"], "data")
    }
}
