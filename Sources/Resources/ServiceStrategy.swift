import APIMachinery

/// Service defaults and rules.
///
/// Defaults: `type: ClusterIP`, `sessionAffinity: None`, each port `protocol: TCP` and `targetPort` = `port`;
/// except for ExternalName services, `internalTrafficPolicy: Cluster`, `ipFamilyPolicy: SingleStack` and
/// `ipFamilies: [IPv4]`; NodePort and LoadBalancer services get `externalTrafficPolicy: Cluster`.
/// Allocating cluster IPs and node ports is the server's job. Once set, `clusterIP` never changes; an update that
/// leaves it out keeps the stored one, as `kubectl replace` expects.
public struct ServiceStrategy: ResourceStrategy {
    public static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    public static let sessionAffinities = ["ClientIP", "None"]

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        var spec = object["spec"]
        if spec["type"].isNull { spec["type"] = "ClusterIP" }
        if spec["sessionAffinity"].isNull { spec["sessionAffinity"] = "None" }
        if spec["sessionAffinity"] == "ClientIP", spec[path: ["sessionAffinityConfig", "clientIP", "timeoutSeconds"]].isNull {
            spec[path: ["sessionAffinityConfig", "clientIP", "timeoutSeconds"]] = 10800
        }
        if var ports = spec["ports"].arrayValue {
            for i in ports.indices where ports[i].objectValue != nil {
                let target = ports[i]["targetPort"]
                if target.isNull || target == 0 || target == "" { ports[i]["targetPort"] = ports[i]["port"] }
            }
            spec["ports"] = .array(ports)
            PortList.defaultProtocols(&spec["ports"])
        }
        let type = spec["type"].stringValue ?? ""
        if type != "ExternalName" {
            if spec["internalTrafficPolicy"].isNull { spec["internalTrafficPolicy"] = "Cluster" }
            if spec["ipFamilyPolicy"].isNull { spec["ipFamilyPolicy"] = "SingleStack" }
            if spec["ipFamilies"].isNull { spec["ipFamilies"] = ["IPv4"] }
            if let ip = spec["clusterIP"].stringValue, !ip.isEmpty, spec["clusterIPs"].isNull { spec["clusterIPs"] = [.string(ip)] }
        }
        if (type == "NodePort" || type == "LoadBalancer"), spec["externalTrafficPolicy"].isNull {
            spec["externalTrafficPolicy"] = "Cluster"
        }
        object["spec"] = spec
    }

    public func prepareForUpdate(_ object: inout JSON, old: JSON) {
        if (object["spec"]["clusterIP"].stringValue ?? "").isEmpty, !old["spec"]["clusterIP"].isNull {
            object["spec"]["clusterIP"] = old["spec"]["clusterIP"]
        }
        if object["spec"]["clusterIPs"].isNull, !old["spec"]["clusterIPs"].isNull {
            object["spec"]["clusterIPs"] = old["spec"]["clusterIPs"]
        }
    }

    public func validate(_ object: JSON) -> [FieldError] {
        let spec = object["spec"]
        var errors: [FieldError] = []
        let typeValue = spec["type"], type = typeValue.stringValue ?? "ClusterIP"
        if !Self.types.contains(type) { errors.append(.notSupported("spec.type", typeValue, supported: Self.types)) }
        let affinity = spec["sessionAffinity"]
        if !affinity.isNull, !Self.sessionAffinities.contains(affinity.stringValue ?? "") {
            errors.append(.notSupported("spec.sessionAffinity", affinity, supported: Self.sessionAffinities))
        }
        if type == "ExternalName" {
            if (spec["externalName"].stringValue ?? "").isEmpty { errors.append(.required("spec.externalName")) }
        } else if spec["ports"].arrayValue?.isEmpty ?? true {
            errors.append(.required("spec.ports"))
        }
        errors += PortList.validate(spec["ports"], at: "spec.ports", rules: .init(serviceFields: true))
        return errors + validateClusterIP(spec["clusterIP"], type: type)
    }

    /// `clusterIP` is empty (to be allocated), an IP, or `None` (headless) for ClusterIP services only.
    private func validateClusterIP(_ value: JSON, type: String) -> [FieldError] {
        guard let ip = value.stringValue, !ip.isEmpty else { return [] }
        if ip == "None" {
            return type == "ClusterIP" ? [] : [.invalid("spec.clusterIP", value, "may not be set to 'None' for \(type) services")]
        }
        if type == "ExternalName" { return [.forbidden("spec.clusterIP", "may not be set for ExternalName services")] }
        return NetworkValidation.isIP(ip) ? [] : [.invalid("spec.clusterIP", value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        var errors = validate(object)
        if let oldIP = old["spec"]["clusterIP"].stringValue, !oldIP.isEmpty {
            errors += FieldError.immutableChanges([["spec", "clusterIP"]], new: object, old: old)
        }
        return errors
    }
}
