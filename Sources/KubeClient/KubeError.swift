import APIMachinery

/// A request the API server refused: the `code`, `reason` and `message` of its `Status` body.
///
/// Transport failures (connection refused, reset, timeouts) are not `KubeError`s: they surface as the
/// HTTP client's own errors. A non-2xx response whose body is not a `Status` still becomes a `KubeError`,
/// with the HTTP status as `code`, an empty `reason` and the body's text as `message`.
public struct KubeError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status (the Status' `code`).
    public var code: Int
    /// The machine-readable cause: `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `Expired`, …
    public var reason: String
    public var message: String
    /// The whole `Status` object, when the server sent one.
    public var status: JSON?

    public init(code: Int, reason: String, message: String, status: JSON? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.status = status
    }

    /// Decodes a `Status` object; `httpStatus` stands in for a missing `code`.
    public init(status: JSON, httpStatus: Int) {
        self.init(code: status["code"].intValue.map(Int.init) ?? httpStatus, reason: status["reason"].stringValue ?? "",
                  message: status["message"].stringValue ?? "", status: status)
    }

    /// Decodes an error response: its `Status` body, or its text when it is not one.
    init(httpStatus: Int, body: [UInt8]) {
        if let status = try? JSON.parse(body), status["kind"] == "Status" {
            self.init(status: status, httpStatus: httpStatus)
        } else {
            self.init(code: httpStatus, reason: "", message: String(decoding: body, as: UTF8.self))
        }
    }

    public var isNotFound: Bool { code == 404 }
    /// A write lost a race: its resourceVersion (or uid precondition) no longer matches.
    public var isConflict: Bool { code == 409 && reason == "Conflict" }
    public var isAlreadyExists: Bool { code == 409 && reason == "AlreadyExists" }
    /// The requested resourceVersion or continue token is older than the server's history: list again.
    public var isExpired: Bool { code == 410 || reason == "Expired" || reason == "Gone" }

    public var description: String { "\(code) \(reason): \(message)" }
}
