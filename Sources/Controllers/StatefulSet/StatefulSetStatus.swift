import Foundation
import APIMachinery

/// The status a pass writes (§2), computed fresh from the pods it found.
struct StatefulSetStatus: Equatable {
    var observedGeneration: Int64 = 0
    var replicas: Int64 = 0
    var readyReplicas: Int64 = 0
    var availableReplicas: Int64 = 0
    var currentReplicas: Int64 = 0
    var updatedReplicas: Int64 = 0
    var currentRevision = ""
    var updateRevision = ""
    var collisionCount: Int64 = 0

    /// Counts created pods (non-empty phase, terminating ones included), ready and available ones, and
    /// non-terminating ones per revision, less `rolloutDeletions` current pods deleted by this pass's update loop;
    /// then, under RollingUpdate with no partition, a finished rollout (updated = ready = replicas =
    /// spec.replicas) makes the update revision current.
    static func compute(set: StatefulSetView, pods: [JSON], current: String, update: String, collisionCount: Int64,
                        rolloutDeletions: Int, now: Date) -> StatefulSetStatus {
        var status = StatefulSetStatus(observedGeneration: set.object.generation, currentRevision: current,
                                       updateRevision: update, collisionCount: collisionCount)
        for pod in pods where !pod.podPhase.isEmpty {
            status.replicas += 1
            if pod.isRunningAndReady {
                status.readyReplicas += 1
                if pod.isAvailable(minReadySeconds: set.minReadySeconds, now: now) { status.availableReplicas += 1 }
            }
            guard !pod.isTerminating else { continue }
            let revision = pod.podRevision
            if revision == current { status.currentReplicas += 1 }
            if revision == update { status.updatedReplicas += 1 }
        }
        status.currentReplicas -= Int64(rolloutDeletions)
        let spec = Int64(set.replicas)
        if !set.isOnDelete && set.partition == 0 && status.updatedReplicas == status.replicas
            && status.readyReplicas == status.replicas && status.replicas == spec {
            status.currentRevision = update
            status.currentReplicas = status.updatedReplicas
        }
        return status
    }

    /// The status as `status` JSON.
    var json: JSON {
        ["observedGeneration": .int(observedGeneration), "replicas": .int(replicas), "readyReplicas": .int(readyReplicas),
         "currentReplicas": .int(currentReplicas), "updatedReplicas": .int(updatedReplicas),
         "currentRevision": .string(currentRevision), "updateRevision": .string(updateRevision),
         "collisionCount": .int(collisionCount), "availableReplicas": .int(availableReplicas)]
    }

    /// True when a field other than `collisionCount` differs from the stored status (upstream writes only then).
    func differs(from stored: JSON) -> Bool {
        var comparable = self
        comparable.collisionCount = 0
        let old = StatefulSetStatus(
            observedGeneration: stored["observedGeneration"].intValue ?? 0, replicas: stored["replicas"].intValue ?? 0,
            readyReplicas: stored["readyReplicas"].intValue ?? 0, availableReplicas: stored["availableReplicas"].intValue ?? 0,
            currentReplicas: stored["currentReplicas"].intValue ?? 0, updatedReplicas: stored["updatedReplicas"].intValue ?? 0,
            currentRevision: stored["currentRevision"].stringValue ?? "", updateRevision: stored["updateRevision"].stringValue ?? "")
        return comparable != old
    }
}
