import APIMachinery

/// Checks on the network values several kinds carry: DNS labels, IANA service names, IP addresses, protocols.
enum NetworkValidation {
    static let protocols = ["SCTP", "TCP", "UDP"]

    /// Errors for `value` at `field` if it is not a DNS-1123 label.
    static func dns1123Label(_ value: String, at field: String) -> [FieldError] {
        NameValidation.isDNS1123Label(value).map { .invalid(field, .string(value), $0) }
    }

    /// Errors for a named port (`targetPort: http`): an IANA service name of at most 15 lowercase
    /// alphanumerics and '-', with at least one letter, no '--', and no '-' at either end.
    static func ianaServiceName(_ value: String, at field: String) -> [FieldError] {
        let bytes = Array(value.utf8)
        var problems: [String] = []
        if bytes.count > 15 { problems.append("must be no more than 15 characters") }
        if !bytes.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) {
            problems.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if value.contains("--") { problems.append("must not contain consecutive hyphens") }
        if !bytes.contains(where: { $0 >= 97 && $0 <= 122 }) { problems.append("must contain at least one letter (a-z)") }
        if value.hasPrefix("-") || value.hasSuffix("-") { problems.append("must not begin or end with a hyphen") }
        return problems.map { .invalid(field, .string(value), $0) }
    }

    /// Errors for a port number outside 1–65535.
    static func portNumber(_ value: JSON, at field: String) -> [FieldError] {
        guard let port = value.intValue, (1...65535).contains(port) else {
            return [.invalid(field, value, "must be between 1 and 65535, inclusive")]
        }
        return []
    }

    /// The four octets of a dotted-quad IPv4 address (`10.0.0.1`; no leading zeros); nil otherwise.
    static func ipv4Octets(_ value: String) -> [Int]? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0", let octet = Int(part), octet <= 255 else { return nil }
            octets.append(octet)
        }
        return octets
    }

    /// Whether `value` is a textual IPv6 address (hex groups, at most one `::`, optional trailing IPv4).
    static func isIPv6(_ value: String) -> Bool {
        guard value.contains(":"), value.utf8.count <= 45 else { return false }
        let halves = value.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (halfIndex, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                let lastOfAddress = halfIndex == halves.count - 1 && i == parts.count - 1
                if lastOfAddress, part.contains("."), ipv4Octets(String(part)) != nil { groups += 2; continue }
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    static func isIP(_ value: String) -> Bool { ipv4Octets(value) != nil || isIPv6(value) }

    /// Errors for an endpoint address: it must be an IP and not one no other host could reach
    /// (unspecified, loopback, link-local).
    static func endpointIP(_ value: String, at field: String) -> [FieldError] {
        let v = JSON.string(value)
        if let octets = ipv4Octets(value) {
            if octets == [0, 0, 0, 0] { return [.invalid(field, v, "may not be unspecified (0.0.0.0)")] }
            if octets[0] == 127 { return [.invalid(field, v, "may not be in the loopback range (127.0.0.0/8, ::1/128)")] }
            if octets[0] == 169 && octets[1] == 254 { return [.invalid(field, v, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")] }
            if octets[0] == 224 && octets[1] == 0 && octets[2] == 0 {
                return [.invalid(field, v, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")]
            }
            return []
        }
        if isIPv6(value) {
            let lower = value.lowercased()
            if lower == "::" { return [.invalid(field, v, "may not be unspecified (::)")] }
            if lower == "::1" { return [.invalid(field, v, "may not be in the loopback range (127.0.0.0/8, ::1/128)")] }
            if lower.hasPrefix("fe8") || lower.hasPrefix("fe9") || lower.hasPrefix("fea") || lower.hasPrefix("feb") {
                return [.invalid(field, v, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
            }
            return []
        }
        return [.invalid(field, v, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    }
}
