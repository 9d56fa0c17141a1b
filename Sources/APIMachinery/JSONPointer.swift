/// An RFC 6901 JSON Pointer: `""` is the whole document, `/a/0/b~1c` the reference tokens `a`, `0`, `b/c`
/// (`~1` stands for `/`, `~0` for `~`).
struct JSONPointer: Equatable, CustomStringConvertible {
    let tokens: [String]
    let description: String

    /// Throws `PatchError.malformed` for a pointer not starting with `/` or with a bad `~` escape.
    init(_ text: String) throws {
        description = text
        guard !text.isEmpty else { tokens = []; return }
        guard text.hasPrefix("/") else { throw PatchError.malformed("invalid JSON pointer \"\(text)\": must start with '/'") }
        tokens = try text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { raw in
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else { token.append(character); continue }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: throw PatchError.malformed("invalid JSON pointer \"\(text)\": '~' must be followed by '0' or '1'")
                }
            }
            return token
        }
    }

    /// Whether `self` lies strictly inside `other` (`/a/b` inside `/a`).
    func isProperDescendant(of other: JSONPointer) -> Bool {
        tokens.count > other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// The array index a token names: decimal without leading zeros, below `limit` (or equal, when appending).
    static func index(_ token: String, limit: Int) -> Int? {
        guard let index = Int(token), index >= 0, index <= limit, String(index) == token else { return nil }
        return index
    }
}
