import APIMachinery

extension ResourceDefinition {
    /// core/v1 Namespace: cluster-scoped, DNS-1123 label names, selectable by `status.phase`.
    public static let namespace = ResourceDefinition(
        group: "", version: "v1", kind: "Namespace", resource: "namespaces", singular: "namespace", namespaced: false,
        shortNames: ["ns"], nameRule: .dns1123Label, hasStatus: true,
        fieldLabels: ["status.phase": ["status", "phase"]],
        schema: CommonSchemas.kind(
            "A scope for names; deleting it deletes everything inside.", group: "", version: "v1", kind: "Namespace",
            [
                ("spec", .object("Desired state of the namespace.", [
                    "finalizers": .array(.string(), "Actors that must clean up before the namespace goes; defaults to kubernetes."),
                ])),
                ("status", .object("Observed state of the namespace.", [
                    "phase": .string("Active, or Terminating once deletion has begun.", enum: NamespaceStrategy.phases),
                    "conditions": .array(CoreSchemas.condition("A condition of the namespace, such as a failed content deletion."),
                                         merge: .byKey("type")),
                ])),
            ]),
        strategy: NamespaceStrategy())
}

/// Namespace defaults and rules. `spec.finalizers` defaults to `["kubernetes"]`; a new namespace is `Active`.
///
/// As upstream, an update of the main resource keeps the stored `spec.finalizers`: clearing them is the job of
/// whoever finalizes a terminating namespace, not of an ordinary update.
public struct NamespaceStrategy: ResourceStrategy {
    public static let phases = ["Active", "Terminating"]

    public init() {}

    /// Every namespace carries its name as the label `kubernetes.io/metadata.name`, so selectors can pick it.
    public func applyDefaults(to object: inout JSON) {
        if object["spec"]["finalizers"].isNull { object["spec"]["finalizers"] = ["kubernetes"] }
        if let name = object["metadata"]["name"].stringValue, !name.isEmpty {
            object["metadata"]["labels"]["kubernetes.io/metadata.name"] = .string(name)
        }
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"]["phase"] = "Active"
    }

    public func prepareForUpdate(_ object: inout JSON, old: JSON) {
        object["spec"]["finalizers"] = old["spec"]["finalizers"]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        validatePhase(object)
    }

    /// A deleted namespace turns Terminating and stays while `spec.finalizers` is non-empty: the server
    /// empties it, clears the finalizers through `/finalize`, and deletes it again.
    public func prepareForDeletion(_ object: inout JSON) -> Bool {
        object["status"]["phase"] = "Terminating"
        return !(object["spec"]["finalizers"].arrayValue ?? []).isEmpty
    }

    public func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validatePhase(object)
    }

    private func validatePhase(_ object: JSON) -> [FieldError] {
        let phase = object["status"]["phase"]
        guard let value = phase.stringValue, !Self.phases.contains(value) else { return [] }
        return [.notSupported("status.phase", phase, supported: Self.phases)]
    }
}
