import APIMachinery

extension ResourceDefinition {
    /// core/v1 PersistentVolumeClaim: a request for storage that the provisioner or binder satisfies.
    public static let persistentVolumeClaim = ResourceDefinition(
        group: "", version: "v1", kind: "PersistentVolumeClaim", resource: "persistentvolumeclaims",
        singular: "persistentvolumeclaim", namespaced: true, shortNames: ["pvc"], hasStatus: true,
        schema: CommonSchemas.kind(
            "A request for a volume of a given size and access mode.", group: "", version: "v1",
            kind: "PersistentVolumeClaim",
            [("spec", PersistentVolumeClaimStrategy.specSchema), ("status", PersistentVolumeClaimStrategy.statusSchema)]),
        strategy: PersistentVolumeClaimStrategy())
}

/// PersistentVolumeClaim defaults and rules.
///
/// A new claim is `Pending` with `volumeMode: Filesystem`. After creation its spec is fixed except that
/// `resources.requests` may grow, `volumeAttributesClassName` may change, and `volumeName` and
/// `storageClassName` may each be filled in once when empty (binding; the default class).
public struct PersistentVolumeClaimStrategy: ResourceStrategy {
    public static let phases = ["Pending", "Bound", "Lost"]
    static let immutableDetail = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"

    static let specSchema = Schema.object("What the claim asks for.", [
        "accessModes": .array(.string(enum: VolumeRules.accessModes), "How the volume may be mounted."),
        "selector": CommonSchemas.labelSelector.described("Labels an existing volume must have to be bound to this claim."),
        "resources": .object("How much storage the claim needs.", [
            "requests": CoreSchemas.resourceList("Minimum resources; requests.storage is the size asked for."),
            "limits": CoreSchemas.resourceList("Maximum resources."),
        ]),
        "volumeName": .string("The volume bound to the claim; set by the binder."),
        "storageClassName": .string("The StorageClass to provision from; empty string means no dynamic provisioning."),
        "volumeMode": .string("Filesystem (the default) or Block.", enum: VolumeRules.volumeModes),
        "dataSource": CoreSchemas.typedLocalObjectReference.described("A snapshot or claim to populate the volume from."),
        "dataSourceRef": .any("A populator object to fill the volume from, possibly in another namespace."),
        "volumeAttributesClassName": .string("The VolumeAttributesClass the volume uses."),
    ])

    static let statusSchema = Schema.object("The claim's observed state.", [
        "phase": .string("Pending, Bound or Lost.", enum: phases),
        "accessModes": .array(.string(), "Access modes of the bound volume."),
        "capacity": CoreSchemas.resourceList("Actual resources of the bound volume."),
        "conditions": .array(CoreSchemas.condition("A condition of the claim, such as Resizing."), merge: .byKey("type")),
        "allocatedResources": CoreSchemas.resourceList("Resources allocated to the claim during a resize."),
        "allocatedResourceStatuses": .stringMap("State of each resize, by resource."),
        "currentVolumeAttributesClassName": .string("The VolumeAttributesClass currently applied."),
        "modifyVolumeStatus": .any("State of an ongoing change of volume attributes."),
    ])

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        if object["spec"]["volumeMode"].isNull { object["spec"]["volumeMode"] = "Filesystem" }
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["phase": "Pending"]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        return VolumeRules.validateAccessModes(spec["accessModes"], at: "spec.accessModes")
            + VolumeRules.validateStorage(in: spec["resources"]["requests"], reportedAs: "spec.resources[storage]")
            + VolumeRules.validateQuantities(in: spec["resources"]["requests"], at: "spec.resources.requests")
                .filter { $0.field != "spec.resources.requests[storage]" }
            + VolumeRules.validateQuantities(in: spec["resources"]["limits"], at: "spec.resources.limits")
            + VolumeRules.validateVolumeMode(spec["volumeMode"], at: "spec.volumeMode")
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        let newSpec = object["spec"]
        var oldSpec = old["spec"]
        // Filled in once after creation: the binder sets volumeName, the server may set the default class.
        if (oldSpec["volumeName"].stringValue ?? "").isEmpty { oldSpec["volumeName"] = newSpec["volumeName"] }
        if oldSpec["storageClassName"].isNull { oldSpec["storageClassName"] = newSpec["storageClassName"] }
        if !Self.fixedPart(of: newSpec).semanticallyEquals(Self.fixedPart(of: oldSpec)) { errors.append(.forbidden("spec", Self.immutableDetail)) }
        if let new = Quantity(json: object[path: ["spec", "resources", "requests", "storage"]]),
           let previous = Quantity(json: old[path: ["spec", "resources", "requests", "storage"]]), new < previous {
            errors.append(.forbidden("spec.resources.requests.storage", "field can not be less than previous value"))
        }
        return errors
    }

    /// The spec without the fields an update may change.
    private static func fixedPart(of spec: JSON) -> JSON {
        var fixed = spec
        fixed[path: ["resources", "requests"]] = .null
        fixed["volumeAttributesClassName"] = .null
        return fixed
    }

    public func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        let phase = object["status"]["phase"]
        guard let value = phase.stringValue, !Self.phases.contains(value) else { return [] }
        return [.notSupported("status.phase", phase, supported: Self.phases)]
    }
}
