/// Kubernetes' protobuf envelope: the four bytes `k8s\0`, then a `runtime.Unknown` message
/// (typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3, contentType = 4) whose `raw`
/// holds the object's own message.
public struct Envelope: Sendable, Equatable {
    public static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]
    public static let mediaType = "application/vnd.kubernetes.protobuf"

    public var apiVersion = ""
    public var kind = ""
    /// Where `raw` lies in the body.
    public var raw: Range<Int> = 0..<0
    public var contentEncoding = ""
    public var contentType = ""

    /// Reads the envelope of `body`; the object itself is not decoded.
    public init(_ body: [UInt8]) throws {
        guard body.count >= 4, Array(body[0..<4]) == Self.magic else { throw ProtobufError.missingMagic }
        raw = body.count..<body.count
        var reader = WireReader(body, range: 4..<body.count)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard wireType == .lengthDelimited else {
                throw ProtobufError.wrongWireType(message: "k8s.io.apimachinery.pkg.runtime.Unknown", field: number, wireType: wireType.rawValue)
            }
            let range = try reader.readLengthDelimited()
            switch number {
            case 1: try readTypeMeta(body, range: range)
            case 2: raw = range
            case 3: contentEncoding = try Self.string(body, range, field: 3)
            case 4: contentType = try Self.string(body, range, field: 4)
            default: throw ProtobufError.unknownField(message: "k8s.io.apimachinery.pkg.runtime.Unknown", field: number)
            }
        }
    }

    private mutating func readTypeMeta(_ body: [UInt8], range: Range<Int>) throws {
        var reader = WireReader(body, range: range)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard wireType == .lengthDelimited else {
                throw ProtobufError.wrongWireType(message: "k8s.io.apimachinery.pkg.runtime.TypeMeta", field: number, wireType: wireType.rawValue)
            }
            let value = try reader.readLengthDelimited()
            switch number {
            case 1: apiVersion = try Self.string(body, value, field: 1)
            case 2: kind = try Self.string(body, value, field: 2)
            default: throw ProtobufError.unknownField(message: "k8s.io.apimachinery.pkg.runtime.TypeMeta", field: number)
            }
        }
    }

    private static func string(_ body: [UInt8], _ range: Range<Int>, field: Int) throws -> String {
        guard let string = String(validating: body[range], as: UTF8.self) else {
            throw ProtobufError.invalidUTF8(message: "k8s.io.apimachinery.pkg.runtime.Unknown", field: field)
        }
        return string
    }
}
