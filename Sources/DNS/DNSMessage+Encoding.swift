extension DNSMessage {
    /// The wire form, with every name compressed against the names written before it.
    public func encoded() -> [UInt8] {
        var writer = DNSWriter()
        writer.write(id)
        writer.write(flags)
        for count in [questions.count, answers.count, authorities.count, additionals.count] {
            writer.write(UInt16(clamping: count))
        }
        for question in questions {
            writer.write(question.name)
            writer.write(question.type.rawValue)
            writer.write(question.recordClass)
        }
        for record in answers + authorities + additionals { writer.write(record) }
        return writer.bytes
    }
}

/// Builds a packet, remembering where each name suffix was written so later names can point to it.
struct DNSWriter {
    var bytes: [UInt8] = []
    private var suffixOffsets: [String: Int] = [:]

    init() {
        bytes.reserveCapacity(512)
    }

    mutating func write(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func write(_ value: UInt32) {
        write(UInt16(value >> 16))
        write(UInt16(value & 0xFFFF))
    }

    /// Writes `name`, replacing its longest already-written suffix by a pointer (offsets must fit in 14 bits).
    /// SRV targets are written with `compress: false` (RFC 2782), though their suffixes still serve later names.
    mutating func write(_ name: DNSName, compress: Bool = true) {
        let labels = name.labels
        for index in labels.indices {
            let suffix = DNSName(labels: Array(labels[index...])).key
            if compress, let target = suffixOffsets[suffix] {
                write(UInt16(0xC000 | target))
                return
            }
            if bytes.count < 0x4000 { suffixOffsets[suffix] = bytes.count }
            let label = labels[index].prefix(DNSName.maxLabelLength)
            bytes.append(UInt8(label.count))
            bytes.append(contentsOf: label)
        }
        bytes.append(0)
    }

    mutating func write(_ record: DNSRecord) {
        write(record.name)
        write(record.type.rawValue)
        write(record.recordClass)
        write(record.ttl)
        let lengthAt = bytes.count
        write(UInt16(0))
        switch record.data {
        case .a(let address):
            bytes.append(contentsOf: address.bytes)
        case .srv(let priority, let weight, let port, let target):
            write(priority)
            write(weight)
            write(port)
            write(target, compress: false)
        case .ptr(let target):
            write(target)
        case .other(_, let data):
            bytes.append(contentsOf: data)
        }
        let length = UInt16(clamping: bytes.count - lengthAt - 2)
        bytes[lengthAt] = UInt8(length >> 8)
        bytes[lengthAt + 1] = UInt8(length & 0xFF)
    }
}
