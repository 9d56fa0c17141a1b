#if canImport(Glibc)
import Glibc
#endif

/// The scheduling niceness of one thread (on Linux, niceness is per thread).
///
/// A streamed response (a watch) lowers its connection thread's priority while it streams: with a thread per
/// connection, a thousand watch threads woken by a burst of events would otherwise share the CPU equally with
/// the few threads answering requests, and writes would queue behind fan-out. A watch thread that runs later
/// simply sends a larger batch.
struct ThreadNiceness {
    let thread: Int32
    let original: Int32

    /// Raises the calling thread's niceness to `niceness` (lowering its priority); nil if it cannot be done.
    static func lowerCurrentThread(to niceness: Int32) -> ThreadNiceness? {
        guard let thread = currentThreadID() else { return nil }
        errno = 0
        let original = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread))
        guard errno == 0, original < niceness,
              setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), niceness) == 0 else { return nil }
        return ThreadNiceness(thread: thread, original: original)
    }

    /// Gives the thread its niceness back, if called on that thread (an unprivileged process may fail to
    /// lower niceness again; the thread then stays nicer, which is harmless).
    func restore() {
        guard Self.currentThreadID() == thread else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), original)
    }

    /// The kernel's id of the calling thread, from the /proc/thread-self link ("PID/task/TID"); glibc's
    /// gettid is not visible to Swift.
    static func currentThreadID() -> Int32? {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return link.split(separator: "/").last.flatMap { Int32($0) }
    }
}
