extension JSON {
    /// Equality as Kubernetes compares objects: object key order does not matter, a key holding `null` is the
    /// same as a missing key, and `3` equals `3.0`. Array order does matter.
    public func semanticallyEquals(_ other: JSON) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            let keys = Set(a.keys.filter { !a[$0]!.isNull }).union(b.keys.filter { !b[$0]!.isNull })
            return keys.allSatisfy { (a[$0] ?? .null).semanticallyEquals(b[$0] ?? .null) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        case (.int, .double), (.double, .int):
            return intValue != nil && intValue == other.intValue
        default:
            return self == other
        }
    }
}
