import APIMachinery
import OrderedCollections

extension PodSchemas {
    /// A resource amount such as `100m`, `1Gi` or `2`; clients send strings or numbers.
    public static let quantity = Schema(.intOrString, "An amount of a resource, e.g. 500m CPU or 1Gi memory.", format: "quantity")

    public static let resourceRequirements = Schema.object(
        "Compute resources a container asks for and may not exceed.",
        [
            "limits": .map(quantity, "Most of each resource the container may use."),
            "requests": .map(quantity, "Resources the scheduler reserves; default to the limits when absent."),
            "claims": .array(.object("A resource claim of the pod this container uses.", required: ["name"], [
                "name": .string("Name of the claim in the pod's resourceClaims."),
                "request": .string("One request of the claim, when it has several."),
            ]), "Dynamic resource claims this container uses."),
        ])

    public static let containerPort = Schema.object(
        "A network port the container listens on.", required: ["containerPort"],
        [
            "containerPort": .integer("Port number inside the container (1-65535)."),
            "hostIP": .string("Host address the host port binds to."),
            "hostPort": .integer("Port exposed on the node; rarely needed."),
            "name": .string("IANA service name of the port, unique within the pod."),
            "protocol": .string("TCP, UDP or SCTP; TCP when absent.", enum: ["TCP", "UDP", "SCTP"]),
        ])

    public static let envVar = Schema.object(
        "An environment variable of the container.", required: ["name"],
        [
            "name": .string("Variable name."),
            "value": .string("Literal value, with $(VAR) references expanded."),
            "valueFrom": .any("Where to read the value from: a field, a resource, a ConfigMap or Secret key."),
        ])

    public static let envFromSource = Schema.object(
        "A ConfigMap or Secret whose keys all become environment variables.",
        [
            "configMapRef": .object("The ConfigMap to read.", ["name": .string("ConfigMap name."), "optional": .boolean("Whether it may be missing.")]),
            "prefix": .string("Prefix added to every variable name."),
            "secretRef": .object("The Secret to read.", ["name": .string("Secret name."), "optional": .boolean("Whether it may be missing.")]),
        ])

    public static let volumeMount = Schema.object(
        "Where a pod volume appears in the container's filesystem.", required: ["name", "mountPath"],
        [
            "mountPath": .string("Path inside the container."),
            "mountPropagation": .string("How mounts propagate between host and container."),
            "name": .string("Name of the pod volume."),
            "readOnly": .boolean("Mount read-only."),
            "recursiveReadOnly": .string("Whether read-only applies to submounts too."),
            "subPath": .string("Path inside the volume to mount instead of its root."),
            "subPathExpr": .string("Like subPath, with $(VAR) references expanded."),
        ])

    static let httpGetAction = Schema.object(
        "An HTTP GET request; a status from 200 to 399 succeeds.", required: ["port"],
        [
            "host": .string("Host to connect to; the pod IP when absent."),
            "httpHeaders": .array(.object("A request header.", required: ["name", "value"],
                                          ["name": .string("Header name."), "value": .string("Header value.")]),
                                  "Extra request headers."),
            "path": .string("Request path; / when absent."),
            "port": .intOrString("Port number or name."),
            "scheme": .string("HTTP or HTTPS; HTTP when absent."),
        ])

    static let execAction = Schema.object("A command run inside the container; exit status 0 succeeds.",
                                          ["command": .array(.string(), "The command and its arguments.")])

    static let tcpSocketAction = Schema.object("A TCP connection attempt.", required: ["port"],
                                               ["host": .string("Host to connect to."), "port": .intOrString("Port number or name.")])

    public static let probe = Schema.object(
        "A periodic check of the container's health.",
        [
            "exec": execAction,
            "httpGet": httpGetAction,
            "tcpSocket": tcpSocketAction,
            "grpc": .object("A gRPC health check.", required: ["port"],
                            ["port": .integer("Port number."), "service": .string("Service name sent in the request.")]),
            "initialDelaySeconds": .integer("Seconds after start before the first check."),
            "timeoutSeconds": .integer("Seconds before a check times out; 1 when absent."),
            "periodSeconds": .integer("Seconds between checks; 10 when absent."),
            "successThreshold": .integer("Consecutive successes that count as success; 1 when absent."),
            "failureThreshold": .integer("Consecutive failures that count as failure; 3 when absent."),
            "terminationGracePeriodSeconds": .integer("Grace period used when this probe fails.", format: "int64"),
        ])

    static let lifecycleHandler = Schema.object(
        "An action run at a point of the container's life.",
        [
            "exec": execAction,
            "httpGet": httpGetAction,
            "tcpSocket": tcpSocketAction,
            "sleep": .object("A pause.", required: ["seconds"], ["seconds": .integer("Seconds to sleep.", format: "int64")]),
        ])

    public static let lifecycle = Schema.object(
        "Actions run right after the container starts and before it stops.",
        ["postStart": lifecycleHandler, "preStop": lifecycleHandler])

    /// The fields every container kind shares; ephemeral containers add `targetContainerName`.
    static let containerProperties: OrderedDictionary<String, Schema> = [
        "args": .array(.string(), "Arguments to the entrypoint; the image's CMD when absent."),
        "command": .array(.string(), "Entrypoint; the image's ENTRYPOINT when absent."),
        "env": .array(envVar, "Environment variables.", merge: .byKey("name")),
        "envFrom": .array(envFromSource, "Sources of many environment variables at once."),
        "image": .string("Container image reference."),
        "imagePullPolicy": .string("Always, Never or IfNotPresent.", enum: ["Always", "Never", "IfNotPresent"]),
        "lifecycle": lifecycle,
        "livenessProbe": probe.described("Restarts the container when it fails."),
        "name": .string("Name of the container, a DNS label unique within the pod."),
        "ports": .array(containerPort, "Ports the container listens on (informational).", merge: .byKey("containerPort")),
        "readinessProbe": probe.described("Removes the pod from service endpoints while it fails."),
        "resizePolicy": .array(.object("How a resource is resized in place.", required: ["resourceName", "restartPolicy"], [
            "resourceName": .string("cpu or memory."),
            "restartPolicy": .string("NotRequired or RestartContainer."),
        ]), "Resize behaviour per resource."),
        "resources": resourceRequirements,
        "restartPolicy": .string("Always makes an init container a sidecar."),
        "securityContext": .any("Security options of the container: user, capabilities, privilege, seccomp."),
        "startupProbe": probe.described("Holds the other probes back until it succeeds."),
        "stdin": .boolean("Keep a stdin buffer open."),
        "stdinOnce": .boolean("Close stdin after the first attach ends."),
        "terminationMessagePath": .string("File whose contents become the termination message."),
        "terminationMessagePolicy": .string("File or FallbackToLogsOnError.", enum: ["File", "FallbackToLogsOnError"]),
        "tty": .boolean("Allocate a TTY."),
        "volumeDevices": .array(.object("A raw block device from a volume.", required: ["name", "devicePath"], [
            "devicePath": .string("Device path inside the container."),
            "name": .string("Name of a persistentVolumeClaim volume of the pod."),
        ]), "Block devices the container uses.", merge: .byKey("devicePath")),
        "volumeMounts": .array(volumeMount, "Pod volumes mounted into the container.", merge: .byKey("mountPath")),
        "workingDir": .string("Working directory; the image's when absent."),
    ]

    public static let container = Schema(.object(containerProperties), "A container of a pod.", required: ["name"])

    public static let ephemeralContainer: Schema = {
        var properties = containerProperties
        properties["targetContainerName"] = .string("Container whose namespaces this one joins.")
        return Schema(.object(properties), "A temporary container added to a running pod for debugging.", required: ["name"])
    }()
}
