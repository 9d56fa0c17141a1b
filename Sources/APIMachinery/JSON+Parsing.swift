/// An error in a JSON text, with the byte offset where it was found.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at offset \(offset)" }
}

extension JSON {
    /// The deepest nesting of arrays and objects accepted; deeper input is rejected, never recursed into.
    ///
    /// Everything after parsing (validation, patches, encoding, comparison) walks values recursively on the
    /// request thread, whose stack is 1 MiB (`HTTPServer.Configuration.threadStackSize`); a debug build spends
    /// up to ~1 KiB per level on the deepest of those paths, so the limit keeps a fourfold margin. Real
    /// objects nest a few dozen levels.
    public static let maximumNestingDepth = 256

    /// Parses a complete JSON text. Duplicate keys keep the last value and are reported through
    /// `duplicateKeys` (as dotted paths) so strict field validation can refuse them.
    public static func parse(_ bytes: [UInt8], duplicateKeys: UnsafeMutablePointer<[String]>? = nil) throws -> JSON {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer: buffer, trackDuplicates: duplicateKeys != nil)
            let value = try parser.parseDocument()
            duplicateKeys?.pointee = parser.duplicateKeys
            return value
        }
    }

    public static func parse(_ text: String) throws -> JSON {
        try parse(Array(text.utf8))
    }
}

struct JSONParser {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    let trackDuplicates: Bool
    var duplicateKeys: [String] = []
    var path: [String] = []

    init(buffer: UnsafeBufferPointer<UInt8>, trackDuplicates: Bool) {
        self.buffer = buffer
        self.trackDuplicates = trackDuplicates
    }

    mutating func parseDocument() throws -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position != buffer.count { throw error("invalid character after top-level value") }
        return value
    }

    func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: position) }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws -> JSON {
        guard position < buffer.count else { throw error("unexpected end of JSON input") }
        switch buffer[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("invalid character looking for beginning of value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard position + count <= buffer.count else { throw error("unexpected end of JSON input") }
        let bytes = literal.utf8Start
        for i in 0..<count where buffer[position + i] != bytes[i] {
            throw error("invalid literal")
        }
        position += count
    }

    mutating func enter() throws {
        depth += 1
        if depth > JSON.maximumNestingDepth { throw error("exceeded max depth") }
    }

    mutating func parseObject() throws -> JSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else {
                throw error("invalid character looking for beginning of object key string")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
                throw error("invalid character after object key")
            }
            position += 1
            skipWhitespace()
            if trackDuplicates { path.append(key) }
            let value = try parseValue()
            if trackDuplicates {
                if object[key] != nil { duplicateKeys.append(path.joined(separator: ".")) }
                path.removeLast()
            }
            object[key] = value
            skipWhitespace()
            guard position < buffer.count else { throw error("unexpected end of JSON input") }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(object)
            default: throw error("invalid character after object key:value pair")
            }
        }
    }

    mutating func parseArray() throws -> JSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var array: [JSON] = []
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
            position += 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            guard position < buffer.count else { throw error("unexpected end of JSON input") }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(array)
            default: throw error("invalid character after array element")
            }
        }
    }

    mutating func parseNumber() throws -> JSON {
        let start = position
        var isInteger = true
        if buffer[position] == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            {
                isInteger = false
                position += 1
            } else {
                break
            }
        }
        guard position > digitsStart else { throw error("invalid number") }
        if buffer[digitsStart] == UInt8(ascii: "0"), position > digitsStart + 1, isInteger {
            throw error("invalid number: leading zero")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw error("invalid number \(text)") }
        return .double(value)
    }

    mutating func parseString() throws -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
                position += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("invalid control character in string literal") }
            position += 1
        }
        var bytes = Array(buffer[start..<position])
        while position < buffer.count {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < buffer.count else { throw error("unexpected end of JSON input") }
                let escaped = buffer[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &bytes)
                default: throw error("invalid escape in string literal")
                }
            default:
                if byte < 0x20 { throw error("invalid control character in string literal") }
                bytes.append(byte)
                position += 1
            }
        }
        throw error("unexpected end of JSON input")
    }

    mutating func readHex4() throws -> UInt32 {
        guard position + 4 <= buffer.count else { throw error("unexpected end of JSON input") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid unicode escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func appendUnicodeEscape(to bytes: inout [UInt8]) throws {
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar), position + 6 <= buffer.count,
            buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u")
        {
            let save = position
            position += 2
            let low = try readHex4()
            if (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = save
            }
        }
        let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        bytes.append(contentsOf: Array(String(unicode).utf8))
    }
}
