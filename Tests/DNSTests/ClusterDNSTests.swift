import APIMachinery
import Testing
@testable import DNS

@Suite struct ClusterDNSTests {
    static func service(_ name: String, headless: Bool = true, publishNotReady: Bool = false, clusterIP: String = "10.96.0.10") -> JSON {
        var spec: JSON = [
            "clusterIP": .string(headless ? "None" : clusterIP), "selector": ["app": "nginx"],
            "ports": [["name": "web", "port": 80, "protocol": "TCP"]],
        ]
        if publishNotReady { spec["publishNotReadyAddresses"] = true }
        return ["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name), "namespace": "default"], "spec": spec]
    }

    static func endpoint(_ ip: String, hostname: String?, ready: Bool) -> JSON {
        var endpoint: JSON = ["addresses": [.string(ip)], "conditions": ["ready": .bool(ready), "serving": .bool(ready), "terminating": false]]
        if let hostname { endpoint["hostname"] = .string(hostname) }
        return endpoint
    }

    static func slice(_ service: String, _ endpoints: [JSON]) -> JSON {
        [
            "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "addressType": "IPv4",
            "metadata": ["name": .string(service + "-abcde"), "namespace": "default",
                         "labels": ["kubernetes.io/service-name": .string(service)]],
            "endpoints": .array(endpoints), "ports": [["name": "web", "port": 80, "protocol": "TCP"]],
        ]
    }

    static let web = slice("nginx", [
        endpoint("10.0.0.1", hostname: "web-0", ready: true),
        endpoint("10.0.0.2", hostname: "web-1", ready: true),
        endpoint("10.0.0.3", hostname: "web-2", ready: false),
    ])

    static func dns(publishNotReady: Bool = false) -> ClusterDNS {
        ClusterDNS(services: [service("nginx", publishNotReady: publishNotReady), service("api", headless: false)],
                   endpointSlices: [web])
    }

    static func ask(_ dns: ClusterDNS, _ name: String, _ type: DNSRecordType = .a) -> DNSMessage {
        dns.respond(to: DNSMessage(id: 1, questions: [DNSQuestion(name: DNSName(name), type: type)]))
    }

    static func addresses(_ message: DNSMessage) -> [String] {
        message.answers.compactMap { if case .a(let ip) = $0.data { "\(ip)" } else { nil } }.sorted()
    }

    @Test func hostnameRecordsOfReadyEndpoints() {
        let answer = Self.ask(Self.dns(), "web-0.nginx.default.svc.cluster.local")
        #expect(answer.responseCode == .noError && answer.authoritative && answer.isResponse)
        #expect(Self.addresses(answer) == ["10.0.0.1"])
        #expect(answer.answers[0].ttl == 5)
        #expect(Self.ask(Self.dns(), "WEB-1.nginx.default.svc.cluster.local.").answers.first?.name.description
                == "WEB-1.nginx.default.svc.cluster.local.")
    }

    @Test func notReadyEndpointsAreAbsentUnlessPublished() {
        #expect(Self.ask(Self.dns(), "web-2.nginx.default.svc.cluster.local").responseCode == .nameError)
        #expect(Self.addresses(Self.ask(Self.dns(), "nginx.default.svc.cluster.local")) == ["10.0.0.1", "10.0.0.2"])
        let published = Self.dns(publishNotReady: true)
        #expect(Self.addresses(Self.ask(published, "web-2.nginx.default.svc.cluster.local")) == ["10.0.0.3"])
        #expect(Self.addresses(Self.ask(published, "nginx.default.svc.cluster.local")) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
    }

    @Test func clusterIPService() {
        #expect(Self.addresses(Self.ask(Self.dns(), "api.default.svc.cluster.local")) == ["10.96.0.10"])
    }

    @Test func srvPerNamedPortWithAdditionalAddresses() {
        let answer = Self.ask(Self.dns(), "_web._tcp.nginx.default.svc.cluster.local", .srv)
        let srv = answer.answers.compactMap { record -> String? in
            guard case .srv(let priority, let weight, let port, let target) = record.data else { return nil }
            return "\(priority) \(weight) \(port) \(target)"
        }
        #expect(srv.sorted() == ["0 50 80 web-0.nginx.default.svc.cluster.local.", "0 50 80 web-1.nginx.default.svc.cluster.local."])
        #expect(answer.additionals.map { "\($0.name) \($0.data)" }.sorted().count == 2)
        #expect(Self.ask(Self.dns(), "_web._udp.nginx.default.svc.cluster.local", .srv).responseCode == .nameError)
    }

    @Test func ptr() {
        let answer = Self.ask(Self.dns(), "2.0.0.10.in-addr.arpa", .ptr)
        #expect(answer.answers.map(\.data) == [.ptr(DNSName("web-1.nginx.default.svc.cluster.local"))])
        #expect(Self.ask(Self.dns(), "3.0.0.10.in-addr.arpa", .ptr).responseCode == .nameError)
        #expect(Self.ask(Self.dns(), "9.9.9.9.in-addr.arpa", .ptr).responseCode == .nameError)
    }

    @Test func endpointsWithoutHostnameGetDashedNames() {
        let dns = ClusterDNS(services: [Self.service("db")], endpointSlices: [Self.slice("db", [Self.endpoint("10.1.2.3", hostname: nil, ready: true)])])
        #expect(Self.addresses(Self.ask(dns, "10-1-2-3.db.default.svc.cluster.local")) == ["10.1.2.3"])
    }

    @Test(arguments: [
        ("nope.default.svc.cluster.local", DNSResponseCode.nameError),
        ("web-9.nginx.default.svc.cluster.local", .nameError),
        ("nginx.other.svc.cluster.local", .nameError),
        ("example.com", .refused),
        ("cluster.local.example.com", .refused),
        ("default.svc.cluster.local", .noError),
    ])
    func responseCodes(_ name: String, _ code: DNSResponseCode) {
        #expect(Self.ask(Self.dns(), name).responseCode == code)
    }

    @Test func existingNameWithoutTheTypeIsNoData() {
        let answer = Self.ask(Self.dns(), "web-0.nginx.default.svc.cluster.local", .aaaa)
        #expect(answer.responseCode == .noError && answer.answers.isEmpty)
    }

    @Test func customZone() {
        let dns = ClusterDNS(zone: "ordinal.test", services: [Self.service("nginx")], endpointSlices: [Self.web])
        #expect(Self.addresses(Self.ask(dns, "web-0.nginx.default.svc.ordinal.test")) == ["10.0.0.1"])
        #expect(Self.ask(dns, "web-0.nginx.default.svc.cluster.local").responseCode == .refused)
    }

    @Test func packetLevelCodes() throws {
        let dns = Self.dns()
        var query = DNSMessage(id: 9, questions: [DNSQuestion(name: DNSName("web-0.nginx.default.svc.cluster.local"), type: .a)])
        query.opcode = 2
        #expect(try DNSMessage(decoding: #require(dns.response(to: query.encoded(), overUDP: true))).responseCode == .notImplemented)
        query.opcode = 0
        query.questions += query.questions
        #expect(try DNSMessage(decoding: #require(dns.response(to: query.encoded(), overUDP: true))).responseCode == .formatError)
        let garbage: [UInt8] = [0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1]
        let formErr = try DNSMessage(decoding: #require(dns.response(to: garbage, overUDP: true)))
        #expect(formErr.id == 0xABCD && formErr.responseCode == .formatError)
        #expect(dns.response(to: [1, 2, 3], overUDP: true) == nil)
        var response = query
        response.isResponse = true
        #expect(dns.response(to: response.encoded(), overUDP: true) == nil)
    }

    @Test func largeUDPAnswersAreTruncated() throws {
        let endpoints = (1...60).map { Self.endpoint("10.2.0.\($0)", hostname: "web-\($0)", ready: true) }
        let dns = ClusterDNS(services: [Self.service("big")], endpointSlices: [Self.slice("big", endpoints)])
        let query = DNSMessage(id: 3, questions: [DNSQuestion(name: DNSName("big.default.svc.cluster.local"), type: .a)])
        let udp = try #require(dns.response(to: query.encoded(), overUDP: true))
        #expect(udp.count <= 512)
        let truncated = try DNSMessage(decoding: udp)
        #expect(truncated.truncated && truncated.answers.isEmpty)
        let tcp = try DNSMessage(decoding: #require(dns.response(to: query.encoded(), overUDP: false)))
        #expect(!tcp.truncated && tcp.answers.count == 60)
    }
}
