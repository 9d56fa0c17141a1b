/// Exponential backoff: `initial`, doubling per failure, capped at `cap`.
///
/// `jitter` is the fraction of each delay that is random: with 0.5 a delay lies in [d/2, d]. The random
/// source is injected so tests get fixed delays.
public struct Backoff: Sendable {
    public var initial: Duration
    public var cap: Duration
    public var jitter: Double
    private let random: @Sendable () -> Double

    /// - Parameter random: Returns a value in [0, 1); `Double.random(in:)` by default.
    public init(initial: Duration, cap: Duration, jitter: Double = 0,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.initial = initial
        self.cap = cap
        self.jitter = jitter
        self.random = random
    }

    /// The delay after the `failures`-th consecutive failure (1 is the first; 0 or less is no delay).
    public func delay(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = initial
        for _ in 1..<failures where delay < cap { delay *= 2 }
        delay = min(delay, cap)
        return jitter > 0 ? delay * (1 - jitter * random()) : delay
    }

    /// client-go's default per-item backoff for work queues: 5 ms doubling to 1000 s; Ordinal caps it at 10 s.
    public static let workQueue = Backoff(initial: .milliseconds(5), cap: .seconds(10))
    /// The reflector's backoff between failed list-watch cycles: 100 ms doubling to 5 s, with jitter.
    public static let reflector = Backoff(initial: .milliseconds(100), cap: .seconds(5), jitter: 0.5)
}
