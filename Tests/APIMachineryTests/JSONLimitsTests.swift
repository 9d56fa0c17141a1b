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

/// JSON Patch cannot grow a document exponentially or nest it past the parser's limit.
@Suite struct JSONPatchLimitsTests {
    @Test func copyDoublingIsCappedByBytes() throws {
        let document: JSON = ["a": .string(String(repeating: "x", count: 1_000))]
        let copies = JSON.array((0..<40).map { index in ["op": "copy", "from": "", "path": .string("/c\(index)")] })
        #expect(throws: PatchError.cannotApply("copy operations would add more than \(JSONPatch.maximumCopiedBytes) bytes to the object")) {
            try JSONPatch.apply(copies, to: document)
        }
    }

    @Test func copyingIntoItselfCannotNestPastTheLimit() throws {
        let copies = JSON.array((0..<300).map { _ in ["op": "copy", "from": "/a", "path": "/a/a"] })
        #expect(throws: PatchError.self) { try JSONPatch.apply(copies, to: ["a": ["b": 1]]) }
        let deep = JSON.array([["op": "add", "path": .string(String(repeating: "/a", count: 200)), "value": 1]])
        #expect(throws: PatchError.self) { try JSONPatch.apply(deep, to: [:]) }
    }

    @Test func ordinaryCopiesApply() throws {
        let patched = try JSONPatch.apply([["op": "copy", "from": "/a", "path": "/b"]], to: ["a": ["x": 1]])
        #expect(patched == ["a": ["x": 1], "b": ["x": 1]])
    }
}
