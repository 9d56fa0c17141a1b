import Testing
@testable import APIMachinery
@testable import Resources

/// The one-walk routes of field ownership (``FieldChanges`` from a walk of two objects, FieldsV1 built
/// directly) give exactly what the whole field sets give, on the real Pod and StatefulSet schemas, for
/// thousands of random edits: values changed, fields added and removed, list elements added, removed and
/// repeated, types changed.
@Suite struct FieldOwnershipWalkTests {
    static let pod: JSON = created([
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": "web-0", "namespace": "default", "labels": ["app": "nginx"], "finalizers": ["a", "b"],
                     "ownerReferences": [["apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "u1",
                                          "controller": true]]],
        "spec": ["hostname": "web-0", "containers": [
            ["name": "nginx", "image": "nginx", "args": ["-x"], "ports": [["containerPort": 80, "name": "web"]],
             "env": [["name": "A", "value": "1"]], "volumeMounts": [["name": "www", "mountPath": "/www"]]],
            ["name": "log", "image": "busybox", "resources": ["limits": ["cpu": "1"]]],
        ], "volumes": [["name": "www", "persistentVolumeClaim": ["claimName": "www-web-0"]]]],
        "status": ["phase": "Running", "conditions": [["type": "Ready", "status": "True"]]],
    ], by: PodStrategy())


    static let kinds = [(pod, PodKind.schema, "v1"), (webStatefulSet, StatefulSetKind.schema, "apps/v1")]

    @Test(arguments: kinds.indices)
    func walksAgreeWithWholeFieldSets(kind: Int) async {
        let (base, schema, apiVersion) = Self.kinds[kind]
        var random = SeededRandom(seed: 42)
        let scopes = [FieldManager(schema: schema, apiVersion: apiVersion, hasStatus: true),
                      FieldManager(schema: schema, apiVersion: apiVersion, subresource: "status", hasStatus: true)]
        var repeatedKeys = 0
        for round in 0..<150 {
            await Task.yield()  // long and CPU-bound: let the suites that wait on timers run between rounds
            var old = base, new = base
            for _ in 0..<random.next(upTo: 4) { old = Self.edit(old, &random) }
            new = old
            for _ in 0..<(1 + random.next(upTo: 3)) { new = Self.edit(new, &random) }
            for manager in scopes {
                let exact = FieldChanges(exactlyFrom: old, to: new, fields: manager.ownedFields)
                if let walked = FieldChanges(from: old, to: new, schema: schema, include: manager.mayOwn) {
                    #expect(walked == exact, "round \(round): \(old.encodedString) -> \(new.encodedString)")
                } else {
                    repeatedKeys += 1
                }
                if let direct = FieldSet.fieldsV1(of: new, schema: schema, include: manager.mayOwn) {
                    #expect(direct == manager.ownedFields(of: new).fieldsV1, "round \(round): \(new.encodedString)")
                }
            }
        }
        // The edits repeat list elements often enough that the exact fallback is exercised, and rarely enough
        // that the walk is what is mostly compared.
        #expect(repeatedKeys > 0 && repeatedKeys < 150)
    }

    /// Editing the stored entries' trees records what reading every entry and writing it out again records.
    @Test(arguments: kinds.indices)
    func editedEntriesAgreeWithRewrittenOnes(kind: Int) async {
        let (base, schema, apiVersion) = Self.kinds[kind]
        var random = SeededRandom(seed: 7)
        let main = FieldManager(schema: schema, apiVersion: apiVersion, hasStatus: true)
        let status = FieldManager(schema: schema, apiVersion: apiVersion, subresource: "status", hasStatus: true)
        let managers = ["creator", "editor", "controller"]
        for round in 0..<120 {
            await Task.yield()
            // A history of writes by several managers, through the main resource and /status.
            var old = main.update(base, old: nil, manager: "creator", time: "t0")
            for step in 0..<random.next(upTo: 4) {
                let scope = random.next(upTo: 3) == 0 ? status : main
                let next = Self.edit(old, &random)
                old = scope.update(next, old: old, manager: managers[random.next(upTo: 3)], time: "t\(step + 1)")
            }
            let new = Self.edit(Self.edit(old, &random), &random)
            let writer = random.next(upTo: 2) == 0 ? status : main
            let manager = managers[random.next(upTo: 3)]
            guard let changes = FieldChanges(from: old, to: new, schema: schema, include: writer.mayOwn) else { continue }
            var rewritten = new
            writer.record(changes, entries: ManagedFieldsEntry.entries(of: old), in: &rewritten, manager: manager, time: "now")
            let edited = writer.recordByEditing(changes, recorded: old["metadata"]["managedFields"].arrayValue ?? [],
                                                manager: manager, time: "now")
            let expected = rewritten["metadata"]["managedFields"].arrayValue ?? []
            #expect(edited == expected, "round \(round): \(old.encodedString) -> \(new.encodedString)")
        }
    }

    @Test func anUpdateThatChangesNoOwnedFieldKeepsTheStoredEntries() {
        let manager = FieldManager(schema: PodKind.schema, apiVersion: "v1", hasStatus: true)
        let created = manager.update(Self.pod, old: nil, manager: "creator", time: "2026-01-01T00:00:00Z")
        #expect(created["metadata"]["managedFields"].arrayValue?.count == 1)
        var same = created
        same["metadata"].removeValue(forKey: "managedFields")
        same["metadata"]["resourceVersion"] = "9"
        let updated = manager.update(same, old: created, manager: "other", time: "2026-02-02T00:00:00Z")
        #expect(updated["metadata"]["managedFields"] == created["metadata"]["managedFields"])
        var relabelled = same
        relabelled["metadata"]["labels"]["app"] = "web"
        let changed = manager.update(relabelled, old: created, manager: "other", time: "2026-02-02T00:00:00Z")
        let entries = ManagedFieldsEntry.entries(of: changed)
        #expect(entries.map(\.manager) == ["creator", "other"])
        #expect(entries[1].fields == FieldSet([[.field("metadata"), .field("labels"), .field("app")]]))
        #expect(!entries[0].fields.contains([.field("metadata"), .field("labels"), .field("app")]))
    }

    /// One random edit somewhere in `object`.
    static func edit(_ object: JSON, _ random: inout SeededRandom) -> JSON {
        var places: [[Step]] = []
        collect(object, at: [], into: &places)
        let place = places[random.next(upTo: places.count)]
        let values: [JSON] = ["x", "nginx", 80, 81.0, true, .null, [:], [], ["a"], ["name": "nginx"],
                              [["name": "nginx", "image": "n2"]], [["name": "extra", "image": "e"]], ["k": "v"]]
        return update(object, at: place[...]) { current in
            switch random.next(upTo: 5) {
            case 0: return nil
            case 1:
                if case .array(var list) = current, !list.isEmpty {
                    list.append(list[random.next(upTo: list.count)])  // repeats an element (and its merge key)
                    return .array(list)
                }
                return values[random.next(upTo: values.count)]
            case 2:
                if case .object(var fields) = current {
                    fields["added\(random.next(upTo: 3))"] = values[random.next(upTo: values.count)]
                    return .object(fields)
                }
                if case .array(var list) = current, let first = list.first, case .object(var item) = first {
                    for key in item.keys where key != "name" && key != "containerPort" && key != "type" { item[key] = "changed" }
                    if item["name"] != nil { item["name"] = .string("n\(random.next(upTo: 3))") }
                    list.append(.object(item))
                    return .array(list)
                }
                return values[random.next(upTo: values.count)]
            default:
                return values[random.next(upTo: values.count)]
            }
        }
    }

    enum Step { case key(String), index(Int) }

    static func collect(_ value: JSON, at path: [Step], into places: inout [[Step]]) {
        if !path.isEmpty { places.append(path) }
        switch value {
        case .object(let fields): for (key, child) in fields { collect(child, at: path + [.key(key)], into: &places) }
        case .array(let list): for (index, child) in list.enumerated() { collect(child, at: path + [.index(index)], into: &places) }
        default: break
        }
    }

    /// `value` with the node at `path` replaced by `change` of it (removed when it returns nil).
    static func update(_ value: JSON, at path: ArraySlice<Step>, _ change: (JSON) -> JSON?) -> JSON {
        guard let step = path.first else { return change(value) ?? .null }
        switch (step, value) {
        case (.key(let key), .object(var fields)):
            let child = fields[key] ?? .null
            if path.count > 1 {
                fields[key] = update(child, at: path.dropFirst(), change)
            } else if let replaced = change(child) {
                fields[key] = replaced
            } else {
                fields.removeValue(forKey: key)
            }
            return .object(fields)
        case (.index(let index), .array(var list)) where index < list.count:
            if path.count > 1 {
                list[index] = update(list[index], at: path.dropFirst(), change)
            } else if let replaced = change(list[index]) {
                list[index] = replaced
            } else {
                list.remove(at: index)
            }
            return .array(list)
        default:
            return value
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure reproduces.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}
