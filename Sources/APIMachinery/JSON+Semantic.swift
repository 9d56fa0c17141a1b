extension JSON {
    /// Equality as Kubernetes' semantic deep-equal sees typed objects: key order does not matter, a null, an
    /// empty list and an empty map equal an absent field, and `2.0` equals `2`. Used for immutable-field
    /// checks, generation bumps and no-op updates. (JSON Patch's `test` uses the stricter `isEquivalent`.)
    ///
    /// Compares in place: every update asks this of whole objects, so it builds no normalized copies.
    public func semanticallyEquals(_ other: JSON) -> Bool {
        let empty = isSemanticallyEmpty, otherEmpty = other.isSemanticallyEmpty
        if empty || otherEmpty { return empty && otherEmpty }
        switch (self, other) {
        case (.object(let a), .object(let b)):
            var compared = 0
            for (key, value) in a where !value.isSemanticallyEmpty {
                guard let theirs = b[key], value.semanticallyEquals(theirs) else { return false }
                compared += 1
            }
            return compared == b.values.reduce(0) { $0 + ($1.isSemanticallyEmpty ? 0 : 1) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        default:
            return semanticScalar == other.semanticScalar
        }
    }

    /// Whether this value is what an absent field is: null, an empty list, or a map of such values only.
    public var isSemanticallyEmpty: Bool {
        switch self {
        case .null: return true
        case .array(let elements): return elements.isEmpty
        case .object(let object): return object.values.allSatisfy(\.isSemanticallyEmpty)
        default: return false
        }
    }

    /// A number as an int when it is integral.
    private var semanticScalar: JSON {
        if case .double = self, let integral = intValue { return .int(integral) }
        return self
    }

    /// This value with empty lists and maps, and nulls inside maps, removed; integral doubles become ints.
    public var semanticallyNormalized: JSON {
        switch self {
        case .double(let d): return intValue.map(JSON.int) ?? .double(d)
        case .array(let elements): return elements.isEmpty ? .null : .array(elements.map(\.semanticallyNormalized))
        case .object(let object):
            var normalized = JSONObject()
            for (key, value) in object {
                let child = value.semanticallyNormalized
                if !child.isNull { normalized[key] = child }
            }
            return normalized.isEmpty ? .null : .object(normalized)
        default: return self
        }
    }
}
