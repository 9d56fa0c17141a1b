/// The store's clock: one global counter, bumped by every write to any key, as etcd's revision is.
/// An object's `modRevision` is its Kubernetes resourceVersion.
public typealias Revision = Int64

/// One key's value at some revision.
public struct StoredObject: Sendable {
    public let key: String
    public let value: [UInt8]
    /// Revision of the write that created the key (kept across updates).
    public let createRevision: Revision
    /// Revision of the write that produced this value.
    public let modRevision: Revision

    public init(key: String, value: [UInt8], createRevision: Revision, modRevision: Revision) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
    }
}

/// A committed change, in revision order.
///
/// A class, not a struct: one event is handed to every watcher, and copying a reference costs one reference
/// count where copying the fields would cost one for each buffer they hold.
public final class StoreEvent: Sendable {
    public enum Kind: Sendable { case created, updated, deleted }

    public let kind: Kind
    /// The new value; for `deleted`, the tombstone (the last state, written at the deletion's revision).
    public let object: StoredObject
    /// The value just before this change; nil for `created`.
    public let previous: StoredObject?

    public init(kind: Kind, object: StoredObject, previous: StoredObject?) {
        self.kind = kind
        self.object = object
        self.previous = previous
    }

    public var revision: Revision { object.modRevision }
    public var key: String { object.key }
}

/// A page of a range read, all at one revision.
public struct RangeResult: Sendable {
    public let objects: [StoredObject]
    /// The revision the page was read at.
    public let revision: Revision
    /// How many further keys match after this page (0 when complete).
    public let remaining: Int
}

public enum StoreError: Error, Sendable, Equatable {
    case alreadyExists(key: String)
    case notFound(key: String)
    /// The key's modRevision is no longer the expected one.
    case conflict(key: String, current: Revision)
    /// History before `oldest` has been compacted away.
    case compacted(requested: Revision, oldest: Revision)
    /// A durable write failed (disk full, I/O error); nothing of it was applied.
    case unavailable(String)
    case closed
}

/// A versioned key-value store with etcd's shape: range reads at a revision, writes conditional on a key's
/// modRevision, and watches that resume from any retained revision.
///
/// Contract: a write returns only once it is durable; readers never see a write that is not yet durable;
/// watch events arrive in revision order, each exactly once.
public protocol VersionedStore: AnyObject, Sendable {
    /// The revision of the last durable write.
    var currentRevision: Revision { get }
    /// Revisions at or below this one can no longer be read or watched from.
    var compactedRevision: Revision { get }

    func get(_ key: String) -> StoredObject?

    /// Keys with `prefix` in ascending order, starting after `afterKey`, at most `limit` of them, as of
    /// `revision` (nil: now). Throws `compacted` when that revision's history is gone.
    func range(prefix: String, afterKey: String?, limit: Int?, revision: Revision?) throws -> RangeResult

    /// Creates `key`; `value` is called with the write's revision to produce the bytes stored.
    func create(_ key: String, value: (Revision) throws -> [UInt8]) throws -> StoredObject

    /// Replaces `key` if its modRevision is still `expectedModRevision`.
    func update(_ key: String, expectedModRevision: Revision, value: (Revision) throws -> [UInt8]) throws -> StoredObject

    /// Deletes `key` if its modRevision is still `expectedModRevision`; `tombstone` produces the last state
    /// as delivered to watchers, stamped with the deletion's revision.
    func delete(_ key: String, expectedModRevision: Revision, tombstone: (Revision) throws -> [UInt8]) throws -> StoredObject

    /// Events for keys with `prefix` after `revision`. Throws `compacted` if that history is gone.
    func watch(prefix: String, after revision: Revision) throws -> StoreWatch

    /// Stops accepting writes and ends every watch.
    func close()
}

/// A stream of store events. Each `next` returns the events committed since the previous call.
public protocol StoreWatch: AnyObject, Sendable {
    /// Waits up to `timeout` seconds. Returns the next events (possibly empty after the timeout), or nil
    /// when the watch has ended: closed, the store closed, or this watcher fell so far behind that its
    /// events left the history (it must re-list).
    func next(timeout: Double) -> [StoreEvent]?
    /// Every event at or below this revision has been returned (or did not match the prefix): a bookmark
    /// may promise it.
    var progressRevision: Revision { get }
    func close()
}
