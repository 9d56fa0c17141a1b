import APIMachinery

/// What may change in a pod's spec after creation: container and init container images, a shorter
/// `activeDeadlineSeconds`, added tolerations, and a negative grace period raised to 1. Anything else is
/// `spec: Forbidden` with Kubernetes' message.
public enum PodUpdateValidation {
    public static let forbiddenMessage = "pod updates may not change fields other than `spec.containers[*].image`,"
        + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
        + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"

    /// Errors of changing `old` (a stored pod spec) into `new`; paths start with `spec`.
    public static func validate(newSpec new: JSON, oldSpec old: JSON) -> [FieldError] {
        if (new["containers"].arrayValue ?? []).count != (old["containers"].arrayValue ?? []).count {
            return [.forbidden("spec.containers", "pod updates may not add or remove containers")]
        }
        var errors = validateActiveDeadline(new["activeDeadlineSeconds"], old: old["activeDeadlineSeconds"])
        errors += validateOnlyAddedTolerations(new["tolerations"], old: old["tolerations"])
        if !withMutableFieldsOf(old, appliedTo: new).semanticallyEquals(old) {
            errors.append(.forbidden("spec", forbiddenMessage + "\n" + changedFields(new, old)))
        }
        return errors
    }

    /// `new` with the mutable fields put back to their values in `old`.
    static func withMutableFieldsOf(_ old: JSON, appliedTo new: JSON) -> JSON {
        var munged = new
        for list in ["containers", "initContainers"] {
            let oldImages = (old[list].arrayValue ?? []).map { $0["image"] }
            if var containers = munged[list].arrayValue {
                for index in containers.indices where index < oldImages.count { containers[index]["image"] = oldImages[index] }
                munged[list] = .array(containers)
            }
        }
        munged["activeDeadlineSeconds"] = old["activeDeadlineSeconds"]
        munged["tolerations"] = old["tolerations"]
        if let oldGrace = old["terminationGracePeriodSeconds"].intValue, oldGrace < 0,
           new["terminationGracePeriodSeconds"].intValue == 1 {
            munged["terminationGracePeriodSeconds"] = old["terminationGracePeriodSeconds"]
        }
        return munged
    }

    /// The top-level spec fields that differ, to help the reader of the message.
    static func changedFields(_ new: JSON, _ old: JSON) -> String {
        let keys = Set(Array(new.objectValue?.keys ?? [])).union(old.objectValue?.keys ?? [])
        let changed = keys.filter { !new[$0].semanticallyEquals(old[$0]) }.sorted()
        return "changed: " + changed.map { "spec.\($0)" }.joined(separator: ", ")
    }

    static func validateActiveDeadline(_ new: JSON, old: JSON) -> [FieldError] {
        let path = "spec.activeDeadlineSeconds"
        guard let value = new.intValue else {
            return old.isNull ? [] : [.invalid(path, .null, "must not update from a positive integer to nil value")]
        }
        if value < 0 || value > Int64(Int32.max) { return [.invalid(path, new, "must be between 0 and 2147483647, inclusive")] }
        if let previous = old.intValue, value > previous { return [.invalid(path, new, "must be less than or equal to previous value")] }
        return []
    }

    /// Every old toleration must still be there; only its `tolerationSeconds` may change.
    static func validateOnlyAddedTolerations(_ new: JSON, old: JSON) -> [FieldError] {
        let newTolerations = new.arrayValue ?? []
        for existing in old.arrayValue ?? [] {
            let kept = newTolerations.contains { candidate in
                var expected = existing
                expected["tolerationSeconds"] = candidate["tolerationSeconds"]
                return expected.semanticallyEquals(candidate)
            }
            if !kept { return [.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds")] }
        }
        return []
    }
}
