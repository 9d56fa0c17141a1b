import APIMachinery

/// One line of a watch stream: `{"type": …, "object": …}`.
///
/// ADDED, MODIFIED and DELETED carry the object (DELETED its last state, stamped with the deletion's
/// resourceVersion); BOOKMARK carries only a newer `metadata.resourceVersion`; ERROR carries a `Status`
/// (410 Expired when the requested resourceVersion was compacted), after which the server ends the stream.
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
    }

    public var kind: Kind
    public var object: JSON

    public init(kind: Kind, object: JSON) {
        self.kind = kind
        self.object = object
    }

    /// Decodes one event line.
    /// - Throws: `JSONParseError` for malformed JSON; `KubeError` (500) for an unknown or missing `type`.
    init(line: [UInt8]) throws {
        let event = try JSON.parse(line)
        guard let type = event["type"].stringValue, let kind = Kind(rawValue: type) else {
            throw KubeError(code: 500, reason: "InternalError", message: "unexpected watch event: \(event.encodedString)")
        }
        self.init(kind: kind, object: event["object"])
    }

    /// The `KubeError` an ERROR event carries; nil for other kinds.
    public var error: KubeError? {
        kind == .error ? KubeError(status: object, httpStatus: 500) : nil
    }
}
