import APIMachinery
import DNS

/// A raw packet as the DNS server receives it, over UDP and over TCP, answered from a small cluster: the
/// answer must decode, and over UDP fit the requester's size; a decodable query must survive re-encoding.
enum DNSHarness {
    static let cluster: ClusterDNS = {
        func port(_ name: String, _ number: Int) -> JSON { ["name": .string(name), "port": .int(Int64(number)), "protocol": "TCP"] }
        let services: [JSON] = [
            ["metadata": ["name": "web", "namespace": "default"],
             "spec": ["clusterIP": "None", "ports": [port("http", 80), port("https", 443)]]],
            ["metadata": ["name": "api", "namespace": "default"],
             "spec": ["clusterIP": "10.96.0.10", "ports": [port("http", 80)]]],
        ]
        // Enough endpoints that ANY and SRV answers exceed 512 bytes and must be truncated over UDP.
        let endpoints: [JSON] = (0..<40).map { index in
            ["addresses": [.string("10.0.0.\(index + 1)")], "hostname": .string("web-\(index)")]
        }
        let slice: JSON = ["metadata": ["name": "web-abcde", "namespace": "default",
                                        "labels": ["kubernetes.io/service-name": "web"]],
                           "addressType": "IPv4", "endpoints": .array(endpoints), "ports": [port("http", 80), port("https", 443)]]
        return ClusterDNS(services: services, endpointSlices: [slice])
    }()

    static func run(_ packet: [UInt8]) {
        for overUDP in [true, false] {
            guard let reply = cluster.response(to: packet, overUDP: overUDP) else { continue }
            require(reply.count <= Int(UInt16.max), "a reply must fit a TCP length prefix, got \(reply.count) bytes")
            if overUDP {
                require(reply.count <= Int(ClusterDNS.ednsPayloadSize), "a UDP reply of \(reply.count) bytes")
            }
            require((try? DNSMessage(decoding: reply)) != nil, "the reply does not decode")
        }
        guard let message = try? DNSMessage(decoding: packet) else { return }
        let again = try? DNSMessage(decoding: message.encoded())
        require(again == message, "a decoded message changes when re-encoded")
    }
}
