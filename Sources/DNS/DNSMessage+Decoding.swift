extension DNSMessage {
    /// Decodes a packet. Throws `DNSWireError` for anything malformed: a packet shorter than its header or its
    /// sections, section counts the packet cannot hold, labels over 63 bytes, names over 255 bytes, compression
    /// pointers that do not point strictly backwards (which also rules out loops) or out of the packet,
    /// and record data whose length disagrees with its type.
    public init(decoding bytes: [UInt8]) throws {
        var reader = DNSReader(bytes: bytes)
        id = try reader.readUInt16()
        let flags = try reader.readUInt16()
        let counts = try (0..<4).map { _ in Int(try reader.readUInt16()) }
        // A question needs at least 5 bytes (root name, type, class), a record at least 11.
        guard counts[0] * 5 + (counts[1] + counts[2] + counts[3]) * 11 <= reader.remaining else {
            throw DNSWireError.countExceedsPacket
        }
        apply(flags: flags)
        questions = try (0..<counts[0]).map { _ in
            DNSQuestion(name: try reader.readName(), type: DNSRecordType(rawValue: try reader.readUInt16()),
                        recordClass: try reader.readUInt16())
        }
        answers = try (0..<counts[1]).map { _ in try reader.readRecord() }
        authorities = try (0..<counts[2]).map { _ in try reader.readRecord() }
        additionals = try (0..<counts[3]).map { _ in try reader.readRecord() }
    }

    /// The id and whether the packet is a query, read from a packet too malformed to decode, so a FORMERR can
    /// still be addressed; nil when not even the header is there.
    public static func peekHeader(_ bytes: [UInt8]) -> (id: UInt16, isQuery: Bool)? {
        guard bytes.count >= 12 else { return nil }
        return (UInt16(bytes[0]) << 8 | UInt16(bytes[1]), bytes[2] & 0x80 == 0)
    }
}

/// A bounds-checked cursor over a packet.
struct DNSReader {
    let bytes: [UInt8]
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func readUInt8() throws -> UInt8 {
        guard offset < bytes.count else { throw DNSWireError.truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16() throws -> UInt16 {
        UInt16(try readUInt8()) << 8 | UInt16(try readUInt8())
    }

    mutating func readUInt32() throws -> UInt32 {
        UInt32(try readUInt16()) << 16 | UInt32(try readUInt16())
    }

    mutating func readBytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else { throw DNSWireError.truncated }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads a possibly compressed name. Each pointer must point before the label sequence that contains it,
    /// so following pointers always moves backwards and terminates.
    mutating func readName() throws -> DNSName {
        var labels: [[UInt8]] = []
        var length = 1
        var cursor = offset
        var sequenceStart = offset
        var resumeAt: Int?
        while true {
            guard cursor < bytes.count else { throw DNSWireError.truncated }
            let byte = bytes[cursor]
            switch byte & 0xC0 {
            case 0x00:
                let count = Int(byte)
                if count == 0 {
                    offset = resumeAt ?? cursor + 1
                    return DNSName(labels: labels)
                }
                guard cursor + 1 + count <= bytes.count else { throw DNSWireError.truncated }
                length += 1 + count
                guard length <= DNSName.maxEncodedLength else { throw DNSWireError.nameTooLong }
                labels.append(Array(bytes[cursor + 1...cursor + count]))
                cursor += 1 + count
            case 0xC0:
                guard cursor + 1 < bytes.count else { throw DNSWireError.truncated }
                let target = Int(byte & 0x3F) << 8 | Int(bytes[cursor + 1])
                guard target < sequenceStart else { throw DNSWireError.badPointer }
                if resumeAt == nil { resumeAt = cursor + 2 }
                cursor = target
                sequenceStart = target
            default:
                // 0x40 and 0x80: extended label types (RFC 6891) that nobody uses, or a length over 63.
                throw byte & 0xC0 == 0x40 ? DNSWireError.labelTooLong : DNSWireError.reservedLabelType
            }
        }
    }

    mutating func readRecord() throws -> DNSRecord {
        let name = try readName()
        let type = DNSRecordType(rawValue: try readUInt16())
        let recordClass = try readUInt16()
        let ttl = try readUInt32()
        let length = Int(try readUInt16())
        guard length <= remaining else { throw DNSWireError.truncated }
        let end = offset + length
        let data: DNSRecordData
        switch type {
        case .a:
            guard length == 4 else { throw DNSWireError.badRecordData }
            let b = try readBytes(4)
            data = .a(IPv4(b[0], b[1], b[2], b[3]))
        case .srv:
            data = .srv(priority: try readUInt16(), weight: try readUInt16(), port: try readUInt16(), target: try readName())
        case .ptr:
            data = .ptr(try readName())
        default:
            data = .other(type, try readBytes(length))
        }
        guard offset == end else { throw DNSWireError.badRecordData }
        return DNSRecord(name: name, recordClass: recordClass, ttl: ttl, data: data)
    }
}
