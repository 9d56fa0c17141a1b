/// A DNS message (RFC 1035 §4): header, question and the three record sections.
///
/// Decoding (`DNSMessage(decoding:)`) never traps on hostile input: every malformed packet throws a `DNSWireError`.
/// Encoding compresses names (RFC 1035 §4.1.4).
public struct DNSMessage: Sendable, Equatable {
    public var id: UInt16
    public var isResponse = false
    public var opcode: UInt8 = 0
    public var authoritative = false
    public var truncated = false
    public var recursionDesired = false
    public var recursionAvailable = false
    public var responseCode: DNSResponseCode = .noError
    public var questions: [DNSQuestion] = []
    public var answers: [DNSRecord] = []
    public var authorities: [DNSRecord] = []
    public var additionals: [DNSRecord] = []

    public init(id: UInt16, isResponse: Bool = false, opcode: UInt8 = 0, recursionDesired: Bool = false,
                responseCode: DNSResponseCode = .noError, questions: [DNSQuestion] = [], answers: [DNSRecord] = [],
                additionals: [DNSRecord] = []) {
        self.id = id
        self.isResponse = isResponse
        self.opcode = opcode
        self.recursionDesired = recursionDesired
        self.responseCode = responseCode
        self.questions = questions
        self.answers = answers
        self.additionals = additionals
    }

    /// The header's second 16 bits: QR, opcode, AA, TC, RD, RA, Z (zero) and RCODE.
    var flags: UInt16 {
        var flags = UInt16(responseCode.rawValue & 0x0F) | (UInt16(opcode & 0x0F) << 11)
        if isResponse { flags |= 0x8000 }
        if authoritative { flags |= 0x0400 }
        if truncated { flags |= 0x0200 }
        if recursionDesired { flags |= 0x0100 }
        if recursionAvailable { flags |= 0x0080 }
        return flags
    }

    mutating func apply(flags: UInt16) {
        isResponse = flags & 0x8000 != 0
        opcode = UInt8((flags >> 11) & 0x0F)
        authoritative = flags & 0x0400 != 0
        truncated = flags & 0x0200 != 0
        recursionDesired = flags & 0x0100 != 0
        recursionAvailable = flags & 0x0080 != 0
        responseCode = DNSResponseCode(rawValue: UInt8(flags & 0x0F)) ?? .serverFailure
    }
}

public enum DNSResponseCode: UInt8, Sendable {
    case noError = 0, formatError = 1, serverFailure = 2, nameError = 3, notImplemented = 4, refused = 5
}

public struct DNSQuestion: Sendable, Equatable {
    public var name: DNSName
    public var type: DNSRecordType
    public var recordClass: UInt16

    public init(name: DNSName, type: DNSRecordType, recordClass: UInt16 = DNSRecord.classIN) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
    }
}

/// A record type code; the named ones are those Ordinal answers or must recognise.
public struct DNSRecordType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let a = DNSRecordType(rawValue: 1)
    public static let ptr = DNSRecordType(rawValue: 12)
    public static let aaaa = DNSRecordType(rawValue: 28)
    public static let srv = DNSRecordType(rawValue: 33)
    public static let opt = DNSRecordType(rawValue: 41)
    public static let any = DNSRecordType(rawValue: 255)

    public var description: String {
        switch self {
        case .a: "A"
        case .ptr: "PTR"
        case .aaaa: "AAAA"
        case .srv: "SRV"
        case .opt: "OPT"
        case .any: "ANY"
        default: "TYPE\(rawValue)"
        }
    }
}

public struct DNSRecord: Sendable, Hashable {
    public static let classIN: UInt16 = 1

    public var name: DNSName
    /// For OPT pseudo-records (EDNS), this is the requester's UDP payload size.
    public var recordClass: UInt16
    public var ttl: UInt32
    public var data: DNSRecordData

    public init(name: DNSName, recordClass: UInt16 = DNSRecord.classIN, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }

    public var type: DNSRecordType { data.type }
}

public enum DNSRecordData: Sendable, Hashable {
    /// An IPv4 address, four bytes.
    case a(IPv4)
    case srv(priority: UInt16, weight: UInt16, port: UInt16, target: DNSName)
    case ptr(DNSName)
    /// Any other type, kept as its uninterpreted RDATA.
    case other(DNSRecordType, [UInt8])

    public var type: DNSRecordType {
        switch self {
        case .a: .a
        case .srv: .srv
        case .ptr: .ptr
        case .other(let type, _): type
        }
    }
}

/// An IPv4 address.
public struct IPv4: Sendable, Hashable, CustomStringConvertible {
    public var octets: (UInt8, UInt8, UInt8, UInt8)

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) { octets = (a, b, c, d) }

    /// Parses dotted-quad text; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) }) else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        guard bytes.count == 4 else { return nil }
        octets = (bytes[0], bytes[1], bytes[2], bytes[3])
    }

    public var bytes: [UInt8] { [octets.0, octets.1, octets.2, octets.3] }
    public var description: String { bytes.map(String.init).joined(separator: ".") }

    /// `d.c.b.a.in-addr.arpa`, the owner of the address's PTR record.
    public var reverseName: DNSName { DNSName(bytes.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa") }

    public static func == (lhs: IPv4, rhs: IPv4) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}

/// Why a packet could not be decoded; the server answers FORMERR (or drops the packet).
public enum DNSWireError: Error, Equatable, Sendable {
    case truncated
    case labelTooLong
    case nameTooLong
    case badPointer
    case reservedLabelType
    case countExceedsPacket
    case badRecordData
}
