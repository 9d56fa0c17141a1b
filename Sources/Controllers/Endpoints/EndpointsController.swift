import APIMachinery
import KubeClient
import Logging

/// Keeps every Service's Endpoints and EndpointSlice in step with its pods, through `EndpointsReconciler`.
/// Pod changes queue the services whose selector matches the pod before or after the change.
public struct EndpointsController: Sendable {
    public static let resources: [APIResource] = [.services, .pods, .endpoints, .endpointSlices]

    public let loop: ControllerLoop

    public init(informers: InformerSet, executor: ActionExecutor, workers: Int = 2, logger: Logger) {
        let queue = WorkQueue()
        let services = informers[.services].lister, pods = informers[.pods].lister
        let endpoints = informers[.endpoints].lister, slices = informers[.endpointSlices].lister
        loop = ControllerLoop(name: "endpoints", queue: queue, workers: workers, logger: logger) { key in
            let (namespace, name) = splitKey(key)
            guard let service = services.get(namespace: namespace, name: name) else { return .done }
            let actions = EndpointsReconciler.plan(service: service, pods: pods.list(namespace: namespace),
                                                   currentEndpoints: endpoints.get(namespace: namespace, name: name),
                                                   currentSlices: slices.list(namespace: namespace))
            try await executor.execute(actions)
            return .done
        }
        informers[.services].addHandler(.enqueue(queue) { [$0.objectKey] })
        informers[.endpoints].addHandler(.enqueue(queue) { [$0.objectKey] })
        informers[.endpointSlices].addHandler(.enqueue(queue) { slice in
            slice.labels[EndpointsReconciler.serviceNameLabel].map { ["\(slice.namespace)/\($0)"] } ?? []
        })
        informers[.pods].addHandler(.enqueue(queue) { pod in
            services.list(namespace: pod.namespace).filter { service in
                guard let selector = service["spec"]["selector"].stringMap, !selector.isEmpty else { return false }
                return selector.allSatisfy { pod.labels[$0.key] == $0.value }
            }.map(\.objectKey)
        })
    }
}
