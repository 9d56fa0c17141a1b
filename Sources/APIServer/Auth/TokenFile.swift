/// A static token file in kube-apiserver's `--token-auth-file` format: one CSV record per line,
/// `token,user,uid` and optionally a fourth column of groups, quoted when it holds several:
/// `31ada4fd-adec,alice,1001,"dev,ops"`.
///
/// Blank lines and lines starting with `#` are skipped. A record with fewer than three columns, an empty token
/// or user, or a token that appears twice makes the whole file invalid: a server should not start half-secured.
public struct TokenFile: Sendable {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "token file line \(line): \(message)" }
    }

    /// Users by token.
    public private(set) var users: [String: UserInfo] = [:]

    public init(contents: String) throws(ParseError) {
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = try Self.fields(of: String(line), line: lineNumber)
            guard fields.count >= 3 else {
                throw ParseError(line: lineNumber, message: "must have at least 3 columns (token, user name, user uid), found \(fields.count)")
            }
            let token = fields[0], name = fields[1]
            guard !token.isEmpty else { throw ParseError(line: lineNumber, message: "empty token") }
            guard !name.isEmpty else { throw ParseError(line: lineNumber, message: "empty user name") }
            guard users[token] == nil else { throw ParseError(line: lineNumber, message: "duplicate token") }
            var groups: [String] = []
            if fields.count >= 4 {
                groups = fields[3].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            }
            users[token] = UserInfo(name: name, uid: fields[2], groups: groups)
        }
    }

    /// Splits one CSV record: fields separated by commas, a field in double quotes may hold commas, and `""`
    /// inside quotes is one quote. Spaces before a field are dropped, as kube-apiserver's reader does.
    static func fields(of line: String, line number: Int) throws(ParseError) -> [String] {
        var fields: [String] = []
        var characters = Substring(line)
        while true {
            characters = characters.drop { $0 == " " || $0 == "\t" }
            var field = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var closed = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if character == "\"" {
                        if characters.first == "\"" { field.append("\""); characters = characters.dropFirst(); continue }
                        closed = true
                        break
                    }
                    field.append(character)
                }
                guard closed else { throw ParseError(line: number, message: "unterminated quoted field") }
                guard characters.isEmpty || characters.first == "," else {
                    throw ParseError(line: number, message: "unexpected text after a quoted field")
                }
            } else {
                let end = characters.firstIndex(of: ",") ?? characters.endIndex
                field = String(characters[..<end])
                guard !field.contains("\"") else { throw ParseError(line: number, message: "bare \" in a non-quoted field") }
                characters = characters[end...]
            }
            fields.append(field)
            guard characters.first == "," else { return fields }
            characters = characters.dropFirst()
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
