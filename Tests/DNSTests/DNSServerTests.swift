import APIMachinery
import Logging
import Testing
@testable import DNS
@testable import DNSServer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real server on port 0, queried over real UDP and TCP sockets.
@Suite struct DNSServerTests {
    static let dns = ClusterDNS(services: [ClusterDNSTests.service("nginx")], endpointSlices: [ClusterDNSTests.web])

    static func query(_ name: String, id: UInt16 = 42) -> [UInt8] {
        DNSMessage(id: id, recursionDesired: true, questions: [DNSQuestion(name: DNSName(name), type: .a)]).encoded()
    }

    @Test func answersOverUDPAndTCPAndSurvivesGarbage() async throws {
        let listening = try await DNSServer(port: 0, logger: Logger(label: "dns-test")) { Self.dns }.start()
        defer { Task { await listening.close() } }
        let udp = try #require(TestSocket(port: listening.port, stream: false))
        let answer = try DNSMessage(decoding: #require(udp.exchange(Self.query("web-0.nginx.default.svc.cluster.local"))))
        #expect(answer.id == 42 && answer.answers.map(\.data) == [.a(IPv4(10, 0, 0, 1))])

        // Garbage: a pointer loop gets FORMERR, a 3-byte packet nothing; the server still answers afterwards.
        let loop: [UInt8] = [0, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1]
        #expect(try DNSMessage(decoding: #require(udp.exchange(loop))).responseCode == .formatError)
        #expect(udp.exchange([1, 2, 3]) == nil)
        #expect(udp.exchange(Self.query("example.com", id: 5)).map { try? DNSMessage(decoding: $0).responseCode } == .refused)

        let tcp = try #require(TestSocket(port: listening.port, stream: true))
        for id in UInt16(1)...3 {
            let reply = try DNSMessage(decoding: #require(tcp.exchange(Self.query("nginx.default.svc.cluster.local", id: id))))
            #expect(reply.id == id && reply.answers.count == 2)
        }
    }
}

/// A blocking client socket on 127.0.0.1 with a 0.3 s receive timeout; TCP messages get the length prefix.
final class TestSocket {
    let descriptor: Int32
    let stream: Bool

    init?(port: Int, stream: Bool) {
        #if canImport(Glibc)
        let type = Int32(stream ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        #else
        let type = stream ? SOCK_STREAM : SOCK_DGRAM
        #endif
        descriptor = socket(AF_INET, type, 0)
        self.stream = stream
        var timeout = timeval(tv_sec: 0, tv_usec: 300_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Sends `packet` and returns the reply, or nil when none arrives in time.
    func exchange(_ packet: [UInt8]) -> [UInt8]? {
        let framed = stream ? [UInt8(packet.count >> 8), UInt8(packet.count & 0xFF)] + packet : packet
        guard send(descriptor, framed, framed.count, 0) == framed.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_537)
        var received = 0
        repeat {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + received, $0.count - received, 0) }
            guard count > 0 else { return nil }
            received += count
        } while stream && (received < 2 || received < 2 + (Int(buffer[0]) << 8 | Int(buffer[1])))
        return stream ? Array(buffer[2..<received]) : Array(buffer[..<received])
    }
}
