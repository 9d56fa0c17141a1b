import APIMachinery
import HTTPServer

/// Ordinal answers in JSON only. A request whose Accept header allows neither JSON nor anything
/// (`*/*`, `application/*`) gets 406, as Kubernetes answers a media type it cannot produce.
enum ContentNegotiation {
    static func checkAcceptable(_ request: HTTPRequest) throws {
        guard let accept = request.header("accept"), !accept.isEmpty else { return }
        let types = accept.split(separator: ",").map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
        let servable = ["application/json", "*/*", "application/*", "text/plain", "text/*"]
        guard !types.contains(where: { servable.contains($0) }) else { return }
        throw StatusError(code: 406, reason: "NotAcceptable",
                          message: "the server was unable to respond with a content type that the client supports: only application/json is supported")
    }
}

import Foundation
