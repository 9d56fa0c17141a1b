/// A Kubernetes `Status` failure: the error every handler throws and every client decodes.
///
/// `code` is the HTTP status; `reason` the machine-readable cause (`NotFound`, `Conflict`, …).
/// `details.kind` is the resource (plural) except for `Invalid`, where it is the Kind.
public struct StatusError: Error, Sendable, Equatable {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: Details?
    /// Sent as a `Retry-After` header and `details.retryAfterSeconds` (429, 503).
    public var retryAfterSeconds: Int?

    public struct Details: Sendable, Equatable {
        public var name: String?
        public var group: String?
        public var kind: String?
        public var uid: String?
        public var causes: [Cause]

        public init(name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil, causes: [Cause] = []) {
            self.name = name
            self.group = group
            self.kind = kind
            self.uid = uid
            self.causes = causes
        }
    }

    public struct Cause: Sendable, Equatable {
        public var reason: String
        public var message: String
        public var field: String?

        public init(reason: String, message: String, field: String? = nil) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    public init(code: Int, reason: String, message: String, details: Details? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The `Status` object as it goes on the wire.
    public var status: JSON {
        var object: JSONObject = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]),
            "status": "Failure", "message": .string(message), "reason": .string(reason),
        ]
        if let details {
            var d = JSONObject()
            if let name = details.name { d["name"] = .string(name) }
            if let group = details.group { d["group"] = .string(group) }
            if let kind = details.kind { d["kind"] = .string(kind) }
            if let uid = details.uid { d["uid"] = .string(uid) }
            if !details.causes.isEmpty {
                d["causes"] = .array(details.causes.map { cause in
                    var c: JSONObject = ["reason": .string(cause.reason), "message": .string(cause.message)]
                    if let field = cause.field { c["field"] = .string(field) }
                    return .object(c)
                })
            }
            if let retry = retryAfterSeconds { d["retryAfterSeconds"] = .int(Int64(retry)) }
            object["details"] = .object(d)
        }
        object["code"] = .int(Int64(code))
        return .object(object)
    }
}

extension StatusError {
    public static func notFound(_ resource: GroupResource, name: String) -> StatusError {
        StatusError(code: 404, reason: "NotFound", message: "\(resource) \"\(name)\" not found",
                    details: Details(name: name, group: resource.group, kind: resource.resource))
    }

    public static func alreadyExists(_ resource: GroupResource, name: String) -> StatusError {
        StatusError(code: 409, reason: "AlreadyExists", message: "\(resource) \"\(name)\" already exists",
                    details: Details(name: name, group: resource.group, kind: resource.resource))
    }

    public static func conflict(_ resource: GroupResource, name: String, detail: String = "the object has been modified; please apply your changes to the latest version and try again") -> StatusError {
        StatusError(code: 409, reason: "Conflict",
                    message: "Operation cannot be fulfilled on \(resource) \"\(name)\": \(detail)",
                    details: Details(name: name, group: resource.group, kind: resource.resource))
    }

    /// 422 with one cause per field error; `kind` is the Kind (e.g. `StatefulSet`), not the resource.
    public static func invalid(kind: String, group: String, name: String, errors: [FieldError]) -> StatusError {
        let qualifiedKind = group.isEmpty ? kind : "\(kind).\(group)"
        let joined = errors.map(\.description)
        let summary = joined.count == 1 ? joined[0] : "[" + joined.joined(separator: ", ") + "]"
        return StatusError(
            code: 422, reason: "Invalid", message: "\(qualifiedKind) \"\(name)\" is invalid: \(summary)",
            details: Details(name: name, group: group, kind: kind,
                             causes: errors.map { Cause(reason: $0.type.causeReason, message: $0.detailMessage, field: $0.field) }))
    }

    public static func badRequest(_ message: String) -> StatusError {
        StatusError(code: 400, reason: "BadRequest", message: message)
    }

    public static func methodNotAllowed(_ message: String) -> StatusError {
        StatusError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    public static func expired(_ message: String) -> StatusError {
        StatusError(code: 410, reason: "Expired", message: message)
    }

    public static func forbidden(_ resource: GroupResource, name: String, detail: String) -> StatusError {
        let subject = name.isEmpty ? "\(resource)" : "\(resource) \"\(name)\""
        return StatusError(code: 403, reason: "Forbidden", message: "\(subject) is forbidden: \(detail)",
                           details: Details(name: name.isEmpty ? nil : name, group: resource.group, kind: resource.resource))
    }

    public static func internalError(_ detail: String) -> StatusError {
        StatusError(code: 500, reason: "InternalError", message: "Internal error occurred: \(detail)",
                    details: Details(causes: [Cause(reason: "UnexpectedServerResponse", message: detail)]))
    }

    public static let pathNotFound = StatusError(code: 404, reason: "NotFound", message: "the server could not find the requested resource",
                                                 details: Details())
}

/// A resource named with its API group, printed as Kubernetes does: `statefulsets.apps`, or `pods` in the core group.
public struct GroupResource: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var resource: String

    public init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }

    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
