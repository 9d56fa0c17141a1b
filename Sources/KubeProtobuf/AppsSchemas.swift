/// k8s.io/api/apps/v1: Deployment, StatefulSet, ReplicaSet, DaemonSet.
enum AppsSchemas {
    static let package = "k8s.io.api.apps.v1."

    static let all: [String: MessageSchema] = [
        "Deployment": MessageSchema(package + "Deployment", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "DeploymentSpec"), .message(3, "status", "DeploymentStatus"),
        ]),
        "DeploymentSpec": MessageSchema(package + "DeploymentSpec", [
            .optionalInt32(1, "replicas"), .message(2, "selector", "LabelSelector"), .message(3, "template", "PodTemplateSpec"),
            .message(4, "strategy", "DeploymentStrategy"), .int32(5, "minReadySeconds"),
            .optionalInt32(6, "revisionHistoryLimit"), .bool(7, "paused"), .optionalInt32(9, "progressDeadlineSeconds"),
        ]),
        "DeploymentStrategy": MessageSchema(package + "DeploymentStrategy", [
            .string(1, "type"), .message(2, "rollingUpdate", "RollingUpdateDeployment"),
        ]),
        "RollingUpdateDeployment": MessageSchema(package + "RollingUpdateDeployment", [
            .optionalIntOrString(1, "maxUnavailable"), .optionalIntOrString(2, "maxSurge"),
        ]),
        "DeploymentStatus": MessageSchema(package + "DeploymentStatus", [
            .int64(1, "observedGeneration"), .int32(2, "replicas"), .int32(3, "updatedReplicas"), .int32(7, "readyReplicas"),
            .int32(4, "availableReplicas"), .int32(5, "unavailableReplicas"), .messages(6, "conditions", "DeploymentCondition"),
            .optionalInt32(8, "collisionCount"),
        ]),
        "DeploymentCondition": MessageSchema(package + "DeploymentCondition", [
            .string(1, "type"), .string(2, "status"), .time(6, "lastUpdateTime"), .time(7, "lastTransitionTime"),
            .string(4, "reason"), .string(5, "message"),
        ]),
        "StatefulSet": MessageSchema(package + "StatefulSet", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "StatefulSetSpec"), .message(3, "status", "StatefulSetStatus"),
        ]),
        "StatefulSetSpec": MessageSchema(package + "StatefulSetSpec", [
            .optionalInt32(1, "replicas"), .message(2, "selector", "LabelSelector"), .message(3, "template", "PodTemplateSpec"),
            .messages(4, "volumeClaimTemplates", "PersistentVolumeClaim"), .string(5, "serviceName"),
            .string(6, "podManagementPolicy"), .message(7, "updateStrategy", "StatefulSetUpdateStrategy"),
            .optionalInt32(8, "revisionHistoryLimit"), .int32(9, "minReadySeconds"),
            .message(10, "persistentVolumeClaimRetentionPolicy", "StatefulSetPersistentVolumeClaimRetentionPolicy"),
            .message(11, "ordinals", "StatefulSetOrdinals"),
        ]),
        "StatefulSetUpdateStrategy": MessageSchema(package + "StatefulSetUpdateStrategy", [
            .string(1, "type"), .message(2, "rollingUpdate", "RollingUpdateStatefulSetStrategy"),
        ]),
        "RollingUpdateStatefulSetStrategy": MessageSchema(package + "RollingUpdateStatefulSetStrategy", [
            .optionalInt32(1, "partition"), .optionalIntOrString(2, "maxUnavailable"),
        ]),
        "StatefulSetPersistentVolumeClaimRetentionPolicy": MessageSchema(package + "StatefulSetPersistentVolumeClaimRetentionPolicy", [
            .string(1, "whenDeleted"), .string(2, "whenScaled"),
        ]),
        "StatefulSetOrdinals": MessageSchema(package + "StatefulSetOrdinals", [.int32(1, "start")]),
        "StatefulSetStatus": MessageSchema(package + "StatefulSetStatus", [
            .int64(1, "observedGeneration"), .int32(2, "replicas"), .int32(3, "readyReplicas"), .int32(4, "currentReplicas"),
            .int32(5, "updatedReplicas"), .string(6, "currentRevision"), .string(7, "updateRevision"),
            .optionalInt32(9, "collisionCount"), .messages(10, "conditions", "StatefulSetCondition"), .int32(11, "availableReplicas"),
        ]),
        "StatefulSetCondition": MessageSchema(package + "StatefulSetCondition", [
            .string(1, "type"), .string(2, "status"), .time(3, "lastTransitionTime"), .string(4, "reason"), .string(5, "message"),
        ]),
        "ReplicaSet": MessageSchema(package + "ReplicaSet", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "ReplicaSetSpec"), .message(3, "status", "ReplicaSetStatus"),
        ]),
        "ReplicaSetSpec": MessageSchema(package + "ReplicaSetSpec", [
            .optionalInt32(1, "replicas"), .int32(4, "minReadySeconds"), .message(2, "selector", "LabelSelector"),
            .message(3, "template", "PodTemplateSpec"),
        ]),
        "ReplicaSetStatus": MessageSchema(package + "ReplicaSetStatus", [
            .int32(1, "replicas"), .int32(2, "fullyLabeledReplicas"), .int32(4, "readyReplicas"), .int32(5, "availableReplicas"),
            .int64(3, "observedGeneration"), .messages(6, "conditions", "ReplicaSetCondition"),
        ]),
        "ReplicaSetCondition": MessageSchema(package + "ReplicaSetCondition", [
            .string(1, "type"), .string(2, "status"), .time(3, "lastTransitionTime"), .string(4, "reason"), .string(5, "message"),
        ]),
        "DaemonSet": MessageSchema(package + "DaemonSet", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "DaemonSetSpec"), .message(3, "status", "DaemonSetStatus"),
        ]),
        "DaemonSetSpec": MessageSchema(package + "DaemonSetSpec", [
            .message(1, "selector", "LabelSelector"), .message(2, "template", "PodTemplateSpec"),
            .message(3, "updateStrategy", "DaemonSetUpdateStrategy"), .int32(4, "minReadySeconds"),
            .optionalInt32(6, "revisionHistoryLimit"),
        ]),
        "DaemonSetUpdateStrategy": MessageSchema(package + "DaemonSetUpdateStrategy", [
            .string(1, "type"), .message(2, "rollingUpdate", "RollingUpdateDaemonSet"),
        ]),
        "RollingUpdateDaemonSet": MessageSchema(package + "RollingUpdateDaemonSet", [
            .optionalIntOrString(1, "maxUnavailable"), .optionalIntOrString(2, "maxSurge"),
        ]),
        "DaemonSetStatus": MessageSchema(package + "DaemonSetStatus", [
            .int32(1, "currentNumberScheduled"), .int32(2, "numberMisscheduled"), .int32(3, "desiredNumberScheduled"),
            .int32(4, "numberReady"), .int64(5, "observedGeneration"), .int32(6, "updatedNumberScheduled"),
            .int32(7, "numberAvailable"), .int32(8, "numberUnavailable"), .optionalInt32(9, "collisionCount"),
            .messages(10, "conditions", "DaemonSetCondition"),
        ]),
        "DaemonSetCondition": MessageSchema(package + "DaemonSetCondition", [
            .string(1, "type"), .string(2, "status"), .time(3, "lastTransitionTime"), .string(4, "reason"), .string(5, "message"),
        ]),
    ]
}
