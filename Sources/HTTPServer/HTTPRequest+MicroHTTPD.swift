import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

extension HTTPRequest {
    /// Decodes a request libmicrohttpd has parsed. `path` is the URL as the access handler receives it:
    /// without the query and already percent-decoded.
    init(connection: OpaquePointer, method: String, path: String, body: [UInt8]) {
        var headers: [String: String] = [:]
        for (name, value) in Self.values(of: connection, kind: .HEADER_KIND) {
            let key = name.lowercased()
            headers[key] = headers[key].map { "\($0), \(value)" } ?? value
        }
        self.init(method: method,
                  path: path,
                  query: Self.values(of: connection, kind: .GET_ARGUMENT_KIND),
                  headers: headers,
                  body: body,
                  remoteAddress: Self.remoteAddress(of: connection))
    }

    /// The connection's values of one kind in arrival order. A query argument without `=` has a NULL value,
    /// which becomes "".
    private static func values(of connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String)] {
        var values: [(name: String, value: String)] = []
        withUnsafeMutablePointer(to: &values) { pointer in
            _ = MHD_get_connection_values(connection, kind, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let values = cls.assumingMemoryBound(to: [(name: String, value: String)].self)
                values.pointee.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
                return .YES
            }, pointer)
        }
        return values
    }

    /// "address:port" of the peer, or "" when libmicrohttpd does not know it.
    private static func remoteAddress(of connection: OpaquePointer) -> String {
        guard let address = cmicrohttpd_client_address(connection) else { return "" }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var ip = ipv4.pointee.sin_addr
                return "\(format(AF_INET, &ip)):\(UInt16(bigEndian: ipv4.pointee.sin_port))"
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                var ip = ipv6.pointee.sin6_addr
                return "[\(format(AF_INET6, &ip))]:\(UInt16(bigEndian: ipv6.pointee.sin6_port))"
            }
        default:
            return ""
        }
    }

    private static func format(_ family: Int32, _ address: UnsafeRawPointer) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { buffer in
            guard let text = inet_ntop(family, address, buffer.baseAddress, socklen_t(buffer.count)) else { return "" }
            return String(cString: text)
        }
    }
}
