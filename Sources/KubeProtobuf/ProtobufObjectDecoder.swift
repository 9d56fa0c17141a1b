import APIMachinery

/// Decodes a request body sent as `application/vnd.kubernetes.protobuf` into the JSON object the same
/// request would have carried as `application/json`.
///
/// ```swift
/// let object = try ProtobufObjectDecoder.decode(body)   // {"apiVersion":"v1","kind":"Namespace",...}
/// ```
///
/// Throws `ProtobufError.unknownKind` / `.unsupportedEncoding` for a well-formed envelope this decoder
/// has no schema for, and other `ProtobufError`s for malformed bytes. It never traps on any input.
public enum ProtobufObjectDecoder {
    public static func decode(_ body: [UInt8], decoder: MessageDecoder = MessageDecoder()) throws -> JSON {
        let envelope = try Envelope(body)
        guard envelope.contentEncoding.isEmpty,
              envelope.contentType.isEmpty || envelope.contentType == Envelope.mediaType else {
            throw ProtobufError.unsupportedEncoding(contentEncoding: envelope.contentEncoding, contentType: envelope.contentType)
        }
        guard let schema = SchemaRegistry.schema(apiVersion: envelope.apiVersion, kind: envelope.kind) else {
            throw ProtobufError.unknownKind(apiVersion: envelope.apiVersion, kind: envelope.kind)
        }
        let fields = try decoder.decode(body, range: envelope.raw, schema: schema)
        var object: JSONObject = ["apiVersion": .string(envelope.apiVersion), "kind": .string(envelope.kind)]
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }
}
