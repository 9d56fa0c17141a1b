import APIMachinery
import KubeClient

/// The simulated dynamic provisioner and PV binder: gives each claim of a StorageClass its own volume
/// `pvc-<claim uid>` and binds the two, as the PV controller and an external provisioner do upstream.
///
/// Every function is level-based and pure: it looks at the objects as they are and returns the next writes;
/// call it again when the claim, its volume or a pod using it changes. Binding a claim takes three passes —
/// create the volume (pre-bound through `claimRef`), set the claim's `spec.volumeName` and annotations, set
/// the claim's status `Bound` — while `syncVolume` moves the volume's phase Available → Bound → Released.
///
/// Claims with `storageClassName: ""` or no class are never provisioned, and pre-created volumes are not
/// matched to claims (no static binding).
public enum VolumeProvisioner {
    public static let provisioner = "ordinal.dev/simulated-disk"
    public static let provisionedByAnnotation = "pv.kubernetes.io/provisioned-by"
    public static let storageProvisionerAnnotation = "volume.kubernetes.io/storage-provisioner"
    public static let bindCompletedAnnotation = "pv.kubernetes.io/bind-completed"
    public static let boundByControllerAnnotation = "pv.kubernetes.io/bound-by-controller"
    public static let defaultClassAnnotation = "storageclass.kubernetes.io/is-default-class"

    /// The cluster's default StorageClass `standard`: provisioned by `ordinal.dev/simulated-disk`,
    /// reclaim policy Delete, binding Immediate.
    public static var defaultStorageClass: JSON {
        [
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": ["name": "standard", "annotations": [defaultClassAnnotation: "true"]],
            "provisioner": .string(provisioner),
            "reclaimPolicy": "Delete",
            "volumeBindingMode": "Immediate",
        ]
    }

    /// The next writes that provision and bind `claim`. Under `Immediate` binding the volume is made at once;
    /// under `WaitForFirstConsumer` once the claim has `volume.kubernetes.io/selected-node` (written by the
    /// scheduler) or, failing that, once a non-terminal pod using it is bound to a node. A claim whose bound
    /// volume disappeared turns `Lost`. Terminating claims get nothing (see `protect`).
    public static func sync(claim: JSON, volumes: [JSON], storageClasses: [JSON], pods: [JSON]) -> [ControllerAction] {
        guard !claim.isTerminating else { return [] }
        if let volumeName = claim["spec"]["volumeName"].stringValue, !volumeName.isEmpty {
            guard let volume = volumes.first(where: { $0.name == volumeName }) else { return lost(claim) }
            return completeBinding(claim, to: volume)
        }
        guard let className = claim["spec"]["storageClassName"].stringValue, !className.isEmpty,
              let storageClass = storageClasses.first(where: { $0.name == className }) else { return [] }
        if let volume = volumes.first(where: { $0.name == volumeName(for: claim) }) {
            guard volume["spec"]["claimRef"]["uid"].stringValue == claim.uid else { return [] }
            return [.update(.persistentVolumeClaims, bindingSpec(claim, to: volume, storageClass: storageClass))]
        }
        var node: String?
        if storageClass["volumeBindingMode"].stringValue == "WaitForFirstConsumer" {
            guard let selected = selectedNode(of: claim, pods: pods) else { return [] }
            node = selected
        }
        return newVolume(for: claim, storageClass: storageClass, node: node).map { [ControllerAction.create(.persistentVolumes, $0)] } ?? []
    }

    /// `pvc-<claim uid>`, the name of a claim's dynamically provisioned volume.
    public static func volumeName(for claim: JSON) -> String { "pvc-\(claim.uid)" }

    /// The claim with `spec.volumeName` and the bind annotations set.
    private static func bindingSpec(_ claim: JSON, to volume: JSON, storageClass: JSON) -> JSON {
        var updated = claim
        updated["spec"]["volumeName"] = .string(volume.name)
        updated["metadata"]["annotations"][bindCompletedAnnotation] = "yes"
        updated["metadata"]["annotations"][boundByControllerAnnotation] = "yes"
        updated["metadata"]["annotations"][storageProvisionerAnnotation] = storageClass["provisioner"]
        return updated
    }

    /// The claim's status `Bound` with the volume's capacity and access modes, if it does not say so yet.
    private static func completeBinding(_ claim: JSON, to volume: JSON) -> [ControllerAction] {
        guard volume["spec"]["claimRef"]["uid"].stringValue == claim.uid else { return [] }
        var updated = claim
        updated["status"]["phase"] = "Bound"
        updated["status"]["capacity"] = volume["spec"]["capacity"]
        updated["status"]["accessModes"] = volume["spec"]["accessModes"]
        return updated.semanticallyEquals(claim) ? [] : [.updateStatus(.persistentVolumeClaims, updated)]
    }

    /// A bound claim whose volume is gone turns `Lost`.
    private static func lost(_ claim: JSON) -> [ControllerAction] {
        guard claim["status"]["phase"].stringValue == "Bound" else { return [] }
        var updated = claim
        updated["status"]["phase"] = "Lost"
        return [.updateStatus(.persistentVolumeClaims, updated)]
    }

    /// The node chosen for a `WaitForFirstConsumer` claim.
    private static func selectedNode(of claim: JSON, pods: [JSON]) -> String? {
        if let node = claim.annotations[Scheduler.selectedNodeAnnotation], !node.isEmpty { return node }
        return pods.first { pod in
            pod.namespace == claim.namespace && !Scheduler.isTerminal(pod) && !(pod["spec"]["nodeName"].stringValue ?? "").isEmpty
                && Scheduler.claimNames(of: pod).contains(claim.name)
        }?["spec"]["nodeName"].stringValue
    }
}
