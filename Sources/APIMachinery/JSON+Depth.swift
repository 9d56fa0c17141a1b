extension JSON {
    /// How deeply arrays and objects nest: 0 for a scalar, 1 for `[]` or `{"a": 1}`. Computed with an explicit
    /// stack, so it is safe on values of any depth.
    public var nestingDepth: Int {
        var deepest = 0
        var pending: [(value: JSON, depth: Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            switch value {
            case .array(let elements):
                deepest = max(deepest, depth + 1)
                pending.append(contentsOf: elements.map { ($0, depth + 1) })
            case .object(let object):
                deepest = max(deepest, depth + 1)
                pending.append(contentsOf: object.values.map { ($0, depth + 1) })
            default:
                break
            }
        }
        return deepest
    }
}
