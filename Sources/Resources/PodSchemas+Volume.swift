import APIMachinery

extension PodSchemas {
    static let keyToPath = Schema.object(
        "Projects one key to a file.", required: ["key", "path"],
        [
            "key": .string("Key to project."),
            "mode": .integer("File mode bits."),
            "path": .string("Relative file path."),
        ])

    /// A pod volume: a name and exactly one source. Common sources are typed; the rest are free-form.
    public static let volume = Schema.object(
        "A named volume that containers of the pod can mount.", required: ["name"],
        [
            "name": .string("Volume name, a DNS label unique within the pod."),
            "persistentVolumeClaim": .object("A claim in the pod's namespace.", required: ["claimName"], [
                "claimName": .string("Name of the PersistentVolumeClaim."),
                "readOnly": .boolean("Mount read-only."),
            ]),
            "emptyDir": .object("A directory that lives as long as the pod.", [
                "medium": .string("Storage medium: empty for the node's default, or Memory."),
                "sizeLimit": quantity.described("Most space the directory may use."),
            ]),
            "configMap": .object("Keys of a ConfigMap as files.", [
                "defaultMode": .integer("File mode bits; 0644 when absent."),
                "items": .array(keyToPath, "Keys to project; all when absent."),
                "name": .string("ConfigMap name."),
                "optional": .boolean("Whether the ConfigMap may be missing."),
            ]),
            "secret": .object("Keys of a Secret as files.", [
                "defaultMode": .integer("File mode bits; 0644 when absent."),
                "items": .array(keyToPath, "Keys to project; all when absent."),
                "optional": .boolean("Whether the Secret may be missing."),
                "secretName": .string("Secret name."),
            ]),
            "hostPath": .object("A file or directory of the node.", required: ["path"], [
                "path": .string("Path on the node."),
                "type": .string("What must exist at the path; not checked when empty."),
            ]),
            "awsElasticBlockStore": .any("An AWS EBS disk (deprecated)."),
            "azureDisk": .any("An Azure data disk (deprecated)."),
            "azureFile": .any("An Azure file share (deprecated)."),
            "cephfs": .any("A CephFS mount."),
            "cinder": .any("An OpenStack Cinder volume (deprecated)."),
            "csi": .any("An ephemeral volume from a CSI driver."),
            "downwardAPI": .any("Pod fields as files."),
            "ephemeral": .any("A claim created for the pod and deleted with it."),
            "fc": .any("A Fibre Channel disk."),
            "flexVolume": .any("A FlexVolume plugin volume (deprecated)."),
            "flocker": .any("A Flocker dataset (deprecated)."),
            "gcePersistentDisk": .any("A GCE persistent disk (deprecated)."),
            "gitRepo": .any("A git checkout (deprecated)."),
            "glusterfs": .any("A GlusterFS mount."),
            "image": .any("An OCI image or artifact mounted read-only."),
            "iscsi": .any("An iSCSI disk."),
            "nfs": .any("An NFS export."),
            "photonPersistentDisk": .any("A Photon persistent disk (deprecated)."),
            "portworxVolume": .any("A Portworx volume (deprecated)."),
            "projected": .any("Several sources projected into one directory."),
            "quobyte": .any("A Quobyte mount (deprecated)."),
            "rbd": .any("A Ceph RBD disk."),
            "scaleIO": .any("A ScaleIO volume (deprecated)."),
            "storageos": .any("A StorageOS volume (deprecated)."),
            "vsphereVolume": .any("A vSphere disk (deprecated)."),
        ])
}
