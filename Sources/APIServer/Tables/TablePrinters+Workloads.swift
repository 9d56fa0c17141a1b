import APIMachinery

/// Columns of the apps/v1 kinds, as kubectl shows them for a real cluster.
extension TablePrinters {
    static let statefulSets: [TableColumn] = [
        .name,
        .string("Ready", "Number of pods ready out of desired replicas.") { "\(Cells.int($0["status"]["readyReplicas"]))/\(Cells.int($0["spec"]["replicas"]))" },
        .age,
        .string("Containers", priority: 1, "Names of the containers in the template.") { Cells.containerNames($0["spec"]["template"]) },
        .string("Images", priority: 1, "Images of the containers in the template.") { Cells.images($0["spec"]["template"]) },
    ]

    static let deployments: [TableColumn] = [
        .name,
        .string("Ready", "Number of pods ready out of desired replicas.") { "\(Cells.int($0["status"]["readyReplicas"]))/\(Cells.int($0["spec"]["replicas"]))" },
        .integer("Up-to-date", "Pods running the latest template.") { Cells.int($0["status"]["updatedReplicas"]) },
        .integer("Available", "Pods available to users.") { Cells.int($0["status"]["availableReplicas"]) },
        .age,
        .string("Containers", priority: 1, "Names of the containers in the template.") { Cells.containerNames($0["spec"]["template"]) },
        .string("Images", priority: 1, "Images of the containers in the template.") { Cells.images($0["spec"]["template"]) },
        .string("Selector", priority: 1, "The label selector of the pods.") { Cells.selector($0["spec"]["selector"]) },
    ]

    static let replicaSets: [TableColumn] = [
        .name,
        .integer("Desired", "Desired number of pods.") { Cells.int($0["spec"]["replicas"]) },
        .integer("Current", "Pods that exist.") { Cells.int($0["status"]["replicas"]) },
        .integer("Ready", "Pods that are ready.") { Cells.int($0["status"]["readyReplicas"]) },
        .age,
        .string("Containers", priority: 1, "Names of the containers in the template.") { Cells.containerNames($0["spec"]["template"]) },
        .string("Images", priority: 1, "Images of the containers in the template.") { Cells.images($0["spec"]["template"]) },
        .string("Selector", priority: 1, "The label selector of the pods.") { Cells.selector($0["spec"]["selector"]) },
    ]

    static let daemonSets: [TableColumn] = [
        .name,
        .integer("Desired", "Nodes that should run the pod.") { Cells.int($0["status"]["desiredNumberScheduled"]) },
        .integer("Current", "Nodes running the pod.") { Cells.int($0["status"]["currentNumberScheduled"]) },
        .integer("Ready", "Nodes where the pod is ready.") { Cells.int($0["status"]["numberReady"]) },
        .integer("Up-to-date", "Nodes running the latest template.") { Cells.int($0["status"]["updatedNumberScheduled"]) },
        .integer("Available", "Nodes where the pod is available.") { Cells.int($0["status"]["numberAvailable"]) },
        .string("Node Selector", "Which nodes run the pod.") { object in
            let selector = object["spec"]["template"]["spec"]["nodeSelector"].stringMap ?? [:]
            return Cells.joined(selector.keys.sorted().map { "\($0)=\(selector[$0]!)" })
        },
        .age,
    ]

    static let controllerRevisions: [TableColumn] = [
        .name,
        .string("Controller", "The owner that controls this revision.") { object in
            object.controllerReference.map { "\($0.kind.lowercased()).\($0.apiVersion.split(separator: "/").first ?? "")/\($0.name)" } ?? "<none>"
        },
        .integer("Revision", "The revision number.") { Cells.int($0["revision"]) },
        .age,
    ]
}
