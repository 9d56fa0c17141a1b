import Foundation

/// What client-go's event correlator does to events before they reach the server (`tools/record/events_cache.go`):
/// count repeats, aggregate similar events, and rate-limit each object's events. A pure value: the recorder
/// asks it about each event and sends what it says.
///
/// - **Repeats**: the same object, type, reason and message again raises `count` on the existing Event.
/// - **Aggregation**: once 10 different messages with the same object, type and reason have been seen within
///   10 minutes of each other, further ones go to a single Event whose message is
///   `(combined from similar events): <latest message>`, whose `count` rises with each. So a 1,000-pod
///   StatefulSet leaves 9 `SuccessfulCreate` Events and one combined Event, as on a real cluster.
/// - **Spam filter**: each object may burst 25 Events of one type and reason (creates and count updates alike),
///   then one more every 5 minutes; the rest are dropped, though their counts still add to the next one sent.
///   (Keyed by object, type and reason as in current client-go; older releases keyed by object alone.)
struct EventCorrelator {
    static let aggregateAfter = 10
    static let aggregateWindow: TimeInterval = 600
    static let burst = 25.0
    static let refillEvery: TimeInterval = 300
    static let combinedPrefix = "(combined from similar events): "
    /// Entries each cache holds at most (client-go's LRU caches hold 4096); a full cache starts over, so a
    /// long-running manager that sees many objects come and go keeps bounded memory.
    static let capacity = 4096

    /// Events that count as the same Event; `message` nil stands for the combined Event of its group.
    struct Key: Hashable {
        let group: Group
        let message: String?
    }

    /// Events that are similar: same object, type and reason.
    struct Group: Hashable {
        let regarding: ObjectReference
        let type: String
        let reason: String
    }

    /// What to send for one event.
    enum Outcome: Equatable {
        /// Create a new Event `name` with this message and count (above 1 when earlier ones were dropped).
        case create(key: Key, name: String, count: Int64, message: String)
        /// Raise the existing Event `name` to `count`, with this message.
        case increment(key: Key, name: String, count: Int64, message: String)
        /// Send nothing (rate-limited).
        case skip
    }

    private var similar: [Group: (messages: Set<String>, last: Date)] = [:]
    /// Each Event sent or to be sent: its name once a create was decided, and the count it reached.
    private var logged: [Key: (name: String?, count: Int64)] = [:]
    private var tokens: [Group: (available: Double, at: Date)] = [:]

    /// The write for `event` at `now`; `newName` names the Event if one is created. Repeats are counted from
    /// here on, whether or not the caller's write has finished.
    mutating func correlate(_ event: EventRecord, now: Date, newName: String) -> Outcome {
        let group = Group(regarding: event.regarding, type: event.type, reason: event.reason)
        let (key, message) = aggregate(event, group: group, now: now)
        let previous = logged[key]
        if previous == nil { Self.makeRoom(in: &logged) }
        let count = (previous?.count ?? 0) + 1
        logged[key] = (previous?.name, count)
        guard takeToken(group, now: now) else { return .skip }
        if let name = previous?.name { return .increment(key: key, name: name, count: count, message: message) }
        logged[key] = (newName, count)
        return .create(key: key, name: newName, count: count, message: message)
    }

    /// Forgets `key`'s Event (its write failed): the next such event creates a new one.
    mutating func forget(_ key: Key) {
        logged[key] = nil
    }

    private mutating func aggregate(_ event: EventRecord, group: Group, now: Date) -> (Key, String) {
        if similar[group] == nil { Self.makeRoom(in: &similar) }
        var record = similar[group] ?? ([], now)
        if now.timeIntervalSince(record.last) > Self.aggregateWindow { record = ([], now) }
        record.messages.insert(event.message)
        record.last = now
        defer { similar[group] = record }
        guard record.messages.count >= Self.aggregateAfter else { return (Key(group: group, message: event.message), event.message) }
        record.messages.remove(at: record.messages.startIndex)
        return (Key(group: group, message: nil), Self.combinedPrefix + event.message)
    }

    /// How many entries the caches hold together.
    var cachedEntries: Int { similar.count + logged.count + tokens.count }

    private static func makeRoom<Key: Hashable, Value>(in cache: inout [Key: Value]) {
        if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
    }

    private mutating func takeToken(_ group: Group, now: Date) -> Bool {
        if tokens[group] == nil { Self.makeRoom(in: &tokens) }
        var bucket = tokens[group] ?? (Self.burst, now)
        bucket.available = min(Self.burst, bucket.available + max(0, now.timeIntervalSince(bucket.at)) / Self.refillEvery)
        bucket.at = now
        defer { tokens[group] = bucket }
        guard bucket.available >= 1 else { return false }
        bucket.available -= 1
        return true
    }
}
