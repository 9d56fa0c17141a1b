import CSQLite
import Foundation

/// The revision log in an SQLite database (WAL, `synchronous=FULL`): one table of rows keyed by revision,
/// as kine lays etcd's model over SQL. A batch is one transaction, so one fsync covers every write in it.
public final class SQLiteRevisionLog: RevisionLog, @unchecked Sendable {
    private let connection: SQLiteConnection
    private let lock = NSLock()
    private let insert: SQLiteStatement
    private let begin: SQLiteStatement
    private let commit: SQLiteStatement
    private let rollback: SQLiteStatement

    /// Opens (creating if needed) the database at `path` and checks its integrity.
    public init(path: String) throws {
        connection = try SQLiteConnection(path: path)
        do {
            try connection.execute("PRAGMA journal_mode=WAL")
            try connection.execute("PRAGMA synchronous=FULL")
            try connection.execute("PRAGMA busy_timeout=0")
        } catch StoreError.unavailable(let message) {
            // The first statements read the header: a file that is not a database, or is damaged, fails here.
            throw StoreError.unavailable("database \(path) cannot be read (\(message)); it is corrupted or not an Ordinal database: restore it from a backup or move it away to start empty")
        }
        try SQLiteRevisionLog.checkIntegrity(connection, path: path)
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS log (
                revision INTEGER PRIMARY KEY,
                key TEXT NOT NULL,
                create_revision INTEGER NOT NULL,
                deleted INTEGER NOT NULL,
                value BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS log_key ON log (key, revision);
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """)
        insert = try connection.prepare("INSERT INTO log (revision, key, create_revision, deleted, value) VALUES (?, ?, ?, ?, ?)")
        begin = try connection.prepare("BEGIN IMMEDIATE")
        commit = try connection.prepare("COMMIT")
        rollback = try connection.prepare("ROLLBACK")
    }

    private static func checkIntegrity(_ connection: SQLiteConnection, path: String) throws {
        let result: String
        do {
            let check = try connection.prepare("PRAGMA quick_check")
            guard try check.step() else { return }
            result = check.text(0)
        } catch StoreError.unavailable(let message) {
            throw StoreError.unavailable("database \(path) cannot be checked (\(message)); it is corrupted: restore it from a backup or move it away to start empty")
        }
        if result != "ok" {
            throw StoreError.unavailable("database \(path) is corrupted (\(result)); restore it from a backup or remove it to start empty")
        }
    }

    public func load() throws -> (records: [LogRecord], compactedRevision: Revision) {
        lock.lock()
        defer { lock.unlock() }
        var records: [LogRecord] = []
        let rows = try connection.prepare("SELECT revision, key, create_revision, deleted, value FROM log ORDER BY revision")
        while try rows.step() {
            records.append(LogRecord(revision: rows.int64(0), key: rows.text(1), createRevision: rows.int64(2),
                                     deleted: rows.int64(3) != 0, value: rows.blob(4)))
        }
        let meta = try connection.prepare("SELECT value FROM meta WHERE name = 'compacted'")
        let compacted = try meta.step() ? meta.int64(0) : 0
        return (records, compacted)
    }

    public func append(_ batch: [LogRecord]) throws {
        lock.lock()
        defer { lock.unlock() }
        begin.reset()
        try begin.run()
        do {
            for record in batch {
                insert.reset()
                insert.bind(1, record.revision)
                insert.bind(2, record.key)
                insert.bind(3, record.createRevision)
                insert.bind(4, record.deleted ? 1 : 0)
                insert.bind(5, record.value)
                try insert.run()
            }
            commit.reset()
            try commit.run()
        } catch {
            rollback.reset()
            try? rollback.run()
            throw error
        }
    }

    public func compact(upTo revision: Revision) throws {
        lock.lock()
        defer { lock.unlock() }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try connection.execute("""
                DELETE FROM log WHERE revision <= \(revision) AND (deleted = 1 OR EXISTS (
                    SELECT 1 FROM log AS newer WHERE newer.key = log.key
                    AND newer.revision > log.revision AND newer.revision <= \(revision)));
                INSERT INTO meta (name, value) VALUES ('compacted', \(revision))
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value;
                COMMIT;
                """)
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        connection.close()
    }
}
