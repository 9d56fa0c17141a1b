import APIMachinery
import Foundation
import KubeClient
import Logging

/// Wires the pure `StatefulSetReconciler` to the cluster: informer events queue set keys; a pass reads the
/// set and everything it may own from the caches, reconciles, and executes the resulting actions.
public struct StatefulSetController: Sendable {
    public static let resources: [APIResource] = [.statefulSets, .pods, .persistentVolumeClaims, .controllerRevisions]

    let informers: InformerSet
    let executor: ActionExecutor
    let now: @Sendable () -> Date
    public let loop: ControllerLoop

    /// `createBurst`: how many pods of a `Parallel` set one pass creates at once, at most (slow start from 1);
    /// 1 creates them one after another. `statusPeriod`: see `StatusPacer` (zero: no pacing).
    public init(informers: InformerSet, executor: ActionExecutor, workers: Int = 4, createBurst: Int = 64,
                statusPeriod: Duration = .zero, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        let queue = WorkQueue()
        self.informers = informers
        self.executor = executor
        self.now = now
        let sets = informers[.statefulSets]
        let inputs = Self.gatherer(informers: informers)
        let pacer = StatusPacer(period: statusPeriod)
        loop = ControllerLoop(name: "statefulset", queue: queue, workers: workers, logger: logger) { key in
            let (namespace, name) = splitKey(key)
            guard let set = sets.lister.get(namespace: namespace, name: name) else { return .done }
            let plan = StatefulSetReconciler.reconcile(inputs(set, now()))
            try await executor.executeBatchingPodCreations(plan.actions, maxBatch: max(1, createBurst))
            if plan.writesStatus, set["spec"]["podManagementPolicy"].stringValue == "Parallel" { pacer.wroteStatus(key) }
            return ReconcileResult(requeueAfter: plan.requeueAfter)
        }
        sets.addHandler(InformerHandler(
            onAdd: { set in Task { await queue.add(set.objectKey) } },
            onUpdate: { old, new in
                Task {
                    let statusOnly = old["spec"] == new["spec"] && old.isTerminating == new.isTerminating
                    if statusOnly { await pacer.enqueue(new.objectKey, on: queue) } else { await queue.add(new.objectKey) }
                }
            },
            onDelete: { set in Task { await queue.add(set.objectKey) } }))
        let owners: @Sendable (JSON) -> [String] = { object in Self.setKeys(for: object, sets: sets) }
        informers[.pods].addHandler(InformerHandler(
            onAdd: { pod in Task { for key in owners(pod) { await queue.add(key) } } },
            onUpdate: { old, new in Task { for key in Set(owners(old) + owners(new)) { await pacer.enqueue(key, on: queue) } } },
            onDelete: { pod in Task { for key in owners(pod) { await queue.add(key) } } }))
        informers[.controllerRevisions].addHandler(.enqueue(queue, keys: owners))
        informers[.persistentVolumeClaims].addHandler(.enqueue(queue) { claim in
            sets.lister.list(namespace: claim.namespace).map(\.objectKey)
        })
    }

    /// The sets a pod or revision belongs to: its controller, or for an orphan every set whose selector
    /// matches it (a candidate for adoption).
    static func setKeys(for object: JSON, sets: Informer) -> [String] {
        if let owner = object.controllerReference {
            return owner.kind == "StatefulSet" ? ["\(object.namespace)/\(owner.name)"] : []
        }
        return sets.lister.list(namespace: object.namespace).filter { set in
            (try? LabelSelector(json: set["spec"]["selector"]))?.matches(object.labels) ?? false
        }.map(\.objectKey)
    }

    /// Builds a pass's inputs from the caches: the pods, claims and revisions of the set's namespace that
    /// the set owns or could adopt.
    static func gatherer(informers: InformerSet) -> @Sendable (JSON, Date) -> StatefulSetInputs {
        let pods = informers[.pods].lister, claims = informers[.persistentVolumeClaims].lister
        let revisions = informers[.controllerRevisions].lister
        return { set, now in
            let related: (JSON) -> Bool = { object in
                object.controllerUID.map { $0 == set.uid } ?? true
            }
            return StatefulSetInputs(set: set, pods: pods.list(namespace: set.namespace).filter(related),
                                     claims: claims.list(namespace: set.namespace),
                                     revisions: revisions.list(namespace: set.namespace).filter(related), now: now)
        }
    }
}
