import APIMachinery

/// Validation of a PodSpec, with Kubernetes' paths and messages. Paths are relative to the spec and prefixed
/// with `path`; controllers' templates add their own rules (restart policy, deadlines) on top.
public enum PodValidation {
    static let restartPolicies = ["Always", "OnFailure", "Never"]
    static let dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]
    static let pullPolicies = ["Always", "IfNotPresent", "Never"]
    static let protocols = ["SCTP", "TCP", "UDP"]

    /// Field errors of `spec`, each path starting with `path` (e.g. `spec` or `spec.template.spec`).
    public static func validate(podSpec spec: JSON, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var containerNames = Set<String>()
        if (spec["containers"].arrayValue ?? []).isEmpty { errors.append(.required("\(path).containers")) }
        for list in PodDefaults.containerLists {
            for (index, container) in (spec[list].arrayValue ?? []).enumerated() {
                errors += validate(container: container, path: "\(path).\(list)[\(index)]", names: &containerNames)
            }
        }
        errors += validateVolumes(spec["volumes"], path: "\(path).volumes")
        errors += validateChoice(spec["restartPolicy"], restartPolicies, "\(path).restartPolicy")
        errors += validateChoice(spec["dnsPolicy"], dnsPolicies, "\(path).dnsPolicy")
        if let deadline = spec["activeDeadlineSeconds"].intValue, deadline < 1 || deadline > Int64(Int32.max) {
            errors.append(.invalid("\(path).activeDeadlineSeconds", spec["activeDeadlineSeconds"],
                                   "must be between 1 and 2147483647, inclusive"))
        }
        return errors
    }

    /// A required field with a fixed set of values: `Required value`, or `Unsupported value` listing them.
    static func validateChoice(_ value: JSON, _ supported: [String], _ path: String) -> [FieldError] {
        guard let string = value.stringValue, !string.isEmpty else { return [.required(path)] }
        return supported.contains(string) ? [] : [.notSupported(path, value, supported: supported)]
    }

    /// Name (DNS label, unique across all containers of the pod), image, pull policy and ports.
    static func validate(container: JSON, path: String, names: inout Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        let name = container["name"].stringValue ?? ""
        if name.isEmpty {
            errors.append(.required("\(path).name"))
        } else {
            errors += FieldChecks.dns1123Label(name, "\(path).name")
            if !names.insert(name).inserted { errors.append(.duplicate("\(path).name", container["name"])) }
        }
        if (container["image"].stringValue ?? "").isEmpty { errors.append(.required("\(path).image")) }
        errors += validateChoice(container["imagePullPolicy"], pullPolicies, "\(path).imagePullPolicy")
        var portNames = Set<String>()
        for (index, port) in (container["ports"].arrayValue ?? []).enumerated() {
            errors += validate(port: port, path: "\(path).ports[\(index)]", names: &portNames)
        }
        return errors
    }

    static func validate(port: JSON, path: String, names: inout Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        let containerPort = port["containerPort"].intValue ?? 0
        if containerPort == 0 {
            errors.append(.required("\(path).containerPort"))
        } else {
            errors += validatePortNumber(port["containerPort"], "\(path).containerPort")
        }
        if (port["hostPort"].intValue ?? 0) != 0 { errors += validatePortNumber(port["hostPort"], "\(path).hostPort") }
        errors += validateChoice(port["protocol"], protocols, "\(path).protocol")
        if let name = port["name"].stringValue, !name.isEmpty {
            errors += portNameProblems(name).map { FieldError.invalid("\(path).name", port["name"], $0) }
            if !names.insert(name).inserted { errors.append(.duplicate("\(path).name", port["name"])) }
        }
        return errors
    }

    static func validatePortNumber(_ value: JSON, _ path: String) -> [FieldError] {
        guard let number = value.intValue, (1...65535).contains(number) else {
            return [.invalid(path, value, "must be between 1 and 65535, inclusive")]
        }
        return []
    }

    /// The IANA service-name rules a named port must follow.
    static func portNameProblems(_ name: String) -> [String] {
        var problems: [String] = []
        if name.count > 15 { problems.append("must be no more than 15 characters") }
        if !name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            problems.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !name.contains(where: { $0.isASCII && $0.isLetter }) { problems.append("must contain at least one letter (a-z)") }
        if name.contains("--") { problems.append("must not contain consecutive hyphens") }
        if name.hasPrefix("-") || name.hasSuffix("-") { problems.append("must not begin or end with a hyphen") }
        return problems
    }

    /// Volume names: required, DNS labels, unique.
    static func validateVolumes(_ volumes: JSON, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var names = Set<String>()
        for (index, volume) in (volumes.arrayValue ?? []).enumerated() {
            let namePath = "\(path)[\(index)].name"
            guard let name = volume["name"].stringValue, !name.isEmpty else { errors.append(.required(namePath)); continue }
            errors += FieldChecks.dns1123Label(name, namePath)
            if !names.insert(name).inserted { errors.append(.duplicate(namePath, volume["name"])) }
        }
        return errors
    }
}
