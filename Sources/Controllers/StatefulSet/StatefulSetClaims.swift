import APIMachinery
import KubeClient

/// PersistentVolumeClaims from `volumeClaimTemplates` (§4): names, new claims, and the owner references the
/// retention policy asks for.
enum Claims {
    /// `<template>-<set>-<ordinal>`, e.g. `www-web-0`.
    static func name(of template: JSON, set: StatefulSetView, ordinal: Int) -> String {
        "\(template["metadata"]["name"].stringValue ?? "")-\(set.name)-\(ordinal)"
    }

    /// A new claim for `ordinal`: the template's metadata and spec, labels merged with the selector's
    /// `matchLabels` (the selector wins), owned as the retention policy asks for an in-range pod.
    static func newClaim(from template: JSON, set: StatefulSetView, ordinal: Int) -> JSON {
        var labels = template["metadata"]["labels"].stringMap ?? [:]
        labels.merge(set.selectorLabels) { _, selector in selector }
        var metadata: JSONObject = ["name": .string(name(of: template, set: set, ordinal: ordinal)),
                                    "namespace": .string(set.namespace)]
        if !labels.isEmpty { metadata["labels"] = JSON(stringMap: labels) }
        if !template["metadata"]["annotations"].isNull { metadata["annotations"] = template["metadata"]["annotations"] }
        let owners = retentionOwners(set: set, podName: set.podName(ordinal), podUID: "", condemned: false)
        if !owners.isEmpty { metadata["ownerReferences"] = .array(owners.map(\.json)) }
        return ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": .object(metadata), "spec": template["spec"]]
    }

    /// The owners the retention policy gives a claim of pod `podName`:
    ///
    /// | whenScaled / whenDeleted | pod in range | pod condemned |
    /// |---|---|---|
    /// | Retain / Retain | none | none |
    /// | Retain / Delete | set | set |
    /// | Delete / Retain | none | pod |
    /// | Delete / Delete | set | pod only |
    static func retentionOwners(set: StatefulSetView, podName: String, podUID: String, condemned: Bool) -> [OwnerReference] {
        if condemned && set.whenScaledIsDelete {
            return [OwnerReference(apiVersion: "v1", kind: "Pod", name: podName, uid: podUID, controller: true, blockOwnerDeletion: true)]
        }
        return set.whenDeletedIsDelete ? [set.controllerReference] : []
    }

    /// The claim's owner references with those the policy manages (the set, pods of `podName`) replaced by the
    /// policy's; nil when they already match.
    static func ownerReferencesToWrite(_ claim: JSON, set: StatefulSetView, pod: JSON, condemned: Bool) -> [OwnerReference]? {
        let existing = claim.ownerReferences
        let managed: (OwnerReference) -> Bool = { $0.uid == set.uid || ($0.kind == "Pod" && $0.name == pod.name) }
        let wanted = retentionOwners(set: set, podName: pod.name, podUID: pod.uid, condemned: condemned)
        guard Set(existing.filter(managed)) != Set(wanted) else { return nil }
        return existing.filter { !managed($0) } + wanted
    }

    /// True when whenScaled=Delete and the claim still belongs to an earlier pod of the same name (another UID,
    /// or any UID for a pod not created yet): the garbage collector is about to delete it, so the pod must wait.
    static func isStale(_ claim: JSON, set: StatefulSetView, podName: String, podUID: String) -> Bool {
        set.whenScaledIsDelete && claim.ownerReferences.contains { $0.kind == "Pod" && $0.name == podName && $0.uid != podUID }
    }
}
