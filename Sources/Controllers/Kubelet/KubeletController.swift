import APIMachinery
import Foundation
import KubeClient
import Logging

/// The simulated nodes, scheduler and kubelets over the shared caches. Node objects are registered at
/// start and refreshed by heartbeats; each pod key is scheduled if unbound, else synced by its node's kubelet,
/// and looked at again when its timeline says something will change.
public struct KubeletController: Sendable {
    public static let resources: [APIResource] = [.pods, .nodes, .persistentVolumeClaims, .storageClasses]

    public let loop: ControllerLoop
    let informers: InformerSet
    let executor: ActionExecutor
    let config: SimulationConfig
    let now: @Sendable () -> Date
    let logger: Logger

    public init(informers: InformerSet, executor: ActionExecutor, config: SimulationConfig, workers: Int = 4, logger: Logger,
                now: @escaping @Sendable () -> Date = Date.init) {
        let queue = WorkQueue()
        self.informers = informers
        self.executor = executor
        self.config = config
        self.now = now
        self.logger = logger
        let pods = informers[.pods].lister, nodes = informers[.nodes].lister
        let claims = informers[.persistentVolumeClaims].lister, classes = informers[.storageClasses].lister
        let load = NodeLoad()
        informers[.pods].addHandler(load.handler)
        loop = ControllerLoop(name: "kubelet", queue: queue, workers: workers, logger: logger) { key in
            let (namespace, name) = splitKey(key)
            guard let pod = pods.get(namespace: namespace, name: name) else { return .done }
            guard let nodeName = pod["spec"]["nodeName"].stringValue, !nodeName.isEmpty else {
                try await executor.execute(Scheduler.schedule(pod: pod, nodes: nodes.list(), podsPerNode: load.podsPerNode,
                                                              claims: claims.list(namespace: namespace),
                                                              storageClasses: classes.list(), now: now()))
                return .done
            }
            guard let node = nodes.get(namespace: nil, name: nodeName) else { return .done }
            let (actions, requeueAfter) = Kubelet.sync(pod: pod, node: node, config: config, now: now())
            try await executor.execute(actions)
            return ReconcileResult(requeueAfter: requeueAfter)
        }
        informers[.pods].addHandler(.enqueue(queue) { [$0.objectKey] })
        informers[.persistentVolumeClaims].addHandler(.enqueue(queue) { claim in
            pods.list(namespace: claim.namespace).filter { ($0["spec"]["nodeName"].stringValue ?? "").isEmpty }.map(\.objectKey)
        })
    }

    /// Creates the simulated nodes that do not exist yet.
    public func registerNodes() async throws {
        for node in NodeSimulator.nodes(config: config, now: now()) {
            do {
                _ = try await informers.client.create(.nodes, node)
            } catch let error as KubeError where error.isAlreadyExists {
                continue
            }
        }
    }

    /// Refreshes node heartbeats until the task is cancelled.
    public func runHeartbeats() async {
        while !Task.isCancelled {
            let actions = informers[.nodes].lister.list().compactMap { NodeSimulator.heartbeat(node: $0, config: config, now: now()) }
            do {
                try await executor.execute(actions)
            } catch {
                logger.debug("node heartbeat failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(max(1, config.scaled(10))))
        }
    }
}
