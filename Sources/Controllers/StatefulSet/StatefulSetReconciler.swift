import Foundation
import APIMachinery
import KubeClient

/// What one sync of a StatefulSet looks at, as the informers cached it.
///
/// `pods` holds every pod of the set's namespace that the set controls (controller reference UID equal to the
/// set's), every orphan whose labels match the selector (adoption candidates), and controlled pods that no
/// longer match (to be released). `revisions` holds ControllerRevisions chosen the same way. `claims` holds the
/// namespace's PersistentVolumeClaims (only those named after the set's claim templates are read).
public struct StatefulSetInputs: Sendable {
    public var set: JSON
    public var pods: [JSON]
    public var claims: [JSON]
    public var revisions: [JSON]
    /// The clock reading for `minReadySeconds` checks; injected so tests control time.
    public var now: Date

    public init(set: JSON, pods: [JSON], claims: [JSON], revisions: [JSON], now: Date) {
        self.set = set
        self.pods = pods
        self.claims = claims
        self.revisions = revisions
        self.now = now
    }
}

/// The writes one sync decided on, in the order they must be applied, and when to sync again.
public struct StatefulSetPlan: Sendable, Equatable {
    /// Executor contract: apply in order and abandon the rest of the plan at the first failed write (events
    /// excepted), as upstream ends a sync at its first error: a pod's create follows its claims' creates and must
    /// not run when one of them failed. The next pass recomputes everything from the cache.
    public var actions: [ControllerAction]
    /// Seconds after which the set should be synced again even without a watch event (pods waiting out
    /// `minReadySeconds`); nil when only events need to trigger the next sync.
    public var requeueAfter: Double?

    public init(actions: [ControllerAction] = [], requeueAfter: Double? = nil) {
        self.actions = actions
        self.requeueAfter = requeueAfter
    }

    /// True when the plan writes the set's status.
    public var writesStatus: Bool {
        actions.contains { if case .updateStatus(let resource, _) = $0 { resource == .statefulSets } else { false } }
    }
}

/// The control logic of the StatefulSet controller: one call is one sync pass of upstream's
/// `defaultStatefulSetControl`, turned into a pure function from cached objects to ``ControllerAction``s.
///
/// A pass adopts and releases pods and revisions, resolves the current and update revisions (creating or
/// renumbering a ControllerRevision), creates, repairs and deletes pods and claims under the pod management
/// policy, rolls pods to the update revision, writes a fresh status and prunes the revision history. Actions
/// may fail when executed; every decision is recomputed from the cache on the next pass, so a dropped action is
/// simply retried.
public enum StatefulSetReconciler {
    public static func reconcile(_ inputs: StatefulSetInputs) -> StatefulSetPlan {
        let set = StatefulSetView(inputs.set)
        guard let selector = try? LabelSelector(json: inputs.set["spec"]["selector"]), !selector.isEmpty else {
            return StatefulSetPlan()
        }
        var actions: [ControllerAction] = []
        let pods: [JSON]
        let revisions: [JSON]
        if set.isTerminating {
            // A set being deleted neither adopts nor releases; it only reports on what it controls.
            pods = inputs.pods.filter { $0.controllerReference?.uid == set.uid }
            revisions = inputs.revisions.filter { $0.controllerReference?.uid == set.uid }
        } else {
            let claimedPods = Adoption.claim(inputs.pods, as: .pods, by: set, selector: selector,
                                             isMember: { set.ordinal(ofPodNamed: $0.name) != nil })
            let claimedRevisions = Adoption.claim(inputs.revisions, as: .controllerRevisions, by: set,
                                                  selector: selector, isMember: { _ in true })
            pods = claimedPods.owned
            revisions = claimedRevisions.owned
            actions += claimedRevisions.actions + claimedPods.actions
        }

        var history = RevisionHistory(set: set, revisions: revisions, allNames: Set(inputs.revisions.map(\.name)))
        let resolved = history.resolve()
        if !set.isTerminating { actions += resolved.actions }

        var pass = SyncPass(set: set, pods: pods, occupiedNames: Set(inputs.pods.map(\.name)), claims: inputs.claims, current: resolved.current,
                            update: resolved.update, now: inputs.now)
        if !set.isTerminating { pass.run() }
        actions += pass.actions

        let status = StatefulSetStatus.compute(set: set, pods: pass.memberPods, current: resolved.current.name,
                                               update: resolved.update.name, collisionCount: resolved.collisionCount,
                                               rolloutDeletions: pass.rolloutDeletions, now: inputs.now)
        if status.differs(from: set.status) {
            var updated = inputs.set
            updated["status"] = status.json
            actions.append(.updateStatus(.statefulSets, updated))
        }
        if !set.isTerminating {
            actions += history.prune(keeping: pass.liveRevisionNames.union([resolved.current.name, resolved.update.name]))
        }
        actions += pass.events.learnerActions
        let waiting = set.minReadySeconds > 0 && status.availableReplicas != Int64(set.replicas)
        return StatefulSetPlan(actions: actions, requeueAfter: waiting ? Double(set.minReadySeconds) : nil)
    }
}
