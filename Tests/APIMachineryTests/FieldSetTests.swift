import Testing
import APIMachinery

@Suite struct FieldSetTests {
    static let schema = StrategicMergePatchTests.schema
    static let manager = FieldManager(schema: schema, apiVersion: "apps/v1", hasStatus: true)

    static let applied: JSON = [
        "apiVersion": "apps/v1", "kind": "StatefulSet",
        "metadata": ["name": "web", "labels": ["app": "web"], "finalizers": ["a"]],
        "spec": ["replicas": 3, "template": ["spec": ["containers": [
            ["name": "nginx", "image": "nginx:1.24", "args": ["-x"], "ports": [["containerPort": 80]]],
        ]]]],
        "status": ["replicas": 1],
    ]

    static func path(_ text: String) -> FieldPath {
        // Test shorthand: dot-separated field names; `name=x` is a list element, `=x` a set member.
        text.split(separator: ".").map { part in
            if part.hasPrefix("=") { return .value(.string(String(part.dropFirst()))) }
            if let eq = part.firstIndex(of: "=") {
                let value = String(part[part.index(after: eq)...])
                return .key(String(part[..<eq]), Int64(value).map(JSON.int) ?? .string(value))
            }
            return .field(String(part))
        }
    }

    @Test func fieldsFollowTheSchema() {
        let fields = Self.manager.ownedFields(of: Self.applied)
        let expected = [
            "metadata.labels.app", "metadata.finalizers.=a", "spec.replicas",
            "spec.template.spec.containers.name=nginx", "spec.template.spec.containers.name=nginx.name",
            "spec.template.spec.containers.name=nginx.image", "spec.template.spec.containers.name=nginx.args",
            "spec.template.spec.containers.name=nginx.ports.containerPort=80",
            "spec.template.spec.containers.name=nginx.ports.containerPort=80.containerPort",
        ].map(Self.path)
        #expect(fields == FieldSet(expected))
    }

    @Test func fieldsV1RoundTripsInUpstreamsShape() throws {
        let fields = Self.manager.ownedFields(of: Self.applied)
        let tree = fields.fieldsV1
        let containers = tree["f:spec"]["f:template"]["f:spec"]["f:containers"]
        #expect(containers[#"k:{"name":"nginx"}"#]["."] == .object([:]))
        #expect(containers[#"k:{"name":"nginx"}"#]["f:image"] == .object([:]))
        #expect(tree["f:metadata"]["f:finalizers"][#"v:"a""#] == .object([:]))
        #expect(tree["f:status"].isNull && tree["f:metadata"]["f:name"].isNull)
        #expect(FieldSet(fieldsV1: tree) == fields)
        #expect(FieldSet(fieldsV1: ["f:spec": ["i:0": [:]]]) == nil)
        #expect(FieldSet(fieldsV1: "nonsense") == nil)
    }

    @Test func pathsPrintAsUpstreamDoes() {
        #expect(Self.path("spec.template.spec.containers.name=nginx.image").pathString == #".spec.template.spec.containers[name="nginx"].image"#)
        #expect(Self.path("metadata.finalizers.=a").pathString == #".metadata.finalizers[="a"]"#)
    }

    @Test func applyConflictsOnlyWhereAnotherManagerOwnsADifferentValue() throws {
        let first = try Self.manager.apply(Self.applied, to: nil, manager: "other", force: false, time: "t1")
        // The same values: shared ownership, no conflict.
        let shared = try Self.manager.apply(Self.applied, to: first, manager: "mine", force: false, time: "t2")
        #expect(ManagedFieldsEntry.entries(of: shared).map(\.manager) == ["other", "mine"])
        var changed = Self.applied
        changed[path: ["spec", "replicas"]] = 5
        changed[path: ["metadata", "labels", "app"]] = "web2"
        #expect {
            try Self.manager.apply(changed, to: shared, manager: "mine", force: false, time: "t3")
        } throws: { error in
            guard let conflicts = error as? FieldManager.Conflicts else { return false }
            return conflicts.conflicts.map(\.path.pathString) == [".metadata.labels.app", ".spec.replicas"]
                && conflicts.message == "Apply failed with 2 conflicts: conflicts with \"other\" using apps/v1:\n- .metadata.labels.app\n- .spec.replicas"
        }
    }

    @Test func forceTakesTheFieldOver() throws {
        let first = try Self.manager.apply(Self.applied, to: nil, manager: "other", force: false, time: "t1")
        var changed = Self.applied
        changed[path: ["spec", "replicas"]] = 5
        let forced = try Self.manager.apply(changed, to: first, manager: "mine", force: true, time: "t2")
        #expect(forced["spec"]["replicas"] == 5)
        let entries = ManagedFieldsEntry.entries(of: forced)
        let replicas = Self.path("spec.replicas")
        #expect(entries.first { $0.manager == "other" }?.fields.contains(replicas) == false)
        #expect(entries.first { $0.manager == "mine" }?.fields.contains(replicas) == true)
        // Now `other` conflicts with `mine`.
        #expect(throws: FieldManager.Conflicts.self) {
            try Self.manager.apply(Self.applied, to: forced, manager: "other", force: false, time: "t3")
        }
    }

    @Test func droppingAFieldRemovesItUnlessSomeoneElseOwnsIt() throws {
        let first = try Self.manager.apply(Self.applied, to: nil, manager: "mine", force: false, time: "t1")
        let smaller: JSON = ["metadata": ["name": "web"], "spec": ["template": ["spec": ["containers": [
            ["name": "nginx", "image": "nginx:1.24"]]]]]]
        let after = try Self.manager.apply(smaller, to: first, manager: "mine", force: false, time: "t2")
        #expect(after["metadata"]["labels"]["app"].isNull && after["spec"]["replicas"].isNull)
        #expect(after["metadata"]["finalizers"].isNull && after["metadata"]["labels"].isNull)
        #expect(after[path: ["spec", "template", "spec", "containers"]] == [["name": "nginx", "image": "nginx:1.24"]])

        // A field another manager also owns stays.
        let shared = try Self.manager.apply(["spec": ["replicas": 3]], to: first, manager: "other", force: false, time: "t2")
        let kept = try Self.manager.apply(smaller, to: shared, manager: "mine", force: false, time: "t3")
        #expect(kept["spec"]["replicas"] == 3)
    }

    @Test func droppingAListElementRemovesIt() throws {
        var two = Self.applied
        two[path: ["spec", "template", "spec", "containers"]] = [["name": "a", "image": "x"], ["name": "b", "image": "y"]]
        let first = try Self.manager.apply(two, to: nil, manager: "mine", force: false, time: "t1")
        var one = Self.applied
        one[path: ["spec", "template", "spec", "containers"]] = [["name": "b", "image": "y"]]
        let after = try Self.manager.apply(one, to: first, manager: "mine", force: false, time: "t2")
        #expect(after[path: ["spec", "template", "spec", "containers"]] == [["name": "b", "image": "y"]])
    }

    @Test func updatesTakeTheFieldsTheyChange() throws {
        let created = Self.manager.update(Self.applied, old: nil, manager: "kubectl-create", time: "t1")
        var edited = created
        edited[path: ["spec", "replicas"]] = 7
        let updated = Self.manager.update(edited, old: created, manager: "kubectl-edit", time: "t2")
        let entries = ManagedFieldsEntry.entries(of: updated)
        #expect(entries.map(\.manager) == ["kubectl-create", "kubectl-edit"])
        #expect(entries.allSatisfy { $0.operation == .update })
        #expect(entries[1].fields == FieldSet([Self.path("spec.replicas")]) && entries[1].time == "t2")
        #expect(!entries[0].fields.contains(Self.path("spec.replicas")) && entries[0].time == "t1")
        // A write that changes nothing leaves the entries as they were.
        #expect(Self.manager.update(updated, old: updated, manager: "kubectl-edit", time: "t3") == updated)
        // `[{}]` strips them.
        var stripped = updated
        stripped[path: ["metadata", "managedFields"]] = [[:]]
        #expect(Self.manager.update(stripped, old: updated, manager: "x", time: "t4")["metadata"]["managedFields"].isNull)
    }
}
