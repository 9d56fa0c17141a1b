import Testing
@testable import KubeProtobuf

@Test func readsVarintsOfEveryLength() throws {
    for value: UInt64 in [0, 1, 127, 128, 300, 1 << 35, UInt64.max] {
        var writer = ProtoWriter()
        writer.varint(value)
        var reader = WireReader(writer.bytes)
        #expect(try reader.readVarint() == value)
        #expect(reader.isAtEnd)
    }
}

@Test func rejectsVarintsThatNeverEndOrOverflow() {
    var truncated = WireReader([0x80, 0x80])
    #expect(throws: ProtobufError.truncated(offset: 2)) { try truncated.readVarint() }
    var tooLong = WireReader([UInt8](repeating: 0xFF, count: 11) + [0x01])
    #expect(throws: ProtobufError.malformedVarint(offset: 0)) { try tooLong.readVarint() }
    // Ten bytes whose last carries bits beyond 64.
    var overflow = WireReader([UInt8](repeating: 0xFF, count: 9) + [0x02])
    #expect(throws: ProtobufError.malformedVarint(offset: 0)) { try overflow.readVarint() }
}

@Test func rejectsGroupsAndFieldZero() {
    var group = WireReader([0x0B])  // field 1, wire type 3
    #expect(throws: ProtobufError.invalidTag(offset: 0, tag: 0x0B)) { try group.readTag() }
    var zero = WireReader([0x02])  // field 0, wire type 2
    #expect(throws: ProtobufError.invalidTag(offset: 0, tag: 0x02)) { try zero.readTag() }
}

@Test func rejectsLengthsPastTheEnd() {
    var reader = WireReader([0x05, 0x61, 0x62])
    #expect(throws: ProtobufError.truncated(offset: 0)) { try reader.readLengthDelimited() }
    // A length near 2^64 must not overflow the bounds check.
    var huge = WireReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    #expect(throws: ProtobufError.truncated(offset: 0)) { try huge.readLengthDelimited() }
}

@Test func readsFixedWidthValuesAndSkips() throws {
    var reader = WireReader([0x01, 0, 0, 0, 0, 0, 0, 0x80, 0x02, 0, 0, 0, 0x07])
    #expect(try reader.readFixed64() == 0x8000_0000_0000_0001)
    #expect(try reader.readFixed32() == 2)
    try reader.skip(.varint)
    #expect(reader.isAtEnd)
    var short = WireReader([0x01, 0x02])
    #expect(throws: ProtobufError.truncated(offset: 0)) { try short.readFixed32() }
}
