import ArgumentParser
import Controllers
import Foundation
import KubeClient
import Logging
import ServiceLifecycle

/// `ordinal-controller-manager`: makes StatefulSets real against an Ordinal (or any Kubernetes) API server,
/// talking to it only over HTTP: list, watch and writes.
@main
struct OrdinalControllerManager: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ordinal-controller-manager",
        abstract: "StatefulSet, kubelet, volume, garbage-collector and endpoints controllers for Ordinal.")

    @Option(help: "URL of the API server.")
    var server = "http://127.0.0.1:8080"

    @Option(help: "How many simulated nodes to register.")
    var nodes = 3

    @Option(help: "Seconds from a pod's scheduling to its containers running (before --time-scale).")
    var startDelay = 1.0

    @Option(help: "Multiplies every simulated duration: 0.1 runs ten times faster, 0 makes pods start at once.")
    var timeScale = 1.0

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "ordinal.controller-manager")
        let client = KubeClient(baseURL: server, logger: logger)
        let manager = ControllerManager(client: client, simulation: SimulationConfig(nodeCount: nodes, startDelay: startDelay, timeScale: timeScale),
                                        logger: logger)
        print("ordinal-controller-manager running against \(server)")
        fflush(nil)
        let group = ServiceGroup(configuration: .init(services: [.init(service: ManagerService(manager: manager))],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await client.shutdown()
    }
}

/// Runs the controllers until a shutdown signal arrives.
struct ManagerService: Service {
    let manager: ControllerManager

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await manager.run()
        }
    }
}
