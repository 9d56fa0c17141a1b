import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `ordinal-loadgen`: drives an Ordinal API server hard enough to measure it on a small machine, and prints
/// one JSON object of results per run. The benchmark driver (`bench/run`) starts it.
@main
struct OrdinalLoadgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ordinal-loadgen",
        abstract: "Load generator for Ordinal's benchmarks: pod creates and updates, and watch fan-out.",
        subcommands: [Writes.self, Watch.self])
}

/// Options every subcommand shares.
struct Connection: ParsableArguments {
    @Option(help: "URL of the API server.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "Namespace of the pods written.")
    var namespace = "default"

    @Option(help: "Names of the pods written are <prefix>-<n>.")
    var prefix = "bench"

    var podsPath: String { "/api/v1/namespaces/\(namespace)/pods" }
}

/// Results of a run of writes.
struct WriteResult: Encodable {
    let verb: String
    let clients: Int
    let count: Int
    let errors: Int
    let seconds: Double
    let perSecond: Double
    let latencyMs: LatencySummary
    let firstError: String?
}

struct Writes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates pods (or ConfigMaps), or updates existing ones with merge patches, as fast as N clients can.")

    @OptionGroup var connection: Connection

    @Option(help: "What to write: \(WrittenKind.allCases.map(\.rawValue).joined(separator: " or ")).")
    var kind = WrittenKind.pods

    @Option(help: "create or update.")
    var verb = "create"

    @Option(help: "Concurrent clients, each on its own keep-alive connection.")
    var clients = 1

    @Option(help: "Writes in total.")
    var count = 1000

    @Option(help: "For updates: how many existing objects (<prefix>-0 …) the updates cycle over.")
    var objects = 1000

    @Option(help: "Sequence number of the first object created.")
    var first = 0

    func run() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let target = try Target(url: connection.url)
        var connections: [HTTPConnection] = []
        for _ in 0..<clients { connections.append(try await HTTPConnection.connect(to: target, on: group)) }
        let plan = WritePlan(update: verb == "update", clients: clients, count: count, objects: objects, first: first,
                             prefix: connection.prefix, kind: kind, collection: kind.collectionPath(namespace: connection.namespace))
        let began = nowNanoseconds()
        let outcomes = try await withThrowingTaskGroup(of: ClientOutcome.self) { tasks in
            for (client, http) in connections.enumerated() {
                tasks.addTask { try await plan.writes(client: client, over: http) }
            }
            return try await tasks.reduce(into: [ClientOutcome]()) { $0.append($1) }
        }
        let seconds = Double(nowNanoseconds() - began) / 1e9
        for http in connections { await http.close() }
        let errors = outcomes.reduce(0) { $0 + $1.errors }
        printResult(WriteResult(verb: verb, clients: clients, count: count, errors: errors, seconds: seconds,
                                perSecond: Double(count - errors) / seconds,
                                latencyMs: LatencySummary(microseconds: outcomes.flatMap(\.latencies)),
                                firstError: outcomes.compactMap(\.firstError).first))
    }
}

/// What one client of a `writes` run did.
struct ClientOutcome: Sendable {
    var latencies: [UInt32] = []
    var errors = 0
    var firstError: String?
}

/// The writes of a run, shared by its clients.
struct WritePlan: Sendable {
    let update: Bool
    let clients: Int
    let count: Int
    let objects: Int
    let first: Int
    let prefix: String
    let kind: WrittenKind
    let collection: String

    /// Client `client` does every `clients`-th write, one at a time.
    func writes(client: Int, over http: HTTPConnection) async throws -> ClientOutcome {
        var outcome = ClientOutcome()
        for index in stride(from: client, to: count, by: clients) {
            let started = nowNanoseconds()
            let response: Response
            if update {
                let name = "\(prefix)-\(index % objects)"
                response = try await http.send(.PATCH, "\(collection)/\(name)", body: PodBody.update(round: index),
                                               contentType: "application/merge-patch+json")
            } else {
                let sequence = first + index
                response = try await http.send(.POST, collection,
                                               body: kind.createBody(name: "\(prefix)-\(sequence)", sequence: sequence, sentAt: started))
            }
            outcome.latencies.append(UInt32(clamping: (nowNanoseconds() - started) / 1000))
            if response.status >= 300 {
                outcome.errors += 1
                if outcome.firstError == nil {
                    outcome.firstError = "HTTP \(response.status): \(String(buffer: response.body).prefix(200))"
                }
            }
        }
        return outcome
    }
}
