extension JSON {
    /// Indented JSON text with object keys in byte order, ending in a newline: the same value always gives
    /// the same text, so generated documents can be committed and diffed.
    public func prettyPrinted(indent: Int = 2) -> String {
        var out: [UInt8] = []
        writePretty(into: &out, depth: 0, indent: indent)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private func writePretty(into out: inout [UInt8], depth: Int, indent: Int) {
        func newline(_ level: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
        }
        switch self {
        case .array(let array) where !array.isEmpty:
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                element.writePretty(into: &out, depth: depth + 1, indent: indent)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                JSON.encodeString(key, into: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                object[key]!.writePretty(into: &out, depth: depth + 1, indent: indent)
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        default:
            encode(into: &out)
        }
    }
}
