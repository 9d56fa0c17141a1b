import APIMachinery

extension JSON {
    /// Equality as Kubernetes' semantic deep-equal sees typed objects: key order does not matter, a null, an
    /// empty list and an empty map equal an absent field, and `2.0` equals `2`. Used for immutable-field
    /// checks, generation bumps and no-op updates. (JSON Patch's `test` uses the stricter `isEquivalent`.)
    public func semanticallyEquals(_ other: JSON) -> Bool {
        semanticallyNormalized == other.semanticallyNormalized
    }

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
