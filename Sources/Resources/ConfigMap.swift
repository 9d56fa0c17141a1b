import APIMachinery

extension ResourceDefinition {
    /// core/v1 ConfigMap: text and binary configuration, optionally frozen with `immutable`.
    public static let configMap = ResourceDefinition(
        group: "", version: "v1", kind: "ConfigMap", resource: "configmaps", singular: "configmap", namespaced: true,
        shortNames: ["cm"],
        schema: CommonSchemas.kind(
            "Non-secret configuration as key-value pairs.", group: "", version: "v1", kind: "ConfigMap",
            [
                ("data", .stringMap("UTF-8 values by key.")),
                ("binaryData", .map(.string("Base64-encoded bytes.", format: "byte"), "Binary values by key, base64-encoded; keys may not repeat those of data.")),
                ("immutable", .boolean("When true, data and binaryData can no longer change and the flag cannot be unset.")),
            ]),
        strategy: ConfigMapStrategy())
}

/// ConfigMap rules: config keys, base64 `binaryData`, no key in both maps, 1 MiB in all, and `immutable`.
public struct ConfigMapStrategy: ResourceStrategy {
    public init() {}

    public func validate(_ object: JSON) -> [FieldError] {
        var total = 0
        var errors = ConfigData.validateMap(object["data"], at: "data", base64: false, totalBytes: &total)
        errors += ConfigData.validateMap(object["binaryData"], at: "binaryData", base64: true, totalBytes: &total)
        let binaryKeys = Set((object["binaryData"].objectValue ?? [:]).keys)
        for key in (object["data"].objectValue ?? [:]).keys where binaryKeys.contains(key) {
            errors.append(.invalid("data[\(key)]", .string(key), "duplicate of key present in binaryData"))
        }
        return errors + ConfigData.validateSize(total, at: "data")
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + ConfigData.validateImmutable(object, old: old, fields: ["data", "binaryData"])
    }
}
