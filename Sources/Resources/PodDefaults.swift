import APIMachinery

/// The defaults Kubernetes fills into pod specs on every write. All functions are idempotent.
///
/// `apply(toPodSpec:)` is what templates of workload kinds get; `apply(toPod:)` adds what only a Pod gets
/// (service links, requests copied from limits, host ports under host networking), as upstream does.
public enum PodDefaults {
    static let containerLists = ["initContainers", "containers", "ephemeralContainers"]

    /// Defaults of a PodSpec wherever it appears.
    public static func apply(toPodSpec spec: inout JSON) {
        spec.setDefault("dnsPolicy", "ClusterFirst")
        spec.setDefault("restartPolicy", "Always")
        spec.setDefault("securityContext", [:])
        spec.setDefault("terminationGracePeriodSeconds", 30)
        spec.setDefault("schedulerName", "default-scheduler")
        for list in containerLists { spec.updateElements(of: list, applyContainerDefaults) }
        spec.updateElements(of: "volumes", applyVolumeDefaults)
    }

    /// Defaults of a PodTemplateSpec (its spec).
    public static func apply(toPodTemplateSpec template: inout JSON) {
        guard !template.isNull else { return }
        apply(toPodSpec: &template["spec"])
    }

    /// Defaults of a whole Pod object: the spec defaults plus the pod-only ones.
    public static func apply(toPod pod: inout JSON) {
        apply(toPodSpec: &pod["spec"])
        pod["spec"].setDefault("enableServiceLinks", true)
        let hostNetwork = pod["spec"]["hostNetwork"].boolValue ?? false
        for list in ["initContainers", "containers"] {
            pod["spec"].updateElements(of: list) { container in
                copyLimitsToRequests(&container)
                if hostNetwork { container.updateElements(of: "ports") { $0.setDefault("hostPort", $0["containerPort"], replacingZero: true) } }
            }
        }
    }

    static func applyContainerDefaults(_ container: inout JSON) {
        container.setDefault("imagePullPolicy", .string(defaultPullPolicy(image: container["image"].stringValue ?? "")))
        container.setDefault("terminationMessagePath", "/dev/termination-log")
        container.setDefault("terminationMessagePolicy", "File")
        container.setDefault("resources", [:])
        container.updateElements(of: "ports") { $0.setDefault("protocol", "TCP") }
        container.updateElements(of: "env") { env in
            if !env["valueFrom"]["fieldRef"].isNull { env["valueFrom"]["fieldRef"].setDefault("apiVersion", "v1") }
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] where !container[probe].isNull {
            applyProbeDefaults(&container[probe])
        }
        for hook in ["postStart", "preStop"] where !container["lifecycle"][hook]["httpGet"].isNull {
            applyHTTPGetDefaults(&container["lifecycle"][hook]["httpGet"])
        }
    }

    /// `Always` for an image tagged `latest` or not tagged at all, else `IfNotPresent` (digests included).
    static func defaultPullPolicy(image: String) -> String {
        let reference = image.split(separator: "@", maxSplits: 1)
        let name = reference.first.map(String.init) ?? ""
        let lastSlash = name.lastIndex(of: "/")
        let afterSlash = lastSlash.map { name[name.index(after: $0)...] } ?? name[...]
        if let colon = afterSlash.lastIndex(of: ":") {
            return afterSlash[afterSlash.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
        }
        return reference.count > 1 ? "IfNotPresent" : "Always"
    }

    static func applyProbeDefaults(_ probe: inout JSON) {
        probe.setDefault("timeoutSeconds", 1, replacingZero: true)
        probe.setDefault("periodSeconds", 10, replacingZero: true)
        probe.setDefault("successThreshold", 1, replacingZero: true)
        probe.setDefault("failureThreshold", 3, replacingZero: true)
        if !probe["httpGet"].isNull { applyHTTPGetDefaults(&probe["httpGet"]) }
    }

    static func applyHTTPGetDefaults(_ action: inout JSON) {
        action.setDefault("path", "/")
        action.setDefault("scheme", "HTTP")
    }

    static let volumeSourcesWithMode = ["configMap", "secret", "projected", "downwardAPI"]

    static func applyVolumeDefaults(_ volume: inout JSON) {
        let sources = volume.objectValue?.keys.filter { $0 != "name" && !volume[$0].isNull } ?? []
        if sources.isEmpty { volume["emptyDir"] = [:] }
        for source in volumeSourcesWithMode where !volume[source].isNull {
            volume[source].setDefault("defaultMode", 420)
        }
        if !volume["hostPath"].isNull { volume["hostPath"].setDefault("type", "") }
    }

    /// Requests default to limits, resource by resource, on pods only.
    static func copyLimitsToRequests(_ container: inout JSON) {
        guard let limits = container["resources"]["limits"].objectValue else { return }
        for (name, quantity) in limits where container["resources"]["requests"][name].isNull {
            container["resources"]["requests"][name] = quantity
        }
    }
}

extension JSON {
    /// Sets `key` when it is absent, null or an empty string (Go's zero value); optionally also when it is 0.
    mutating func setDefault(_ key: String, _ value: JSON, replacingZero: Bool = false) {
        let current = self[key]
        if current.isNull || current == "" || (replacingZero && current.intValue == 0) { self[key] = value }
    }

    /// Applies `body` to each element of the list at `key`; no effect when there is no such list.
    mutating func updateElements(of key: String, _ body: (inout JSON) -> Void) {
        guard var elements = self[key].arrayValue else { return }
        for index in elements.indices { body(&elements[index]) }
        self[key] = .array(elements)
    }
}
