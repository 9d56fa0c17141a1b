import Testing
@testable import DNS

@Suite struct DNSMessageTests {
    static let zone = "cluster.local"

    static func sampleResponse() -> DNSMessage {
        let service = DNSName("nginx.default.svc.cluster.local")
        let web0 = DNSName("web-0.nginx.default.svc.cluster.local")
        var message = DNSMessage(id: 0xBEEF, isResponse: true, recursionDesired: true,
                                 questions: [DNSQuestion(name: DNSName("_web._tcp.nginx.default.svc.cluster.local"), type: .srv)])
        message.authoritative = true
        message.answers = [
            DNSRecord(name: DNSName("_web._tcp.nginx.default.svc.cluster.local"), ttl: 5,
                      data: .srv(priority: 0, weight: 50, port: 80, target: web0)),
            DNSRecord(name: service, ttl: 5, data: .a(IPv4(10, 0, 0, 1))),
            DNSRecord(name: DNSName("1.0.0.10.in-addr.arpa"), ttl: 5, data: .ptr(web0)),
        ]
        message.additionals = [
            DNSRecord(name: web0, ttl: 5, data: .a(IPv4(10, 0, 0, 1))),
            DNSRecord(name: .root, recordClass: 1232, ttl: 0, data: .other(.opt, [])),
        ]
        return message
    }

    @Test func roundTrip() throws {
        let message = Self.sampleResponse()
        let decoded = try DNSMessage(decoding: message.encoded())
        #expect(decoded == message)
        #expect(decoded.answers.map(\.name.description) == message.answers.map(\.name.description))
    }

    @Test func queryRoundTripKeepsFlags() throws {
        var query = DNSMessage(id: 7, opcode: 0, recursionDesired: true,
                               questions: [DNSQuestion(name: DNSName("Web-0.Nginx.default.svc.cluster.local."), type: .a)])
        query.truncated = true
        let decoded = try DNSMessage(decoding: query.encoded())
        #expect(decoded == query)
        #expect(decoded.truncated && decoded.recursionDesired && !decoded.isResponse)
        #expect(decoded.questions[0].name.description == "Web-0.Nginx.default.svc.cluster.local.")
    }

    @Test func namesAreCompressed() throws {
        let message = Self.sampleResponse()
        let bytes = message.encoded()
        let uncompressed = 12 + (message.questions.map { $0.name.encodedLength + 4 }.reduce(0, +))
            + (message.answers + message.additionals).map { record -> Int in
                var rdata = 0
                switch record.data {
                case .a: rdata = 4
                case .srv(_, _, _, let target): rdata = 6 + target.encodedLength
                case .ptr(let target): rdata = target.encodedLength
                case .other(_, let data): rdata = data.count
                }
                return record.name.encodedLength + 10 + rdata
            }.reduce(0, +)
        #expect(bytes.count < uncompressed - 100)
        // The first answer's owner repeats the question's name: a pointer to offset 12.
        let firstAnswer = 12 + message.questions[0].name.encodedLength + 4
        #expect(Array(bytes[firstAnswer..<firstAnswer + 2]) == [0xC0, 12])
    }

    @Test func srvTargetIsNotCompressed() throws {
        let bytes = Self.sampleResponse().encoded()
        let target: [UInt8] = [5] + Array("web-0".utf8) + [5] + Array("nginx".utf8)
        #expect(bytes.indices.contains { Array(bytes[$0..<min($0 + target.count, bytes.count)]) == target })
    }

    /// Malformed packets: each must throw, never trap.
    static let malformed: [(String, [UInt8], DNSWireError)] = {
        let header: (UInt16, UInt16, UInt16, UInt16) -> [UInt8] = { qd, an, ns, ar in
            [0x12, 0x34, 0x01, 0x00] + [qd, an, ns, ar].flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        let tail: [UInt8] = [0, 1, 0, 1]
        let longLabel: [UInt8] = [64] + Array(repeating: 0x61, count: 64) + [0] + tail
        let longName: [UInt8] = (0..<5).flatMap { _ in [UInt8(60)] + Array(repeating: 0x61, count: 60) } + [0] + tail
        return [
            ("empty", [], .truncated),
            ("short header", [0x12, 0x34, 0x01], .truncated),
            ("question count beyond packet", header(3, 0, 0, 0) + [0] + tail, .countExceedsPacket),
            ("answer count beyond packet", header(0, 0xFFFF, 0, 0), .countExceedsPacket),
            ("truncated name", header(1, 0, 0, 0) + [5, 0x61, 0x62, 0, 0, 0], .truncated),
            ("truncated question type", header(1, 0, 0, 0) + [1, 0x61, 0, 0, 1, 0], .truncated),
            ("label over 63", header(1, 0, 0, 0) + longLabel, .labelTooLong),
            ("reserved label type", header(1, 0, 0, 0) + [0x80, 0, 0, 1, 0, 1], .reservedLabelType),
            ("name over 255", header(1, 0, 0, 0) + longName, .nameTooLong),
            ("pointer to itself", header(1, 0, 0, 0) + [0xC0, 12] + tail, .badPointer),
            ("pointer forwards", header(1, 0, 0, 0) + [0xC0, 20] + tail + [0, 0], .badPointer),
            ("pointer out of bounds", header(1, 0, 0, 0) + [0xC0, 0xFF] + tail, .badPointer),
            ("pointer loop", header(1, 0, 0, 0) + [1, 0x61, 0xC0, 12, 0xC0, 12] + tail, .badPointer),
            ("half a pointer", header(1, 0, 0, 0) + [3, 0x61, 0x62, 0x63, 0xC0], .truncated),
            ("record data past the end", header(0, 1, 0, 0) + [0, 0, 1, 0, 1, 0, 0, 0, 5, 0, 200, 10, 0], .truncated),
            ("A record of 3 bytes", header(0, 1, 0, 0) + [0, 0, 1, 0, 1, 0, 0, 0, 5, 0, 3, 10, 0, 0], .badRecordData),
            ("PTR overrunning its length", header(0, 1, 0, 0) + [0, 0, 12, 0, 1, 0, 0, 0, 5, 0, 1, 1, 0x61, 0], .badRecordData),
        ]
    }()

    @Test(arguments: malformed)
    func malformedPacketsThrow(_ name: String, _ bytes: [UInt8], _ error: DNSWireError) {
        #expect(throws: error, "\(name)") { try DNSMessage(decoding: bytes) }
    }

    @Test func everyTruncationOfAValidPacketThrows() {
        let bytes = Self.sampleResponse().encoded()
        for length in 0..<bytes.count - 1 {
            #expect(throws: DNSWireError.self) { try DNSMessage(decoding: Array(bytes.prefix(length))) }
        }
    }

    @Test func randomBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let valid = Self.sampleResponse().encoded()
        for _ in 0..<5000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? DNSMessage(decoding: bytes)
            _ = ClusterDNS(zone: Self.zone).response(to: bytes, overUDP: true)
        }
    }
}
