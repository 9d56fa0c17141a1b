import Foundation
import KubeClient
import Testing

@Suite struct WorkQueueTests {
    @Test func keysAreQueuedOnceInFIFOOrder() async {
        let queue = WorkQueue()
        for key in ["a", "b", "a", "c", "b"] { await queue.add(key) }
        #expect(await queue.count == 3)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.next() == "c")
        #expect(await queue.count == 0)
    }

    @Test func aKeyIsProcessedByOneWorkerAtATime() async {
        let queue = WorkQueue()
        await queue.add("a")
        #expect(await queue.next() == "a")
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.count == 1)
        #expect(await queue.next() == "b")
        await queue.done("a")
        #expect(await queue.count == 1)
        #expect(await queue.next() == "a")
        await queue.done("a")
        #expect(await queue.count == 0)
    }

    @Test func concurrentWorkersNeverShareAKey() async {
        let queue = WorkQueue()
        let busy = KeySet()
        let overlap = Flag()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while let key = await queue.next() {
                        if !busy.insert(key) { overlap.set() }
                        await Task.yield()
                        busy.remove(key)
                        await queue.done(key)
                    }
                }
            }
            for round in 0..<200 { await queue.add("k\(round % 3)") }
            #expect(await eventually { await queue.count == 0 && busy.isEmpty })
            await queue.shutDown()
        }
        #expect(!overlap.isSet)
    }

    @Test func waitingWorkerGetsTheNextAddedKey() async {
        let queue = WorkQueue()
        let worker = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(20))
        await queue.add("late")
        #expect(await worker.value == "late")
    }

    @Test(arguments: [(1, 5), (2, 10), (3, 20), (4, 40), (12, 10_000), (40, 10_000)])
    func defaultBackoffDoublesFromFiveMillisecondsToTenSeconds(failures: Int, milliseconds: Int) {
        #expect(Backoff.workQueue.delay(afterFailures: failures) == .milliseconds(milliseconds))
    }

    @Test func jitterShortensDelaysByUpToItsFraction() {
        let backoff = Backoff(initial: .seconds(1), cap: .seconds(5), jitter: 0.5, random: { 0.5 })
        #expect(backoff.delay(afterFailures: 1) == .milliseconds(750))
        #expect(backoff.delay(afterFailures: 10) == .milliseconds(3750))
    }

    @Test func rateLimitedKeysBackOffUntilForgotten() async {
        let queue = WorkQueue(backoff: Backoff(initial: .milliseconds(20), cap: .seconds(1)))
        let clock = ContinuousClock()
        var waits: [Duration] = []
        for _ in 0..<3 {
            let start = clock.now
            await queue.addRateLimited("a")
            #expect(await queue.next() == "a")
            waits.append(clock.now - start)
            await queue.done("a")
        }
        #expect(await queue.numRequeues("a") == 3)
        #expect(waits[0] >= .milliseconds(20) && waits[1] >= .milliseconds(40) && waits[2] >= .milliseconds(80))
        await queue.forget("a")
        #expect(await queue.numRequeues("a") == 0)
    }

    @Test func addAfterDelaysAndKeepsTheEarliestDeadline() async {
        let queue = WorkQueue()
        let clock = ContinuousClock()
        let start = clock.now
        await queue.addAfter("a", delay: .seconds(30))
        await queue.addAfter("a", delay: .milliseconds(30))
        await queue.addAfter("a", delay: .seconds(60))
        #expect(await queue.count == 0)
        #expect(await queue.next() == "a")
        let waited = clock.now - start
        #expect(waited >= .milliseconds(30) && waited < .seconds(5))
        await queue.addAfter("b", delay: .zero)
        #expect(await queue.count == 1)
    }

    @Test func shutDownReleasesWorkersAndIgnoresAdds() async {
        let queue = WorkQueue()
        let worker = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(20))
        await queue.addAfter("delayed", delay: .milliseconds(10))
        await queue.shutDown()
        #expect(await worker.value == nil)
        await queue.add("a")
        #expect(await queue.count == 0)
        #expect(await queue.next() == nil)
    }

    @Test func cancelledWorkerStopsWaiting() async {
        let queue = WorkQueue()
        let worker = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(20))
        worker.cancel()
        #expect(await worker.value == nil)
        await queue.add("a")
        #expect(await queue.next() == "a")
    }
}

/// Keys being processed, to catch two workers holding one key.
final class KeySet: @unchecked Sendable {
    private let lock = NSLock()
    private var keys = Set<String>()
    /// False when `key` was already held.
    func insert(_ key: String) -> Bool { lock.withLock { keys.insert(key).inserted } }
    func remove(_ key: String) { _ = lock.withLock { keys.remove(key) } }
    var isEmpty: Bool { lock.withLock { keys.isEmpty } }
}
