/// One row of the durable revision log: a write as it is persisted. Deletes are tombstone rows.
public struct LogRecord: Sendable {
    public let revision: Revision
    public let key: String
    public let createRevision: Revision
    public let deleted: Bool
    public let value: [UInt8]

    public init(revision: Revision, key: String, createRevision: Revision, deleted: Bool, value: [UInt8]) {
        self.revision = revision
        self.key = key
        self.createRevision = createRevision
        self.deleted = deleted
        self.value = value
    }
}

/// What `LogStore` persists to. The log is append-only; compaction removes rows no reader can ask for.
public protocol RevisionLog: AnyObject, Sendable {
    /// Every retained row in revision order, and the revision at or below which history was compacted.
    func load() throws -> (records: [LogRecord], compactedRevision: Revision)

    /// Appends a batch atomically and durably: when it returns, every row survives a crash.
    func append(_ batch: [LogRecord]) throws

    /// Forgets rows at or below `revision` that a newer row at or below `revision` supersedes, and
    /// tombstones at or below it, recording `revision` as the compaction point.
    func compact(upTo revision: Revision) throws

    func close()
}

/// A log that keeps nothing: the store's in-memory state is all there is (throwaway test instances).
public final class MemoryRevisionLog: RevisionLog {
    public init() {}
    public func load() throws -> (records: [LogRecord], compactedRevision: Revision) { ([], 0) }
    public func append(_ batch: [LogRecord]) throws {}
    public func compact(upTo revision: Revision) throws {}
    public func close() {}
}
