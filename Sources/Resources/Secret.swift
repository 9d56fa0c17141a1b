import APIMachinery

extension ResourceDefinition {
    /// core/v1 Secret: base64 `data`, write-only `stringData`, a `type` fixed at creation.
    public static let secret = ResourceDefinition(
        group: "", version: "v1", kind: "Secret", resource: "secrets", singular: "secret", namespaced: true,
        fieldLabels: ["type": ["type"]],
        schema: CommonSchemas.kind(
            "Sensitive data such as passwords, tokens and keys.", group: "", version: "v1", kind: "Secret",
            [
                ("data", .map(.string("Base64-encoded bytes.", format: "byte"), "Values by key, base64-encoded.")),
                ("stringData", .stringMap("Plain-text values by key, merged into data on write (winning over it) and never returned.")),
                ("type", .string("How the data is meant to be used; fixes which keys are required. Defaults to Opaque.")),
                ("immutable", .boolean("When true, data can no longer change and the flag cannot be unset.")),
            ]),
        strategy: SecretStrategy())
}

/// Secret defaults and rules. Defaults move `stringData` into `data` (base64-encoded, overriding equal keys) and
/// drop it, so stored and returned secrets never carry `stringData`; `type` defaults to `Opaque` and never changes.
public struct SecretStrategy: ResourceStrategy {
    /// Keys a secret of each well-known type must hold.
    public static let requiredKeys: [String: [String]] = [
        "kubernetes.io/dockercfg": [".dockercfg"],
        "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
        "kubernetes.io/ssh-auth": ["ssh-privatekey"],
        "kubernetes.io/tls": ["tls.crt", "tls.key"],
    ]

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        if let plain = object["stringData"].objectValue {
            var data = object["data"].objectValue ?? [:]
            for (key, value) in plain {
                if let text = value.stringValue { data[key] = .string(Base64.encode(Array(text.utf8))) }
            }
            object["data"] = .object(data)
            object.removeValue(forKey: "stringData")
        }
        if (object["type"].stringValue ?? "").isEmpty { object["type"] = "Opaque" }
    }

    public func validate(_ object: JSON) -> [FieldError] {
        var total = 0
        var errors = ConfigData.validateMap(object["data"], at: "data", base64: true, totalBytes: &total)
        let data = object["data"].objectValue ?? [:]
        let type = object["type"].stringValue ?? "Opaque"
        for key in Self.requiredKeys[type] ?? [] where data[key] == nil {
            errors.append(.required("data[\(key)]"))
        }
        if type == "kubernetes.io/basic-auth", data["username"] == nil, data["password"] == nil {
            errors.append(.required("data[username]", "either username or password is required"))
        }
        if type == "kubernetes.io/service-account-token",
           (object["metadata"]["annotations"]["kubernetes.io/service-account.name"].stringValue ?? "").isEmpty {
            errors.append(.required("metadata.annotations[kubernetes.io/service-account.name]"))
        }
        return errors + ConfigData.validateSize(total, at: "data")
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object)
            + FieldError.immutableChanges([["type"]], new: object, old: old)
            + ConfigData.validateImmutable(object, old: old, fields: ["data"])
    }
}
