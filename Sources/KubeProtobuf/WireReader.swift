/// Reads protobuf's wire format from a byte buffer: varints, fixed-width values and length-delimited
/// slices. Every read checks bounds and throws `ProtobufError` instead of trapping, so hostile input
/// can only produce an error.
public struct WireReader {
    public enum WireType: Int, Sendable {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    private let bytes: [UInt8]
    public private(set) var offset: Int
    private let end: Int

    public init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    /// A reader over `range` of `bytes` (the range must lie inside the buffer).
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    public var isAtEnd: Bool { offset >= end }

    /// A varint of at most ten bytes (the longest a 64-bit value takes).
    public mutating func readVarint() throws -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw ProtobufError.truncated(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw ProtobufError.malformedVarint(offset: start) }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ProtobufError.malformedVarint(offset: start) }
        }
    }

    /// A field key: its number (1 ... 2^29-1) and wire type. Groups (wire types 3 and 4) are rejected.
    public mutating func readTag() throws -> (field: Int, wireType: WireType) {
        let start = offset
        let tag = try readVarint()
        let number = tag >> 3
        guard number > 0, number < (1 << 29), let type = WireType(rawValue: Int(tag & 7)) else {
            throw ProtobufError.invalidTag(offset: start, tag: tag)
        }
        return (Int(number), type)
    }

    /// The range of a length-delimited field's payload; the reader moves past it.
    public mutating func readLengthDelimited() throws -> Range<Int> {
        let start = offset
        let length = try readVarint()
        guard length <= UInt64(end - offset) else { throw ProtobufError.truncated(offset: start) }
        let range = offset..<(offset + Int(length))
        offset = range.upperBound
        return range
    }

    public mutating func readFixed64() throws -> UInt64 {
        guard end - offset >= 8 else { throw ProtobufError.truncated(offset: offset) }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    public mutating func readFixed32() throws -> UInt32 {
        guard end - offset >= 4 else { throw ProtobufError.truncated(offset: offset) }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    /// Skips one value of `wireType` (used for the envelope's fields this decoder ignores).
    public mutating func skip(_ wireType: WireType) throws {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readLengthDelimited()
        }
    }

    public func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
    public var buffer: [UInt8] { bytes }
}
