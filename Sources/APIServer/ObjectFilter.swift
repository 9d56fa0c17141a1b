import APIMachinery

/// A list or watch request's label and field selectors, checked against decoded objects.
struct ObjectFilter {
    let labelSelector: LabelSelector?
    let fieldSelector: FieldSelector?
    let fieldPaths: [String: [String]]

    /// Refuses field selectors on fields the kind does not support, as Kubernetes does.
    init(definition: ResourceDefinition, options: ListOptions) throws {
        labelSelector = options.labelSelector.flatMap { $0.isEmpty ? nil : $0 }
        fieldSelector = options.fieldSelector
        var paths = definition.fieldLabels
        paths["metadata.name"] = ["metadata", "name"]
        paths["metadata.namespace"] = ["metadata", "namespace"]
        fieldPaths = paths
        for field in fieldSelector?.fields ?? [] where paths[field] == nil {
            throw StatusError.badRequest("field label not supported: \(field)")
        }
    }

    /// True when every object passes: no need to decode anything.
    var isEverything: Bool { labelSelector == nil && (fieldSelector?.fields.isEmpty ?? true) }

    func matches(_ object: JSON) -> Bool {
        if let labelSelector, !labelSelector.matches(object["metadata"]["labels"].stringMap ?? [:]) { return false }
        if let fieldSelector {
            return fieldSelector.matches { field in
                guard let path = fieldPaths[field] else { return nil }
                switch object[path: path] {
                case .string(let s): return s
                case .bool(let b): return b ? "true" : "false"
                case .int(let i): return String(i)
                default: return ""
                }
            }
        }
        return true
    }
}
