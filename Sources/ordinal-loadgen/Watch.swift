import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// Results of a watch fan-out run.
struct WatchResult: Encodable {
    let watchers: Int
    let writes: Int
    let writeErrors: Int
    let targetRate: Double
    let achievedRate: Double
    let expectedDeliveries: Int
    let delivered: Int
    let missed: Int
    let duplicated: Int
    let watchersEndedEarly: Int
    let deliveryLatencyMs: LatencySummary
    let serverPeakRSSKiB: Int?
    let serverRSSBeforeKiB: Int?
}

struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Opens N watches of pods, creates pods at a fixed rate, and checks every watcher saw each once.")

    @OptionGroup var connection: Connection

    @Option(help: "Concurrent watchers, each on its own connection.")
    var watchers = 1000

    @Option(help: "Pod creates per second.")
    var rate = 1000.0

    @Option(help: "Seconds of writing.")
    var seconds = 5.0

    @Option(help: "Concurrent writing clients.")
    var writers = 16

    @Option(help: "Seconds to wait, after the last write, for every watcher to catch up.")
    var drain = 20.0

    @Option(help: "Process id of the API server, to sample its resident memory.")
    var serverPid: Int32?

    func run() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let target = try Target(url: connection.url)
        let count = Int(rate * seconds)
        let probe = try await HTTPConnection.connect(to: target, on: group)
        let list = try await probe.send(.GET, "\(connection.podsPath)?limit=1")
        await probe.close()
        guard list.status == 200, let revision = number(after: Array(#""resourceVersion":""#.utf8), in: Array(buffer: list.body)) else {
            throw LoadError.unexpectedStatus(list.status, String(buffer: list.body))
        }
        let rssBefore = serverPid.flatMap(residentKiB)
        var streams: [(WatchStream, Channel)] = []
        let path = "\(connection.podsPath)?watch=true&resourceVersion=\(revision)"
        for _ in 0..<watchers {
            streams.append(try await WatchStream.open(path, target: target, expected: count, on: group))
        }
        let pid = serverPid
        // Writers get an event loop of their own, so parsing the watchers' events cannot delay the writes.
        let writerGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sampled = try await paceWrites(count: count, target: target, group: writerGroup) { pid.flatMap(residentKiB) }
        try? await writerGroup.shutdownGracefully()
        let writeErrors = sampled.errors, writeSeconds = sampled.seconds
        var peak = max(rssBefore ?? 0, sampled.peak ?? 0)
        let deadline = nowNanoseconds() + UInt64(drain * 1e9)
        let wanted = count - writeErrors
        while nowNanoseconds() < deadline, streams.contains(where: { $0.0.seenCount < wanted && !$0.0.snapshot().ended }) {
            if let pid = serverPid, let rss = residentKiB(pid: pid) { peak = max(peak, rss) }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let snapshots = streams.map { $0.0.snapshot() }
        for (_, channel) in streams { try? await channel.close() }
        let delivered = snapshots.reduce(0) { $0 + $1.distinct }
        printResult(WatchResult(
            watchers: watchers, writes: count, writeErrors: writeErrors, targetRate: rate,
            achievedRate: Double(count) / writeSeconds, expectedDeliveries: wanted * watchers, delivered: delivered,
            missed: wanted * watchers - delivered, duplicated: snapshots.reduce(0) { $0 + $1.duplicates },
            watchersEndedEarly: snapshots.filter(\.ended).count,
            deliveryLatencyMs: LatencySummary(microseconds: snapshots.flatMap(\.latencies)),
            serverPeakRSSKiB: serverPid == nil ? nil : peak, serverRSSBeforeKiB: rssBefore))
    }

    /// Creates `count` pods at `rate` per second from `writers` clients; calls `sample` about every 100 ms
    /// and returns the largest value it gave.
    private func paceWrites(count: Int, target: Target, group: EventLoopGroup,
                            sample: @escaping @Sendable () -> Int?) async throws -> (errors: Int, seconds: Double, peak: Int?) {
        var clients: [HTTPConnection] = []
        for _ in 0..<writers { clients.append(try await HTTPConnection.connect(to: target, on: group)) }
        let began = nowNanoseconds()
        let interval = 1e9 / rate
        let writers = self.writers, prefix = connection.prefix, podsPath = connection.podsPath
        let end = began + UInt64(Double(count) * interval)
        let (errors, peak) = try await withThrowingTaskGroup(of: (Int, Int?).self) { tasks in
            for (writer, http) in clients.enumerated() {
                tasks.addTask {
                    var errors = 0
                    for index in stride(from: writer, to: count, by: writers) {
                        let due = began + UInt64(Double(index) * interval)
                        let now = nowNanoseconds()
                        if due > now { try await Task.sleep(nanoseconds: due - now) }
                        let body = PodBody.create(name: "\(prefix)-\(index)", sequence: index, sentAt: nowNanoseconds())
                        let response = try await http.send(.POST, podsPath, body: body)
                        if response.status >= 300 { errors += 1 }
                    }
                    return (errors, nil)
                }
            }
            tasks.addTask {
                var peak: Int?
                while nowNanoseconds() < end {
                    if let value = sample() { peak = max(peak ?? 0, value) }
                    try await Task.sleep(nanoseconds: 100_000_000)
                }
                return (0, peak)
            }
            return try await tasks.reduce((0, nil as Int?)) { total, next in
                (total.0 + next.0, [total.1, next.1].compactMap { $0 }.max())
            }
        }
        let seconds = Double(nowNanoseconds() - began) / 1e9
        for http in clients { await http.close() }
        return (errors, seconds, peak)
    }
}
