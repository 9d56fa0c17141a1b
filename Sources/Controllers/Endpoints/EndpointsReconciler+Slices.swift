import APIMachinery
import KubeClient

/// The discovery.k8s.io/v1 EndpointSlice: one IPv4 slice per Service, owned by it.
extension EndpointsReconciler {
    /// Creates the service's slice, or updates the first existing one (by name) when its endpoints, ports, labels or
    /// owner differ, and deletes any further slices this controller manages for the service.
    ///
    /// Every backend is listed, terminating ones included, with upstream's conditions: `serving` = pod Ready,
    /// `terminating` = being deleted, `ready` = `publishNotReadyAddresses` or (serving and not terminating).
    /// A slice has one port list, so backends whose ports resolve differently from the most common port set are
    /// left out (upstream would give them a slice of their own; pods of one template never differ).
    static func planSlices(service: JSON, backends: [ServiceBackend], current: [JSON]) -> [ControllerAction] {
        let ports = commonPorts(of: backends)
        let publishNotReady = service["spec"]["publishNotReadyAddresses"].boolValue ?? false
        var desired: JSON = [
            "addressType": "IPv4",
            "endpoints": .array(backends.filter { $0.ports == ports }.map { endpoint($0, publishNotReady: publishNotReady) }),
            "ports": .array(ports),
        ]
        let labels = labels(of: service, adding: [serviceNameLabel: service.name, sliceManagedByLabel: sliceControllerName])
        let owner: JSON = [
            "apiVersion": "v1", "kind": "Service", "name": .string(service.name), "uid": .string(service.uid),
            "controller": true, "blockOwnerDeletion": true,
        ]
        let managed = current.filter {
            $0.labels[serviceNameLabel] == service.name && $0.labels[sliceManagedByLabel] == sliceControllerName
        }.sorted { $0.name < $1.name }
        guard let existing = managed.first else {
            desired["apiVersion"] = "discovery.k8s.io/v1"
            desired["kind"] = "EndpointSlice"
            desired["metadata"] = ["generateName": .string(service.name + "-"), "namespace": .string(service.namespace),
                                   "labels": labels, "ownerReferences": [owner]]
            return [.create(.endpointSlices, desired)]
        }
        let extras = managed.dropFirst().map { slice -> ControllerAction in
            .delete(.endpointSlices, namespace: slice.namespace, name: slice.name, uid: slice.uid)
        }
        var updated = existing
        updated["metadata"]["labels"] = labels
        updated["metadata"]["ownerReferences"] = [owner]
        updated["endpoints"] = desired["endpoints"]
        updated["ports"] = desired["ports"]
        let unchanged = normalizedSlice(existing).semanticallyEquals(updated)
        return (unchanged ? [] : [.update(.endpointSlices, updated)]) + extras
    }

    private static func endpoint(_ backend: ServiceBackend, publishNotReady: Bool) -> JSON {
        var endpoint: JSON = [
            "addresses": [.string(backend.ip)],
            "conditions": [
                "ready": .bool(publishNotReady || (backend.serving && !backend.terminating)),
                "serving": .bool(backend.serving), "terminating": .bool(backend.terminating),
            ],
        ]
        if let hostname = backend.hostname { endpoint["hostname"] = .string(hostname) }
        if let nodeName = backend.nodeName { endpoint["nodeName"] = .string(nodeName) }
        endpoint["targetRef"] = backend.targetRef
        return endpoint
    }

    /// The port set most backends resolve to; ties go to the one whose first backend has the lowest IP.
    private static func commonPorts(of backends: [ServiceBackend]) -> [JSON] {
        let counts = Dictionary(backends.map { ($0.ports, 1) }, uniquingKeysWith: +)
        var best: (ports: [JSON], count: Int) = ([], 0)
        for backend in backends where counts[backend.ports, default: 0] > best.count {
            best = (backend.ports, counts[backend.ports, default: 0])
        }
        return best.ports
    }

    /// The slice with endpoints sorted by address and ports by name and number, for order-blind comparison.
    private static func normalizedSlice(_ slice: JSON) -> JSON {
        var slice = slice
        if let endpoints = slice["endpoints"].arrayValue {
            slice["endpoints"] = .array(endpoints.sorted { firstAddress(of: $0) < firstAddress(of: $1) })
        }
        if let ports = slice["ports"].arrayValue { slice["ports"] = .array(ports.sorted(by: ServiceBackend.portOrder)) }
        return slice
    }

    private static func firstAddress(of endpoint: JSON) -> String {
        ServiceBackend.ipOrder(endpoint["addresses"].arrayValue?.first?.stringValue ?? "")
    }
}
