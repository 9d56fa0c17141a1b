import APIMachinery
import HTTPServer
import KubeProtobuf

/// Decodes request bodies by Content-Type: JSON, YAML or Kubernetes protobuf objects, and the four patch formats.
enum RequestBody {
    enum PatchType: String, CaseIterable {
        case json = "application/json-patch+json"
        case merge = "application/merge-patch+json"
        case strategic = "application/strategic-merge-patch+json"
        case apply = "application/apply-patch+yaml"
    }

    static let objectMediaTypes = ["application/json", "application/yaml", Envelope.mediaType]

    /// The media type without parameters, lower-cased; JSON when absent.
    static func mediaType(_ request: HTTPRequest) -> String {
        var type = (request.header("content-type") ?? "")[...]
        if let parameters = type.firstIndex(of: ";") { type = type[..<parameters] }
        while type.first == " " || type.first == "\t" { type.removeFirst() }
        while type.last == " " || type.last == "\t" { type.removeLast() }
        return type.isEmpty ? "application/json" : type.lowercased()
    }

    /// An object body; duplicate field paths are returned for strict validation.
    static func object(_ request: HTTPRequest) throws -> (JSON, duplicates: [String]) {
        let type = mediaType(request)
        switch type {
        case "application/json", "*/*":
            return try json(request.body)
        case "application/yaml", "application/x-yaml", "text/yaml":
            return (try YAMLDecoding.json(from: request.body), [])
        case Envelope.mediaType:
            return (try protobuf(request.body), [])
        default:
            throw unsupported(type, accepted: objectMediaTypes)
        }
    }

    static func patchType(_ request: HTTPRequest) throws -> PatchType {
        let type = mediaType(request)
        guard let patch = PatchType(rawValue: type) else {
            throw unsupported(type, accepted: PatchType.allCases.map(\.rawValue))
        }
        return patch
    }

    static func json(_ bytes: [UInt8]) throws -> (JSON, duplicates: [String]) {
        var duplicates: [String] = []
        do {
            let value = try JSON.parse(bytes, duplicateKeys: &duplicates)
            return (value, duplicates)
        } catch let error as JSONParseError {
            throw StatusError.badRequest("error decoding request body: \(error)")
        }
    }

    /// A protobuf-enveloped object (what client-go's typed clients send, e.g. kubectl's `create` generators).
    /// A kind with no protobuf schema here is 415, as for an unknown media type; malformed bytes are 400.
    static func protobuf(_ bytes: [UInt8]) throws -> JSON {
        do {
            return try ProtobufObjectDecoder.decode(bytes)
        } catch let error as ProtobufError {
            switch error {
            case .unknownKind, .unsupportedEncoding:
                throw StatusError(code: 415, reason: "UnsupportedMediaType",
                                  message: "the body of the request was in an unknown format - \(error); send it as application/json")
            default:
                throw StatusError.badRequest("error decoding request body: \(error)")
            }
        }
    }

    static func unsupported(_ type: String, accepted: [String]) -> StatusError {
        StatusError(code: 415, reason: "UnsupportedMediaType",
                    message: "the body of the request was in an unknown format - accepted media types include: " + accepted.joined(separator: ", "))
    }
}

import Foundation
