import Testing
import APIMachinery

@Suite struct StrategicMergePatchTests {
    static let metadata = Schema.object("", [
        "name": .string(), "labels": .stringMap(), "annotations": .stringMap(),
        "finalizers": .array(.string(), merge: .primitiveSet),
    ])
    static let container = Schema.object("", [
        "name": .string(), "image": .string(), "args": .array(.string()),
        "ports": .array(.object("", ["containerPort": .integer(), "protocol": .string()]), merge: .byKey("containerPort")),
        "resources": .any(),
    ])
    static let schema = Schema.object("", [
        "metadata": metadata,
        "spec": .object("", [
            "replicas": .integer(),
            "template": .object("", [
                "metadata": metadata,
                "spec": .object("", ["containers": .array(container, merge: .byKey("name"))]),
            ]),
        ]),
    ])

    static let statefulSet: JSON = [
        "metadata": ["name": "web", "labels": ["app": "web"], "finalizers": ["a", "b"]],
        "spec": ["replicas": 3, "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [
            ["name": "nginx", "image": "nginx:1.24", "args": ["-x"], "ports": [["containerPort": 80, "protocol": "TCP"]]],
            ["name": "sidecar", "image": "busybox"],
        ]]]],
    ]

    static func patch(_ text: String, to document: JSON = statefulSet) throws -> JSON {
        try StrategicMergePatch.apply(try JSON.parse(text), to: document, schema: schema)
    }

    static func containers(_ document: JSON) -> [JSON] {
        document[path: ["spec", "template", "spec", "containers"]].arrayValue ?? []
    }

    @Test func mergesContainersByName() throws {
        let result = try Self.patch(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"log","image":"fluent"}]}}}}"#)
        let containers = Self.containers(result)
        #expect(containers.map { $0["name"] } == ["nginx", "sidecar", "log"])
        #expect(containers[0]["image"] == "nginx:1.25")
        #expect(containers[0]["args"] == ["-x"])
        #expect(result["spec"]["replicas"] == 3)
    }

    @Test func mergesPortsByContainerPortAndReplacesPlainLists() throws {
        let result = try Self.patch(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["-y"],"ports":[{"containerPort":80,"protocol":"UDP"},{"containerPort":443}]}]}}}}"#)
        let nginx = Self.containers(result)[0]
        #expect(nginx["args"] == ["-y"])
        #expect(nginx["ports"] == [["containerPort": 80, "protocol": "UDP"], ["containerPort": 443]])
    }

    @Test func deletesListElementsAndKeys() throws {
        let result = try Self.patch(#"{"metadata":{"labels":{"app":null}},"spec":{"template":{"spec":{"containers":[{"$patch":"delete","name":"sidecar"},{"name":"nginx","args":null}]}}}}"#)
        #expect(Self.containers(result) == [["name": "nginx", "image": "nginx:1.24", "ports": [["containerPort": 80, "protocol": "TCP"]]]])
        #expect(result["metadata"]["labels"] == [:])
    }

    @Test func replaceDirectiveInList() throws {
        let result = try Self.patch(#"{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"x","args":null}]}}}}"#)
        #expect(Self.containers(result) == [["name": "only", "image": "x"]])
    }

    @Test func mapDirectives() throws {
        let replaced = try Self.patch(#"{"metadata":{"$patch":"replace","name":"web2"}}"#)
        #expect(replaced["metadata"] == ["name": "web2"])
        let deleted = try Self.patch(#"{"spec":{"template":{"metadata":{"$patch":"delete"}}}}"#)
        #expect(deleted[path: ["spec", "template", "metadata"]] == [:])
        let merged = try Self.patch(#"{"metadata":{"$patch":"merge","labels":{"tier":"fe"}}}"#)
        #expect(merged["metadata"]["labels"] == ["app": "web", "tier": "fe"])
        let retained = try Self.patch(#"{"metadata":{"$retainKeys":["name","labels"],"labels":{"x":"y"}}}"#)
        #expect(retained["metadata"] == ["name": "web", "labels": ["app": "web", "x": "y"]])
    }

    @Test func finalizersAreASet() throws {
        let added = try Self.patch(#"{"metadata":{"finalizers":["b","c"]}}"#)
        #expect(added["metadata"]["finalizers"] == ["a", "b", "c"])
        // kopf removing its finalizer
        let removed = try Self.patch(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a","zzz"]}}"#)
        #expect(removed["metadata"]["finalizers"] == ["b"])
        #expect(removed["metadata"].objectValue?.keys.contains { $0.hasPrefix("$") } == false)
    }

    @Test func kubectlApplyThreeWayPatch() throws {
        let lastApplied = #"{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web"}}"#
        let patch: JSON = [
            "metadata": ["annotations": ["kubectl.kubernetes.io/last-applied-configuration": .string(lastApplied + "\n")]],
            "spec": ["replicas": 5, "template": ["spec": [
                "$setElementOrder/containers": [["name": "sidecar"], ["name": "nginx"]],
                "containers": [["image": "nginx:1.25", "name": "nginx",
                                "$setElementOrder/ports": [["containerPort": 80]],
                                "ports": [["$patch": "delete", "containerPort": 8080]]]],
            ]]],
        ]
        let result = try StrategicMergePatch.apply(patch, to: Self.statefulSet, schema: Self.schema)
        #expect(result["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] == .string(lastApplied + "\n"))
        #expect(result["spec"]["replicas"] == 5)
        let containers = Self.containers(result)
        #expect(containers.map { $0["name"] } == ["sidecar", "nginx"])
        #expect(containers[1]["image"] == "nginx:1.25")
        #expect(containers[1]["ports"] == [["containerPort": 80, "protocol": "TCP"]])
        #expect(!result.encodedString.contains("$setElementOrder"))
    }

    @Test func schemalessSubtreesFollowMergePatch() throws {
        let original: JSON = ["spec": ["template": ["spec": ["containers": [["name": "nginx", "resources": ["limits": ["cpu": "1"], "list": [1, 2]]]]]]]]
        let result = try Self.patch(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"memory":"1Gi","cpu":null},"list":[3]}}]}}}}"#, to: original)
        #expect(Self.containers(result)[0]["resources"] == ["limits": ["memory": "1Gi"], "list": [3]])
        let noSchema = try StrategicMergePatch.apply(["a": [["name": "x"]], "b": ["c": nil, "$patch": "merge"]],
                                                     to: ["a": [["name": "y"]], "b": ["c": 1, "d": 2]], schema: nil)
        #expect(noSchema == ["a": [["name": "x"]], "b": ["d": 2]])
    }

    @Test func newKeysAreCleanedOfDirectivesAndNulls() throws {
        let result = try Self.patch(#"{"status":{"a":null,"b":{"$patch":"merge","c":1}}}"#)
        #expect(result["status"] == ["b": ["c": 1]])
    }

    @Test(arguments: [
        (#"[1]"#, PatchError.malformed("a strategic merge patch must be a JSON object, not array")),
        (#"{"metadata":{"$patch":"explode"}}"#, .malformed(#"unknown patch type: "explode" in map: {}"#)),
        (#"{"spec":{"template":{"spec":{"containers":[{"$patch":"explode","name":"x"}]}}}}"#,
         .malformed(#"unknown patch type: "explode" in list: [{"$patch":"explode","name":"x"}]"#)),
        (#"{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"#,
         .cannotApply(#"map: {"image":"x"} does not contain declared merge key: name"#)),
        (#"{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}"#, .malformed("invalid patch: $deleteFromPrimitiveList/finalizers must be a list")),
        (#"{"metadata":{"$retainKeys":["name"],"labels":{}}}"#, .cannotApply(#"all keys in patch must be present in $retainKeys, found "labels""#)),
    ])
    func errors(_ patch: String, _ error: PatchError) {
        #expect(throws: error) { try Self.patch(patch) }
    }
}
