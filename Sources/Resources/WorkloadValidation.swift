import APIMachinery

/// Rules every pod-managing workload (StatefulSet, Deployment, ReplicaSet, DaemonSet) applies to its
/// `spec.selector` and `spec.template`, with the wording each kind uses upstream.
enum WorkloadValidation {
    /// `spec.selector`: required, well-formed, and not empty (`empty selector is invalid for <noun>`).
    static func validateSelector(_ spec: JSON, emptySelectorNoun: String) -> [FieldError] {
        let selector = spec["selector"]
        guard !selector.isNull else { return [.required("spec.selector")] }
        var errors = LabelSelector.validate(selector, path: "spec.selector")
        let requirements = (selector["matchLabels"].objectValue?.count ?? 0) + (selector["matchExpressions"].arrayValue?.count ?? 0)
        if requirements == 0 {
            errors.append(.invalid("spec.selector", selector, "empty selector is invalid for \(emptySelectorNoun)"))
        }
        return errors
    }

    /// `spec.template`: labels matched by the selector, a valid pod spec, restart policy `Always`, and no
    /// `activeDeadlineSeconds` (`activeDeadlineSeconds in <kind> is not Supported`).
    static func validateTemplate(_ spec: JSON, deadlineKind: String) -> [FieldError] {
        let template = spec["template"]
        guard !template.isNull else { return [.required("spec.template")] }
        var errors: [FieldError] = []
        let labels = template["metadata"]["labels"]
        if let selector = try? LabelSelector(json: spec["selector"]), !spec["selector"].semanticallyNormalized.isNull,
           !selector.matches(labels.stringMap ?? [:]) {
            errors.append(.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"))
        }
        errors += PodValidation.validate(podSpec: template["spec"], path: "spec.template.spec")
            .filter { $0.field != "spec.template.spec.restartPolicy" }
        let restartPolicy = template["spec"]["restartPolicy"]
        if restartPolicy.stringValue != "Always" {
            errors.append(.notSupported("spec.template.spec.restartPolicy", restartPolicy, supported: ["Always"]))
        }
        if !template["spec"]["activeDeadlineSeconds"].isNull {
            errors.append(.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in \(deadlineKind) is not Supported"))
        }
        return errors
    }

    /// Non-negative checks of integer fields of `object` named by their dotted paths under `root`.
    static func nonNegative(_ object: JSON, root: String, fields: [String]) -> [FieldError] {
        fields.flatMap { field in FieldChecks.nonNegative(object[path: field.split(separator: ".").map(String.init)], "\(root).\(field)") }
    }
}
