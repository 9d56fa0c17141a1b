import APIMachinery
import KubeClient

/// A ControllerRevision as pods are built from it: its name and the pod template it records.
struct Revision: Sendable {
    let name: String
    let template: JSON

    init(_ revision: JSON) {
        name = revision.name
        var template = revision["data"]["spec"]["template"]
        template.removeValue(forKey: "$patch")
        self.template = template
    }
}

/// The set's ControllerRevision history (§6): resolves the current and update revisions and prunes old ones.
struct RevisionHistory {
    static let hashLabel = "controller.kubernetes.io/hash"

    let set: StatefulSetView
    /// The revisions the set controls, as they will be after this pass's creates and renumbers.
    private(set) var revisions: [JSON]
    /// Names of every revision in the inputs, controlled or not, so a new name never collides.
    let allNames: Set<String>

    init(set: StatefulSetView, revisions: [JSON], allNames: Set<String>) {
        self.set = set
        self.revisions = revisions.sorted { ($0.revisionNumber, $0.name) < ($1.revisionNumber, $1.name) }
        self.allNames = allNames
    }

    struct Resolution {
        var current: Revision
        var update: Revision
        var collisionCount: Int64
        var actions: [ControllerAction]
    }

    /// Finds the update revision: the newest revision recording the set's template is reused as is; an older one
    /// (a rollback) is renumbered to max+1; otherwise a new revision numbered max+1 is created, bumping
    /// `collisionCount` while its hash-shaped name is taken. The current revision is `status.currentRevision`,
    /// or the update revision on the first sync.
    mutating func resolve() -> Resolution {
        let data = Self.data(template: set.object["spec"]["template"])
        let next = (revisions.last?.revisionNumber ?? 0) + 1
        var collisionCount = set.status["collisionCount"].intValue ?? 0
        var actions: [ControllerAction] = []
        let update: JSON
        if let index = revisions.lastIndex(where: { $0["data"].isEquivalent(to: data) }) {
            if index == revisions.count - 1 {
                update = revisions[index]
            } else {
                var renumbered = revisions.remove(at: index)
                renumbered["revision"] = .int(next)
                revisions.append(renumbered)
                actions.append(.update(.controllerRevisions, renumbered))
                update = renumbered
            }
        } else {
            while allNames.contains(Self.name(of: set, data: data, collisionCount: collisionCount)) { collisionCount += 1 }
            update = newRevision(data: data, number: next, collisionCount: collisionCount)
            revisions.append(update)
            actions.append(.create(.controllerRevisions, update))
        }
        let currentName = set.status["currentRevision"].stringValue
        let current = revisions.first { $0.name == currentName } ?? update
        return Resolution(current: Revision(current), update: Revision(update), collisionCount: collisionCount, actions: actions)
    }

    /// Deletes revisions oldest first, skipping `live` ones, until at most `revisionHistoryLimit` remain
    /// (a negative limit keeps everything).
    func prune(keeping live: Set<String>) -> [ControllerAction] {
        guard set.revisionHistoryLimit >= 0 else { return [] }
        let excess = revisions.count - Int(set.revisionHistoryLimit)
        guard excess > 0 else { return [] }
        return revisions.filter { !live.contains($0.name) }.prefix(excess).map {
            .delete(.controllerRevisions, namespace: set.namespace, name: $0.name, uid: $0.uid)
        }
    }

    private func newRevision(data: JSON, number: Int64, collisionCount: Int64) -> JSON {
        let hash = Self.hash(data.encoded(), collisionCount: collisionCount)
        var labels = set.object["spec"]["template"]["metadata"]["labels"].stringMap ?? [:]
        labels[Self.hashLabel] = hash
        var metadata: JSONObject = [
            "name": .string(Self.name(of: set, data: data, collisionCount: collisionCount)),
            "namespace": .string(set.namespace), "labels": JSON(stringMap: labels),
        ]
        if !set.object.annotations.isEmpty { metadata["annotations"] = JSON(stringMap: set.object.annotations) }
        metadata["ownerReferences"] = [set.controllerReference.json]
        return ["apiVersion": "apps/v1", "kind": "ControllerRevision", "metadata": .object(metadata),
                "data": data, "revision": .int(number)]
    }

    /// The strategic-merge patch a revision stores: only the template, marked to replace, keys sorted.
    static func data(template: JSON) -> JSON {
        var template = template
        template["$patch"] = "replace"
        let data: JSON = ["spec": ["template": template]]
        return data.sortedKeys
    }

    static func name(of set: StatefulSetView, data: JSON, collisionCount: Int64) -> String {
        "\(set.name.prefix(223))-\(hash(data.encoded(), collisionCount: collisionCount))"
    }

    /// FNV-32a of the data bytes with the decimal collision count fed in after them, rendered like upstream's
    /// `SafeEncodeString`: each decimal digit of the sum mapped onto digits and consonants, e.g. `7c5ddbdf54`.
    static func hash(_ bytes: [UInt8], collisionCount: Int64) -> String {
        var sum: UInt32 = 2_166_136_261
        for byte in bytes + Array(String(collisionCount).utf8) {
            sum ^= UInt32(byte)
            sum = sum &* 16_777_619
        }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(String(sum).utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}

extension JSON {
    var revisionNumber: Int64 { self["revision"].intValue ?? 0 }

    /// This value with every object's keys in byte order, as Go marshals maps.
    var sortedKeys: JSON {
        switch self {
        case .object(let object):
            return .object(JSONObject(uniqueKeysWithValues: object.keys.sorted().map { ($0, object[$0]!.sortedKeys) }))
        case .array(let elements):
            return .array(elements.map(\.sortedKeys))
        default:
            return self
        }
    }
}
