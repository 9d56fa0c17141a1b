import Foundation
import Testing
@testable import Store

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
private func text(_ object: StoredObject?) -> String? { object.map { String(decoding: $0.value, as: UTF8.self) } }

private func temporaryDatabase() -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ordinal-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("ordinal.db").path
}

@Suite struct LogStoreTests {
    @Test func revisionsAreGlobalAndConditional() throws {
        let store = LogStore.memory()
        defer { store.close() }
        let a = try store.create("/core/pods/default/a") { bytes("a@\($0)") }
        let b = try store.create("/core/pods/default/b") { bytes("b@\($0)") }
        #expect(a.modRevision == 1 && b.modRevision == 2)
        #expect(text(store.get(a.key)) == "a@1")
        #expect(throws: StoreError.alreadyExists(key: a.key)) { try store.create(a.key) { _ in [] } }
        #expect(throws: StoreError.conflict(key: a.key, current: 1)) {
            try store.update(a.key, expectedModRevision: 7) { _ in [] }
        }
        let a2 = try store.update(a.key, expectedModRevision: 1) { bytes("a@\($0)") }
        #expect(a2.modRevision == 3 && a2.createRevision == 1)
        #expect(store.currentRevision == 3)
    }

    @Test func rangeIsOrderedPagedAndReadableInThePast() throws {
        let store = LogStore.memory()
        defer { store.close() }
        for name in ["c", "a", "b"] { _ = try store.create("/core/pods/default/\(name)") { bytes(name + "\($0)") } }
        // Neighbours on both sides of the namespace's keys: `-` sorts before `/`, `z` after.
        for key in ["/core/pods/default-x/q", "/core/pods/defaultz/q", "/core/pods/other/z"] { _ = try store.create(key) { _ in bytes("z") } }
        let page = try store.range(prefix: "/core/pods/default/", afterKey: nil, limit: 2, revision: nil)
        #expect(page.objects.map(\.key) == ["/core/pods/default/a", "/core/pods/default/b"])
        #expect(page.remaining == 1)
        let rest = try store.range(prefix: "/core/pods/default/", afterKey: page.objects.last!.key, limit: 2, revision: nil)
        #expect(rest.objects.map(\.key) == ["/core/pods/default/c"])
        let all = try store.range(prefix: "/core/pods/", afterKey: nil, limit: nil, revision: nil)
        #expect(all.objects.count == 6)

        let before = store.currentRevision
        let a = store.get("/core/pods/default/a")!
        _ = try store.delete(a.key, expectedModRevision: a.modRevision) { _ in bytes("gone") }
        _ = try store.create("/core/pods/default/d") { _ in bytes("d") }
        let past = try store.range(prefix: "/core/pods/default/", afterKey: nil, limit: nil, revision: before)
        #expect(past.objects.map(\.key) == ["/core/pods/default/a", "/core/pods/default/b", "/core/pods/default/c"])
        #expect(past.revision == before)
    }

    @Test func watchDeliversEachEventOnceInOrder() throws {
        let store = LogStore.memory()
        defer { store.close() }
        let start = store.currentRevision
        let watch = try store.watch(prefix: "/core/pods/", after: start)
        let pod = try store.create("/core/pods/default/a") { _ in bytes("1") }
        _ = try store.create("/core/services/default/a") { _ in bytes("svc") }
        let updated = try store.update(pod.key, expectedModRevision: pod.modRevision) { _ in bytes("2") }
        _ = try store.delete(pod.key, expectedModRevision: updated.modRevision) { _ in bytes("3") }
        var events: [StoreEvent] = []
        while events.count < 3, let batch = watch.next(timeout: 1) { events += batch }
        #expect(events.map(\.kind) == [.created, .updated, .deleted])
        #expect(events.map(\.revision) == [1, 3, 4])
        #expect(text(events[2].previous) == "2")
        #expect(watch.next(timeout: 0.01) == [])
        watch.close()
        #expect(watch.next(timeout: 0.01) == nil)
    }

    @Test func slowWatcherIsCutOffAndOldRevisionsAreCompacted() throws {
        let store = LogStore.memory(historyCapacity: 4)
        defer { store.close() }
        let watch = try store.watch(prefix: "/", after: 0)
        for i in 0..<10 { _ = try store.create("/core/pods/default/p\(i)") { _ in bytes("x") } }
        #expect(watch.next(timeout: 0.01) == nil)
        #expect(throws: StoreError.compacted(requested: 2, oldest: 6)) { try store.watch(prefix: "/", after: 2) }
        #expect(throws: StoreError.compacted(requested: 2, oldest: 6)) {
            try store.range(prefix: "/", afterKey: nil, limit: nil, revision: 2)
        }
    }

    @Test func durableWritesSurviveReopenWithTheirRevisions() throws {
        let path = temporaryDatabase()
        var store: LogStore? = try LogStore.sqlite(path: path)
        let a = try store!.create("/apps/statefulsets/default/web") { bytes("web@\($0)") }
        let b = try store!.create("/apps/statefulsets/default/db") { bytes("db@\($0)") }
        _ = try store!.update(a.key, expectedModRevision: a.modRevision) { bytes("web@\($0)") }
        _ = try store!.delete(b.key, expectedModRevision: b.modRevision) { _ in bytes("db-gone") }
        store!.close()
        store = nil

        let reopened = try LogStore.sqlite(path: path)
        defer { reopened.close() }
        #expect(reopened.currentRevision == 4)
        #expect(text(reopened.get(a.key)) == "web@3")
        #expect(reopened.get(b.key) == nil)
        let watch = try reopened.watch(prefix: "/apps/", after: 2)
        let events = watch.next(timeout: 0) ?? []
        #expect(events.map(\.kind) == [.updated, .deleted])
        let next = try reopened.create("/apps/statefulsets/default/new") { bytes("\($0)") }
        #expect(next.modRevision == 5)
    }

    @Test func concurrentWritersAreGroupedAndAllAcknowledged() throws {
        let path = temporaryDatabase()
        let store = try LogStore.sqlite(path: path)
        let writers = 16, perWriter = 50
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for i in 0..<perWriter {
                _ = try! store.create("/core/configmaps/default/w\(w)-\(i)") { _ in bytes("v") }
            }
        }
        #expect(store.currentRevision == Revision(writers * perWriter))
        store.close()
        let reopened = try LogStore.sqlite(path: path)
        defer { reopened.close() }
        #expect(reopened.count == writers * perWriter)
    }
}

extension StoreEvent: Equatable {
    public static func == (a: StoreEvent, b: StoreEvent) -> Bool { a.revision == b.revision && a.key == b.key }
}

@Suite struct EventHistoryWatcherCountTests {
    /// The count decides whether deliveries are batched, so it must follow watches as they open and end,
    /// whether closed (once, however often `close` is called) or dropped.
    @Test func openWatchesAreCountedUntilClosedOrDropped() throws {
        let history = EventHistory(capacity: 10, floorRevision: 0)
        let first = HistoryWatch(history: history, prefix: "/", after: 0, sequence: 0)
        var second: HistoryWatch? = HistoryWatch(history: history, prefix: "/", after: 0, sequence: 0)
        #expect(history.openWatchers == 2)
        first.close()
        first.close()
        #expect(history.openWatchers == 1)
        #expect(second != nil)
        second = nil
        #expect(history.openWatchers == 0)
    }
}
