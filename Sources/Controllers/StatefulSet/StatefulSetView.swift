import APIMachinery
import KubeClient

/// The facts of a StatefulSet's spec and status that the control logic reads, with the API defaults filled in
/// (so a set that skipped defaulting still behaves like a defaulted one).
struct StatefulSetView: Sendable {
    let object: JSON
    let name: String
    let namespace: String
    let uid: String
    let replicas: Int
    /// `spec.ordinals.start`: the first ordinal.
    let start: Int
    /// `podManagementPolicy: OrderedReady` (upstream's "monotonic"); false for `Parallel`.
    let isOrdered: Bool
    let isOnDelete: Bool
    /// `spec.updateStrategy.rollingUpdate`, nil when absent (which changes pod versioning, §6).
    let rollingUpdate: JSON?
    let minReadySeconds: Int64
    let revisionHistoryLimit: Int64
    let claimTemplates: [JSON]
    let whenDeletedIsDelete: Bool
    let whenScaledIsDelete: Bool
    let status: JSON

    init(_ set: JSON) {
        object = set
        name = set.name
        namespace = set.namespace
        uid = set.uid
        let spec = set["spec"]
        replicas = Int(spec["replicas"].intValue ?? 1)
        start = Int(spec["ordinals"]["start"].intValue ?? 0)
        isOrdered = spec["podManagementPolicy"].stringValue != "Parallel"
        isOnDelete = spec["updateStrategy"]["type"].stringValue == "OnDelete"
        let rollingUpdate = spec["updateStrategy"]["rollingUpdate"]
        self.rollingUpdate = rollingUpdate.isNull ? JSON?.none : rollingUpdate
        minReadySeconds = spec["minReadySeconds"].intValue ?? 0
        revisionHistoryLimit = spec["revisionHistoryLimit"].intValue ?? 10
        claimTemplates = spec["volumeClaimTemplates"].arrayValue ?? []
        let retention = spec["persistentVolumeClaimRetentionPolicy"]
        whenDeletedIsDelete = retention["whenDeleted"].stringValue == "Delete"
        whenScaledIsDelete = retention["whenScaled"].stringValue == "Delete"
        status = set["status"]
    }

    var isTerminating: Bool { object.isTerminating }
    /// One past the last ordinal in range.
    var end: Int { start + replicas }
    var partition: Int { Int(rollingUpdate?["partition"].intValue ?? 0) }
    var selectorLabels: [String: String] { object["spec"]["selector"]["matchLabels"].stringMap ?? [:] }
    var serviceName: String? { object["spec"]["serviceName"].stringValue }

    /// The controller reference every pod and revision of the set carries.
    var controllerReference: OwnerReference {
        OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: name, uid: uid, controller: true, blockOwnerDeletion: true)
    }

    /// The set as the subject of events.
    var eventReference: ObjectReference {
        ObjectReference(apiVersion: "apps/v1", kind: "StatefulSet", namespace: namespace, name: name, uid: uid)
    }

    func podName(_ ordinal: Int) -> String { "\(name)-\(ordinal)" }

    /// The ordinal of a pod of this set, parsing `<parent>-<digits>` as upstream's `(.*)-([0-9]+)$`; nil when the
    /// name has another shape or another parent.
    func ordinal(ofPodNamed podName: String) -> Int? {
        let bytes = podName.utf8
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")) else { return nil }
        let digits = bytes[bytes.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              bytes[..<dash].elementsEqual(name.utf8), let ordinal = Int(Substring(digits)) else { return nil }
        return ordinal
    }

    func isInRange(_ ordinal: Int) -> Bool { ordinal >= start && ordinal < end }

    /// `maxUnavailable` resolved against `spec.replicas` (percentages round down, minimum 1); nil when unset,
    /// which keeps the classic one-at-a-time update loop.
    var maxUnavailable: Int? {
        guard let value = rollingUpdate?["maxUnavailable"], !value.isNull else { return nil }
        if let count = value.intValue { return max(1, Int(count)) }
        guard let text = value.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return 1 }
        return max(1, percent * replicas / 100)
    }
}
