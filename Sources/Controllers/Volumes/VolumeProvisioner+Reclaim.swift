import APIMachinery
import KubeClient

extension VolumeProvisioner {
    public static let pvProtectionFinalizer = "kubernetes.io/pv-protection"

    /// The next writes for `volume` given the claims that exist: phase `Available` while unclaimed or only
    /// pre-bound, `Bound` once its claim names it in `spec.volumeName`, `Released` once that claim (same
    /// namespace, name and uid) is gone. A Released volume under reclaim policy `Delete` then loses its
    /// `kubernetes.io/pv-protection` finalizer and is deleted; under `Retain` it stays Released. A volume
    /// someone deleted loses the finalizer as soon as it is not Bound (the pv-protection controller).
    public static func syncVolume(volume: JSON, claims: [JSON]) -> [ControllerAction] {
        let phase = volume["status"]["phase"].stringValue
        if volume.isTerminating { return phase == "Bound" ? [] : releasingFinalizer(volume) }
        let ref = volume["spec"]["claimRef"]
        guard !ref.isNull else { return setting(volume, phase: "Available") }
        let claim = claims.first { claim in
            claim.namespace == ref["namespace"].stringValue && claim.name == ref["name"].stringValue
                && (ref["uid"].stringValue.map { $0 == claim.uid } ?? true)
        }
        if let claim { return setting(volume, phase: claim["spec"]["volumeName"].stringValue == volume.name ? "Bound" : "Available") }
        guard phase == "Released" else { return setting(volume, phase: "Released") }
        guard volume["spec"]["persistentVolumeReclaimPolicy"].stringValue == "Delete" else { return [] }
        return releasingFinalizer(volume) + [.delete(.persistentVolumes, namespace: nil, name: volume.name, uid: volume.uid)]
    }

    /// The status write that gives `volume` `phase`, if it has another.
    private static func setting(_ volume: JSON, phase: String) -> [ControllerAction] {
        guard volume["status"]["phase"].stringValue != phase else { return [] }
        var updated = volume
        updated["status"]["phase"] = .string(phase)
        return [.updateStatus(.persistentVolumes, updated)]
    }

    /// The update removing `kubernetes.io/pv-protection`, if the volume has it.
    private static func releasingFinalizer(_ volume: JSON) -> [ControllerAction] {
        guard volume.finalizers.contains(pvProtectionFinalizer) else { return [] }
        var updated = volume
        updated["metadata"]["finalizers"] = .array(volume.finalizers.filter { $0 != pvProtectionFinalizer }.map(JSON.string))
        return [.update(.persistentVolumes, updated)]
    }
}
