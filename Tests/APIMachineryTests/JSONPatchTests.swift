import Testing
import APIMachinery

@Suite struct JSONPatchTests {
    static let document: JSON = ["metadata": ["name": "web", "labels": ["a/b": "1", "m~n": "2"]],
                                 "spec": ["replicas": 3, "list": ["x", "y"]]]

    static func patched(_ patch: String) throws -> JSON {
        try JSONPatch.apply(try JSON.parse(patch), to: document)
    }

    @Test(arguments: [
        (#"[{"op":"replace","path":"/spec/replicas","value":5}]"#, "/spec/replicas", "5"),
        (#"[{"op":"add","path":"/spec/list/-","value":"z"}]"#, "/spec/list", #"["x","y","z"]"#),
        (#"[{"op":"add","path":"/spec/list/0","value":"w"}]"#, "/spec/list", #"["w","x","y"]"#),
        (#"[{"op":"remove","path":"/spec/list/1"}]"#, "/spec/list", #"["x"]"#),
        (#"[{"op":"remove","path":"/metadata/labels/a~1b"}]"#, "/metadata/labels", #"{"m~n":"2"}"#),
        (#"[{"op":"replace","path":"/metadata/labels/m~0n","value":"3"}]"#, "/metadata/labels", #"{"a/b":"1","m~n":"3"}"#),
        (#"[{"op":"move","from":"/spec/list/0","path":"/spec/list/-"}]"#, "/spec/list", #"["y","x"]"#),
        (#"[{"op":"copy","from":"/metadata/name","path":"/spec/name"}]"#, "/spec/name", #""web""#),
        (#"[{"op":"test","path":"/spec/replicas","value":3.0},{"op":"add","path":"/spec/ok","value":true}]"#, "/spec/ok", "true"),
        (#"[{"op":"add","path":"/metadata/labels/new","value":"v"}]"#, "/metadata/labels/new", #""v""#),
    ])
    func operations(_ patch: String, _ path: String, _ expected: String) throws {
        let result = try Self.patched(patch)
        let tokens = path.split(separator: "/").map(String.init)
        var value = result
        for token in tokens {
            if let index = Int(token), let array = value.arrayValue { value = array[index] } else { value = value[token] }
        }
        #expect(value == (try JSON.parse(expected)))
    }

    @Test func replacesWholeDocument() throws {
        #expect(try JSONPatch.apply(try JSON.parse(#"[{"op":"replace","path":"","value":{"a":1}}]"#), to: Self.document) == ["a": 1])
    }

    @Test func keepsOtherFieldsAndOrder() throws {
        let result = try Self.patched(#"[{"op":"replace","path":"/metadata/name","value":"db"}]"#)
        #expect(result.encodedString == #"{"metadata":{"name":"db","labels":{"a/b":"1","m~n":"2"}},"spec":{"replicas":3,"list":["x","y"]}}"#)
    }

    @Test(arguments: [
        (#"[{"op":"test","path":"/spec/replicas","value":4}]"#, PatchError.cannotApply("testing value /spec/replicas failed: test failed")),
        (#"[{"op":"remove","path":"/spec/missing"}]"#, .cannotApply(#"remove operation does not apply: doc is missing path: "/spec/missing""#)),
        (#"[{"op":"replace","path":"/nope/x","value":1}]"#, .cannotApply(#"replace operation does not apply: doc is missing path: "/nope/x""#)),
        (#"[{"op":"add","path":"/spec/list/5","value":1}]"#, .cannotApply(#"add operation does not apply: doc is missing path: "/spec/list/5""#)),
        (#"[{"op":"add","path":"/spec/list/01","value":1}]"#, .cannotApply(#"add operation does not apply: doc is missing path: "/spec/list/01""#)),
        (#"[{"op":"move","from":"/spec","path":"/spec/x"}]"#, .cannotApply("move operation does not apply: /spec cannot be moved into its own child /spec/x")),
        (#"{"op":"add"}"#, .malformed("json patch must be an array of operations, not object")),
        (#"[{"op":"frobnicate","path":"/a"}]"#, .malformed(#"json patch operation "frobnicate" is not supported (add, remove, replace, move, copy, test)"#)),
        (#"[{"op":"add","path":"/a"}]"#, .malformed(#"add operation has no "value""#)),
        (#"[{"op":"add","path":"a","value":1}]"#, .malformed(#"invalid JSON pointer "a": must start with '/'"#)),
        (#"[{"op":"remove","path":"/a~2"}]"#, .malformed(#"invalid JSON pointer "/a~2": '~' must be followed by '0' or '1'"#)),
    ])
    func failures(_ patch: String, _ error: PatchError) {
        #expect(throws: error) { try Self.patched(patch) }
    }

    @Test func failedPatchLeavesNothingHalfDone() throws {
        let patch = try JSON.parse(#"[{"op":"add","path":"/spec/x","value":1},{"op":"test","path":"/spec/x","value":2}]"#)
        #expect(throws: PatchError.self) { try JSONPatch.apply(patch, to: Self.document) }
    }

    @Test func statusErrors() {
        #expect(PatchError.malformed("bad").statusError == StatusError.badRequest("bad"))
        let invalid = PatchError.cannotApply("nope").statusError
        #expect(invalid.code == 422 && invalid.reason == "Invalid" && invalid.message == "nope")
    }
}

@Suite struct MergePatchTests {
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func rfc7386Examples(_ target: String, _ patch: String, _ expected: String) throws {
        let result = MergePatch.apply(try JSON.parse(patch), to: try JSON.parse(target))
        #expect(result.encodedString == expected)
    }

    @Test func scaleBody() throws {
        let scale: JSON = ["kind": "Scale", "spec": ["replicas": 3], "status": ["replicas": 3]]
        let result = MergePatch.apply(["spec": ["replicas": 5]], to: scale)
        #expect(result["spec"]["replicas"] == 5 && result["status"]["replicas"] == 3)
    }
}
