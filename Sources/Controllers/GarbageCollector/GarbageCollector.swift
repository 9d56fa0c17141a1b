import APIMachinery
import KubeClient

/// The garbage collector's decisions, as pure functions over cached objects (upstream
/// `pkg/controller/garbagecollector`, `attemptToDeleteItem`, `orphanDependents`, `processDeletingDependentsItem`).
///
/// Two questions are asked, from either end of an owner reference:
/// - `plan(dependent:…)`: are this object's owners still there? Delete it when all are gone, or drop the
///   references to the gone ones.
/// - `planForOwner(owner:…)`: an owner is being deleted with finalizer `orphan` or `foregroundDeletion`; what must
///   happen to its dependents, and may the finalizer come off?
///
/// Both are level-based and idempotent: they look only at the state handed in, emit nothing once that state is
/// settled, and are safe to call again after some (or none) of their actions were applied. Every write is
/// conditional — deletes carry the dependent's uid, patches its `resourceVersion` — so a decision taken on a stale
/// cache fails with a conflict instead of clobbering a newer object; the caller re-lists and plans again.
///
/// Scope follows upstream: a namespaced owner only owns dependents in its own namespace, and a cluster-scoped
/// dependent can never have a namespaced owner (such a reference counts as absent).
public enum GarbageCollector {
    public static let orphanFinalizer = "orphan"
    public static let foregroundDeletionFinalizer = "foregroundDeletion"

    /// What to do about `dependent`, whose owners may have been deleted.
    ///
    /// `owners` answers, for one reference, the live object the caller found by kind, namespace (the dependent's,
    /// for namespaced owner kinds) and name; it must return nil only when the owner is known to be absent, never for
    /// a kind it cannot look up. An object whose uid differs from the reference's is a different owner that reused
    /// the name, so the reference counts as absent either way.
    ///
    /// - All owners absent: delete the dependent (Background, uid precondition).
    /// - Some absent: one merge patch setting `metadata.ownerReferences` to the live ones.
    /// - None absent, no owner references, or the dependent is already being deleted: nothing.
    public static func plan(dependent: JSON, dependentResource: APIResource,
                            owners: (OwnerReference) -> JSON?) -> [ControllerAction] {
        let references = dependent.ownerReferences
        guard !references.isEmpty, !dependent.isTerminating else { return [] }
        let live = references.filter { reference in
            guard isValidScope(reference, dependentNamespaced: dependentResource.namespaced),
                  let owner = owners(reference) else { return false }
            return owner.uid == reference.uid
        }
        if live.isEmpty {
            return [.delete(dependentResource, namespace: namespaceOf(dependent, dependentResource), name: dependent.name,
                            uid: dependent.uid, propagation: "Background")]
        }
        if live.count == references.count { return [] }
        return [setOwnerReferences(of: dependent, resource: dependentResource, keeping: { reference in
            live.contains { $0.uid == reference.uid }
        })]
    }

    /// What to do for `owner`, which carries a deletion finalizer, given the objects that may depend on it.
    ///
    /// `dependents` may hold any objects; only those whose `ownerReferences` name the owner's uid, and which lie
    /// in its scope, are considered. Actions on dependents come first and the finalizer patch on the owner last.
    ///
    /// - `orphan`: each dependent gets a merge patch setting its `ownerReferences` without the owner. Only once no
    ///   dependent references the owner any more (a later pass, after those patches were seen) is the finalizer
    ///   removed, so the owner never goes while a dependent could still be collected because of it.
    /// - `foregroundDeletion`: each dependent not yet being deleted is deleted (Foreground, uid precondition); one
    ///   that also has other owners instead loses just this reference, as upstream keeps a dependent other owners
    ///   still hold (it is collected later by `plan(dependent:…)` if those are gone too). The finalizer is removed
    ///   in the same pass once no dependent referencing the owner has `blockOwnerDeletion: true`; dependents without
    ///   it never hold the owner back.
    /// - Neither finalizer (or the owner is not being deleted): nothing; Background deletion is `plan(dependent:…)`'s
    ///   job once the owner is gone. `orphan` wins if both are present (the API server refuses that combination).
    public static func planForOwner(owner: JSON, ownerResource: APIResource,
                                    dependents: [(JSON, APIResource)]) -> [ControllerAction] {
        guard owner.isTerminating else { return [] }
        let owned = dependents.filter { dependent, resource in
            dependent.ownerReferences.contains { $0.uid == owner.uid } && isInScope(dependent, resource, of: owner, ownerResource)
        }
        if owner.finalizers.contains(orphanFinalizer) {
            return orphan(owner: owner, ownerResource: ownerResource, owned: owned)
        }
        if owner.finalizers.contains(foregroundDeletionFinalizer) {
            return deleteInForeground(owner: owner, ownerResource: ownerResource, owned: owned)
        }
        return []
    }

    private static func orphan(owner: JSON, ownerResource: APIResource, owned: [(JSON, APIResource)]) -> [ControllerAction] {
        if owned.isEmpty { return [removeFinalizer(orphanFinalizer, from: owner, resource: ownerResource)] }
        return owned.map { dependent, resource in
            setOwnerReferences(of: dependent, resource: resource, keeping: { $0.uid != owner.uid })
        }
    }

    private static func deleteInForeground(owner: JSON, ownerResource: APIResource,
                                           owned: [(JSON, APIResource)]) -> [ControllerAction] {
        var actions: [ControllerAction] = []
        var blocked = false
        for (dependent, resource) in owned {
            let sharedWithOtherOwners = dependent.ownerReferences.contains { $0.uid != owner.uid }
            if sharedWithOtherOwners {
                actions.append(setOwnerReferences(of: dependent, resource: resource, keeping: { $0.uid != owner.uid }))
                continue
            }
            blocked = blocked || dependent.ownerReferences.contains { $0.uid == owner.uid && $0.blockOwnerDeletion }
            if !dependent.isTerminating {
                actions.append(.delete(resource, namespace: namespaceOf(dependent, resource), name: dependent.name,
                                       uid: dependent.uid, propagation: "Foreground"))
            }
        }
        if !blocked { actions.append(removeFinalizer(foregroundDeletionFinalizer, from: owner, resource: ownerResource)) }
        return actions
    }
}
