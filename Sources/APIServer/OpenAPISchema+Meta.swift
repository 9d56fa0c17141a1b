import APIMachinery

/// The shared meta.k8s.io and autoscaling schemas every group-version document carries: Status, lists,
/// watch events, DeleteOptions and Scale. Names follow Kubernetes' own component names so clients that
/// look schemas up by name (`kubectl explain`, generators) find them.
extension OpenAPISchema {
    static let metaPrefix = "io.k8s.apimachinery.pkg.apis.meta.v1."
    static let statusName = metaPrefix + "Status"
    static let listMetaName = metaPrefix + "ListMeta"
    static let watchEventName = metaPrefix + "WatchEvent"
    static let deleteOptionsName = metaPrefix + "DeleteOptions"
    static let scaleName = "io.k8s.api.autoscaling.v1.Scale"

    static func ref(_ name: String) -> JSON { ["$ref": .string("#/components/schemas/\(name)")] }

    /// The list kind of a definition (`StatefulSetList`), its items typed by the kind's schema.
    static func list(of definition: ResourceDefinition, itemSchema: String) -> JSON {
        [
            "type": "object",
            "description": .string("A page of \(definition.kind) objects and the version of the state it was read at."),
            "required": ["items"],
            "properties": [
                "apiVersion": ["type": "string", "description": "Versioned schema of this list."],
                "kind": ["type": "string", "description": .string("Always \(definition.listKind).")],
                "metadata": ref(listMetaName),
                "items": ["type": "array", "items": ref(itemSchema), "description": .string("The \(definition.kind) objects.")],
            ],
            "x-kubernetes-group-version-kind": [["group": .string(definition.group), "version": .string(definition.version),
                                                 "kind": .string(definition.listKind)]],
        ]
    }

    static let listMeta: JSON = [
        "type": "object",
        "description": "Metadata of a list: the state version it was read at and how to fetch the next page.",
        "properties": [
            "resourceVersion": ["type": "string", "description": "Version of the state the list was read at; a watch can start from it."],
            "continue": ["type": "string", "description": "Token for the next page when the list was cut by limit; empty on the last page."],
            "remainingItemCount": ["type": "integer", "format": "int64", "description": "How many items the later pages hold, when known."],
            "selfLink": ["type": "string", "description": "Deprecated; never set."],
        ],
    ]

    static let status: JSON = [
        "type": "object",
        "description": "The outcome of an operation that did not return an object, or of one that failed.",
        "properties": [
            "apiVersion": ["type": "string"], "kind": ["type": "string"],
            "metadata": ref(listMetaName),
            "status": ["type": "string", "description": "Success or Failure."],
            "message": ["type": "string", "description": "What happened, for people."],
            "reason": ["type": "string", "description": "Why it failed, for machines (NotFound, Conflict, ...)."],
            "details": [
                "type": "object", "description": "Which object the outcome concerns and, for invalid input, each field at fault.",
                "properties": [
                    "name": ["type": "string", "description": "Name of the object concerned."],
                    "group": ["type": "string", "description": "API group of the object concerned."],
                    "kind": ["type": "string", "description": "Kind (or resource) of the object concerned."],
                    "uid": ["type": "string", "description": "UID of the object concerned."],
                    "retryAfterSeconds": ["type": "integer", "format": "int32", "description": "Seconds to wait before retrying."],
                    "causes": ["type": "array", "description": "Each problem found.", "items": [
                        "type": "object",
                        "properties": [
                            "reason": ["type": "string", "description": "Machine-readable kind of problem (FieldValueInvalid, ...)."],
                            "message": ["type": "string", "description": "The problem, for people."],
                            "field": ["type": "string", "description": "Path of the field at fault, e.g. spec.replicas."],
                        ],
                    ]],
                ],
            ],
            "code": ["type": "integer", "format": "int32", "description": "The HTTP status code."],
        ],
        "x-kubernetes-group-version-kind": [["group": "", "version": "v1", "kind": "Status"]],
    ]

    static let watchEvent: JSON = [
        "type": "object",
        "description": "One line of a watch stream: what happened and the object as it is after the change.",
        "required": ["type", "object"],
        "properties": [
            "type": ["type": "string", "description": "ADDED, MODIFIED, DELETED, BOOKMARK or ERROR."],
            "object": ["type": "object", "x-kubernetes-preserve-unknown-fields": true,
                       "description": "The object; a Status for ERROR (410 Expired when the version is too old); only metadata.resourceVersion for BOOKMARK."],
        ],
        "x-kubernetes-group-version-kind": [["group": "", "version": "v1", "kind": "WatchEvent"]],
    ]

    static let deleteOptions: JSON = [
        "type": "object",
        "description": "How a delete proceeds: grace period, what happens to dependents, and preconditions.",
        "properties": [
            "apiVersion": ["type": "string"], "kind": ["type": "string"],
            "gracePeriodSeconds": ["type": "integer", "format": "int64", "description": "Seconds before the object is removed; 0 removes it at once."],
            "propagationPolicy": ["type": "string", "description": "Orphan, Background or Foreground: what happens to objects this one owns."],
            "orphanDependents": ["type": "boolean", "description": "Deprecated form of propagationPolicy Orphan."],
            "preconditions": [
                "type": "object", "description": "The delete happens only if the object still has this uid and resourceVersion.",
                "properties": ["uid": ["type": "string"], "resourceVersion": ["type": "string"]],
            ],
            "dryRun": ["type": "array", "items": ["type": "string"], "description": "All: check, persist nothing."],
        ],
        "x-kubernetes-group-version-kind": [["group": "", "version": "v1", "kind": "DeleteOptions"]],
    ]

    static let scale: JSON = [
        "type": "object",
        "description": "The replica count of a scalable object, read and written through its /scale subresource.",
        "properties": [
            "apiVersion": ["type": "string", "description": "autoscaling/v1."],
            "kind": ["type": "string", "description": "Scale."],
            "metadata": ["type": "object", "x-kubernetes-preserve-unknown-fields": true,
                         "description": "Name, namespace, uid and resourceVersion of the scaled object."],
            "spec": ["type": "object", "description": "Desired scale.", "properties": [
                "replicas": ["type": "integer", "format": "int32", "description": "Desired number of replicas."],
            ]],
            "status": ["type": "object", "description": "Observed scale.", "required": ["replicas"], "properties": [
                "replicas": ["type": "integer", "format": "int32", "description": "Replicas observed by the controller."],
                "selector": ["type": "string", "description": "Label selector of the pods, as a string."],
            ]],
        ],
        "x-kubernetes-group-version-kind": [["group": "autoscaling", "version": "v1", "kind": "Scale"]],
    ]

    /// The body of `POST pods/{name}/binding`: which node the pod is assigned to.
    static let binding: JSON = [
        "type": "object",
        "description": "Assigns a pod to a node, as a scheduler does.",
        "required": ["target"],
        "properties": [
            "apiVersion": ["type": "string"], "kind": ["type": "string"],
            "metadata": ["type": "object", "x-kubernetes-preserve-unknown-fields": true, "description": "Name and namespace of the pod."],
            "target": ["type": "object", "description": "The node: kind Node and its name.", "properties": [
                "apiVersion": ["type": "string"], "kind": ["type": "string"],
                "name": ["type": "string", "description": "Name of the node."],
            ]],
        ],
        "x-kubernetes-group-version-kind": [["group": "", "version": "v1", "kind": "Binding"]],
    ]

    /// Every shared schema by component name.
    static let shared: [(String, JSON)] = [
        (statusName, status), (listMetaName, listMeta), (watchEventName, watchEvent),
        (deleteOptionsName, deleteOptions), (scaleName, scale),
    ]
}
