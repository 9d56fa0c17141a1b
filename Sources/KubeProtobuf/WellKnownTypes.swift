import APIMachinery
import Foundation

/// The apimachinery types whose JSON form differs from their protobuf message.
enum WellKnownTypes {
    /// `metav1.Time` / `metav1.MicroTime` (seconds = 1, nanos = 2). An empty message is Go's zero time,
    /// which JSON writes as null: nil here, so the field is left out.
    static func time(_ bytes: [UInt8], range: Range<Int>, micro: Bool) throws -> JSON? {
        var reader = WireReader(bytes, range: range)
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        var present = false
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard wireType == .varint, number == 1 || number == 2 else {
                throw number == 1 || number == 2
                    ? ProtobufError.wrongWireType(message: "k8s.io.apimachinery.pkg.apis.meta.v1.Time", field: number, wireType: wireType.rawValue)
                    : ProtobufError.unknownField(message: "k8s.io.apimachinery.pkg.apis.meta.v1.Time", field: number)
            }
            let raw = try reader.readVarint()
            if number == 1 { seconds = Int64(bitPattern: raw) } else { nanos = Int64(Int32(truncatingIfNeeded: raw)) }
            present = true
        }
        guard present else { return nil }
        // Years 0001 ... 9999, as the protobuf Timestamp allows.
        guard seconds >= -62_135_596_800, seconds <= 253_402_300_799, nanos >= 0, nanos < 1_000_000_000 else {
            throw ProtobufError.malformedVarint(offset: range.lowerBound)
        }
        let date = Date(timeIntervalSince1970: Double(seconds))
        let whole = Timestamp.format(date)
        guard micro else { return .string(whole) }
        let fraction = String(format: ".%06d", Int(nanos / 1000))
        return .string(String(whole.dropLast()) + fraction + "Z")
    }

    /// `intstr.IntOrString` (type = 1, intVal = 2, strVal = 3): a JSON number or string.
    static func intOrString(_ bytes: [UInt8], range: Range<Int>, context: MessageDecoder.Context) throws -> JSON {
        let message = "k8s.io.apimachinery.pkg.util.intstr.IntOrString"
        var reader = WireReader(bytes, range: range)
        var type: UInt64 = 0
        var int: Int64 = 0
        var string = ""
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            switch (number, wireType) {
            case (1, .varint): type = try reader.readVarint()
            case (2, .varint): int = Int64(Int32(truncatingIfNeeded: try reader.readVarint()))
            case (3, .lengthDelimited):
                let slice = try reader.readLengthDelimited()
                guard let text = String(validating: bytes[slice], as: UTF8.self) else {
                    throw ProtobufError.invalidUTF8(message: message, field: 3)
                }
                string = text
            case (1...3, _): throw ProtobufError.wrongWireType(message: message, field: number, wireType: wireType.rawValue)
            default: throw ProtobufError.unknownField(message: message, field: number)
            }
        }
        return type == 1 ? .string(string) : .int(int)
    }

    /// `resource.Quantity` (string = 1): its text; an empty message is the zero quantity "0".
    static func quantity(_ bytes: [UInt8], range: Range<Int>, context: MessageDecoder.Context) throws -> JSON {
        let message = "k8s.io.apimachinery.pkg.api.resource.Quantity"
        var reader = WireReader(bytes, range: range)
        var text = "0"
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard number == 1 else { throw ProtobufError.unknownField(message: message, field: number) }
            guard wireType == .lengthDelimited else {
                throw ProtobufError.wrongWireType(message: message, field: number, wireType: wireType.rawValue)
            }
            let slice = try reader.readLengthDelimited()
            guard let string = String(validating: bytes[slice], as: UTF8.self) else {
                throw ProtobufError.invalidUTF8(message: message, field: 1)
            }
            text = string
        }
        return .string(text)
    }

    /// `runtime.RawExtension` / `metav1.FieldsV1` (raw = 1): JSON bytes, parsed. Empty → nil.
    static func rawJSON(_ bytes: [UInt8], range: Range<Int>, context: MessageDecoder.Context) throws -> JSON? {
        var reader = WireReader(bytes, range: range)
        var value: JSON?
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard number == 1 else { throw ProtobufError.unknownField(message: context.message + " raw", field: number) }
            guard wireType == .lengthDelimited else { throw context.wrongWireType(wireType) }
            let slice = try reader.readLengthDelimited()
            if slice.isEmpty { continue }
            do {
                value = try JSON.parse(Array(bytes[slice]))
            } catch {
                throw ProtobufError.invalidEmbeddedJSON(message: context.message, field: context.field)
            }
        }
        return value
    }
}
