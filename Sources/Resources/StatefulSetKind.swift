import APIMachinery

/// apps/v1 StatefulSet: definition and schema. Behaviour lives in `StatefulSetStrategy`.
public enum StatefulSetKind {
    static let volumeClaimTemplate = Schema.object(
        "A claim template; each pod gets its own claim named <template>-<pod>.",
        [
            "apiVersion": .string("v1."),
            "kind": .string("PersistentVolumeClaim."),
            "metadata": CommonSchemas.objectMeta,
            "spec": .object("The claim's desired storage.", [
                "accessModes": .array(.string(), "ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod."),
                "dataSource": .any("An object to populate the volume from."),
                "dataSourceRef": .any("An object to populate the volume from, of any group."),
                "resources": .object("Storage requested and its limit.", [
                    "limits": .map(PodSchemas.quantity, "Most storage allowed."),
                    "requests": .map(PodSchemas.quantity, "Storage requested."),
                ]),
                "selector": CommonSchemas.labelSelector.described("Labels of volumes that may be bound."),
                "storageClassName": .string("StorageClass that provisions the volume."),
                "volumeAttributesClassName": .string("VolumeAttributesClass of the volume."),
                "volumeMode": .string("Filesystem or Block; Filesystem when absent."),
                "volumeName": .string("Name of the bound volume."),
            ]),
            "status": .any("Observed state of the claim; Pending in a template."),
        ])

    static let spec = Schema.object(
        "Desired state of a StatefulSet.", required: ["selector", "template"],
        [
            "minReadySeconds": .integer("Seconds a new pod must be ready before it counts as available."),
            "ordinals": .object("Numbering of the pods.", ["start": .integer("First ordinal; 0 when absent.")]),
            "persistentVolumeClaimRetentionPolicy": .object("What happens to claims when the set is deleted or scaled down.", [
                "whenDeleted": .string("Retain or Delete; Retain when absent."),
                "whenScaled": .string("Retain or Delete; Retain when absent."),
            ]),
            "podManagementPolicy": .string("OrderedReady or Parallel; OrderedReady when absent.", enum: ["OrderedReady", "Parallel"]),
            "replicas": .integer("Desired number of pods; 1 when absent."),
            "revisionHistoryLimit": .integer("ControllerRevisions kept for rollback; 10 when absent."),
            "selector": WorkloadSchemas.selector,
            "serviceName": .string("Headless Service that gives the pods their DNS names."),
            "template": WorkloadSchemas.template,
            "updateStrategy": .object("How pods are replaced when the template changes.", [
                "type": .string("RollingUpdate or OnDelete; RollingUpdate when absent.", enum: ["RollingUpdate", "OnDelete"]),
                "rollingUpdate": .object("Parameters of RollingUpdate.", [
                    "maxUnavailable": .intOrString("Most pods unavailable during the update."),
                    "partition": .integer("Only pods with an ordinal at or above this are updated."),
                ]),
            ]),
            "volumeClaimTemplates": .array(volumeClaimTemplate, "Claims every pod gets, mounted by template name."),
        ])

    static let status = Schema.object(
        "Observed state of a StatefulSet, written by its controller.", required: ["replicas"],
        [
            "availableReplicas": .integer("Pods ready for at least minReadySeconds."),
            "collisionCount": .integer("Counter that keeps revision names unique; never decreases."),
            "conditions": WorkloadSchemas.conditions("A condition of the StatefulSet."),
            "currentReplicas": .integer("Pods at currentRevision."),
            "currentRevision": .string("Revision of the pods before the rollout in progress."),
            "observedGeneration": .integer("Generation this status describes.", format: "int64"),
            "readyReplicas": .integer("Pods with a Ready condition."),
            "replicas": .integer("Pods created by the controller."),
            "updateRevision": .string("Revision the pods are being moved to."),
            "updatedReplicas": .integer("Pods at updateRevision."),
        ])

    public static let schema = CommonSchemas.kind(
        "Pods with stable names and storage, created and replaced in order.", group: "apps", version: "v1",
        kind: "StatefulSet", [("spec", spec), ("status", status)])

    public static let definition = ResourceDefinition(
        group: "apps", version: "v1", kind: "StatefulSet", resource: "statefulsets", singular: "statefulset",
        namespaced: true, shortNames: ["sts"], categories: ["all"], nameRule: .dns1123Label, hasStatus: true,
        scale: .init(), tracksGeneration: true, schema: schema, strategy: StatefulSetStrategy())
}
