import APIServer
import ArgumentParser
import CommandLineSupport
import Foundation
import HTTPServer
import Logging
import ServiceLifecycle
import Store

/// `ordinal-apiserver serve` (the default subcommand): opens the store and serves the API until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API on the embedded store (the default subcommand).")

    enum StorageKind: String, ExpressibleByArgument { case sqlite, memory }

    @Option(help: "Address to listen on.")
    var bindAddress = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port and prints the URL.")
    var port = 8080

    @Option(help: "Folder of the SQLite store.")
    var dataDir = "./ordinal-data"

    @Option(help: "sqlite (durable, default) or memory (throwaway).")
    var storage = StorageKind.sqlite

    @Option(help: "How many recent changes watches can resume from.")
    var watchHistory = 10_000

    @OptionGroup var logging: LoggingOptions

    @OptionGroup(title: "Security")
    var security: SecurityOptions

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "ordinal.apiserver")
        if let warning = limits.raiseOpenFileLimit() { logger.warning("\(warning)") }
        let store: LogStore
        var directory: DataDirectory?
        do {
            switch storage {
            case .sqlite:
                directory = try DataDirectory(path: dataDir)
                store = try LogStore.sqlite(path: directory!.databasePath, historyCapacity: watchHistory)
            case .memory:
                store = LogStore.memory(historyCapacity: watchHistory)
            }
        } catch {
            logger.critical("cannot open the store: \(error)")
            throw ExitCode.failure
        }
        let api = APIServer(store: store, logger: logger, limits: limits.apiLimits)
        let namespaces = NamespaceLifecycle(server: api)
        try namespaces.bootstrap()
        try api.bootstrapRBAC()
        let (responder, rbac) = try security.securedResponder(api, store: store)
        var configuration = limits.httpConfiguration
        configuration.tls = try security.tlsCredentials()
        let http = HTTPServer(host: bindAddress, port: port, responder: responder, configuration: configuration)
        try http.start()
        if let directory { writeKubeconfig(directory: directory.path, port: Int(http.port), logger: logger) }
        print("ordinal-apiserver listening on \(security.scheme)://\(bindAddress):\(http.port)")
        fflush(nil)
        namespaces.start()
        let group = ServiceGroup(configuration: .init(services: [.init(service: ServingService())],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        http.stop()
        rbac?.stop()
        namespaces.stop()
        store.close()
        withExtendedLifetime(directory) {}
    }
}

/// Keeps the process serving until a shutdown signal arrives.
struct ServingService: Service {
    func run() async throws {
        try? await gracefulShutdown()
    }
}
