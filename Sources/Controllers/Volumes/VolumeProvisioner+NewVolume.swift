import APIMachinery

extension VolumeProvisioner {
    /// Where simulated disks live on a node.
    public static let volumeDirectory = "/var/lib/ordinal/volumes"

    /// The volume provisioned for `claim`: `pvc-<uid>`, pre-bound to the claim through `claimRef`, sized by
    /// `spec.resources.requests.storage`, reclaimed as the class says (default Delete). On a selected `node`
    /// (WaitForFirstConsumer) it is a `local` disk with node affinity to that node; otherwise a `hostPath`
    /// reachable anywhere. Nil when the claim requests no storage.
    static func newVolume(for claim: JSON, storageClass: JSON, node: String?) -> JSON? {
        let storage = claim["spec"]["resources"]["requests"]["storage"]
        guard !storage.isNull else { return nil }
        let name = volumeName(for: claim)
        let path = JSON.string("\(volumeDirectory)/\(name)")
        var spec: JSON = [
            "accessModes": claim["spec"]["accessModes"].isNull ? ["ReadWriteOnce"] : claim["spec"]["accessModes"],
            "capacity": ["storage": storage],
            "claimRef": [
                "apiVersion": "v1",
                "kind": "PersistentVolumeClaim",
                "name": .string(claim.name),
                "namespace": .string(claim.namespace),
                "resourceVersion": .string(claim.resourceVersion),
                "uid": .string(claim.uid),
            ],
            "persistentVolumeReclaimPolicy": storageClass["reclaimPolicy"].isNull ? "Delete" : storageClass["reclaimPolicy"],
            "storageClassName": .string(storageClass.name),
            "volumeMode": claim["spec"]["volumeMode"].isNull ? "Filesystem" : claim["spec"]["volumeMode"],
        ]
        if !storageClass["mountOptions"].isNull { spec["mountOptions"] = storageClass["mountOptions"] }
        if let node {
            spec["local"] = ["path": path]
            spec["nodeAffinity"] = ["required": ["nodeSelectorTerms": [["matchExpressions": [
                ["key": "kubernetes.io/hostname", "operator": "In", "values": [.string(node)]],
            ]]]]]
        } else {
            spec["hostPath"] = ["path": path, "type": "DirectoryOrCreate"]
        }
        return [
            "apiVersion": "v1",
            "kind": "PersistentVolume",
            "metadata": [
                "name": .string(name),
                "annotations": [provisionedByAnnotation: storageClass["provisioner"]],
                "finalizers": [.string(pvProtectionFinalizer)],
            ],
            "spec": spec,
        ]
    }
}
