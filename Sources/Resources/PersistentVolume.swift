import APIMachinery

extension ResourceDefinition {
    /// core/v1 PersistentVolume: a cluster-scoped piece of storage, bound to at most one claim.
    public static let persistentVolume = ResourceDefinition(
        group: "", version: "v1", kind: "PersistentVolume", resource: "persistentvolumes",
        singular: "persistentvolume", namespaced: false, shortNames: ["pv"], hasStatus: true,
        schema: CommonSchemas.kind(
            "A piece of storage in the cluster, provisioned by an administrator or dynamically.", group: "",
            version: "v1", kind: "PersistentVolume",
            [("spec", PersistentVolumeStrategy.specSchema), ("status", PersistentVolumeStrategy.statusSchema)]),
        strategy: PersistentVolumeStrategy())
}

/// PersistentVolume defaults and rules.
///
/// Defaults: `persistentVolumeReclaimPolicy: Retain` (dynamic provisioning sets the class's policy explicitly),
/// `volumeMode: Filesystem`; a new volume is `Pending`. Exactly one volume source; the source and volume mode
/// are fixed after creation.
public struct PersistentVolumeStrategy: ResourceStrategy {
    public static let phases = ["Pending", "Available", "Bound", "Released", "Failed"]
    public static let reclaimPolicies = ["Delete", "Recycle", "Retain"]
    static let hostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"]

    /// The volume sources a PV may name; only hostPath and local are given a shape.
    static let sources: [(String, Schema)] = [
        ("hostPath", .object("A directory or file on the node.", required: ["path"], [
            "path": .string("Path on the node."),
            "type": .string("What must exist at the path, or be created there.", enum: hostPathTypes),
        ])),
        ("local", .object("A disk, partition or directory local to one node; needs nodeAffinity.", required: ["path"], [
            "path": .string("Full path on the node."),
            "fsType": .string("Filesystem type, for block devices."),
        ])),
    ] + ["csi", "nfs", "iscsi", "fc", "rbd", "cephfs", "cinder", "awsElasticBlockStore", "gcePersistentDisk",
         "azureDisk", "azureFile", "glusterfs", "flexVolume", "flocker", "vsphereVolume", "quobyte",
         "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos"]
        .map { ($0, Schema.any("A \($0) volume source, kept as sent.")) }

    static var specSchema: Schema {
        var properties: [(String, Schema)] = [
            ("capacity", CoreSchemas.resourceList("Size of the volume; capacity.storage is required.")),
            ("accessModes", .array(.string(enum: VolumeRules.accessModes), "How the volume may be mounted.")),
            ("claimRef", CoreSchemas.objectReference.described("The claim bound to this volume, or reserved for it.")),
            ("persistentVolumeReclaimPolicy", .string("What happens when the claim is released: Retain, Delete or Recycle.", enum: reclaimPolicies)),
            ("storageClassName", .string("The StorageClass the volume belongs to; empty for none.")),
            ("mountOptions", .array(.string(), "Mount options, not validated.")),
            ("volumeMode", .string("Filesystem (the default) or Block.", enum: VolumeRules.volumeModes)),
            ("nodeAffinity", .object("Nodes the volume can be reached from.", ["required": CoreSchemas.nodeSelector])),
            ("volumeAttributesClassName", .string("The VolumeAttributesClass of the volume.")),
        ]
        properties += sources
        return .object("Where the storage is and how it may be used.", .init(uniqueKeysWithValues: properties))
    }

    static let statusSchema = Schema.object("Observed state of the volume.", [
        "phase": .string("Pending, Available, Bound, Released or Failed.", enum: phases),
        "message": .string("Why the volume is in this phase."),
        "reason": .string("CamelCase cause of a failure."),
        "lastPhaseTransitionTime": .string("When the phase last changed.", format: "date-time"),
    ])

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        if object["spec"]["persistentVolumeReclaimPolicy"].isNull { object["spec"]["persistentVolumeReclaimPolicy"] = "Retain" }
        if object["spec"]["volumeMode"].isNull { object["spec"]["volumeMode"] = "Filesystem" }
    }

    public func prepareForCreate(_ object: inout JSON) {
        object["status"] = ["phase": "Pending"]
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        var errors: [FieldError] = []
        if spec["capacity"].objectValue?.isEmpty ?? true { errors.append(.required("spec.capacity")) }
        else { errors += VolumeRules.validateStorage(in: spec["capacity"], reportedAs: "spec.capacity[storage]") }
        if spec["accessModes"].arrayValue?.isEmpty ?? true { errors.append(.required("spec.accessModes")) }
        else { errors += VolumeRules.validateAccessModes(spec["accessModes"], at: "spec.accessModes") }
        let policy = spec["persistentVolumeReclaimPolicy"]
        if !policy.isNull, !Self.reclaimPolicies.contains(policy.stringValue ?? "") {
            errors.append(.notSupported("spec.persistentVolumeReclaimPolicy", policy, supported: Self.reclaimPolicies))
        }
        errors += VolumeRules.validateVolumeMode(spec["volumeMode"], at: "spec.volumeMode")
        errors += validateClaimRef(spec["claimRef"])
        return errors + validateSource(spec)
    }

    /// A claim reference, when present, names the claim by namespace and name.
    private func validateClaimRef(_ ref: JSON) -> [FieldError] {
        guard !ref.isNull else { return [] }
        return ["namespace", "name"].compactMap { key in
            (ref[key].stringValue ?? "").isEmpty ? .required("spec.claimRef.\(key)") : nil
        }
    }

    /// Exactly one source; hostPath and local need a path, local needs node affinity.
    private func validateSource(_ spec: JSON) -> [FieldError] {
        let present = Self.sources.map(\.0).filter { !spec[$0].isNull }
        guard let source = present.first else { return [.required("spec", "must specify a volume type")] }
        var errors: [FieldError] = present.dropFirst().map { .forbidden("spec.\($0)", "may not specify more than 1 volume type") }
        if source == "hostPath" || source == "local", (spec[source]["path"].stringValue ?? "").isEmpty {
            errors.append(.required("spec.\(source).path"))
        }
        let hostPathType = spec["hostPath"]["type"]
        if let type = hostPathType.stringValue, !Self.hostPathTypes.contains(type) {
            errors.append(.notSupported("spec.hostPath.type", hostPathType, supported: Self.hostPathTypes))
        }
        if source == "local", spec["nodeAffinity"].isNull {
            errors.append(.required("spec.nodeAffinity", "Local volume requires node affinity"))
        }
        return errors
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        let changedSource = Self.sources.map(\.0).contains { !object["spec"][$0].semanticallyEquals(old["spec"][$0]) }
        if changedSource { errors.append(.forbidden("spec.persistentvolumesource", "spec.persistentvolumesource is immutable after creation")) }
        return errors + FieldError.immutableChanges([["spec", "volumeMode"]], new: object, old: old)
    }

    public func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        let phase = object["status"]["phase"]
        guard let value = phase.stringValue, !Self.phases.contains(value) else { return [] }
        return [.notSupported("status.phase", phase, supported: Self.phases)]
    }
}
