import APIMachinery
import Foundation

/// Where one container stands at a moment, computed from when its pod's containers start (`runAt`): a pure
/// function of time, so every sync of the same pod agrees and `next` tells when to look again.
struct ContainerTimeline: Equatable {
    /// One run of the container that already exited with code 1 (`fail`, `crash-loop`).
    struct Exit: Equatable {
        var run: Int
        var started: Date
        var finished: Date
    }

    enum State: Equatable {
        case creating
        case running(run: Int, since: Date)
        /// `fail`: the container exited and stays terminated; the pod is Failed.
        case failed(Exit)
        /// `crash-loop`: the container exited and waits `backOff` seconds (scaled) before its next run.
        case backOff(backOff: Double)
    }

    var state: State
    var ready = false
    var restartCount = 0
    var lastExit: Exit?
    /// When this container's state or readiness changes next; nil if never.
    var next: Date?

    /// Upstream kubelet's crash-loop back-off: 10 s doubling per restart, capped at 300 s (before scaling).
    static func backOff(afterRestarts restarts: Int) -> Double { min(10 * pow(2, Double(min(restarts, 16))), 300) }

    /// The timeline of a container whose readiness comes `readyDelay` seconds after each start, under
    /// `failure` starting `after` seconds after each start; every duration here is already scaled.
    static func at(_ now: Date, runAt: Date, readyDelay: Double, failure: SimulatedFailure?, after: Double,
                   timeScale: Double) -> ContainerTimeline {
        guard now >= runAt else { return ContainerTimeline(state: .creating, next: runAt) }
        switch failure {
        case nil: return running(run: 0, since: runAt, now: now, readyDelay: readyDelay, until: nil)
        case .neverReady: return running(run: 0, since: runAt, now: now, readyDelay: readyDelay, until: runAt + after)
        case .fail:
            let exitAt = runAt + after
            guard now >= exitAt else { return running(run: 0, since: runAt, now: now, readyDelay: readyDelay, until: exitAt) }
            return ContainerTimeline(state: .failed(Exit(run: 0, started: runAt, finished: exitAt)))
        case .crashLoop:
            return crashLoop(now, runAt: runAt, readyDelay: readyDelay, after: after, timeScale: timeScale)
        }
    }

    /// Running since `since`; ready from `since + readyDelay` until `until` (when given); `next` is the
    /// nearer of those two changes still ahead.
    private static func running(run: Int, since: Date, now: Date, readyDelay: Double, until: Date?) -> ContainerTimeline {
        let readyAt = since + readyDelay
        let ready = now >= readyAt && until.map { now < $0 } ?? true
        let changes = [readyAt, until].compactMap { $0 }.filter { $0 > now }
        return ContainerTimeline(state: .running(run: run, since: since), ready: ready, restartCount: run, next: changes.min())
    }

    /// Walks the runs: run `k` starts at `s_k`, exits at `s_k + after`, waits `backOff(k)`, and run `k + 1`
    /// starts then; `restartCount` counts the exits so far.
    private static func crashLoop(_ now: Date, runAt: Date, readyDelay: Double, after: Double,
                                  timeScale: Double) -> ContainerTimeline {
        var start = runAt
        var lastExit: Exit?
        for run in 0... {
            let exitAt = start + after
            if now < exitAt {
                var timeline = running(run: run, since: start, now: now, readyDelay: readyDelay, until: exitAt)
                timeline.lastExit = lastExit
                return timeline
            }
            let exit = Exit(run: run, started: start, finished: exitAt)
            let backOff = max(backOff(afterRestarts: run) * timeScale, 0.001)
            let restartAt = exitAt + backOff
            if now < restartAt {
                return ContainerTimeline(state: .backOff(backOff: backOff), restartCount: run + 1, lastExit: exit, next: restartAt)
            }
            lastExit = exit
            start = restartAt
        }
        fatalError("unreachable: the loop above returns")
    }
}
