/// A domain name as a list of labels (raw bytes, case preserved), compared without regard to ASCII case.
///
/// Wire limits (RFC 1035 §2.3.4): a label is 1–63 bytes, a whole name at most 255 bytes encoded
/// (length bytes and the final zero included).
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    public static let maxLabelLength = 63
    public static let maxEncodedLength = 255

    public private(set) var labels: [[UInt8]]

    public static let root = DNSName(labels: [])

    public init(labels: [[UInt8]]) {
        self.labels = labels
    }

    /// `"web-0.nginx.default.svc.cluster.local"` (a trailing dot is allowed; empty labels are dropped).
    public init(_ text: String) {
        labels = text.split(separator: ".", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    /// The encoded length: one length byte per label, the labels, and the final zero.
    public var encodedLength: Int { labels.reduce(1) { $0 + 1 + $1.count } }

    /// Lower-cased dotted form without the trailing dot: the key names are looked up by.
    public var key: String {
        labels.map { String(decoding: $0.map(Self.lowercased), as: UTF8.self) }.joined(separator: ".")
    }

    public var description: String {
        labels.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".") + "."
    }

    /// True when `self` equals `zone` or lies below it.
    public func isWithin(_ zone: DNSName) -> Bool {
        guard labels.count >= zone.labels.count else { return false }
        return DNSName(labels: Array(labels.suffix(zone.labels.count))) == zone
    }

    public static func == (lhs: DNSName, rhs: DNSName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    static func lowercased(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
