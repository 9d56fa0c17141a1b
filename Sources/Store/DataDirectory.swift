import Foundation

/// The folder an SQLite-backed server keeps its database in, held with an exclusive lock so that a second
/// server on the same folder refuses to start instead of corrupting it.
public final class DataDirectory {
    public let path: String
    private var lockDescriptor: Int32 = -1

    /// Creates the folder if needed and takes its lock; throws if another process holds it.
    public init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lockPath = (path as NSString).appendingPathComponent("LOCK")
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw StoreError.unavailable("cannot open \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            lockDescriptor = -1
            throw StoreError.unavailable("data directory \(path) is in use by another ordinal-apiserver (lock \(lockPath) is held)")
        }
    }

    public var databasePath: String { (path as NSString).appendingPathComponent("ordinal.db") }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }
}
