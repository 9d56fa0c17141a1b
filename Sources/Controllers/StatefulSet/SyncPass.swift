import Foundation
import APIMachinery
import KubeClient

/// One sync pass over a set that is not being deleted (§5 steps 3–9): it splits pods into in-range replicas and
/// condemned ones, then creates, repairs, scales down and rolls pods, appending the writes to ``actions``.
///
/// Ordering contract: under `OrderedReady` the pass stops at the first step that blocks and creates or deletes at
/// most one pod; under `Parallel` it keeps going past unhealthy pods. In both modes a pod name is never created
/// while any object with that name exists, and a claim is created before the pod that mounts it.
struct SyncPass {
    let set: StatefulSetView
    let current: Revision
    let update: Revision
    let now: Date
    /// One slot per ordinal in `[start, start+replicas)`, with the existing pod of that name, if any.
    let replicas: [(ordinal: Int, pod: JSON?)]
    /// Pods with an ordinal outside the range, highest ordinal first.
    let condemned: [JSON]
    /// Names held by any pod object in the inputs, controlled or not.
    private let occupiedNames: Set<String>
    private let claimsByName: [String: JSON]
    private var createdClaims: Set<String> = []
    private(set) var actions: [ControllerAction] = []
    /// Pods the update loop deleted this pass; status counts them out of `currentReplicas` at once, so a pod
    /// that vanishes before the next status write is not recreated at the current revision.
    var rolloutDeletions = 0
    var events = PassEvents()

    init(set: StatefulSetView, pods: [JSON], occupiedNames: Set<String>, claims: [JSON],
         current: Revision, update: Revision, now: Date) {
        self.set = set
        self.current = current
        self.update = update
        self.now = now
        self.occupiedNames = occupiedNames
        claimsByName = Dictionary(claims.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var inRange: [Int: JSON] = [:]
        var outOfRange: [(Int, JSON)] = []
        for pod in pods {
            guard let ordinal = set.ordinal(ofPodNamed: pod.name) else { continue }
            if set.isInRange(ordinal) { inRange[ordinal] = pod } else { outOfRange.append((ordinal, pod)) }
        }
        replicas = (set.start..<max(set.start, set.end)).map { ($0, inRange[$0]) }
        condemned = outOfRange.sorted { $0.0 > $1.0 }.map(\.1)
    }

    /// The set's pods as found at the start of the pass (what status counts).
    var memberPods: [JSON] { replicas.compactMap(\.pod) + condemned }
    /// Revisions pods still run, which history pruning must keep.
    var liveRevisionNames: Set<String> { Set(memberPods.map(\.podRevision).filter { !$0.isEmpty }) }

    mutating func run() {
        if processReplicas() { return }
        for pod in condemned {
            if let ordinal = set.ordinal(ofPodNamed: pod.name) { fixClaimOwners(of: pod, ordinal: ordinal, condemned: true) }
        }
        if processCondemned() || set.isOnDelete { return }
        rollingUpdate()
    }

    /// Healthy for ordering purposes: Running, Ready, available under `minReadySeconds`, not terminating.
    func isSettled(_ pod: JSON?) -> Bool {
        guard let pod else { return false }
        return pod.isHealthy && pod.isAvailable(minReadySeconds: set.minReadySeconds, now: now)
    }

    /// Returns true when the pass must stop (OrderedReady only).
    private mutating func processReplicas() -> Bool {
        for index in replicas.indices {
            if processReplica(at: index) && set.isOrdered { return true }
        }
        return false
    }

    /// Handles one slot; true when it blocks progress under OrderedReady.
    private mutating func processReplica(at index: Int) -> Bool {
        let (ordinal, existing) = replicas[index]
        guard let pod = existing else { return createReplica(ordinal: ordinal) }
        if pod.hasFinished {
            if !pod.isTerminating { deletePod(pod) }
            events.learn(reason: "WaitingForPod", about: set,
                         "Pod \(pod.name) has phase \(pod.podPhase); it is recreated once the old Pod object is gone")
            return true
        }
        if pod.podPhase == "Pending" { _ = createMissingClaims(ordinal: ordinal) }
        if set.isOrdered && !isSettled(pod) {
            explainWait(on: pod, index: index)
            return true
        }
        enforceInvariants(of: pod, ordinal: ordinal)
        return false
    }

    private mutating func createReplica(ordinal: Int) -> Bool {
        let name = set.podName(ordinal)
        if occupiedNames.contains(name) {
            events.learn(reason: "WaitingForPod", about: set, "an object named \(name) still exists; Pod \(name) is created once it is gone")
            return true
        }
        if let stale = claimNames(ordinal).first(where: { claimsByName[$0].map { Claims.isStale($0, set: set, podName: name, podUID: "") } ?? false }) {
            events.learn(reason: "WaitingForClaim", about: set,
                         "pvc \(stale) still belongs to an earlier Pod \(name); Pod \(name) waits for the garbage collector to delete it")
            return true
        }
        if let terminating = createMissingClaims(ordinal: ordinal) {
            events.learn(reason: "WaitingForClaim", about: set, "pvc \(terminating) is being deleted; Pod \(name) waits for it")
            return true
        }
        let pod = PodIdentity.newPod(of: set, ordinal: ordinal, revision: revisionForNewPod(ordinal: ordinal))
        actions.append(.create(.pods, pod))
        actions.append(events.successful("create", "Pod \(name)", about: set))
        return set.isOrdered
    }

    /// §6: which revision a new or replaced pod gets.
    private func revisionForNewPod(ordinal: Int) -> Revision {
        guard !set.isOnDelete else { return update }
        let currentBelow = set.rollingUpdate == nil ? Int(set.status["currentReplicas"].intValue ?? 0) : set.partition
        return ordinal < set.start + currentBelow ? current : update
    }

    private func claimNames(_ ordinal: Int) -> [String] {
        set.claimTemplates.map { Claims.name(of: $0, set: set, ordinal: ordinal) }
    }

    /// Creates the ordinal's claims that do not exist; returns the name of one being deleted, if any.
    private mutating func createMissingClaims(ordinal: Int) -> String? {
        var terminating: String?
        for template in set.claimTemplates {
            let name = Claims.name(of: template, set: set, ordinal: ordinal)
            if let claim = claimsByName[name] {
                if claim.isTerminating { terminating = terminating ?? name }
            } else if !createdClaims.contains(name) {
                createdClaims.insert(name)
                actions.append(.create(.persistentVolumeClaims, Claims.newClaim(from: template, set: set, ordinal: ordinal)))
                actions.append(events.successfulClaim(name, pod: set.podName(ordinal), about: set))
            }
        }
        return terminating
    }

    /// Repairs identity labels and claim volumes of an in-range pod (a merge patch of just those fields, so it
    /// does not conflict with an adoption patch of the same pass), and its claims' retention owners.
    private mutating func enforceInvariants(of pod: JSON, ordinal: Int) {
        var repaired = pod
        var patch: JSON = [:]
        if !PodIdentity.identityMatches(pod, of: set, ordinal: ordinal) {
            PodIdentity.repairIdentity(&repaired, of: set, ordinal: ordinal)
            patch["metadata"] = ["labels": repaired["metadata"]["labels"]]
        }
        if !PodIdentity.storageMatches(pod, of: set, ordinal: ordinal) {
            _ = createMissingClaims(ordinal: ordinal)
            PodIdentity.repairStorage(&repaired, of: set, ordinal: ordinal)
            patch["spec"] = ["volumes": repaired["spec"]["volumes"]]
        }
        if patch != [:] {
            actions.append(.patch(.pods, namespace: set.namespace, name: pod.name, mergePatch: patch))
            actions.append(events.successful("update", "Pod \(pod.name)", about: set))
        }
        fixClaimOwners(of: pod, ordinal: ordinal, condemned: false)
    }

    /// Patches the owner references of the pod's existing claims to what the retention policy asks for.
    private mutating func fixClaimOwners(of pod: JSON, ordinal: Int, condemned: Bool) {
        for name in claimNames(ordinal) {
            guard let claim = claimsByName[name], !claim.isTerminating,
                  let owners = Claims.ownerReferencesToWrite(claim, set: set, pod: pod, condemned: condemned) else { continue }
            let patch: JSON = ["metadata": ["ownerReferences": owners.isEmpty ? .null : .array(owners.map(\.json)),
                                            "resourceVersion": .string(claim.resourceVersion)]]
            actions.append(.patch(.persistentVolumeClaims, namespace: set.namespace, name: name, mergePatch: patch))
        }
    }

    /// Scale-down (§5 step 7): returns true when the pass must stop.
    private mutating func processCondemned() -> Bool {
        let unsettledSlot = replicas.first(where: { !isSettled($0.pod) })
        let firstUnhealthy = unsettledSlot.map { set.podName($0.ordinal) } ?? condemned.first(where: { !$0.isHealthy })?.name
        for pod in condemned {
            if pod.isTerminating {
                guard set.isOrdered else { continue }
                events.learn(reason: "WaitingForPod", about: set, "waiting for Pod \(pod.name) to terminate before scaling down further")
                return true
            }
            if set.isOrdered && !isSettled(pod) && pod.name != firstUnhealthy {
                events.learn(reason: "WaitingForPod", about: set,
                             "waiting for Pod \(firstUnhealthy ?? pod.name) to be Running and Ready before deleting \(pod.name)")
                return true
            }
            deletePod(pod)
            if set.isOrdered { return true }
        }
        return false
    }

    mutating func deletePod(_ pod: JSON) {
        actions.append(.delete(.pods, namespace: set.namespace, name: pod.name, uid: pod.uid))
        actions.append(events.successful("delete", "Pod \(pod.name)", about: set))
    }
}
