import APIMachinery

extension ResourceDefinition {
    /// storage.k8s.io/v1 StorageClass: how dynamically provisioned volumes of a class are made.
    public static let storageClass = ResourceDefinition(
        group: "storage.k8s.io", version: "v1", kind: "StorageClass", resource: "storageclasses",
        singular: "storageclass", namespaced: false, shortNames: ["sc"],
        schema: CommonSchemas.kind(
            "A class of storage: which provisioner makes its volumes, with which parameters and policies.",
            group: "storage.k8s.io", version: "v1", kind: "StorageClass", required: ["provisioner"],
            [
                ("provisioner", .string("The provisioner that creates volumes of this class.")),
                ("parameters", .stringMap("Provisioner-specific settings.")),
                ("reclaimPolicy", .string("Reclaim policy of the volumes provisioned: Delete (the default) or Retain.", enum: StorageClassStrategy.reclaimPolicies)),
                ("mountOptions", .array(.string(), "Mount options given to the volumes provisioned.")),
                ("allowVolumeExpansion", .boolean("Whether claims of this class may grow.")),
                ("volumeBindingMode", .string("Immediate (the default) or WaitForFirstConsumer.", enum: StorageClassStrategy.bindingModes)),
                ("allowedTopologies", .array(.any("A topology selector term."), "Where volumes may be provisioned.")),
            ]),
        strategy: StorageClassStrategy())
}

/// StorageClass defaults (`reclaimPolicy: Delete`, `volumeBindingMode: Immediate`) and rules: a provisioner is
/// required, and provisioner, parameters, reclaim policy and binding mode never change.
public struct StorageClassStrategy: ResourceStrategy {
    public static let reclaimPolicies = ["Delete", "Retain"]
    public static let bindingModes = ["Immediate", "WaitForFirstConsumer"]

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        if object["reclaimPolicy"].isNull { object["reclaimPolicy"] = "Delete" }
        if object["volumeBindingMode"].isNull { object["volumeBindingMode"] = "Immediate" }
    }

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        let provisioner = object["provisioner"].stringValue ?? ""
        if provisioner.isEmpty { errors.append(.required("provisioner")) }
        else if provisioner.utf8.count > 63 { errors.append(.tooLong("provisioner", maxLength: 63)) }
        for (field, supported) in [("reclaimPolicy", Self.reclaimPolicies), ("volumeBindingMode", Self.bindingModes)] {
            let value = object[field]
            if !value.isNull, !supported.contains(value.stringValue ?? "") {
                errors.append(.notSupported(field, value, supported: supported))
            }
        }
        return errors
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        for field in ["parameters", "provisioner", "reclaimPolicy"] where !object[field].semanticallyEquals(old[field]) {
            errors.append(.forbidden(field, "updates to \(field) are forbidden."))
        }
        return errors + FieldError.immutableChanges([["volumeBindingMode"]], new: object, old: old)
    }
}
