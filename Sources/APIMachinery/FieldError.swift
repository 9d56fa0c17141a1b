/// One validation failure at a field path, rendered as Kubernetes renders them:
/// `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
public struct FieldError: Sendable, Equatable, CustomStringConvertible {
    public enum ErrorType: Sendable, Equatable {
        case invalid, required, notSupported, forbidden, duplicate, tooLong, notFound, typeInvalid

        var causeReason: String {
            switch self {
            case .invalid: return "FieldValueInvalid"
            case .required: return "FieldValueRequired"
            case .notSupported: return "FieldValueNotSupported"
            case .forbidden: return "FieldValueForbidden"
            case .duplicate: return "FieldValueDuplicate"
            case .tooLong: return "FieldValueTooLong"
            case .notFound: return "FieldValueNotFound"
            case .typeInvalid: return "FieldValueTypeInvalid"
            }
        }

        var label: String {
            switch self {
            case .invalid: return "Invalid value"
            case .required: return "Required value"
            case .notSupported: return "Unsupported value"
            case .forbidden: return "Forbidden"
            case .duplicate: return "Duplicate value"
            case .tooLong: return "Too long"
            case .notFound: return "Not found"
            case .typeInvalid: return "Invalid value"
            }
        }

        /// Whether the rendered message shows the offending value.
        var showsValue: Bool {
            switch self {
            case .invalid, .notSupported, .duplicate, .notFound, .typeInvalid: return true
            case .required, .forbidden, .tooLong: return false
            }
        }
    }

    public var type: ErrorType
    public var field: String
    public var value: JSON?
    public var detail: String

    public init(_ type: ErrorType, _ field: String, value: JSON? = nil, _ detail: String = "") {
        self.type = type
        self.field = field
        self.value = value
        self.detail = detail
    }

    public static func invalid(_ field: String, _ value: JSON, _ detail: String) -> FieldError {
        FieldError(.invalid, field, value: value, detail)
    }

    public static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(.required, field, detail)
    }

    public static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(.forbidden, field, detail)
    }

    public static func notSupported(_ field: String, _ value: JSON, supported: [String]) -> FieldError {
        FieldError(.notSupported, field, value: value,
                   "supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    public static func duplicate(_ field: String, _ value: JSON) -> FieldError {
        FieldError(.duplicate, field, value: value)
    }

    public static func tooLong(_ field: String, maxLength: Int) -> FieldError {
        FieldError(.tooLong, field, "may not be more than \(maxLength) bytes")
    }

    /// The message without the field path, as it appears in a Status cause.
    public var detailMessage: String {
        var message = type.label
        if type.showsValue, let value { message += ": " + FieldError.render(value) }
        if !detail.isEmpty { message += ": " + detail }
        return message
    }

    public var description: String { "\(field): \(detailMessage)" }

    /// Values print as Go prints them in these messages: strings quoted, numbers and booleans bare.
    static func render(_ value: JSON) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        default: return value.encodedString
        }
    }
}

extension Array where Element == FieldError {
    /// Prefixes every path with `prefix` (`spec.template` + `spec.containers[0].name`).
    public func prefixed(_ prefix: String) -> [FieldError] {
        map { error in
            var e = error
            e.field = prefix + (error.field.hasPrefix("[") ? "" : ".") + error.field
            return e
        }
    }
}
