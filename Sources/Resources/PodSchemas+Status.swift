import APIMachinery

extension PodSchemas {
    public static let podCondition = Schema.object(
        "One aspect of the pod's state (PodScheduled, Initialized, ContainersReady, Ready, ...).", required: ["type", "status"],
        [
            "type": .string("Condition type."),
            "status": .string("True, False or Unknown."),
            "lastProbeTime": .string("When the condition was last checked.", format: "date-time"),
            "lastTransitionTime": .string("When status last changed.", format: "date-time"),
            "reason": .string("Machine-readable reason of the last transition."),
            "message": .string("Human-readable detail of the last transition."),
        ])

    public static let containerState = Schema.object(
        "What a container is doing; exactly one member is set.",
        [
            "waiting": .object("Not running yet.", ["reason": .string("Why it waits."), "message": .string("Detail.")]),
            "running": .object("Running.", ["startedAt": .string("When it started.", format: "date-time")]),
            "terminated": .object("Finished.", required: ["exitCode"], [
                "exitCode": .integer("Exit status."),
                "signal": .integer("Signal that ended it."),
                "reason": .string("Why it ended."),
                "message": .string("Detail."),
                "startedAt": .string("When it started.", format: "date-time"),
                "finishedAt": .string("When it ended.", format: "date-time"),
                "containerID": .string("Runtime container ID."),
            ]),
        ])

    public static let containerStatus = Schema.object(
        "Observed state of one container.", required: ["name", "ready", "restartCount", "image", "imageID"],
        [
            "name": .string("Container name."),
            "state": containerState,
            "lastState": containerState.described("The previous termination, if any."),
            "ready": .boolean("Whether the readiness probe passes."),
            "restartCount": .integer("How often the container restarted."),
            "image": .string("Image the container runs."),
            "imageID": .string("Resolved image ID."),
            "containerID": .string("Runtime container ID."),
            "started": .boolean("Whether the startup probe passed."),
            "allocatedResources": .map(quantity, "Resources allocated to the container."),
            "resources": resourceRequirements.described("Resources applied to the running container."),
            "volumeMounts": .array(.any("A mount as the runtime reports it."), "Mounts of the running container."),
            "user": .any("Identity the container's first process runs as."),
            "allocatedResourcesStatus": .array(.any("Health of allocated devices."), "Health of allocated resources."),
        ])

    static let podIP = Schema.object("An address of the pod.", ["ip": .string("The address.")])

    public static let podStatus = Schema.object(
        "Observed state of a pod, written by the kubelet and the scheduler.",
        [
            "conditions": .array(podCondition, "Current conditions of the pod.", merge: .byKey("type")),
            "containerStatuses": .array(containerStatus, "One entry per container."),
            "ephemeralContainerStatuses": .array(containerStatus, "One entry per ephemeral container."),
            "hostIP": .string("Address of the node."),
            "hostIPs": .array(podIP, "Addresses of the node.", merge: .byKey("ip")),
            "initContainerStatuses": .array(containerStatus, "One entry per init container."),
            "message": .string("Why the pod is in its phase."),
            "nominatedNodeName": .string("Node the pod may run on once preemption finishes."),
            "phase": .string("Pending, Running, Succeeded, Failed or Unknown.",
                             enum: ["Pending", "Running", "Succeeded", "Failed", "Unknown"]),
            "podIP": .string("Address of the pod."),
            "podIPs": .array(podIP, "Addresses of the pod.", merge: .byKey("ip")),
            "qosClass": .string("BestEffort, Burstable or Guaranteed.", enum: ["BestEffort", "Burstable", "Guaranteed"]),
            "reason": .string("Short reason for the phase, e.g. Evicted."),
            "resize": .string("State of an in-place resize."),
            "resourceClaimStatuses": .array(.any("A generated resource claim."), "Claims generated for the pod.", merge: .byKey("name")),
            "startTime": .string("When the kubelet accepted the pod.", format: "date-time"),
        ])
}
