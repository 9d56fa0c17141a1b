import APIMachinery
import KubeClient

extension VolumeProvisioner {
    public static let pvcProtectionFinalizer = "kubernetes.io/pvc-protection"

    /// The pvc-protection controller: a live claim gets the finalizer `kubernetes.io/pvc-protection` if it
    /// lacks it; a terminating claim loses it once no pod in its namespace that is not Succeeded or Failed
    /// mounts it (`spec.volumes[].persistentVolumeClaim.claimName`) — terminating and unscheduled pods still
    /// hold it, as upstream.
    public static func protect(claim: JSON, pods: [JSON]) -> [ControllerAction] {
        let protected = claim.finalizers.contains(pvcProtectionFinalizer)
        guard claim.isTerminating else {
            return protected ? [] : [.update(.persistentVolumeClaims, withFinalizers(claim, claim.finalizers + [pvcProtectionFinalizer]))]
        }
        guard protected, !isInUse(claim, pods: pods) else { return [] }
        return [.update(.persistentVolumeClaims, withFinalizers(claim, claim.finalizers.filter { $0 != pvcProtectionFinalizer }))]
    }

    /// True while a non-terminal pod of the claim's namespace mounts it.
    static func isInUse(_ claim: JSON, pods: [JSON]) -> Bool {
        pods.contains { pod in
            pod.namespace == claim.namespace && !Scheduler.isTerminal(pod) && Scheduler.claimNames(of: pod).contains(claim.name)
        }
    }

    private static func withFinalizers(_ claim: JSON, _ finalizers: [String]) -> JSON {
        var updated = claim
        updated["metadata"]["finalizers"] = .array(finalizers.map(JSON.string))
        return updated
    }
}
