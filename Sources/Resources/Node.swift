import APIMachinery

extension ResourceDefinition {
    /// core/v1 Node: a cluster-scoped worker, selectable by `spec.unschedulable`.
    public static let node = ResourceDefinition(
        group: "", version: "v1", kind: "Node", resource: "nodes", singular: "node", namespaced: false,
        shortNames: ["no"], hasStatus: true,
        fieldLabels: ["spec.unschedulable": ["spec", "unschedulable"]],
        schema: CommonSchemas.kind(
            "A machine that runs pods.", group: "", version: "v1", kind: "Node",
            [("spec", NodeStrategy.specSchema), ("status", NodeStrategy.statusSchema)]),
        strategy: NodeStrategy())
}

/// Node rules: taints need a key and a known effect.
public struct NodeStrategy: ResourceStrategy {
    public static let taintEffects = ["NoExecute", "NoSchedule", "PreferNoSchedule"]

    static let taint = Schema.object("Repels pods that do not tolerate it.", required: ["key", "effect"], [
        "key": .string("Taint key."),
        "value": .string("Taint value."),
        "effect": .string("What happens to pods that do not tolerate the taint.", enum: taintEffects),
        "timeAdded": .string("When a NoExecute taint was added.", format: "date-time"),
    ])

    static let specSchema = Schema.object("Desired configuration of the node.", [
        "podCIDR": .string("Pod IP range assigned to the node."),
        "podCIDRs": .array(.string(), "Pod IP ranges assigned to the node, one per IP family.", merge: .primitiveSet),
        "providerID": .string("Identifier of the node at its infrastructure provider."),
        "unschedulable": .boolean("When true, no new pods are scheduled onto the node."),
        "taints": .array(taint, "Taints on the node."),
        "configSource": .any("Deprecated dynamic kubelet configuration source."),
        "externalID": .string("Deprecated."),
    ])

    static let statusSchema = Schema.object("Observed state of the node.", [
        "capacity": CoreSchemas.resourceList("Total resources of the node."),
        "allocatable": CoreSchemas.resourceList("Resources available to pods."),
        "phase": .string("Deprecated lifecycle phase."),
        "conditions": .array(CoreSchemas.condition("A condition of the node, such as Ready."), merge: .byKey("type")),
        "addresses": .array(.object("An address of the node.", required: ["type", "address"], [
            "type": .string("Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS."),
            "address": .string("The address."),
        ]), "Addresses the node is reachable at.", merge: .byKey("type")),
        "daemonEndpoints": .any("Ports of daemons on the node, such as the kubelet."),
        "nodeInfo": .object("Versions and identifiers reported by the node.", [
            "machineID": .string("Machine identifier from /etc/machine-id."),
            "systemUUID": .string("Hardware UUID."),
            "bootID": .string("Identifier of the current boot."),
            "kernelVersion": .string("Kernel release (uname -r)."),
            "osImage": .string("Operating system image, e.g. Debian GNU/Linux 12."),
            "containerRuntimeVersion": .string("Container runtime and version, e.g. containerd://1.7."),
            "kubeletVersion": .string("Version of the node agent."),
            "kubeProxyVersion": .string("Deprecated kube-proxy version."),
            "operatingSystem": .string("GOOS-style operating system, e.g. linux."),
            "architecture": .string("GOARCH-style architecture, e.g. amd64."),
        ]),
        "images": .array(.any("An image on the node."), "Images present on the node."),
        "volumesInUse": .array(.string(), "Volumes attached and mounted on the node."),
        "volumesAttached": .array(.any("An attached volume."), "Volumes attached to the node."),
        "config": .any("Status of the node's kubelet configuration."),
        "runtimeHandlers": .array(.any("A runtime handler."), "Runtime handlers available."),
        "features": .any("Features the node supports."),
    ])

    public init() {}

    public func validate(_ object: JSON) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, taint) in (object["spec"]["taints"].arrayValue ?? []).enumerated() {
            let field = "spec.taints[\(i)]"
            if (taint["key"].stringValue ?? "").isEmpty { errors.append(.required(field + ".key")) }
            let effect = taint["effect"]
            if effect.isNull {
                errors.append(.required(field + ".effect"))
            } else if !Self.taintEffects.contains(effect.stringValue ?? "") {
                errors.append(.notSupported(field + ".effect", effect, supported: Self.taintEffects))
            }
        }
        return errors
    }
}
