import APIMachinery

/// Reads a Kubernetes resource quantity (`100m`, `1.5Gi`, `2`, `1e3`) as a number, for comparisons only.
enum Quantity {
    static let suffixes: [(String, Double)] = [
        ("Ki", 0x1p10), ("Mi", 0x1p20), ("Gi", 0x1p30), ("Ti", 0x1p40), ("Pi", 0x1p50), ("Ei", 0x1p60),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    /// The value of a quantity sent as a number or a string; nil when it cannot be read.
    static func value(_ json: JSON) -> Double? {
        switch json {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return value(of: s)
        default: return nil
        }
    }

    static func value(of text: String) -> Double? {
        for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count)) { return number * factor }
        }
        return Double(text)
    }
}
