import APIMachinery

/// Schemas of core/v1 PodSpec, PodTemplateSpec, Container and their parts, shared by Pod and every workload kind.
/// Every PodSpec and Container field is listed by name; rarely used deep structures are kept as `.any`.
public enum PodSchemas {
    public static let toleration = Schema.object(
        "Lets the pod run on nodes with a matching taint.",
        [
            "effect": .string("Taint effect to match; all effects when empty.", enum: ["NoSchedule", "PreferNoSchedule", "NoExecute", ""]),
            "key": .string("Taint key to match; all keys when empty with operator Exists."),
            "operator": .string("Exists or Equal; Equal when absent.", enum: ["Exists", "Equal", ""]),
            "tolerationSeconds": .integer("For NoExecute: how long the pod stays after the taint appears.", format: "int64"),
            "value": .string("Taint value to match with operator Equal."),
        ])

    static let nameReference = Schema.object("A reference by name.", ["name": .string("Name of the referenced object.")])

    public static let podSpec = Schema.object(
        "The desired state of a pod: its containers, volumes and scheduling.", required: ["containers"],
        [
            "activeDeadlineSeconds": .integer("Seconds the pod may run before it is failed.", format: "int64"),
            "affinity": .any("Node, pod and anti-pod affinity scheduling rules."),
            "automountServiceAccountToken": .boolean("Whether a service account token is mounted."),
            "containers": .array(container, "Containers of the pod; at least one.", merge: .byKey("name")),
            "dnsConfig": .object("Extra DNS resolver settings.", [
                "nameservers": .array(.string(), "Extra name server addresses."),
                "options": .array(.object("A resolver option.", ["name": .string("Option name."), "value": .string("Option value.")]),
                                  "Resolver options."),
                "searches": .array(.string(), "Extra search domains."),
            ]),
            "dnsPolicy": .string("How DNS is configured; ClusterFirst when absent.",
                                 enum: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]),
            "enableServiceLinks": .boolean("Whether service environment variables are injected; true when absent."),
            "ephemeralContainers": .array(ephemeralContainer, "Debugging containers added to the running pod.", merge: .byKey("name")),
            "hostAliases": .array(.object("Extra /etc/hosts entries for an address.", required: ["ip"], [
                "hostnames": .array(.string(), "Host names for the address."),
                "ip": .string("The address."),
            ]), "Entries added to the pod's /etc/hosts.", merge: .byKey("ip")),
            "hostIPC": .boolean("Use the host's IPC namespace."),
            "hostNetwork": .boolean("Use the host's network namespace."),
            "hostPID": .boolean("Use the host's PID namespace."),
            "hostUsers": .boolean("Use the host's user namespace; true when absent."),
            "hostname": .string("Host name of the pod; the pod name when absent."),
            "imagePullSecrets": .array(nameReference, "Secrets used to pull images.", merge: .byKey("name")),
            "initContainers": .array(container, "Containers run to completion, in order, before the others.", merge: .byKey("name")),
            "nodeName": .string("Node the pod is bound to; set by the scheduler."),
            "nodeSelector": .stringMap("Labels a node must have to run the pod."),
            "os": .object("Operating system the pod needs.", required: ["name"], ["name": .string("linux or windows.")]),
            "overhead": .map(quantity, "Resources the pod's runtime uses beyond its containers."),
            "preemptionPolicy": .string("Whether the pod may preempt lower-priority pods."),
            "priority": .integer("Priority value, resolved from priorityClassName."),
            "priorityClassName": .string("Name of the pod's PriorityClass."),
            "readinessGates": .array(.object("An extra condition the pod needs to be ready.", required: ["conditionType"],
                                             ["conditionType": .string("Condition type in the pod's status.")]),
                                     "Extra conditions that gate readiness."),
            "resourceClaims": .array(.object("A dynamic resource claim of the pod.", required: ["name"], [
                "name": .string("Name containers use to refer to the claim."),
                "resourceClaimName": .string("An existing ResourceClaim."),
                "resourceClaimTemplateName": .string("A template to create a claim from."),
            ]), "Dynamic resource claims of the pod.", merge: .byKey("name")),
            "resources": resourceRequirements.described("Resources of the pod as a whole (pod-level resources)."),
            "restartPolicy": .string("Always, OnFailure or Never; Always when absent.", enum: ["Always", "OnFailure", "Never"]),
            "runtimeClassName": .string("RuntimeClass to run the pod with."),
            "schedulerName": .string("Scheduler that places the pod; default-scheduler when absent."),
            "schedulingGates": .array(nameReference.described("A gate that holds scheduling back."),
                                      "Gates to remove before the pod is scheduled.", merge: .byKey("name")),
            "securityContext": .any("Pod-wide security options: user, group, fsGroup, sysctls, seccomp."),
            "serviceAccount": .string("Deprecated alias of serviceAccountName."),
            "serviceAccountName": .string("Service account the pod runs as."),
            "setHostnameAsFQDN": .boolean("Set the host name to the fully qualified domain name."),
            "shareProcessNamespace": .boolean("Share one PID namespace between the containers."),
            "subdomain": .string("Subdomain of the pod's DNS name (pod.subdomain.namespace.svc)."),
            "terminationGracePeriodSeconds": .integer("Seconds allowed for graceful shutdown; 30 when absent.", format: "int64"),
            "tolerations": .array(toleration, "Taints the pod tolerates."),
            "topologySpreadConstraints": .array(.any("How pods spread over a topology domain."),
                                                "Spreading rules across zones, nodes and other domains.", merge: .byKey("topologyKey")),
            "volumes": .array(volume, "Volumes containers can mount.", merge: .byKey("name")),
        ])

    public static let podTemplateSpec = Schema.object(
        "The pods a controller creates: their metadata and spec.",
        ["metadata": CommonSchemas.objectMeta, "spec": podSpec])
}
