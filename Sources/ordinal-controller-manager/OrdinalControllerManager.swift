import ArgumentParser
import CommandLineSupport
import Controllers
import DNS
import DNSServer
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

    @Option(help: "Port of the cluster DNS server on 127.0.0.1 (UDP and TCP); 0 disables it.")
    var dnsPort = 10053

    @Option(help: "The cluster's DNS zone: Services resolve as <service>.<namespace>.svc.<zone>.")
    var clusterDomain = "cluster.local"

    @Option(help: "Most pods of a Parallel StatefulSet created at once (in slow-start batches); 1 creates them one by one.")
    var statefulsetCreateBurst = 64

    @OptionGroup var logging: LoggingOptions

    @OptionGroup(title: "Credentials")
    var clientOptions: ClientOptions

    @OptionGroup(title: "StatefulSet controller")
    var statefulSetOptions: StatefulSetOptions

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "ordinal.controller-manager")
        let client = KubeClient(baseURL: server, credentials: try clientOptions.credentials(), logger: logger)
        let manager = ControllerManager(client: client, simulation: SimulationConfig(nodeCount: nodes, startDelay: startDelay, timeScale: timeScale),
                                        statefulSetCreateBurst: statefulsetCreateBurst,
                                        statefulSetStatusPeriod: statefulSetOptions.statusPeriod,
                                        logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: ManagerService(manager: manager))]
        if dnsPort != 0 {
            let publisher = ClusterDNSPublisher(zone: clusterDomain, services: manager.informers[.services],
                                                endpointSlices: manager.informers[.endpointSlices])
            let dns = DNSServer(port: dnsPort, logger: logger) { publisher.snapshot }
            // A taken port costs the DNS, not the controllers: several clusters may run on one machine.
            do {
                let listening = try await dns.start()
                print("ordinal DNS listening on 127.0.0.1:\(listening.port)")
                services.append(.init(service: DNSService(listening: listening)))
            } catch {
                logger.error("DNS disabled: cannot listen on 127.0.0.1:\(dnsPort): \(error)")
            }
        }
        print("ordinal-controller-manager running against \(server)")
        fflush(nil)
        let group = ServiceGroup(configuration: .init(services: services,
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

/// Keeps the DNS sockets open until a shutdown signal arrives.
struct DNSService: Service {
    let listening: DNSServer.Listening

    func run() async throws {
        try? await gracefulShutdown()
        await listening.close()
    }
}
