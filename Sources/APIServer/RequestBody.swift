import APIMachinery
import HTTPServer

/// Decodes request bodies by Content-Type: JSON or YAML objects, and the four patch formats.
enum RequestBody {
    enum PatchType: String, CaseIterable {
        case json = "application/json-patch+json"
        case merge = "application/merge-patch+json"
        case strategic = "application/strategic-merge-patch+json"
        case apply = "application/apply-patch+yaml"
    }

    static let objectMediaTypes = ["application/json", "application/yaml"]

    /// The media type without parameters, lower-cased; JSON when absent.
    static func mediaType(_ request: HTTPRequest) -> String {
        let raw = request.header("content-type") ?? ""
        let type = raw.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty ? "application/json" : type
    }

    /// An object body; duplicate field paths are returned for strict validation.
    static func object(_ request: HTTPRequest) throws -> (JSON, duplicates: [String]) {
        let type = mediaType(request)
        switch type {
        case "application/json", "*/*":
            return try json(request.body)
        case "application/yaml", "application/x-yaml", "text/yaml":
            return (try YAMLDecoding.json(from: request.body), [])
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

    static func unsupported(_ type: String, accepted: [String]) -> StatusError {
        StatusError(code: 415, reason: "UnsupportedMediaType",
                    message: "the body of the request was in an unknown format - accepted media types include: " + accepted.joined(separator: ", "))
    }
}

import Foundation
