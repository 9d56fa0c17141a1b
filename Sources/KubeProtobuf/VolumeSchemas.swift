/// k8s.io/api/core/v1 Volume and the volume sources Ordinal's pods use (others are rejected as unknown fields).
enum VolumeSchemas {
    static let package = "k8s.io.api.core.v1."

    static let all: [String: MessageSchema] = [
        "Volume": MessageSchema(package + "Volume", [.string(1, "name"), .inline(2, "VolumeSource")]),
        "VolumeSource": MessageSchema(package + "VolumeSource", [
            .message(1, "hostPath", "HostPathVolumeSource"), .message(2, "emptyDir", "EmptyDirVolumeSource"),
            .message(6, "secret", "SecretVolumeSource"), .message(7, "nfs", "NFSVolumeSource"),
            .message(10, "persistentVolumeClaim", "PersistentVolumeClaimVolumeSource"),
            .message(16, "downwardAPI", "DownwardAPIVolumeSource"), .message(19, "configMap", "ConfigMapVolumeSource"),
            .message(26, "projected", "ProjectedVolumeSource"),
        ]),
        "HostPathVolumeSource": MessageSchema(package + "HostPathVolumeSource", [.string(1, "path"), .optionalString(2, "type")]),
        "EmptyDirVolumeSource": MessageSchema(package + "EmptyDirVolumeSource", [
            .string(1, "medium"), Field(2, "sizeLimit", .quantity),
        ]),
        "SecretVolumeSource": MessageSchema(package + "SecretVolumeSource", [
            .string(1, "secretName"), .messages(2, "items", "KeyToPath"), .optionalInt32(3, "defaultMode"), .optionalBool(4, "optional"),
        ]),
        "NFSVolumeSource": MessageSchema(package + "NFSVolumeSource", [.string(1, "server"), .string(2, "path"), .bool(3, "readOnly")]),
        "PersistentVolumeClaimVolumeSource": MessageSchema(package + "PersistentVolumeClaimVolumeSource", [
            .string(1, "claimName"), .bool(2, "readOnly"),
        ]),
        "DownwardAPIVolumeSource": MessageSchema(package + "DownwardAPIVolumeSource", [
            .messages(1, "items", "DownwardAPIVolumeFile"), .optionalInt32(2, "defaultMode"),
        ]),
        "DownwardAPIVolumeFile": MessageSchema(package + "DownwardAPIVolumeFile", [
            .string(1, "path"), .message(2, "fieldRef", "ObjectFieldSelector"),
            .message(3, "resourceFieldRef", "ResourceFieldSelector"), .optionalInt32(4, "mode"),
        ]),
        "ConfigMapVolumeSource": MessageSchema(package + "ConfigMapVolumeSource", [
            .inline(1, "LocalObjectReference"), .messages(2, "items", "KeyToPath"), .optionalInt32(3, "defaultMode"),
            .optionalBool(4, "optional"),
        ]),
        "KeyToPath": MessageSchema(package + "KeyToPath", [.string(1, "key"), .string(2, "path"), .optionalInt32(3, "mode")]),
        "ProjectedVolumeSource": MessageSchema(package + "ProjectedVolumeSource", [
            .messages(1, "sources", "VolumeProjection"), .optionalInt32(2, "defaultMode"),
        ]),
        "VolumeProjection": MessageSchema(package + "VolumeProjection", [
            .message(1, "secret", "SecretProjection"), .message(2, "downwardAPI", "DownwardAPIProjection"),
            .message(3, "configMap", "ConfigMapProjection"), .message(4, "serviceAccountToken", "ServiceAccountTokenProjection"),
        ]),
        "SecretProjection": MessageSchema(package + "SecretProjection", [
            .inline(1, "LocalObjectReference"), .messages(2, "items", "KeyToPath"), .optionalBool(4, "optional"),
        ]),
        "ConfigMapProjection": MessageSchema(package + "ConfigMapProjection", [
            .inline(1, "LocalObjectReference"), .messages(2, "items", "KeyToPath"), .optionalBool(4, "optional"),
        ]),
        "DownwardAPIProjection": MessageSchema(package + "DownwardAPIProjection", [.messages(1, "items", "DownwardAPIVolumeFile")]),
        "ServiceAccountTokenProjection": MessageSchema(package + "ServiceAccountTokenProjection", [
            .string(1, "audience"), .optionalInt64(2, "expirationSeconds"), .string(3, "path"),
        ]),
    ]
}
