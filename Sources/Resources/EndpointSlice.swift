import APIMachinery

extension ResourceDefinition {
    /// discovery.k8s.io/v1 EndpointSlice: a slice of a service's endpoints of one address type.
    public static let endpointSlice = ResourceDefinition(
        group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", resource: "endpointslices",
        singular: "endpointslice", namespaced: true,
        schema: CommonSchemas.kind(
            "Part of the endpoints of a service, all of one address type; the service is named by the "
                + "kubernetes.io/service-name label.",
            group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", required: ["addressType", "endpoints"],
            [
                ("addressType", .string("IPv4, IPv6 or FQDN; fixed at creation.", enum: EndpointSliceStrategy.addressTypes)),
                ("endpoints", .array(EndpointSliceStrategy.endpoint, "The endpoints in this slice.")),
                ("ports", .array(EndpointSliceStrategy.port, "Ports of every endpoint; empty means all ports.")),
            ]),
        strategy: EndpointSliceStrategy())
}

/// EndpointSlice defaults (`protocol: TCP` on ports) and rules: an address type, 1–100 addresses per endpoint
/// of that type, ports as for Services but with optional, unique names. `addressType` never changes.
public struct EndpointSliceStrategy: ResourceStrategy {
    public static let addressTypes = ["FQDN", "IPv4", "IPv6"]

    static let endpoint = Schema.object("One backend.", required: ["addresses"], [
        "addresses": .array(.string(), "Addresses of the backend, of the slice's address type.", merge: .primitiveSet),
        "conditions": .object("Current state of the backend.", [
            "ready": .boolean("Ready to receive traffic."),
            "serving": .boolean("Serving, even while terminating."),
            "terminating": .boolean("Being shut down."),
        ]),
        "hostname": .string("DNS hostname of the backend."),
        "targetRef": CoreSchemas.objectReference.described("The object behind the endpoint, usually a Pod."),
        "nodeName": .string("The node hosting the backend."),
        "zone": .string("The zone the backend is in."),
        "hints": .any("Routing hints for topology-aware routing."),
        "deprecatedTopology": .stringMap("Deprecated topology labels."),
    ])

    static let port = Schema.object("A port of every endpoint in the slice.", [
        "name": .string("Matches the name of the service port; may be empty."),
        "port": .integer("The port number; absent means all ports."),
        "protocol": .string("TCP (the default), UDP or SCTP.", enum: NetworkValidation.protocols),
        "appProtocol": .string("The application protocol."),
    ])

    public init() {}

    public func applyDefaults(to object: inout JSON) {
        if !object["ports"].isNull { PortList.defaultProtocols(&object["ports"]) }
    }

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        let addressType = object["addressType"]
        if addressType.isNull {
            errors.append(.required("addressType"))
        } else if !Self.addressTypes.contains(addressType.stringValue ?? "") {
            errors.append(.notSupported("addressType", addressType, supported: Self.addressTypes))
        }
        for (i, endpoint) in (object["endpoints"].arrayValue ?? []).enumerated() {
            errors += validateEndpoint(endpoint, at: "endpoints[\(i)]", addressType: addressType.stringValue ?? "")
        }
        return errors + PortList.validate(object["ports"], at: "ports", rules: .init(requirePort: false, requireNamesWhenMany: false))
    }

    private func validateEndpoint(_ endpoint: JSON, at path: String, addressType: String) -> [FieldError] {
        let addresses = endpoint["addresses"].arrayValue ?? []
        var errors: [FieldError] = []
        if addresses.isEmpty { errors.append(.required(path + ".addresses", "must contain at least 1 address")) }
        if addresses.count > 100 { errors.append(.invalid(path + ".addresses", .int(Int64(addresses.count)), "must have at most 100 items")) }
        for (j, address) in addresses.enumerated() {
            let field = "\(path).addresses[\(j)]", text = address.stringValue ?? ""
            switch addressType {
            case "IPv4" where NetworkValidation.ipv4Octets(text) == nil:
                errors.append(.invalid(field, address, "must be a valid IPv4 address"))
            case "IPv6" where !NetworkValidation.isIPv6(text):
                errors.append(.invalid(field, address, "must be a valid IPv6 address"))
            case "FQDN" where !text.split(separator: ".").allSatisfy({ NameValidation.isDNS1123Label(String($0)).isEmpty }) || text.isEmpty:
                errors.append(.invalid(field, address, "must be a valid DNS subdomain"))
            default: break
            }
        }
        if let hostname = endpoint["hostname"].stringValue, !hostname.isEmpty {
            errors += NetworkValidation.dns1123Label(hostname, at: path + ".hostname")
        }
        return errors
    }

    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] {
        validate(object) + FieldError.immutableChanges([["addressType"]], new: object, old: old)
    }
}
