import Testing
import APIMachinery

@Suite struct YAMLDecodingTests {
    static func decode(_ text: String) throws -> JSON { try YAMLDecoding.json(from: Array(text.utf8)) }

    @Test func statefulSetManifest() throws {
        let yaml = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          labels: {app: nginx, "version": "1.0"}
          annotations:
            port: "80"
        spec:
          replicas: 3
          paused: false
          ratio: 0.5
          template:
            spec:
              containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.24
                ports:
                - containerPort: 80
                  name: web
                command: [sh, -c, 'echo hi']
              nodeName: ~
              empty:
        """
        let json = try Self.decode(yaml)
        #expect(json.objectValue.map { Array($0.keys) } == ["apiVersion", "kind", "metadata", "spec"])
        #expect(json["metadata"]["labels"] == ["app": "nginx", "version": "1.0"])
        #expect(json["metadata"]["annotations"]["port"] == "80")
        #expect(json["spec"]["replicas"] == .int(3))
        #expect(json["spec"]["paused"] == false)
        #expect(json["spec"]["ratio"] == .double(0.5))
        let container = json[path: ["spec", "template", "spec", "containers"]].arrayValue?.first ?? .null
        #expect(container["ports"] == [["containerPort": 80, "name": "web"]])
        #expect(container["command"] == ["sh", "-c", "echo hi"])
        #expect(json[path: ["spec", "template", "spec", "nodeName"]] == .null)
        #expect(json[path: ["spec", "template", "spec"]].objectValue?["empty"] == .null)
    }

    @Test(arguments: [
        ("a: 1", JSON.int(1)), ("a: -7", .int(-7)), ("a: '1'", .string("1")), ("a: 1.5", .double(1.5)),
        ("a: yes", .bool(true)), ("a: True", .bool(true)), ("a: null", .null), ("a: abc", .string("abc")),
        ("a: 2025-01-31T12:00:05Z", .string("2025-01-31T12:00:05Z")), ("a: 1e3", .double(1000)),
    ])
    func scalarTyping(_ yaml: String, _ expected: JSON) throws {
        #expect(try Self.decode(yaml)["a"] == expected)
    }

    @Test func keysAreStrings() throws {
        #expect(try Self.decode("1: x\ntrue: y") == ["1": "x", "true": "y"])
    }

    @Test func jsonIsYAML() throws {
        #expect(try Self.decode(#"{"a": [1, "2", null], "b": {"c": true}}"#) == ["a": [1, "2", nil], "b": ["c": true]])
    }

    @Test func anchorsAndMerges() throws {
        let yaml = """
        base: &base {a: 1, b: 2}
        derived:
          <<: *base
          b: 3
        """
        let json = try Self.decode(yaml)
        #expect(json["derived"] == ["b": 3, "a": 1])
        #expect(json["base"] == ["a": 1, "b": 2])
    }

    @Test func emptyDocumentIsNull() throws {
        #expect(try Self.decode("") == .null)
    }

    @Test(arguments: ["a: [1", "a: b: c", "--- 1\n--- 2", "a: .inf"])
    func errors(_ yaml: String) {
        #expect {
            try Self.decode(yaml)
        } throws: { error in
            guard let status = error as? StatusError else { return false }
            return status.code == 400 && status.message.hasPrefix("error converting YAML to JSON: ")
        }
    }

    @Test func invalidUTF8() {
        #expect(throws: StatusError.badRequest("error converting YAML to JSON: invalid UTF-8 in YAML")) {
            try YAMLDecoding.json(from: [0x61, 0x3A, 0x20, 0xFF])
        }
    }
}
