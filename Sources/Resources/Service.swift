import APIMachinery

extension ResourceDefinition {
    /// core/v1 Service: a stable address for a set of pods; names are DNS-1035 labels.
    public static let service = ResourceDefinition(
        group: "", version: "v1", kind: "Service", resource: "services", singular: "service", namespaced: true,
        shortNames: ["svc"], categories: ["all"], nameRule: .dns1035Label, hasStatus: true,
        schema: CommonSchemas.kind(
            "A named network endpoint in front of the pods its selector picks.", group: "", version: "v1", kind: "Service",
            [("spec", ServiceSchemas.spec), ("status", ServiceSchemas.status)]),
        strategy: ServiceStrategy())
}

/// Service schemas, apart from the strategy so that each file has one job.
enum ServiceSchemas {
    static let port = Schema.object("A port the service exposes.", required: ["port"], [
        "name": .string("DNS-1123 label naming the port; required when there is more than one."),
        "protocol": .string("TCP (the default), UDP or SCTP.", enum: NetworkValidation.protocols),
        "appProtocol": .string("The application protocol, as a hint to implementations."),
        "port": .integer("The port the service listens on."),
        "targetPort": .intOrString("The pod port traffic goes to, by number or by container port name; defaults to port."),
        "nodePort": .integer("The port on every node, for NodePort and LoadBalancer services."),
    ])

    static let spec = Schema.object("How the service is reached and which pods serve it.", [
        "ports": .array(port, "Ports the service exposes.", merge: .byKey("port")),
        "selector": .stringMap("Labels of the pods that back the service; without one, endpoints are managed by hand."),
        "clusterIP": .string("The virtual IP, allocated by the server; None for a headless service. Fixed once set."),
        "clusterIPs": .array(.string(), "The virtual IPs, one per IP family; the first equals clusterIP."),
        "type": .string("ClusterIP (the default), NodePort, LoadBalancer or ExternalName.", enum: ServiceStrategy.types),
        "externalIPs": .array(.string(), "Extra IPs nodes accept traffic for."),
        "sessionAffinity": .string("None (the default) or ClientIP.", enum: ServiceStrategy.sessionAffinities),
        "sessionAffinityConfig": .object("Settings of ClientIP affinity.", [
            "clientIP": .object("ClientIP affinity.", ["timeoutSeconds": .integer("How long a client sticks to one pod.")]),
        ]),
        "loadBalancerIP": .string("Deprecated requested load-balancer IP."),
        "loadBalancerSourceRanges": .array(.string(), "Client CIDRs a load balancer admits."),
        "loadBalancerClass": .string("Which load-balancer implementation serves the service."),
        "externalName": .string("The DNS name an ExternalName service aliases."),
        "externalTrafficPolicy": .string("Cluster or Local routing of external traffic.", enum: ["Cluster", "Local"]),
        "internalTrafficPolicy": .string("Cluster (the default) or Local routing of in-cluster traffic.", enum: ["Cluster", "Local"]),
        "healthCheckNodePort": .integer("Node port for load-balancer health checks under the Local policy."),
        "publishNotReadyAddresses": .boolean("Whether endpoints list pods before they are ready (used by StatefulSet peers)."),
        "ipFamilies": .array(.string(enum: ["IPv4", "IPv6"]), "IP families of the cluster IPs."),
        "ipFamilyPolicy": .string("SingleStack, PreferDualStack or RequireDualStack.", enum: ["SingleStack", "PreferDualStack", "RequireDualStack"]),
        "allocateLoadBalancerNodePorts": .boolean("Whether LoadBalancer services get node ports."),
        "trafficDistribution": .string("A preference for how traffic is spread over endpoints."),
    ])

    static let status = Schema.object("Observed state of the service.", [
        "loadBalancer": .object("The load balancer, if any.", [
            "ingress": .array(.any("An ingress point of the load balancer."), "Where the load balancer is reached."),
        ]),
        "conditions": .array(CoreSchemas.condition("A condition of the service."), merge: .byKey("type")),
    ])
}
