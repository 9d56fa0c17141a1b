import APIMachinery
import Foundation
import KubeClient
import Logging

/// Everything `ordinal-controller-manager` runs: shared informers, the StatefulSet, kubelet, volume,
/// garbage-collector and endpoints controllers, and the start-up registrations (nodes, default StorageClass).
public final class ControllerManager: Sendable {
    public let informers: InformerSet
    let kubelet: KubeletController
    let volumes: VolumeController
    let loops: [ControllerLoop]
    let logger: Logger

    public init(client: KubeClient, simulation: SimulationConfig, statefulSetCreateBurst: Int = 64,
                statefulSetStatusPeriod: Duration = .zero, logger: Logger) {
        let resources = Array(Set(StatefulSetController.resources + KubeletController.resources + VolumeController.resources
                                  + GarbageCollectorController.resources + EndpointsController.resources))
        informers = InformerSet(client: client, resources: resources)
        let executor = ActionExecutor(client: client, events: EventRecorder(client: client, component: "ordinal-controller-manager", logger: logger),
                                      logger: logger)
        kubelet = KubeletController(informers: informers, executor: executor, config: simulation, logger: logger)
        volumes = VolumeController(informers: informers, executor: executor, logger: logger)
        loops = [
            StatefulSetController(informers: informers, executor: executor, createBurst: statefulSetCreateBurst,
                                  statusPeriod: statefulSetStatusPeriod, logger: logger).loop,
            kubelet.loop, volumes.loop,
            GarbageCollectorController(informers: informers, executor: executor, logger: logger).loop,
            EndpointsController(informers: informers, executor: executor, logger: logger).loop,
        ]
        self.logger = logger
    }

    /// Registers nodes and the default StorageClass, then runs informers and controllers until cancelled.
    public func run() async throws {
        try await kubelet.registerNodes()
        try await volumes.ensureDefaultStorageClass()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.informers.run() }
            group.addTask {
                await self.informers.waitUntilSynced()
                self.logger.info("caches synced; controllers running")
                await withTaskGroup(of: Void.self) { controllers in
                    for loop in self.loops { controllers.addTask { await loop.run() } }
                    controllers.addTask { await self.kubelet.runHeartbeats() }
                }
            }
            await withTaskCancellationHandler {
                await group.waitForAll()
            } onCancel: {
                for loop in self.loops { Task { await loop.queue.shutDown() } }
            }
        }
    }
}
