import APIMachinery

/// One pod as a backend of a Service: what both Endpoints and EndpointSlices say about it
/// (upstream `podToEndpointAddressForService` and `podToEndpoint`).
struct ServiceBackend {
    var ip: String
    var hostname: String?
    var nodeName: String?
    var targetRef: JSON
    /// The pod's Ready condition is True.
    var serving: Bool
    /// The pod has a `deletionTimestamp`.
    var terminating: Bool
    /// `{name, port, protocol}` for each service port that resolves on this pod, sorted by name then port.
    var ports: [JSON]

    /// The backend for `pod`, or nil when the pod is no backend at all: not selected, without an IP, or terminal
    /// (Failed or Succeeded). Terminating pods are backends; each consumer decides what to make of them.
    init?(pod: JSON, service: JSON, selector: [String: String]) {
        let labels = pod.labels
        guard selector.allSatisfy({ labels[$0.key] == $0.value }) else { return nil }
        let phase = pod["status"]["phase"].stringValue
        guard phase != "Failed", phase != "Succeeded", let ip = Self.ip(of: pod) else { return nil }
        self.ip = ip
        let spec = pod["spec"]
        let hostname = spec["hostname"].stringValue ?? ""
        self.hostname = !hostname.isEmpty && spec["subdomain"].stringValue == service.name ? hostname : nil
        let nodeName = spec["nodeName"].stringValue ?? ""
        self.nodeName = nodeName.isEmpty ? nil : nodeName
        targetRef = ["kind": "Pod", "namespace": .string(pod.namespace), "name": .string(pod.name), "uid": .string(pod.uid)]
        serving = pod["status"]["conditions"].arrayValue?.contains {
            $0["type"] == "Ready" && $0["status"] == "True"
        } ?? false
        terminating = pod.isTerminating
        ports = (service["spec"]["ports"].arrayValue ?? []).compactMap { Self.resolve($0, on: pod) }
            .sorted(by: Self.portOrder)
    }

    /// `status.podIP`, else the first of `status.podIPs`.
    private static func ip(of pod: JSON) -> String? {
        let ip = pod["status"]["podIP"].stringValue ?? pod["status"]["podIPs"].arrayValue?.first?["ip"].stringValue
        return ip.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The endpoint port for `servicePort` on `pod` (upstream `FindPort`): a numeric `targetPort` as is (absent means
    /// `port`); a named one is the `containerPort` of the container port with that name and the service port's
    /// protocol, and nil when the pod has none.
    private static func resolve(_ servicePort: JSON, on pod: JSON) -> JSON? {
        let proto = servicePort["protocol"].stringValue ?? "TCP"
        let target = servicePort["targetPort"]
        var number = target.intValue ?? servicePort["port"].intValue
        if let name = target.stringValue {
            let containerPorts = (pod["spec"]["containers"].arrayValue ?? []).flatMap { $0["ports"].arrayValue ?? [] }
            number = containerPorts.first {
                $0["name"].stringValue == name && ($0["protocol"].stringValue ?? "TCP") == proto
            }?["containerPort"].intValue
        }
        guard let number else { return nil }
        return ["name": .string(servicePort["name"].stringValue ?? ""), "port": .int(number), "protocol": .string(proto)]
    }

    static func portOrder(_ a: JSON, _ b: JSON) -> Bool {
        let (nameA, nameB) = (a["name"].stringValue ?? "", b["name"].stringValue ?? "")
        return nameA != nameB ? nameA < nameB : (a["port"].intValue ?? 0) < (b["port"].intValue ?? 0)
    }

    /// A key that orders IPv4 addresses numerically (and anything else as text after them).
    static func ipOrder(_ ip: String) -> String {
        let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return "~" + ip }
        return octets.map { String(repeating: "0", count: 3 - $0.count) + $0 }.joined(separator: ".")
    }
}
