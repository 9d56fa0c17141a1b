/// k8s.io/api/core/v1 Container and what it holds: ports, environment, resources, probes, security context.
enum ContainerSchemas {
    static let package = "k8s.io.api.core.v1."

    /// Container's fields; EphemeralContainerCommon has the same numbers.
    static let containerFields: [Field] = [
        .string(1, "name"), .string(2, "image"), .strings(3, "command"), .strings(4, "args"), .string(5, "workingDir"),
        .messages(6, "ports", "ContainerPort"), .messages(19, "envFrom", "EnvFromSource"), .messages(7, "env", "EnvVar"),
        .message(8, "resources", "ResourceRequirements"), .messages(9, "volumeMounts", "VolumeMount"),
        .messages(21, "volumeDevices", "VolumeDevice"), .message(10, "livenessProbe", "Probe"),
        .message(11, "readinessProbe", "Probe"), .message(22, "startupProbe", "Probe"), .message(12, "lifecycle", "Lifecycle"),
        .string(13, "terminationMessagePath"), .string(20, "terminationMessagePolicy"), .string(14, "imagePullPolicy"),
        .message(15, "securityContext", "SecurityContext"), .bool(16, "stdin"), .bool(17, "stdinOnce"), .bool(18, "tty"),
    ]

    static let all: [String: MessageSchema] = [
        "Container": MessageSchema(package + "Container", containerFields),
        "EphemeralContainer": MessageSchema(package + "EphemeralContainer", [
            .inline(1, "EphemeralContainerCommon"), .string(2, "targetContainerName"),
        ]),
        "EphemeralContainerCommon": MessageSchema(package + "EphemeralContainerCommon", containerFields),
        "ContainerPort": MessageSchema(package + "ContainerPort", [
            .string(1, "name"), .int32(2, "hostPort"), .int32(3, "containerPort"), .string(4, "protocol"), .string(5, "hostIP"),
        ]),
        "EnvFromSource": MessageSchema(package + "EnvFromSource", [
            .string(1, "prefix"), .message(2, "configMapRef", "ConfigMapEnvSource"), .message(3, "secretRef", "SecretEnvSource"),
        ]),
        "ConfigMapEnvSource": MessageSchema(package + "ConfigMapEnvSource", [
            .inline(1, "LocalObjectReference"), .optionalBool(2, "optional"),
        ]),
        "SecretEnvSource": MessageSchema(package + "SecretEnvSource", [
            .inline(1, "LocalObjectReference"), .optionalBool(2, "optional"),
        ]),
        "EnvVar": MessageSchema(package + "EnvVar", [
            .string(1, "name"), .string(2, "value"), .message(3, "valueFrom", "EnvVarSource"),
        ]),
        "EnvVarSource": MessageSchema(package + "EnvVarSource", [
            .message(1, "fieldRef", "ObjectFieldSelector"), .message(2, "resourceFieldRef", "ResourceFieldSelector"),
            .message(3, "configMapKeyRef", "ConfigMapKeySelector"), .message(4, "secretKeyRef", "SecretKeySelector"),
        ]),
        "ObjectFieldSelector": MessageSchema(package + "ObjectFieldSelector", [.string(1, "apiVersion"), .string(2, "fieldPath")]),
        "ResourceFieldSelector": MessageSchema(package + "ResourceFieldSelector", [
            .string(1, "containerName"), .string(2, "resource"), Field(3, "divisor", .quantity),
        ]),
        "ConfigMapKeySelector": MessageSchema(package + "ConfigMapKeySelector", [
            .inline(1, "LocalObjectReference"), .string(2, "key"), .optionalBool(3, "optional"),
        ]),
        "SecretKeySelector": MessageSchema(package + "SecretKeySelector", [
            .inline(1, "LocalObjectReference"), .string(2, "key"), .optionalBool(3, "optional"),
        ]),
        "ResourceRequirements": MessageSchema(package + "ResourceRequirements", [
            .quantityMap(1, "limits"), .quantityMap(2, "requests"),
        ]),
        "VolumeMount": MessageSchema(package + "VolumeMount", [
            .string(1, "name"), .bool(2, "readOnly"), .string(3, "mountPath"), .string(4, "subPath"),
            .optionalString(5, "mountPropagation"), .string(6, "subPathExpr"),
        ]),
        "VolumeDevice": MessageSchema(package + "VolumeDevice", [.string(1, "name"), .string(2, "devicePath")]),
        "Probe": MessageSchema(package + "Probe", [
            .inline(1, "Handler"), .int32(2, "initialDelaySeconds"), .int32(3, "timeoutSeconds"), .int32(4, "periodSeconds"),
            .int32(5, "successThreshold"), .int32(6, "failureThreshold"), .optionalInt64(7, "terminationGracePeriodSeconds"),
        ]),
        "Handler": MessageSchema(package + "Handler", [
            .message(1, "exec", "ExecAction"), .message(2, "httpGet", "HTTPGetAction"), .message(3, "tcpSocket", "TCPSocketAction"),
        ]),
        "Lifecycle": MessageSchema(package + "Lifecycle", [.message(1, "postStart", "Handler"), .message(2, "preStop", "Handler")]),
        "ExecAction": MessageSchema(package + "ExecAction", [.strings(1, "command")]),
        "HTTPGetAction": MessageSchema(package + "HTTPGetAction", [
            .string(1, "path"), .intOrString(2, "port"), .string(3, "host"), .string(4, "scheme"),
            .messages(5, "httpHeaders", "HTTPHeader"),
        ]),
        "HTTPHeader": MessageSchema(package + "HTTPHeader", [.string(1, "name"), .string(2, "value")]),
        "TCPSocketAction": MessageSchema(package + "TCPSocketAction", [.intOrString(1, "port"), .string(2, "host")]),
        "SecurityContext": MessageSchema(package + "SecurityContext", [
            .message(1, "capabilities", "Capabilities"), .optionalBool(2, "privileged"),
            .message(3, "seLinuxOptions", "SELinuxOptions"), .message(10, "windowsOptions", "WindowsSecurityContextOptions"),
            .optionalInt64(4, "runAsUser"), .optionalInt64(8, "runAsGroup"), .optionalBool(5, "runAsNonRoot"),
            .optionalBool(6, "readOnlyRootFilesystem"), .optionalBool(7, "allowPrivilegeEscalation"),
            .optionalString(9, "procMount"), .message(11, "seccompProfile", "SeccompProfile"),
        ]),
        "Capabilities": MessageSchema(package + "Capabilities", [.strings(1, "add"), .strings(2, "drop")]),
    ]
}
