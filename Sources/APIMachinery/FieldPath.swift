/// One step of a path into an object, as server-side apply names fields (structured-merge-diff's path
/// elements): a field of an object or map, an element of an associative list by its merge key, or a value
/// of a set-like list of scalars.
public enum PathElement: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `f:<name>` — a field of an object, or a key of a map.
    case field(String)
    /// `k:{"name":"nginx"}` — the element of an associative list whose merge-key fields have these values.
    /// Keys are kept sorted so that equal keys compare equal.
    case key(JSONObject)
    /// `v:"value"` — a member of a list of scalars merged as a set (`finalizers`).
    case value(JSON)

    /// The element of an associative list keyed on `field` with `value`.
    public static func key(_ field: String, _ value: JSON) -> PathElement { .key([field: value]) }

    /// This element as a key of the FieldsV1 format.
    public var fieldsV1Key: String {
        switch self {
        case .field(let name): return "f:" + name
        case .key(let fields): return "k:" + JSON.object(fields).encodedString
        case .value(let value): return "v:" + value.encodedString
        }
    }

    /// Parses a FieldsV1 key; nil for a key of an unknown kind or with a malformed value. Index elements
    /// (`i:`) are not produced by this server and are refused.
    public init?(fieldsV1Key key: String) {
        let body = String(key.dropFirst(2))
        switch key.prefix(2) {
        case "f:": self = .field(body)
        case "k:":
            guard case .object(let fields)? = try? JSON.parse(Array(body.utf8)), !fields.isEmpty else { return nil }
            var sorted = JSONObject()
            for name in fields.keys.sorted() { sorted[name] = fields[name] }
            self = .key(sorted)
        case "v:":
            guard let value = try? JSON.parse(Array(body.utf8)) else { return nil }
            self = .value(value)
        default: return nil
        }
    }

    /// The element as conflict messages print it: `.replicas`, `[name="nginx"]`, `[="finalizer"]`.
    public var description: String {
        switch self {
        case .field(let name): return "." + name
        case .key(let fields):
            return "[" + fields.map { "\($0.key)=\($0.value.encodedString)" }.joined(separator: ",") + "]"
        case .value(let value): return "[=" + value.encodedString + "]"
        }
    }

    private var rank: Int {
        switch self {
        case .field: return 0
        case .key: return 1
        case .value: return 2
        }
    }

    public static func < (lhs: PathElement, rhs: PathElement) -> Bool {
        (lhs.rank, lhs.fieldsV1Key) < (rhs.rank, rhs.fieldsV1Key)
    }
}

/// A path of ``PathElement``s from the object's root; printed as `.spec.template.spec.containers[name="web"].image`.
public typealias FieldPath = [PathElement]

extension Array where Element == PathElement {
    public var pathString: String { map(\.description).joined() }

    public func hasPrefix(_ prefix: FieldPath) -> Bool {
        count >= prefix.count && zip(self, prefix).allSatisfy { $0 == $1 }
    }
}

extension JSON {
    /// The value at `path`, or nil where the path leaves the document.
    public func value(at path: FieldPath) -> JSON? {
        var current = self
        for element in path {
            switch element {
            case .field(let name):
                guard let next = current.objectValue?[name] else { return nil }
                current = next
            case .key(let fields):
                guard let next = current.arrayValue?.first(where: { $0.matches(key: fields) }) else { return nil }
                current = next
            case .value(let value):
                guard current.arrayValue?.contains(where: { $0.isEquivalent(to: value) }) == true else { return nil }
                current = value
            }
        }
        return current
    }

    /// This value without whatever `path` points at (a field, a list element, a set member); unchanged
    /// where the path leaves the document.
    public func removing(_ path: FieldPath) -> JSON {
        guard let first = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch (first, self) {
        case (.field(let name), .object(var object)):
            guard let child = object[name] else { return self }
            if rest.isEmpty { object.removeValue(forKey: name) } else { object[name] = child.removing(rest) }
            return .object(object)
        case (.key(let fields), .array(let list)):
            if rest.isEmpty { return .array(list.filter { !$0.matches(key: fields) }) }
            return .array(list.map { $0.matches(key: fields) ? $0.removing(rest) : $0 })
        case (.value(let value), .array(let list)):
            return .array(list.filter { !$0.isEquivalent(to: value) })
        default:
            return self
        }
    }

    /// Whether this list element carries these merge-key values.
    func matches(key fields: JSONObject) -> Bool {
        guard let object = objectValue else { return false }
        return fields.allSatisfy { name, value in object[name].map { $0.isEquivalent(to: value) } ?? false }
    }
}
