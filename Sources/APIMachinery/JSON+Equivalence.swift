extension JSON {
    /// Equality as JSON means it: object keys in any order, numbers by value (`1` equals `1.0`).
    /// `==` instead compares key order too, since `JSON` keeps the order keys arrived in.
    public func isEquivalent(to other: JSON) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map(value.isEquivalent) ?? false }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return Double(a) == b
        default:
            return self == other
        }
    }
}
