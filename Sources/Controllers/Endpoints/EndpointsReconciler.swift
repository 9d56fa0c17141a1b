import APIMachinery
import KubeClient

/// Keeps a Service's core/v1 Endpoints and its discovery.k8s.io/v1 EndpointSlice in step with the pods it selects
/// (upstream `pkg/controller/endpoint` and `pkg/controller/endpointslice`, reduced to one IPv4 slice per Service).
///
/// Level-based and idempotent: the desired objects are computed from the Service and its pods alone, compared with
/// the current ones regardless of list order (addresses sorted by IP, ports by name and number), and written only
/// when they differ. Updates start from the current object, so its `resourceVersion` makes them conditional.
/// A Service without a selector is left alone: its Endpoints belong to whoever manages them.
public enum EndpointsReconciler {
    public static let headlessLabel = "service.kubernetes.io/headless"
    public static let serviceNameLabel = "kubernetes.io/service-name"
    public static let sliceManagedByLabel = "endpointslice.kubernetes.io/managed-by"
    public static let sliceControllerName = "endpointslice-controller.k8s.io"
    public static let endpointsManagedByLabel = "endpoints.kubernetes.io/managed-by"
    public static let endpointsControllerName = "endpoint-controller"

    /// The writes that bring `service`'s Endpoints and EndpointSlice up to date.
    ///
    /// - `pods`: the pods of the service's namespace (any labels; the selector is applied here).
    /// - `currentEndpoints`: the Endpoints of the service's name, if it exists.
    /// - `currentSlices`: slices of the namespace; those labelled `kubernetes.io/service-name: <service>` and managed
    ///   by the endpointslice controller are this service's. The first by name is kept up to date (or one is created
    ///   with `generateName: <service>-`); any others are deleted.
    ///
    /// Actions come Endpoints first, then the slice.
    public static func plan(service: JSON, pods: [JSON], currentEndpoints: JSON?, currentSlices: [JSON]) -> [ControllerAction] {
        guard let selector = service["spec"]["selector"].stringMap, !selector.isEmpty else { return [] }
        let backends = pods.compactMap { ServiceBackend(pod: $0, service: service, selector: selector) }
            .sorted { ServiceBackend.ipOrder($0.ip) < ServiceBackend.ipOrder($1.ip) }
        return planEndpoints(service: service, backends: backends, current: currentEndpoints)
            + planSlices(service: service, backends: backends, current: currentSlices)
    }

    static func isHeadless(_ service: JSON) -> Bool { service["spec"]["clusterIP"].stringValue == "None" }

    /// The service's labels plus, for a headless service, `service.kubernetes.io/headless: ""`.
    static func labels(of service: JSON, adding extra: [String: String]) -> JSON {
        var labels = service.labels.merging(extra) { _, new in new }
        labels[headlessLabel] = isHeadless(service) ? "" : nil
        return JSON(stringMap: labels)
    }
}
