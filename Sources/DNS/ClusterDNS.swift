import APIMachinery

/// An immutable snapshot of the cluster's DNS records (the kubernetes/dns specification), built from Services
/// and their EndpointSlices. Safe to share between threads; rebuild it when either changes.
///
/// For Service `svc` in namespace `ns` and zone `cluster.local`:
/// - headless (`clusterIP: None`): `svc.ns.svc.cluster.local` A → every published endpoint IP, and each published
///   endpoint gets `<hostname>.svc.ns.svc.cluster.local` A → its IP (an endpoint without a hostname gets the dashed
///   IP, `10-0-0-1.svc…`), plus PTR `<reversed ip>.in-addr.arpa` → that name;
/// - otherwise `svc.ns.svc.cluster.local` A → its `clusterIP`;
/// - `_<port>._<proto>.svc.ns.svc.cluster.local` SRV per named port → `0 <weight> <port> <target>` for each target
///   above (the Service name itself when not headless).
///
/// An endpoint is published when its slice condition `ready` is true (absent counts as true, as upstream), or
/// always when the Service has `publishNotReadyAddresses: true`. Every record has TTL `ttl`.
public struct ClusterDNS: Sendable {
    public static let ttl: UInt32 = 5
    static let reverseZone = DNSName("in-addr.arpa")

    public let zone: DNSName
    /// Records by owner name key.
    private(set) var records: [String: [DNSRecord]] = [:]
    /// Owner names and every ancestor of them inside the zones: names that exist, if only as empty non-terminals.
    private var existing: Set<String> = []
    private var seen: Set<DNSRecord> = []

    /// An empty snapshot: every in-zone name is NXDOMAIN.
    public init(zone: String = "cluster.local") {
        self.zone = DNSName(zone)
    }

    public init(zone: String = "cluster.local", services: [JSON], endpointSlices: [JSON]) {
        self.init(zone: zone)
        var slicesByService: [String: [JSON]] = [:]
        for slice in endpointSlices {
            guard let service = slice.labels["kubernetes.io/service-name"] else { continue }
            slicesByService["\(slice.namespace)/\(service)", default: []].append(slice)
        }
        for service in services {
            add(service: service, slices: slicesByService[service.objectKey] ?? [])
        }
    }

    /// The records of `name` of `type` (all of them for ANY), and whether the name exists at all.
    public func lookup(_ name: DNSName, type: DNSRecordType) -> (exists: Bool, records: [DNSRecord]) {
        let key = name.key
        let owned = records[key] ?? []
        let matching = type == .any ? owned : owned.filter { $0.type == type }
        return (existing.contains(key), matching.map { var record = $0; record.name = name; return record })
    }

    /// True when this server is authoritative for `name`: the cluster zone or the IPv4 reverse zone.
    public func isAuthoritative(for name: DNSName) -> Bool {
        name.isWithin(zone) || name.isWithin(Self.reverseZone)
    }

    private mutating func add(service: JSON, slices: [JSON]) {
        let serviceName = DNSName("\(service.name).\(service.namespace).svc").appending(zone)
        let spec = service["spec"]
        if spec["type"].stringValue == "ExternalName" { return }
        let ports = namedPorts(spec["ports"].arrayValue ?? [])
        guard spec["clusterIP"].stringValue == "None" else {
            if let ip = spec["clusterIP"].stringValue.flatMap(IPv4.init) { add(serviceName, .a(ip)) }
            addSRV(service: serviceName, ports: ports, targets: [serviceName])
            return
        }
        let publishNotReady = spec["publishNotReadyAddresses"].boolValue ?? false
        var targets: [DNSName] = []
        var slicePorts: [(name: String, proto: String, port: UInt16)] = []
        for slice in slices where (slice["addressType"].stringValue ?? "IPv4") == "IPv4" {
            slicePorts.append(contentsOf: namedPorts(slice["ports"].arrayValue ?? []))
            for endpoint in slice["endpoints"].arrayValue ?? [] {
                guard publishNotReady || endpoint["conditions"]["ready"].boolValue ?? true else { continue }
                for ip in (endpoint["addresses"].arrayValue ?? []).compactMap({ $0.stringValue.flatMap(IPv4.init) }) {
                    let label = endpoint["hostname"].stringValue ?? ip.bytes.map(String.init).joined(separator: "-")
                    let target = DNSName(labels: [Array(label.utf8)] + serviceName.labels)
                    add(serviceName, .a(ip))
                    add(target, .a(ip))
                    add(ip.reverseName, .ptr(target))
                    if !targets.contains(target) { targets.append(target) }
                }
            }
        }
        markExisting(serviceName)
        addSRV(service: serviceName, ports: Self.unique(slicePorts), targets: targets)
    }

    private mutating func addSRV(service: DNSName, ports: [(name: String, proto: String, port: UInt16)], targets: [DNSName]) {
        guard !targets.isEmpty else { return }
        let weight = UInt16(max(1, 100 / targets.count))
        for port in ports {
            let owner = DNSName(labels: [Array("_\(port.name)".utf8), Array("_\(port.proto)".utf8)] + service.labels)
            for target in targets { add(owner, .srv(priority: 0, weight: weight, port: port.port, target: target)) }
        }
    }

    /// `(name, lower-cased protocol, port)` of every port with a name.
    private func namedPorts(_ ports: [JSON]) -> [(name: String, proto: String, port: UInt16)] {
        ports.compactMap { port in
            guard let name = port["name"].stringValue, !name.isEmpty,
                  let number = port["port"].intValue.flatMap(UInt16.init(exactly:)) else { return nil }
            return (name, (port["protocol"].stringValue ?? "TCP").lowercased(), number)
        }
    }

    private static func unique(_ ports: [(name: String, proto: String, port: UInt16)]) -> [(name: String, proto: String, port: UInt16)] {
        var seen = Set<String>()
        return ports.filter { seen.insert("\($0.name)/\($0.proto)/\($0.port)").inserted }
    }

    private mutating func add(_ owner: DNSName, _ data: DNSRecordData) {
        let record = DNSRecord(name: owner, ttl: Self.ttl, data: data)
        guard seen.insert(record).inserted else { return }
        records[owner.key, default: []].append(record)
        markExisting(owner)
    }

    private mutating func markExisting(_ name: DNSName) {
        var labels = name.labels
        while !labels.isEmpty {
            let ancestor = DNSName(labels: labels)
            guard existing.insert(ancestor.key).inserted else { return }
            labels.removeFirst()
        }
    }
}

extension DNSName {
    /// `self` followed by the labels of `suffix`.
    func appending(_ suffix: DNSName) -> DNSName { DNSName(labels: labels + suffix.labels) }
}
