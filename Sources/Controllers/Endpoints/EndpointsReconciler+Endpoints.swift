import APIMachinery
import KubeClient

/// The core/v1 Endpoints object.
extension EndpointsReconciler {
    /// Creates or updates the Endpoints named like the service when its subsets or labels differ.
    ///
    /// Subsets group backends by their resolved ports (upstream `RepackSubsets`): ready pods in `addresses`, the
    /// rest in `notReadyAddresses`, everyone in `addresses` under `publishNotReadyAddresses`. Terminating pods are
    /// left out unless that flag is set (upstream `ShouldPodBeInEndpoints`). A pod none of whose ports resolve is
    /// left out, except that a headless service without ports lists every pod with no ports.
    static func planEndpoints(service: JSON, backends: [ServiceBackend], current: JSON?) -> [ControllerAction] {
        let desiredSubsets = subsets(service: service, backends: backends)
        let desiredLabels = labels(of: service, adding: [endpointsManagedByLabel: endpointsControllerName])
        guard let current else {
            let endpoints: JSON = [
                "apiVersion": "v1", "kind": "Endpoints",
                "metadata": ["name": .string(service.name), "namespace": .string(service.namespace), "labels": desiredLabels],
                "subsets": desiredSubsets,
            ]
            return [.create(.endpoints, endpoints)]
        }
        if normalizedSubsets(current["subsets"]).semanticallyEquals(desiredSubsets),
           current["metadata"]["labels"].semanticallyEquals(desiredLabels) { return [] }
        var updated = current
        updated["metadata"]["labels"] = desiredLabels
        updated["subsets"] = desiredSubsets
        return [.update(.endpoints, updated)]
    }

    private static func subsets(service: JSON, backends: [ServiceBackend]) -> JSON {
        let publishNotReady = service["spec"]["publishNotReadyAddresses"].boolValue ?? false
        let hasPorts = !(service["spec"]["ports"].arrayValue ?? []).isEmpty
        var byPorts: [[JSON]: (ready: [JSON], notReady: [JSON])] = [:]
        for backend in backends where publishNotReady || !backend.terminating {
            guard !backend.ports.isEmpty || (!hasPorts && isHeadless(service)) else { continue }
            var address: JSON = ["ip": .string(backend.ip)]
            if let hostname = backend.hostname { address["hostname"] = .string(hostname) }
            if let nodeName = backend.nodeName { address["nodeName"] = .string(nodeName) }
            address["targetRef"] = backend.targetRef
            if publishNotReady || backend.serving {
                byPorts[backend.ports, default: ([], [])].ready.append(address)
            } else {
                byPorts[backend.ports, default: ([], [])].notReady.append(address)
            }
        }
        let subsets = byPorts.map { ports, addresses -> JSON in
            var subset: JSON = [:]
            if !addresses.ready.isEmpty { subset["addresses"] = .array(addresses.ready) }
            if !addresses.notReady.isEmpty { subset["notReadyAddresses"] = .array(addresses.notReady) }
            if !ports.isEmpty { subset["ports"] = .array(ports.map(endpointsPort)) }
            return subset
        }
        return normalizedSubsets(.array(subsets))
    }

    /// Endpoints ports omit an empty name (slices keep it).
    private static func endpointsPort(_ port: JSON) -> JSON {
        var port = port
        if port["name"] == "" { port.removeValue(forKey: "name") }
        return port
    }

    /// Subsets in a canonical order: addresses by IP, ports by name and number, subsets by their lowest address.
    static func normalizedSubsets(_ subsets: JSON) -> JSON {
        let sorted = (subsets.arrayValue ?? []).map { subset -> JSON in
            var subset = subset
            for key in ["addresses", "notReadyAddresses"] where subset[key].arrayValue != nil {
                subset[key] = .array(subset[key].arrayValue!.sorted { ipKey($0["ip"]) < ipKey($1["ip"]) })
            }
            if let ports = subset["ports"].arrayValue { subset["ports"] = .array(ports.sorted(by: ServiceBackend.portOrder)) }
            return subset
        }
        return .array(sorted.sorted { firstIP(of: $0) < firstIP(of: $1) })
    }

    private static func ipKey(_ ip: JSON) -> String { ServiceBackend.ipOrder(ip.stringValue ?? "") }

    private static func firstIP(of subset: JSON) -> String {
        let ips = ["addresses", "notReadyAddresses"].compactMap { subset[$0].arrayValue?.first.map { ipKey($0["ip"]) } }
        return ips.min() ?? ""
    }
}
