import APIMachinery
import KubeClient

/// Adoption and release (upstream's `ClaimObject`): orphans that match are given the set as controller, and
/// controlled objects that stopped matching are let go. Both are merge patches of `metadata.ownerReferences`
/// carrying the object's `resourceVersion`, so they apply only to the version that was judged.
enum Adoption {
    /// The objects the set controls after this pass's adoptions and releases, and the patches that make it so.
    /// `isMember` adds a condition to the selector (for pods: a name of the form `<set>-<ordinal>`).
    static func claim(_ objects: [JSON], as resource: APIResource, by set: StatefulSetView, selector: LabelSelector,
                      isMember: (JSON) -> Bool) -> (owned: [JSON], actions: [ControllerAction]) {
        var owned: [JSON] = []
        var actions: [ControllerAction] = []
        for object in objects {
            let controller = object.controllerUID
            if let controller, controller != set.uid { continue }
            let matches = isMember(object) && selector.matches(labelsOf: object)
            let others = { object.ownerReferences.filter { $0.uid != set.uid } }
            switch controller {
            case _?:
                if matches {
                    owned.append(object)
                } else {
                    actions.append(patch(resource, object, set: set, ownerReferences: others()))
                }
            case nil where matches && !object.isTerminating:
                let references = others() + [set.controllerReference]
                var adopted = object
                adopted[path: ["metadata", "ownerReferences"]] = .array(references.map(\.json))
                owned.append(adopted)
                actions.append(patch(resource, object, set: set, ownerReferences: references))
            default:
                continue
            }
        }
        return (owned, actions)
    }

    private static func patch(_ resource: APIResource, _ object: JSON, set: StatefulSetView,
                              ownerReferences: [OwnerReference]) -> ControllerAction {
        let references: JSON = ownerReferences.isEmpty ? .null : .array(ownerReferences.map(\.json))
        let patch: JSON = ["metadata": ["ownerReferences": references, "resourceVersion": .string(object.resourceVersion)]]
        return .patch(resource, namespace: set.namespace, name: object.name, mergePatch: patch)
    }
}

extension LabelSelector {
    /// `matches(object.labels)`, reading only the labels the selector names instead of copying the whole map
    /// (a pass matches every pod of the namespace).
    func matches(labelsOf object: JSON) -> Bool {
        var labels: [String: String] = [:]
        for requirement in requirements {
            if let value = object.label(requirement.key) { labels[requirement.key] = value }
        }
        return matches(labels)
    }
}
