import Foundation
import APIMachinery

/// Pod identity (§3): the names, labels, hostname and volumes that make `web-2` the same member every time.
enum PodIdentity {
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"
    static let revisionLabel = "controller-revision-hash"

    /// A new pod for `ordinal` built from `revision`'s template and labelled with that revision.
    static func newPod(of set: StatefulSetView, ordinal: Int, revision: Revision) -> JSON {
        let template = revision.template
        var metadata: JSONObject = ["name": .string(set.podName(ordinal)), "namespace": .string(set.namespace)]
        for key in ["labels", "annotations", "finalizers"] where !template["metadata"][key].isNull {
            metadata[key] = template["metadata"][key]
        }
        metadata["ownerReferences"] = [set.controllerReference.json]
        var pod: JSON = ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": template["spec"]]
        pod["spec"]["hostname"] = .string(set.podName(ordinal))
        if let service = set.serviceName, !service.isEmpty { pod["spec"]["subdomain"] = .string(service) }
        pod[path: ["metadata", "labels", revisionLabel]] = .string(revision.name)
        repairIdentity(&pod, of: set, ordinal: ordinal)
        repairStorage(&pod, of: set, ordinal: ordinal)
        return pod
    }

    /// True when the pod's name, namespace and identity labels are those of its ordinal.
    static func identityMatches(_ pod: JSON, of set: StatefulSetView, ordinal: Int) -> Bool {
        let name = set.podName(ordinal)
        return pod.name == name && pod.namespace == set.namespace
            && pod.label(podNameLabel) == name && pod.label(podIndexLabel) == String(ordinal)
    }

    static func repairIdentity(_ pod: inout JSON, of set: StatefulSetView, ordinal: Int) {
        pod[path: ["metadata", "namespace"]] = .string(set.namespace)
        pod[path: ["metadata", "labels", podNameLabel]] = .string(set.podName(ordinal))
        pod[path: ["metadata", "labels", podIndexLabel]] = .string(String(ordinal))
    }

    /// True when every claim template is mounted as a volume of its name backed by the ordinal's claim.
    static func storageMatches(_ pod: JSON, of set: StatefulSetView, ordinal: Int) -> Bool {
        let volumes = pod["spec"]["volumes"].arrayValue ?? []
        return set.claimTemplates.allSatisfy { template in
            let volumeName = template["metadata"]["name"].stringValue ?? ""
            return volumes.contains {
                $0["name"].stringValue == volumeName
                    && $0["persistentVolumeClaim"]["claimName"].stringValue == Claims.name(of: template, set: set, ordinal: ordinal)
            }
        }
    }

    /// Points the volumes named after claim templates at the ordinal's claims, replacing template volumes of
    /// the same name and keeping the others in order.
    static func repairStorage(_ pod: inout JSON, of set: StatefulSetView, ordinal: Int) {
        guard !set.claimTemplates.isEmpty else { return }
        let claimVolumes = set.claimTemplates.map { template -> JSON in
            ["name": template["metadata"]["name"],
             "persistentVolumeClaim": ["claimName": .string(Claims.name(of: template, set: set, ordinal: ordinal))]]
        }
        let names = Set(claimVolumes.compactMap { $0["name"].stringValue })
        let others = (pod["spec"]["volumes"].arrayValue ?? []).filter { !names.contains($0["name"].stringValue ?? "") }
        pod["spec"]["volumes"] = .array(claimVolumes + others)
    }
}

/// Pod state as the StatefulSet controller judges it.
extension JSON {
    /// One label's value, without building the whole `labels` map (passes read a few labels of every pod).
    func label(_ key: String) -> String? { self["metadata"]["labels"][key].stringValue }

    /// `controllerReference?.uid`, read in place: the uid of the first well-formed owner reference with
    /// `controller: true`, without building every reference (passes ask this of every pod).
    var controllerUID: String? {
        guard let references = self["metadata"]["ownerReferences"].arrayValue else { return nil }
        for reference in references where reference["controller"].boolValue == true {
            if let owner = OwnerReference(json: reference) { return owner.uid }
        }
        return nil
    }
    var podPhase: String { self["status"]["phase"].stringValue ?? "" }
    var podRevision: String { label(PodIdentity.revisionLabel) ?? "" }
    var hasFinished: Bool { podPhase == "Failed" || podPhase == "Succeeded" }

    private var readyCondition: JSON? {
        self["status"]["conditions"].arrayValue?.first { $0["type"].stringValue == "Ready" }
    }

    /// `Running` with condition `Ready=True` (terminating pods included).
    var isRunningAndReady: Bool { podPhase == "Running" && readyCondition?["status"].stringValue == "True" }

    /// Running and Ready for at least `minReadySeconds`, measured from the Ready condition's last transition.
    func isAvailable(minReadySeconds: Int64, now: Date) -> Bool {
        guard isRunningAndReady else { return false }
        guard minReadySeconds > 0 else { return true }
        guard let text = readyCondition?["lastTransitionTime"].stringValue,
              let since = try? Date.ISO8601FormatStyle().parse(text) else { return false }
        return since.addingTimeInterval(Double(minReadySeconds)) <= now
    }

    /// Running, Ready and not terminating.
    var isHealthy: Bool { isRunningAndReady && !isTerminating }
}
