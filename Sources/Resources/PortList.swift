import APIMachinery

/// The port lists of Service, Endpoints and EndpointSlice: one set of defaults and one validator, since the
/// three kinds share the rules on numbers, protocols and names.
enum PortList {
    /// What a kind requires beyond the shared rules.
    struct Rules {
        /// Whether `port` must be present (absent means "all ports" in an EndpointSlice).
        var requirePort = true
        /// Whether every port needs a name once the list has more than one (Service, Endpoints).
        var requireNamesWhenMany = true
        /// Whether `targetPort` and `nodePort` may appear (Service only).
        var serviceFields = false
    }

    /// Sets `protocol: TCP` on every port that has none.
    static func defaultProtocols(_ ports: inout JSON) {
        guard var list = ports.arrayValue else { return }
        for i in list.indices where list[i]["protocol"].isNull && list[i].objectValue != nil {
            list[i]["protocol"] = "TCP"
        }
        ports = .array(list)
    }

    /// Errors of the port list at `path` (`spec.ports`, `subsets[0].ports`).
    static func validate(_ ports: JSON, at path: String, rules: Rules) -> [FieldError] {
        let list = ports.arrayValue ?? []
        var errors: [FieldError] = []
        var seenNames: Set<String> = []
        for (i, port) in list.enumerated() {
            let field = "\(path)[\(i)]"
            let name = port["name"].stringValue ?? ""
            if name.isEmpty {
                if rules.requireNamesWhenMany && list.count > 1 { errors.append(.required(field + ".name")) }
            } else {
                errors += NetworkValidation.dns1123Label(name, at: field + ".name")
            }
            if !seenNames.insert(name).inserted, !(name.isEmpty && rules.requireNamesWhenMany) {
                errors.append(.duplicate(field + ".name", .string(name)))
            }
            if !port["port"].isNull || rules.requirePort {
                errors += port["port"].isNull ? [.required(field + ".port")] : NetworkValidation.portNumber(port["port"], at: field + ".port")
            }
            errors += validateProtocol(port["protocol"], at: field + ".protocol")
            if rules.serviceFields { errors += validateServiceFields(port, at: field) }
        }
        return errors
    }

    static func validateProtocol(_ value: JSON, at field: String) -> [FieldError] {
        guard let proto = value.stringValue else { return value.isNull ? [.required(field)] : [] }
        return NetworkValidation.protocols.contains(proto) ? [] : [.notSupported(field, value, supported: NetworkValidation.protocols)]
    }

    /// `targetPort` (a number or an IANA service name) and `nodePort` (0 or a port number).
    private static func validateServiceFields(_ port: JSON, at field: String) -> [FieldError] {
        var errors: [FieldError] = []
        switch port["targetPort"] {
        case .string(let name): errors += NetworkValidation.ianaServiceName(name, at: field + ".targetPort")
        case .null: break
        case let number: errors += NetworkValidation.portNumber(number, at: field + ".targetPort")
        }
        if let nodePort = port["nodePort"].intValue, nodePort != 0 {
            errors += NetworkValidation.portNumber(port["nodePort"], at: field + ".nodePort")
        }
        return errors
    }
}
