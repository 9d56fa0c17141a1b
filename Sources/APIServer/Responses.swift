import APIMachinery
import HTTPServer

/// JSON responses and Status errors as they go on the wire.
enum Responses {
    static func json(_ status: Int, _ body: JSON, warnings: [String] = []) -> HTTPResponse {
        json(status, body.encoded(), warnings: warnings)
    }

    static func json(_ status: Int, _ bytes: [UInt8], warnings: [String] = []) -> HTTPResponse {
        HTTPResponse.json(status, bytes, headers: warnings.map { ("Warning", "299 - \"\(escape($0))\"") })
    }

    static func error(_ error: StatusError) -> HTTPResponse {
        var headers: [(name: String, value: String)] = []
        if let retry = error.retryAfterSeconds { headers.append(("Retry-After", String(retry))) }
        return HTTPResponse.json(error.code, error.status.encoded(), headers: headers)
    }

    /// Warning header text is a quoted string: backslashes and quotes are escaped.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

import Foundation
