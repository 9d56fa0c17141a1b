import APIMachinery

/// What a new object gets from the rest of the cluster before it is stored, as Kubernetes' admission
/// plugins and registries do: the default StorageClass for a claim without one, a cluster IP for a Service.
enum Admission {
    static func install(on server: APIServer) {
        server.registry(group: "", version: "v1", resource: "persistentvolumeclaims")?.admission = { [unowned server] claim in
            defaultStorageClass(&claim, server: server)
            addFinalizer("kubernetes.io/pvc-protection", to: &claim)
        }
        server.registry(group: "", version: "v1", resource: "persistentvolumes")?.admission = { volume in
            addFinalizer("kubernetes.io/pv-protection", to: &volume)
        }
        server.registry(group: "", version: "v1", resource: "services")?.admission = { [unowned server] service in
            try allocateClusterIP(&service, server: server)
        }
    }

    /// Claims and volumes are protected from removal while in use: the volume controllers drop these finalizers.
    static func addFinalizer(_ finalizer: String, to object: inout JSON) {
        guard !object.finalizers.contains(finalizer) else { return }
        object["metadata"]["finalizers"] = .array((object.finalizers + [finalizer]).map(JSON.string))
    }

    /// A claim with no `storageClassName` (absent, not `""`) gets the class annotated as the default.
    static func defaultStorageClass(_ claim: inout JSON, server: APIServer) {
        guard claim["spec"]["storageClassName"].isNull,
              let classes = server.registry(group: "storage.k8s.io", version: "v1", resource: "storageclasses"),
              let page = try? classes.list(namespace: nil, options: .everything) else { return }
        for stored in page.items {
            guard let storageClass = try? classes.decode(stored) else { continue }
            if storageClass["metadata"]["annotations"]["storageclass.kubernetes.io/is-default-class"].stringValue == "true" {
                claim["spec"]["storageClassName"] = storageClass["metadata"]["name"]
                return
            }
        }
    }

    /// Services of type ClusterIP, NodePort or LoadBalancer without a `clusterIP` get the next free address
    /// of 10.96.0.0/12; headless ones (`None`) keep none.
    static func allocateClusterIP(_ service: inout JSON, server: APIServer) throws {
        let type = service["spec"]["type"].stringValue ?? "ClusterIP"
        guard type != "ExternalName", (service["spec"]["clusterIP"].stringValue ?? "").isEmpty,
              let services = server.registry(group: "", version: "v1", resource: "services") else { return }
        let page = try services.list(namespace: nil, options: .everything)
        var used: Set<String> = []
        for stored in page.items {
            if let ip = (try? services.decode(stored))?["spec"]["clusterIP"].stringValue { used.insert(ip) }
        }
        // 10.96.0.1 is the `kubernetes` service's address on real clusters; start after it.
        for offset in 10..<(1 << 20) {
            let ip = "10.\(96 + (offset >> 16)).\((offset >> 8) & 0xFF).\(offset & 0xFF)"
            if !used.contains(ip) {
                service["spec"]["clusterIP"] = .string(ip)
                service["spec"]["clusterIPs"] = [.string(ip)]
                return
            }
        }
        throw StatusError.internalError("failed to allocate a serviceIP: range is full")
    }
}

extension ListOptions {
    /// Every object, now.
    static var everything: ListOptions { ListOptions() }
}
