import Testing
@testable import APIMachinery

/// Hostile YAML bodies end in a 400, never in a stack overflow or an exponential expansion.
@Suite struct YAMLLimitsTests {
    static func decode(_ text: String) throws -> JSON { try YAMLDecoding.json(from: Array(text.utf8)) }

    static func isBadRequest(_ fragment: String) -> (any Error) -> Bool {
        { error in
            guard let status = error as? StatusError else { return false }
            return status.code == 400 && status.message.contains(fragment)
        }
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 100_000),
        String(repeating: "- ", count: 50_000) + "x",
    ])
    func nestingPastTheLimitIsRefused(_ yaml: String) {
        #expect(performing: { try Self.decode(yaml) }, throws: Self.isBadRequest("exceeded max depth"))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = YAMLDecoding.maximumNestingDepth
        var json = try Self.decode(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        for _ in 1..<depth { json = json.arrayValue![0] }
        #expect(json == .array([]))
    }

    /// Aliases nest anchored collections inside each other: the expanded depth counts, not the written one.
    @Test func nestingThroughAliasesIsRefused() {
        let levels = YAMLDecoding.maximumNestingDepth / 2 + 1
        let deep = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let yaml = "a: &a \(deep)\nb: &b \(String(repeating: "[", count: levels))*a\(String(repeating: "]", count: levels))\n"
        #expect(performing: { try Self.decode(yaml) }, throws: Self.isBadRequest("exceeded max depth"))
    }

    @Test func billionLaughsIsRefused() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        #expect(performing: { try Self.decode(yaml) }, throws: Self.isBadRequest("excessive aliasing"))
    }

    @Test func modestAliasingIsAccepted() throws {
        let json = try Self.decode("base: &b {image: nginx, ports: [80, 443]}\none: *b\ntwo: *b\nthree: {<<: *b, image: redis}\n")
        #expect(json["two"]["ports"] == [80, 443])
        #expect(json["three"]["image"] == "redis")
    }

    @Test func aliasAsMappingKey() throws {
        #expect(try Self.decode("a: &k key\n*k : value\n") == ["a": "key", "key": "value"])
        #expect(performing: { try Self.decode("a: &k [1]\n? *k\n: value\n") }, throws: Self.isBadRequest("mapping keys must be scalars"))
        #expect(performing: { try Self.decode("*missing : value\n") }, throws: Self.isBadRequest("error converting YAML to JSON"))
    }
}
