import APIMachinery
import Foundation

/// Columns of the core/v1, storage and discovery kinds, as kubectl shows them for a real cluster.
extension TablePrinters {
    static let pods: [TableColumn] = [
        .name,
        .string("Ready", "Containers ready out of all containers.") { pod in
            let statuses = pod["status"]["containerStatuses"].arrayValue ?? []
            let total = pod["spec"]["containers"].arrayValue?.count ?? 0
            return "\(statuses.filter { $0["ready"].boolValue == true }.count)/\(total)"
        },
        .string("Status", "The pod's phase, or why it is not running.") { PodStatusText.of($0) },
        .string("Restarts", "How often containers restarted.") { pod in
            String((pod["status"]["containerStatuses"].arrayValue ?? []).reduce(0) { $0 + Cells.int($1["restartCount"]) })
        },
        .age,
        .string("IP", priority: 1, "The pod's IP address.") { Cells.orNone($0["status"]["podIP"].stringValue) },
        .string("Node", priority: 1, "The node the pod runs on.") { Cells.orNone($0["spec"]["nodeName"].stringValue) },
        .string("Nominated Node", priority: 1, "The node preemption chose, if any.") { Cells.orNone($0["status"]["nominatedNodeName"].stringValue) },
        .string("Readiness Gates", priority: 1, "Extra conditions the pod waits for.") { pod in
            let gates = pod["spec"]["readinessGates"].arrayValue ?? []
            return gates.isEmpty ? "<none>" : "\(gates.count)"
        },
    ]

    static let persistentVolumeClaims: [TableColumn] = [
        .name,
        .string("Status", "Pending, Bound or Lost.") { $0["status"]["phase"].stringValue ?? "" },
        .string("Volume", "The volume bound to the claim.") { $0["spec"]["volumeName"].stringValue ?? "" },
        .string("Capacity", "The bound volume's size.") { $0["status"]["capacity"]["storage"].stringValue ?? "" },
        .string("Access Modes", "How the volume may be mounted.") { Cells.accessModes($0["status"]["accessModes"]) },
        .string("StorageClass", "The class the volume comes from.") { $0["spec"]["storageClassName"].stringValue ?? "<unset>" },
        .string("VolumeAttributesClass", "The class of mutable volume attributes.") { Cells.orNone($0["spec"]["volumeAttributesClassName"].stringValue).replacingOccurrences(of: "<none>", with: "<unset>") },
        .age,
        .string("VolumeMode", priority: 1, "Filesystem or Block.") { $0["spec"]["volumeMode"].stringValue ?? "" },
    ]

    static let persistentVolumes: [TableColumn] = [
        .name,
        .string("Capacity", "The volume's size.") { $0["spec"]["capacity"]["storage"].stringValue ?? "" },
        .string("Access Modes", "How the volume may be mounted.") { Cells.accessModes($0["spec"]["accessModes"]) },
        .string("Reclaim Policy", "What happens to the volume when its claim goes.") { $0["spec"]["persistentVolumeReclaimPolicy"].stringValue ?? "" },
        .string("Status", "Available, Bound, Released or Failed.") { $0["status"]["phase"].stringValue ?? "" },
        .string("Claim", "The claim the volume is bound to.") { volume in
            let reference = volume["spec"]["claimRef"]
            guard let name = reference["name"].stringValue else { return "" }
            return "\(reference["namespace"].stringValue ?? "")/\(name)"
        },
        .string("StorageClass", "The class the volume belongs to.") { $0["spec"]["storageClassName"].stringValue ?? "" },
        .string("VolumeAttributesClass", "The class of mutable volume attributes.") { $0["spec"]["volumeAttributesClassName"].stringValue ?? "<unset>" },
        .string("Reason", "Why the volume is in its phase.") { $0["status"]["reason"].stringValue ?? "" },
        .age,
        .string("VolumeMode", priority: 1, "Filesystem or Block.") { $0["spec"]["volumeMode"].stringValue ?? "" },
    ]

    static let services: [TableColumn] = [
        .name,
        .string("Type", "ClusterIP, NodePort, LoadBalancer or ExternalName.") { $0["spec"]["type"].stringValue ?? "" },
        .string("Cluster-IP", "The service's virtual IP, or None for a headless service.") { $0["spec"]["clusterIP"].stringValue ?? "" },
        .string("External-IP", "Addresses from outside the cluster.") { Cells.joined($0["spec"]["externalIPs"].arrayValue?.compactMap(\.stringValue) ?? []) },
        .string("Port(s)", "The service's ports.") { service in
            let ports = (service["spec"]["ports"].arrayValue ?? []).map { port in
                "\(Cells.int(port["port"]))\(port["nodePort"].intValue.map { ":\($0)" } ?? "")/\(port["protocol"].stringValue ?? "TCP")"
            }
            return Cells.joined(ports)
        },
        .age,
        .string("Selector", priority: 1, "The labels of the pods behind the service.") { service in
            let selector = service["spec"]["selector"].stringMap ?? [:]
            return Cells.joined(selector.keys.sorted().map { "\($0)=\(selector[$0]!)" })
        },
    ]

    static let endpoints: [TableColumn] = [
        .name,
        .string("Endpoints", "Ready addresses with their ports.") { endpoints in
            var addresses: [String] = []
            for subset in endpoints["subsets"].arrayValue ?? [] {
                let ports = (subset["ports"].arrayValue ?? []).compactMap(\.["port"].intValue)
                for address in subset["addresses"].arrayValue ?? [] {
                    let ip = address["ip"].stringValue ?? ""
                    addresses += ports.isEmpty ? [ip] : ports.map { "\(ip):\($0)" }
                }
            }
            return addresses.isEmpty ? "<none>" : addresses.prefix(3).joined(separator: ",") + (addresses.count > 3 ? " + \(addresses.count - 3) more..." : "")
        },
        .age,
    ]

    static let endpointSlices: [TableColumn] = [
        .name,
        .string("AddressType", "IPv4, IPv6 or FQDN.") { $0["addressType"].stringValue ?? "" },
        .string("Ports", "The slice's ports.") { Cells.joined(($0["ports"].arrayValue ?? []).compactMap { $0["port"].intValue.map(String.init) }) },
        .string("Endpoints", "The endpoints' addresses.") { slice in
            let addresses = (slice["endpoints"].arrayValue ?? []).flatMap { $0["addresses"].arrayValue?.compactMap(\.stringValue) ?? [] }
            return addresses.isEmpty ? "<unset>" : addresses.prefix(3).joined(separator: ",") + (addresses.count > 3 ? " + \(addresses.count - 3) more..." : "")
        },
        .age,
    ]

    static let nodes: [TableColumn] = [
        .name,
        .string("Status", "Ready, NotReady or Unknown.") { node in
            let ready = (node["status"]["conditions"].arrayValue ?? []).first { $0["type"].stringValue == "Ready" }
            let status = ready?["status"].stringValue == "True" ? "Ready" : ready == nil ? "Unknown" : "NotReady"
            return node["spec"]["unschedulable"].boolValue == true ? status + ",SchedulingDisabled" : status
        },
        .string("Roles", "Roles from node-role.kubernetes.io labels.") { node in
            Cells.joined(node.labels.keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }.map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted())
        },
        .age,
        .string("Version", "The kubelet's version.") { $0["status"]["nodeInfo"]["kubeletVersion"].stringValue ?? "" },
        .string("Internal-IP", priority: 1, "The node's internal address.") { address($0, "InternalIP") },
        .string("External-IP", priority: 1, "The node's external address.") { address($0, "ExternalIP") },
        .string("OS-Image", priority: 1, "The node's operating system.") { $0["status"]["nodeInfo"]["osImage"].stringValue ?? "" },
        .string("Kernel-Version", priority: 1, "The node's kernel.") { $0["status"]["nodeInfo"]["kernelVersion"].stringValue ?? "" },
        .string("Container-Runtime", priority: 1, "The node's container runtime.") { $0["status"]["nodeInfo"]["containerRuntimeVersion"].stringValue ?? "" },
    ]

    private static func address(_ node: JSON, _ type: String) -> String {
        Cells.orNone((node["status"]["addresses"].arrayValue ?? []).first { $0["type"].stringValue == type }?["address"].stringValue)
    }

    static let events: [TableColumn] = [
        TableColumn("Last Seen", "Time since the event last happened.") { event, now in
            let last = event["lastTimestamp"].stringValue ?? event["eventTime"].stringValue ?? event["metadata"]["creationTimestamp"].stringValue
            return .string(last.flatMap(Timestamp.parse).map { HumanDuration.format(now.timeIntervalSince($0)) } ?? "<unknown>")
        },
        .string("Type", "Normal or Warning.") { $0["type"].stringValue ?? "" },
        .string("Reason", "Why the event happened, in one word.") { $0["reason"].stringValue ?? "" },
        .string("Object", "The object the event is about.") { event in
            "\(event["involvedObject"]["kind"].stringValue?.lowercased() ?? "")/\(event["involvedObject"]["name"].stringValue ?? "")"
        },
        .string("Message", "What happened.") { $0["message"].stringValue ?? "" },
    ]

    static let namespaces: [TableColumn] = [
        .name, .string("Status", "Active or Terminating.") { $0["status"]["phase"].stringValue ?? "" }, .age,
    ]

    static let storageClasses: [TableColumn] = [
        TableColumn("Name", format: "name", "The class's name, marked when it is the default.") { object, _ in
            .string(object.annotations["storageclass.kubernetes.io/is-default-class"] == "true" ? "\(object.name) (default)" : object.name)
        },
        .string("Provisioner", "Who creates the volumes.") { $0["provisioner"].stringValue ?? "" },
        .string("ReclaimPolicy", "What happens to a volume when its claim goes.") { $0["reclaimPolicy"].stringValue ?? "" },
        .string("VolumeBindingMode", "Immediate or WaitForFirstConsumer.") { $0["volumeBindingMode"].stringValue ?? "" },
        .string("AllowVolumeExpansion", "Whether claims may grow.") { String($0["allowVolumeExpansion"].boolValue ?? false) },
        .age,
    ]

    static let configMaps: [TableColumn] = [
        .name,
        .integer("Data", "Number of entries.") { Int64(($0["data"].objectValue?.count ?? 0) + ($0["binaryData"].objectValue?.count ?? 0)) },
        .age,
    ]

    static let secrets: [TableColumn] = [
        .name,
        .string("Type", "The kind of secret.") { $0["type"].stringValue ?? "" },
        .integer("Data", "Number of entries.") { Int64($0["data"].objectValue?.count ?? 0) },
        .age,
    ]
}

/// The STATUS column of `kubectl get pods`: Terminating, a container's waiting or terminated reason, or the phase.
enum PodStatusText {
    static func of(_ pod: JSON) -> String {
        var reason = pod["status"]["reason"].stringValue ?? pod["status"]["phase"].stringValue ?? ""
        for status in (pod["status"]["containerStatuses"].arrayValue ?? []).reversed() {
            if let waiting = status["state"]["waiting"]["reason"].stringValue, !waiting.isEmpty {
                reason = waiting
            } else if let terminated = status["state"]["terminated"]["reason"].stringValue, !terminated.isEmpty {
                reason = terminated
            }
        }
        if pod.isTerminating { return "Terminating" }
        return reason
    }
}
