import APIMachinery

extension ResourceDefinition {
    /// core/v1 Endpoints: the addresses behind a Service of the same name.
    public static let endpoints = ResourceDefinition(
        group: "", version: "v1", kind: "Endpoints", resource: "endpoints", singular: "endpoints", namespaced: true,
        shortNames: ["ep"],
        schema: CommonSchemas.kind(
            "The addresses and ports that implement a service.", group: "", version: "v1", kind: "Endpoints",
            [("subsets", .array(EndpointsStrategy.subset, "Groups of addresses sharing the same ports."))]),
        strategy: EndpointsStrategy())
}

/// Endpoints defaults (`protocol: TCP` on ports) and rules: every address is a routable IP with an optional
/// DNS-1123 hostname; ports follow the Service rules (names required and unique once there are several).
public struct EndpointsStrategy: ResourceStrategy {
    static let address = Schema.object("One endpoint address.", required: ["ip"], [
        "ip": .string("The IP of the endpoint."),
        "hostname": .string("DNS hostname of the endpoint (a pod's spec.hostname)."),
        "nodeName": .string("The node hosting the endpoint."),
        "targetRef": CoreSchemas.objectReference.described("The object behind the address, usually a Pod."),
    ])

    static let port = Schema.object("A port of the endpoints.", required: ["port"], [
        "name": .string("Matches the name of the service port."),
        "port": .integer("The port number."),
        "protocol": .string("TCP (the default), UDP or SCTP.", enum: NetworkValidation.protocols),
        "appProtocol": .string("The application protocol."),
    ])

    static let subset = Schema.object("Addresses that share a set of ports.", [
        "addresses": .array(address, "Addresses of ready endpoints."),
        "notReadyAddresses": .array(address, "Addresses of endpoints that are not ready yet or are terminating."),
        "ports": .array(port, "Ports of every address in the subset."),
    ])

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        guard var subsets = object["subsets"].arrayValue else { return }
        for i in subsets.indices where subsets[i].objectValue != nil { PortList.defaultProtocols(&subsets[i]["ports"]) }
        object["subsets"] = .array(subsets)
    }

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, subset) in (object["subsets"].arrayValue ?? []).enumerated() {
            let path = "subsets[\(i)]"
            if subset["addresses"].arrayValue?.isEmpty ?? true, subset["notReadyAddresses"].arrayValue?.isEmpty ?? true {
                errors.append(.required(path, "must specify `addresses` or `notReadyAddresses`"))
            }
            for key in ["addresses", "notReadyAddresses"] {
                for (j, address) in (subset[key].arrayValue ?? []).enumerated() {
                    errors += validateAddress(address, at: "\(path).\(key)[\(j)]")
                }
            }
            errors += PortList.validate(subset["ports"], at: "\(path).ports", rules: .init())
        }
        return errors
    }

    private func validateAddress(_ address: JSON, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let ip = address["ip"].stringValue, !ip.isEmpty {
            errors += NetworkValidation.endpointIP(ip, at: path + ".ip")
        } else {
            errors.append(.required(path + ".ip"))
        }
        if let hostname = address["hostname"].stringValue, !hostname.isEmpty {
            errors += NetworkValidation.dns1123Label(hostname, at: path + ".hostname")
        }
        return errors
    }
}
