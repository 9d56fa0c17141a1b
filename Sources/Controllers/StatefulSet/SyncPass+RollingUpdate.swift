import APIMachinery

/// The update loop (§6), run once scaling has settled and only under `RollingUpdate`.
extension SyncPass {
    /// Deletes the highest in-range pod (ordinal ≥ start + partition) that is not at the update revision; it comes
    /// back at the update revision on a later pass. Waits while a pod on the way down is unhealthy, so pods are
    /// replaced one at a time, each waiting for its predecessor's replacement. With `maxUnavailable` set, deletes
    /// up to `maxUnavailable` minus the unavailable in-range pods instead.
    mutating func rollingUpdate() {
        if let maxUnavailable = set.maxUnavailable {
            rollingUpdate(maxUnavailable: maxUnavailable)
            return
        }
        for index in stride(from: replicas.count - 1, through: set.partition, by: -1) {
            guard let pod = replicas[index].pod else { return }
            if pod.podRevision != update.name && !pod.isTerminating {
                deletePod(pod)
                rolloutDeletions += 1
                return
            }
            if !pod.isHealthy {
                explainRolloutWait(on: pod)
                return
            }
        }
    }

    private mutating func rollingUpdate(maxUnavailable: Int) {
        let unavailable = replicas.filter { !isSettled($0.pod) }
        guard unavailable.count < maxUnavailable else {
            if let pod = unavailable.last?.pod { explainRolloutWait(on: pod) }
            return
        }
        var budget = maxUnavailable - unavailable.count
        for index in stride(from: replicas.count - 1, through: set.partition, by: -1) where budget > 0 {
            guard let pod = replicas[index].pod, pod.podRevision != update.name, !pod.isTerminating else { continue }
            deletePod(pod)
            rolloutDeletions += 1
            budget -= 1
        }
    }

    /// Whether pods in the update range still run an older revision.
    var rolloutPending: Bool {
        !set.isOnDelete && replicas.dropFirst(set.partition).contains { $0.pod.map { $0.podRevision != update.name } ?? false }
    }

    mutating func explainRolloutWait(on pod: JSON) {
        let message = pod.podRevision == update.name
            ? "rolling update waits for Pod \(pod.name) (revision \(update.name)) to become Ready"
            : "rolling update waits for Pod \(pod.name) (revision \(pod.podRevision)) to become Ready; a Pod of an older revision that never becomes Ready blocks the rollout until it is deleted"
        events.learn(reason: "WaitingForPod", about: set, message)
    }
}
