/// k8s.io/api/core/v1 Pod, PodSpec, PodTemplateSpec and their scheduling and status messages.
enum PodSchemas {
    static let package = "k8s.io.api.core.v1."

    static let all: [String: MessageSchema] = spec.merging(scheduling) { first, _ in first }.merging(status) { first, _ in first }

    static let spec: [String: MessageSchema] = [
        "Pod": MessageSchema(package + "Pod", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "PodSpec"), .message(3, "status", "PodStatus"),
        ]),
        "PodTemplateSpec": MessageSchema(package + "PodTemplateSpec", [
            .message(1, "metadata", "ObjectMeta"), .message(2, "spec", "PodSpec"),
        ]),
        "PodSpec": MessageSchema(package + "PodSpec", [
            .messages(1, "volumes", "Volume"), .messages(20, "initContainers", "Container"),
            .messages(2, "containers", "Container"), .messages(34, "ephemeralContainers", "EphemeralContainer"),
            .string(3, "restartPolicy"), .optionalInt64(4, "terminationGracePeriodSeconds"),
            .optionalInt64(5, "activeDeadlineSeconds"), .string(6, "dnsPolicy"), .stringMap(7, "nodeSelector"),
            .string(8, "serviceAccountName"), .string(9, "serviceAccount"), .optionalBool(21, "automountServiceAccountToken"),
            .string(10, "nodeName"), .bool(11, "hostNetwork"), .bool(12, "hostPID"), .bool(13, "hostIPC"),
            .optionalBool(27, "shareProcessNamespace"), .message(14, "securityContext", "PodSecurityContext"),
            .messages(15, "imagePullSecrets", "LocalObjectReference"), .string(16, "hostname"), .string(17, "subdomain"),
            .message(18, "affinity", "Affinity"), .string(19, "schedulerName"), .messages(22, "tolerations", "Toleration"),
            .messages(23, "hostAliases", "HostAlias"), .string(24, "priorityClassName"), .optionalInt32(25, "priority"),
            .message(26, "dnsConfig", "PodDNSConfig"), .messages(28, "readinessGates", "PodReadinessGate"),
            .optionalString(29, "runtimeClassName"), .optionalBool(30, "enableServiceLinks"),
            .optionalString(31, "preemptionPolicy"), .quantityMap(32, "overhead"),
            .messages(33, "topologySpreadConstraints", "TopologySpreadConstraint"), .optionalBool(35, "setHostnameAsFQDN"),
        ]),
        "PodSecurityContext": MessageSchema(package + "PodSecurityContext", [
            .message(1, "seLinuxOptions", "SELinuxOptions"), .message(8, "windowsOptions", "WindowsSecurityContextOptions"),
            .optionalInt64(2, "runAsUser"), .optionalInt64(6, "runAsGroup"), .optionalBool(3, "runAsNonRoot"),
            Field(4, "supplementalGroups", .int64, .repeated), .optionalInt64(5, "fsGroup"), .messages(7, "sysctls", "Sysctl"),
            .optionalString(9, "fsGroupChangePolicy"), .message(10, "seccompProfile", "SeccompProfile"),
        ]),
        "SELinuxOptions": MessageSchema(package + "SELinuxOptions", [
            .string(1, "user"), .string(2, "role"), .string(3, "type"), .string(4, "level"),
        ]),
        "WindowsSecurityContextOptions": MessageSchema(package + "WindowsSecurityContextOptions", [
            .optionalString(1, "gmsaCredentialSpecName"), .optionalString(2, "gmsaCredentialSpec"), .optionalString(3, "runAsUserName"),
        ]),
        "SeccompProfile": MessageSchema(package + "SeccompProfile", [.string(1, "type"), .optionalString(2, "localhostProfile")]),
        "Sysctl": MessageSchema(package + "Sysctl", [.string(1, "name"), .string(2, "value")]),
        "HostAlias": MessageSchema(package + "HostAlias", [.string(1, "ip"), .strings(2, "hostnames")]),
        "PodDNSConfig": MessageSchema(package + "PodDNSConfig", [
            .strings(1, "nameservers"), .strings(2, "searches"), .messages(3, "options", "PodDNSConfigOption"),
        ]),
        "PodDNSConfigOption": MessageSchema(package + "PodDNSConfigOption", [.string(1, "name"), .optionalString(2, "value")]),
        "PodReadinessGate": MessageSchema(package + "PodReadinessGate", [.string(1, "conditionType")]),
    ]

    static let scheduling: [String: MessageSchema] = [
        "Affinity": MessageSchema(package + "Affinity", [
            .message(1, "nodeAffinity", "NodeAffinity"), .message(2, "podAffinity", "PodAffinity"),
            .message(3, "podAntiAffinity", "PodAntiAffinity"),
        ]),
        "NodeAffinity": MessageSchema(package + "NodeAffinity", [
            .message(1, "requiredDuringSchedulingIgnoredDuringExecution", "NodeSelector"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", "PreferredSchedulingTerm"),
        ]),
        "NodeSelector": MessageSchema(package + "NodeSelector", [.messages(1, "nodeSelectorTerms", "NodeSelectorTerm")]),
        "NodeSelectorTerm": MessageSchema(package + "NodeSelectorTerm", [
            .messages(1, "matchExpressions", "NodeSelectorRequirement"), .messages(2, "matchFields", "NodeSelectorRequirement"),
        ]),
        "NodeSelectorRequirement": MessageSchema(package + "NodeSelectorRequirement", [
            .string(1, "key"), .string(2, "operator"), .strings(3, "values"),
        ]),
        "PreferredSchedulingTerm": MessageSchema(package + "PreferredSchedulingTerm", [
            .int32(1, "weight"), .message(2, "preference", "NodeSelectorTerm"),
        ]),
        "PodAffinity": MessageSchema(package + "PodAffinity", [
            .messages(1, "requiredDuringSchedulingIgnoredDuringExecution", "PodAffinityTerm"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", "WeightedPodAffinityTerm"),
        ]),
        "PodAntiAffinity": MessageSchema(package + "PodAntiAffinity", [
            .messages(1, "requiredDuringSchedulingIgnoredDuringExecution", "PodAffinityTerm"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", "WeightedPodAffinityTerm"),
        ]),
        "PodAffinityTerm": MessageSchema(package + "PodAffinityTerm", [
            .message(1, "labelSelector", "LabelSelector"), .strings(2, "namespaces"), .string(3, "topologyKey"),
            .message(4, "namespaceSelector", "LabelSelector"),
        ]),
        "WeightedPodAffinityTerm": MessageSchema(package + "WeightedPodAffinityTerm", [
            .int32(1, "weight"), .message(2, "podAffinityTerm", "PodAffinityTerm"),
        ]),
        "Toleration": MessageSchema(package + "Toleration", [
            .string(1, "key"), .string(2, "operator"), .string(3, "value"), .string(4, "effect"),
            .optionalInt64(5, "tolerationSeconds"),
        ]),
        "TopologySpreadConstraint": MessageSchema(package + "TopologySpreadConstraint", [
            .int32(1, "maxSkew"), .string(2, "topologyKey"), .string(3, "whenUnsatisfiable"),
            .message(4, "labelSelector", "LabelSelector"),
        ]),
    ]

    static let status: [String: MessageSchema] = [
        "PodStatus": MessageSchema(package + "PodStatus", [
            .string(1, "phase"), .messages(2, "conditions", "PodCondition"), .string(3, "message"), .string(4, "reason"),
            .string(11, "nominatedNodeName"), .string(5, "hostIP"), .string(6, "podIP"), .messages(12, "podIPs", "PodIP"),
            .time(7, "startTime"), .messages(10, "initContainerStatuses", "ContainerStatus"),
            .messages(8, "containerStatuses", "ContainerStatus"), .string(9, "qosClass"),
            .messages(13, "ephemeralContainerStatuses", "ContainerStatus"),
        ]),
        "PodCondition": MessageSchema(package + "PodCondition", [
            .string(1, "type"), .string(2, "status"), .time(3, "lastProbeTime"), .time(4, "lastTransitionTime"),
            .string(5, "reason"), .string(6, "message"),
        ]),
        "PodIP": MessageSchema(package + "PodIP", [.string(1, "ip")]),
        "ContainerStatus": MessageSchema(package + "ContainerStatus", [
            .string(1, "name"), .message(2, "state", "ContainerState"), .message(3, "lastState", "ContainerState"),
            .optionalBool(4, "ready"), .optionalInt32(5, "restartCount"), .string(6, "image"), .string(7, "imageID"),
            .string(8, "containerID"), .optionalBool(9, "started"),
        ]),
        "ContainerState": MessageSchema(package + "ContainerState", [
            .message(1, "waiting", "ContainerStateWaiting"), .message(2, "running", "ContainerStateRunning"),
            .message(3, "terminated", "ContainerStateTerminated"),
        ]),
        "ContainerStateWaiting": MessageSchema(package + "ContainerStateWaiting", [.string(1, "reason"), .string(2, "message")]),
        "ContainerStateRunning": MessageSchema(package + "ContainerStateRunning", [.time(1, "startedAt")]),
        "ContainerStateTerminated": MessageSchema(package + "ContainerStateTerminated", [
            .optionalInt32(1, "exitCode"), .int32(2, "signal"), .string(3, "reason"), .string(4, "message"),
            .time(5, "startedAt"), .time(6, "finishedAt"), .string(7, "containerID"),
        ]),
    ]
}
