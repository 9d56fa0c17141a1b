import APIMachinery
import Foundation

/// Turns one protobuf message into the JSON object Go's encoding/json would write for the same Go value,
/// driven by a `MessageSchema`.
///
/// Contract:
/// - A field number the schema does not declare is an error (`unknownField`), never silently dropped:
///   a request must not lose data on its way into the store.
/// - Non-pointer scalars that are zero are omitted (Go writes them on the wire but `omitempty` drops them
///   from JSON); fields marked `keepsZero` keep them.
/// - For a repeated field every occurrence appends; for a single field the last occurrence wins, as in protobuf.
/// - Nesting deeper than `maximumDepth` is an error, so hostile input cannot recurse without bound.
public struct MessageDecoder: Sendable {
    public static let maximumDepth = 64

    public let registry: [String: MessageSchema]

    public init(registry: [String: MessageSchema] = SchemaRegistry.messages) {
        self.registry = registry
    }

    /// Decodes `range` of `bytes` as the message `schema`.
    public func decode(_ bytes: [UInt8], range: Range<Int>, schema: MessageSchema, depth: Int = 0) throws -> JSONObject {
        var object = JSONObject()
        try decode(bytes, range: range, schema: schema, depth: depth, into: &object)
        return object
    }

    func decode(_ bytes: [UInt8], range: Range<Int>, schema: MessageSchema, depth: Int, into object: inout JSONObject) throws {
        guard depth < Self.maximumDepth else { throw ProtobufError.tooDeep(limit: Self.maximumDepth) }
        var reader = WireReader(bytes, range: range)
        // Repeated and map fields are gathered here and written once at the end, so a field with many
        // elements costs linear time (appending through the object would copy the collection each time).
        var lists: [String: [JSON]] = [:]
        var maps: [String: JSONObject] = [:]
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard let field = schema.fields[number] else {
                throw ProtobufError.unknownField(message: schema.name, field: number)
            }
            let context = Context(message: schema.name, field: number, depth: depth + 1)
            switch field.cardinality {
            case .single:
                if case .inline(let name) = field.type {
                    guard wireType == .lengthDelimited else { throw context.wrongWireType(wireType) }
                    let inner = try reader.readLengthDelimited()
                    try decode(bytes, range: inner, schema: try self.schema(name), depth: depth + 1, into: &object)
                    continue
                }
                let value = try readValue(field.type, wireType: wireType, reader: &reader, context: context)
                if let value, field.keepsZero || !Self.isZero(value, type: field.type) {
                    object[field.name] = value
                } else {
                    object.removeValue(forKey: field.name)
                }
            case .repeated:
                if lists[field.name] == nil { object[field.name] = .null }  // keeps the field's place in the object
                try readRepeated(field, wireType: wireType, reader: &reader, context: context, into: &lists[field.name, default: []])
            case .map(let valueType):
                guard wireType == .lengthDelimited else { throw context.wrongWireType(wireType) }
                let entry = try reader.readLengthDelimited()
                let (key, value) = try readMapEntry(bytes, range: entry, valueType: valueType, context: context)
                if maps[field.name] == nil { object[field.name] = .null }
                maps[field.name, default: [:]][key] = value
            }
        }
        for (name, items) in lists { object[name] = .array(items) }
        for (name, map) in maps { object[name] = .object(map) }
    }

    /// One occurrence of a repeated field: a single element, or a packed run of scalars.
    func readRepeated(_ field: Field, wireType: WireReader.WireType, reader: inout WireReader, context: Context,
                      into items: inout [JSON]) throws {
        guard wireType == .lengthDelimited, let scalar = Self.packable(field.type) else {
            items.append(try readValue(field.type, wireType: wireType, reader: &reader, context: context) ?? .null)
            return
        }
        let run = try reader.readLengthDelimited()
        var packed = WireReader(reader.buffer, range: run)
        while !packed.isAtEnd {
            items.append(try readValue(field.type, wireType: scalar, reader: &packed, context: context) ?? .null)
        }
    }

    struct Context {
        let message: String
        let field: Int
        let depth: Int

        func wrongWireType(_ wireType: WireReader.WireType) -> ProtobufError {
            .wrongWireType(message: message, field: field, wireType: wireType.rawValue)
        }
    }

    func schema(_ name: String) throws -> MessageSchema {
        guard let schema = registry[name] else {
            // A table refers to a schema that is missing: a programming error, reported rather than trapped.
            throw ProtobufError.unknownKind(apiVersion: "", kind: name)
        }
        return schema
    }

    /// One value of `type`; nil when the value is absent in JSON terms (a zero `Time`).
    func readValue(_ type: FieldType, wireType: WireReader.WireType, reader: inout WireReader, context: Context) throws -> JSON? {
        switch type {
        case .bool, .int32, .int64:
            guard wireType == .varint else { throw context.wrongWireType(wireType) }
            let raw = try reader.readVarint()
            switch type {
            case .bool: return .bool(raw != 0)
            case .int32: return .int(Int64(Int32(truncatingIfNeeded: raw)))
            default: return .int(Int64(bitPattern: raw))
            }
        default:
            guard wireType == .lengthDelimited else { throw context.wrongWireType(wireType) }
            let range = try reader.readLengthDelimited()
            return try readDelimited(type, bytes: reader.buffer, range: range, context: context)
        }
    }

    func readDelimited(_ type: FieldType, bytes: [UInt8], range: Range<Int>, context: Context) throws -> JSON? {
        switch type {
        case .string:
            guard let string = String(validating: bytes[range], as: UTF8.self) else {
                throw ProtobufError.invalidUTF8(message: context.message, field: context.field)
            }
            return .string(string)
        case .bytes:
            return .string(Data(bytes[range]).base64EncodedString())
        case .message(let name):
            return .object(try decode(bytes, range: range, schema: try schema(name), depth: context.depth))
        case .inline(let name):
            return .object(try decode(bytes, range: range, schema: try schema(name), depth: context.depth))
        case .time, .microTime:
            return try WellKnownTypes.time(bytes, range: range, micro: type == .microTime)
        case .intOrString:
            return try WellKnownTypes.intOrString(bytes, range: range, context: context)
        case .quantity:
            return try WellKnownTypes.quantity(bytes, range: range, context: context)
        case .rawJSON:
            return try WellKnownTypes.rawJSON(bytes, range: range, context: context)
        case .bool, .int32, .int64:
            throw context.wrongWireType(.lengthDelimited)
        }
    }

    /// A map entry: key (field 1, a string) and value (field 2); either may be missing and then is empty.
    func readMapEntry(_ bytes: [UInt8], range: Range<Int>, valueType: FieldType, context: Context) throws -> (String, JSON) {
        var reader = WireReader(bytes, range: range)
        var key = ""
        var value: JSON?
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            switch number {
            case 1:
                guard case .string(let string)? = try readValue(.string, wireType: wireType, reader: &reader, context: context) else {
                    throw context.wrongWireType(wireType)
                }
                key = string
            case 2:
                value = try readValue(valueType, wireType: wireType, reader: &reader, context: context)
            default:
                throw ProtobufError.unknownField(message: context.message + " map entry", field: number)
            }
        }
        return (key, value ?? Self.emptyValue(valueType))
    }

    static func emptyValue(_ type: FieldType) -> JSON {
        switch type {
        case .string, .bytes, .quantity: return .string(type == .quantity ? "0" : "")
        case .bool: return .bool(false)
        case .int32, .int64: return .int(0)
        case .message, .inline: return .object([:])
        case .time, .microTime, .intOrString, .rawJSON: return .null
        }
    }

    static func isZero(_ value: JSON, type: FieldType) -> Bool {
        switch (type, value) {
        case (.string, .string(let s)), (.bytes, .string(let s)): return s.isEmpty
        case (.bool, .bool(let b)): return !b
        case (.int32, .int(let i)), (.int64, .int(let i)), (.intOrString, .int(let i)): return i == 0
        default: return false
        }
    }

    /// The wire type of one element when `type` may be packed.
    static func packable(_ type: FieldType) -> WireReader.WireType? {
        switch type {
        case .bool, .int32, .int64: return .varint
        default: return nil
        }
    }
}
