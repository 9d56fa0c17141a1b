import Testing
@testable import APIMachinery

/// Nesting past `JSON.maximumNestingDepth` is a parse error found without recursing into it.
@Suite struct JSONLimitsTests {
    static func nested(_ depth: Int, open: String = "[", close: String = "]") -> [UInt8] {
        Array((String(repeating: open, count: depth) + String(repeating: close, count: depth)).utf8)
    }

    @Test func nestingUpToTheLimitParses() throws {
        var value = try JSON.parse(Self.nested(JSON.maximumNestingDepth))
        for _ in 1..<JSON.maximumNestingDepth { value = value.arrayValue![0] }
        #expect(value == .array([]))
        #expect(try JSON.parse(value.encoded()) == .array([]))
    }

    @Test(arguments: [
        nested(JSON.maximumNestingDepth + 1),
        Array(String(repeating: "[", count: 100_000).utf8),
        Array(String(repeating: "{\"a\":", count: 100_000).utf8),
        Array(("[" + String(repeating: "{\"a\":[", count: 50_000)).utf8),
    ])
    func nestingPastTheLimitIsAnError(_ bytes: [UInt8]) {
        #expect {
            try JSON.parse(bytes)
        } throws: { error in
            (error as? JSONParseError)?.message == "exceeded max depth"
        }
    }
}
