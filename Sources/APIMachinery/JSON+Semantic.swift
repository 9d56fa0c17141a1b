extension JSON {
    /// Equality as Kubernetes' semantic deep-equal sees typed objects: key order does not matter, a null, an
    /// empty list and an empty map equal an absent field, and `2.0` equals `2`. Used for immutable-field
    /// checks, generation bumps and no-op updates. (JSON Patch's `test` uses the stricter `isEquivalent`.)
    public func semanticallyEquals(_ other: JSON) -> Bool {
        switch (semanticallyNormalized, other.semanticallyNormalized) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { value.semanticallyEquals($0) } ?? false }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        case (let a, let b):
            return a == b
        }
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
