import Foundation

/// A key's state as written by a queued, not yet durable write (`object` nil: deleted).
struct QueuedState {
    let revision: Revision
    let object: StoredObject?
}

/// One write between its check and its acknowledgement: the writer blocks in `waitForOutcome` until
/// the committer calls `finish`.
final class PendingWrite: @unchecked Sendable {
    let object: StoredObject
    let previous: StoredObject?
    let deleted: Bool
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<StoredObject, StoreError>?

    init(object: StoredObject, previous: StoredObject?, deleted: Bool) {
        self.object = object
        self.previous = previous
        self.deleted = deleted
    }

    var event: StoreEvent {
        StoreEvent(kind: deleted ? .deleted : (previous == nil ? .created : .updated), object: object, previous: previous)
    }

    func finish(_ result: Result<StoredObject, StoreError>) {
        outcome = result
        done.signal()
    }

    func waitForOutcome() throws -> StoredObject {
        done.wait()
        return try outcome!.get()
    }
}
