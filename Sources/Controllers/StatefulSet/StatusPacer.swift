import NIOConcurrencyHelpers
import KubeClient

/// Paces the passes of a `Parallel` StatefulSet while its pods keep changing, so that a set of N pods coming up
/// at once is not recounted (a pass reads every pod) and re-written on every one of its pods' 2N updates.
///
/// After a pass of a `Parallel` set wrote its status, pod updates and status-only updates of the set queue it
/// once the quiet `period` has passed rather than at once; they coalesce into one pass, which writes the status
/// they add up to. Pod creations and deletions, spec changes and deletion of the set still queue it at once, so
/// a deleted pod is recreated without delay. `OrderedReady` sets are never paced: each of their steps waits
/// for a pod update. The cost is that a `Parallel` set's status may trail its pods by up to `period`.
final class StatusPacer: Sendable {
    let period: Duration
    private let quietUntil = NIOLockedValueBox([String: ContinuousClock.Instant]())

    /// - Parameter period: Zero turns pacing off (every change queues the set at once, as upstream does).
    init(period: Duration) {
        self.period = period
    }

    /// Notes that the set `key` just wrote its status (call it for `Parallel` sets only).
    func wroteStatus(_ key: String) {
        guard period > .zero else { return }
        let until = ContinuousClock.now.advanced(by: period)
        quietUntil.withLockedValue { $0[key] = until }
    }

    /// How long a paced change of `key` should wait; nil when it may be queued at once.
    func delay(for key: String) -> Duration? {
        let now = ContinuousClock.now
        return quietUntil.withLockedValue { entries in
            guard let until = entries[key] else { return nil }
            guard until > now else {
                entries[key] = nil
                return nil
            }
            return now.duration(to: until)
        }
    }

    /// Queues `key` at once, or once its quiet period is over.
    func enqueue(_ key: String, on queue: WorkQueue) async {
        if let delay = delay(for: key) {
            await queue.addAfter(key, delay: delay)
        } else {
            await queue.add(key)
        }
    }
}
