/// Builds protobuf wire bytes for tests: the inverse of `WireReader`, just enough to write cases by hand.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func tag(_ field: Int, _ wireType: Int) { varint(UInt64(field << 3 | wireType)) }

    mutating func int(_ field: Int, _ value: Int64) {
        tag(field, 0)
        varint(UInt64(bitPattern: value))
    }

    mutating func bytes(_ field: Int, _ payload: [UInt8]) {
        tag(field, 2)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    mutating func string(_ field: Int, _ text: String) { bytes(field, Array(text.utf8)) }

    mutating func message(_ field: Int, _ build: (inout ProtoWriter) -> Void) {
        var inner = ProtoWriter()
        build(&inner)
        bytes(field, inner.bytes)
    }

    mutating func mapEntry(_ field: Int, _ key: String, _ value: String) {
        message(field) { entry in
            entry.string(1, key)
            entry.string(2, value)
        }
    }

    /// A whole request body: `k8s\0` + runtime.Unknown{typeMeta, raw}.
    static func envelope(apiVersion: String, kind: String, contentEncoding: String? = nil, _ build: (inout ProtoWriter) -> Void) -> [UInt8] {
        var raw = ProtoWriter()
        build(&raw)
        var unknown = ProtoWriter()
        unknown.message(1) { typeMeta in
            typeMeta.string(1, apiVersion)
            typeMeta.string(2, kind)
        }
        unknown.bytes(2, raw.bytes)
        if let contentEncoding { unknown.string(3, contentEncoding) }
        return [0x6B, 0x38, 0x73, 0x00] + unknown.bytes
    }
}
