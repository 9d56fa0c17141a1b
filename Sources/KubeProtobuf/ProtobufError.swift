/// Why a protobuf request body could not be turned into an object.
///
/// `unknownKind` means the bytes were well formed but name a kind (or an encoding) this decoder has no
/// schema for: the server answers 415. Every other case means the bytes themselves are wrong or use a
/// field this server does not know: the server answers 400.
public enum ProtobufError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body does not start with the `k8s\0` magic of Kubernetes' protobuf envelope.
    case missingMagic
    /// The bytes end inside a varint, a fixed-width value or a length-delimited field.
    case truncated(offset: Int)
    /// A varint longer than ten bytes, or one that does not fit the field's type.
    case malformedVarint(offset: Int)
    /// A wire type that is not one of 0, 1, 2 or 5, or a field number of zero.
    case invalidTag(offset: Int, tag: UInt64)
    /// A known field arrived with a wire type its declared type cannot have.
    case wrongWireType(message: String, field: Int, wireType: Int)
    /// A field number the schema of `message` does not declare.
    case unknownField(message: String, field: Int)
    /// A string field whose bytes are not UTF-8.
    case invalidUTF8(message: String, field: Int)
    /// An embedded JSON payload (RawExtension, FieldsV1) that does not parse.
    case invalidEmbeddedJSON(message: String, field: Int)
    /// Messages nested deeper than `MessageDecoder.maximumDepth`.
    case tooDeep(limit: Int)
    /// The envelope names an apiVersion/kind with no schema here, or an encoding other than raw protobuf.
    case unknownKind(apiVersion: String, kind: String)
    case unsupportedEncoding(contentEncoding: String, contentType: String)

    public var description: String {
        switch self {
        case .missingMagic: return "missing the k8s protobuf envelope prefix"
        case .truncated(let offset): return "unexpected end of data at byte \(offset)"
        case .malformedVarint(let offset): return "malformed varint at byte \(offset)"
        case .invalidTag(let offset, let tag): return "invalid field tag \(tag) at byte \(offset)"
        case .wrongWireType(let message, let field, let wireType):
            return "field \(field) of \(message) has wrong wire type \(wireType)"
        case .unknownField(let message, let field): return "field \(field) of \(message) is not supported by this server"
        case .invalidUTF8(let message, let field): return "field \(field) of \(message) is not valid UTF-8"
        case .invalidEmbeddedJSON(let message, let field): return "field \(field) of \(message) does not hold valid JSON"
        case .tooDeep(let limit): return "messages nested deeper than \(limit) levels"
        case .unknownKind(let apiVersion, let kind):
            return "no protobuf schema for kind \"\(kind)\" in apiVersion \"\(apiVersion)\""
        case .unsupportedEncoding(let encoding, let type):
            return "unsupported protobuf envelope encoding \"\(encoding)\" with content type \"\(type)\""
        }
    }
}
