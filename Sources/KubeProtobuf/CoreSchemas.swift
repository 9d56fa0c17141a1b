/// k8s.io/api/core/v1 kinds other than Pod: Namespace, ConfigMap, Secret, Service, PersistentVolumeClaim.
enum CoreSchemas {
    static let package = "k8s.io.api.core.v1."

    static let all: [String: MessageSchema] = [
        "Namespace": MessageSchema(package + "Namespace", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "NamespaceSpec"), .message(3, "status", "NamespaceStatus"),
        ]),
        "NamespaceSpec": MessageSchema(package + "NamespaceSpec", [.strings(1, "finalizers")]),
        "NamespaceStatus": MessageSchema(package + "NamespaceStatus", [
            .string(1, "phase"), .messages(2, "conditions", "NamespaceCondition"),
        ]),
        "NamespaceCondition": MessageSchema(package + "NamespaceCondition", [
            .string(1, "type"), .string(2, "status"), .time(4, "lastTransitionTime"), .string(5, "reason"), .string(6, "message"),
        ]),
        "ConfigMap": MessageSchema(package + "ConfigMap", [
            .message(1, "metadata", "ObjectMeta"), .optionalBool(4, "immutable"),
            .stringMap(2, "data"), Field(3, "binaryData", .bytes, .map(value: .bytes)),
        ]),
        "Secret": MessageSchema(package + "Secret", [
            .message(1, "metadata", "ObjectMeta"), .optionalBool(5, "immutable"),
            Field(2, "data", .bytes, .map(value: .bytes)), .stringMap(4, "stringData"), .string(3, "type"),
        ]),
        "Service": MessageSchema(package + "Service", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "ServiceSpec"), .message(3, "status", "ServiceStatus"),
        ]),
        "ServiceSpec": MessageSchema(package + "ServiceSpec", [
            .messages(1, "ports", "ServicePort"), .stringMap(2, "selector"), .string(3, "clusterIP"),
            .strings(18, "clusterIPs"), .string(4, "type"), .strings(5, "externalIPs"), .string(7, "sessionAffinity"),
            .string(8, "loadBalancerIP"), .strings(9, "loadBalancerSourceRanges"), .string(10, "externalName"),
            .string(11, "externalTrafficPolicy"), .int32(12, "healthCheckNodePort"), .bool(13, "publishNotReadyAddresses"),
            .message(14, "sessionAffinityConfig", "SessionAffinityConfig"), .strings(19, "ipFamilies"),
            .optionalString(17, "ipFamilyPolicy"), .optionalBool(20, "allocateLoadBalancerNodePorts"),
            .optionalString(21, "loadBalancerClass"), .optionalString(22, "internalTrafficPolicy"),
        ]),
        "ServicePort": MessageSchema(package + "ServicePort", [
            .string(1, "name"), .string(2, "protocol"), .optionalString(6, "appProtocol"), .int32(3, "port"),
            .intOrString(4, "targetPort"), .int32(5, "nodePort"),
        ]),
        "SessionAffinityConfig": MessageSchema(package + "SessionAffinityConfig", [.message(1, "clientIP", "ClientIPConfig")]),
        "ClientIPConfig": MessageSchema(package + "ClientIPConfig", [.optionalInt32(1, "timeoutSeconds")]),
        "ServiceStatus": MessageSchema(package + "ServiceStatus", [
            .message(1, "loadBalancer", "LoadBalancerStatus"), .messages(2, "conditions", "Condition"),
        ]),
        "LoadBalancerStatus": MessageSchema(package + "LoadBalancerStatus", [.messages(1, "ingress", "LoadBalancerIngress")]),
        "LoadBalancerIngress": MessageSchema(package + "LoadBalancerIngress", [
            .string(1, "ip"), .string(2, "hostname"), .messages(4, "ports", "PortStatus"),
        ]),
        "PortStatus": MessageSchema(package + "PortStatus", [.int32(1, "port"), .string(2, "protocol"), .optionalString(3, "error")]),
        "PersistentVolumeClaim": MessageSchema(package + "PersistentVolumeClaim", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "PersistentVolumeClaimSpec"),
            .message(3, "status", "PersistentVolumeClaimStatus"),
        ]),
        "PersistentVolumeClaimSpec": MessageSchema(package + "PersistentVolumeClaimSpec", [
            .strings(1, "accessModes"), .message(4, "selector", "LabelSelector"), .message(2, "resources", "ResourceRequirements"),
            .string(3, "volumeName"), .optionalString(5, "storageClassName"), .optionalString(6, "volumeMode"),
            .message(7, "dataSource", "TypedLocalObjectReference"),
        ]),
        "PersistentVolumeClaimStatus": MessageSchema(package + "PersistentVolumeClaimStatus", [
            .string(1, "phase"), .strings(2, "accessModes"), .quantityMap(3, "capacity"),
            .messages(4, "conditions", "PersistentVolumeClaimCondition"),
        ]),
        "PersistentVolumeClaimCondition": MessageSchema(package + "PersistentVolumeClaimCondition", [
            .string(1, "type"), .string(2, "status"), .time(3, "lastProbeTime"), .time(4, "lastTransitionTime"),
            .string(5, "reason"), .string(6, "message"),
        ]),
        "TypedLocalObjectReference": MessageSchema(package + "TypedLocalObjectReference", [
            .optionalString(1, "apiGroup"), .string(2, "kind"), .string(3, "name"),
        ]),
        "LocalObjectReference": MessageSchema(package + "LocalObjectReference", [.string(1, "name")]),
        "ObjectReference": MessageSchema(package + "ObjectReference", [
            .string(1, "kind"), .string(2, "namespace"), .string(3, "name"), .string(4, "uid"), .string(5, "apiVersion"),
            .string(6, "resourceVersion"), .string(7, "fieldPath"),
        ]),
    ]
}
