import OrderedCollections

/// A JSON document as Kubernetes objects are exchanged: objects keep the order their keys arrived in,
/// and integers stay integers (Kubernetes has no fractional fields outside `number`-typed extensions).
public enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

public typealias JSONObject = OrderedDictionary<String, JSON>

extension JSON {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    /// An integer, also accepting a double with no fractional part (YAML and some clients send `3.0`).
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }

    /// The value at `key` of an object; `.null` for anything else or a missing key.
    public subscript(key: String) -> JSON {
        get { objectValue?[key] ?? .null }
        set {
            var object = objectValue ?? [:]
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The value at a path of object keys; `.null` where the path leaves the document.
    public subscript(path path: [String]) -> JSON {
        get { path.reduce(self) { $0[$1] } }
        set {
            guard let first = path.first else { self = newValue; return }
            var child = self[first]
            child[path: Array(path.dropFirst())] = newValue
            self[first] = child
        }
    }

    /// Removes `key` from an object; no effect on other values.
    public mutating func removeValue(forKey key: String) {
        guard case .object(var object) = self else { return }
        object.removeValue(forKey: key)
        self = .object(object)
    }

    /// A string-to-string map (labels, annotations, selectors); nil when absent or not such a map.
    public var stringMap: [String: String]? {
        guard let object = objectValue else { return nil }
        var map: [String: String] = [:]
        for (key, value) in object {
            guard let string = value.stringValue else { return nil }
            map[key] = string
        }
        return map
    }

    public init(stringMap: [String: String]) {
        var object = JSONObject()
        for key in stringMap.keys.sorted() { object[key] = .string(stringMap[key]!) }
        self = .object(object)
    }

    /// The JSON type name used in decode error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
}
