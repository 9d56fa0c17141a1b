/// How the simulated cluster looks and how fast it moves.
///
/// Every simulated duration — start delay, readiness `initialDelaySeconds`, termination grace, crash-loop
/// back-off, node heartbeats, `ordinal.dev/simulate-after` — is multiplied by `timeScale`, so `0.1` runs the
/// same timeline ten times faster (handy in tests); `1` is real time.
public struct SimulationConfig: Sendable, Equatable {
    /// How many nodes exist: `ordinal-worker-1` … `ordinal-worker-<nodeCount>`.
    public var nodeCount: Int
    /// Seconds (before scaling) from the kubelet first seeing a bound pod to its containers running.
    public var startDelay: Double
    /// Multiplies every simulated duration.
    public var timeScale: Double
    /// The first two octets of the pod network, a /16: node `n` gets pod CIDR `<base>.<n>.0/24`.
    public var podCIDRBase: String
    /// The first three octets of the node network: node `n` has InternalIP `<base>.<n + 1>`.
    public var nodeAddressBase: String

    public init(nodeCount: Int = 3, startDelay: Double = 1, timeScale: Double = 1,
                podCIDRBase: String = "10.244", nodeAddressBase: String = "172.18.0") {
        self.nodeCount = nodeCount
        self.startDelay = startDelay
        self.timeScale = timeScale
        self.podCIDRBase = podCIDRBase
        self.nodeAddressBase = nodeAddressBase
    }

    /// `seconds` of simulated time in wall-clock seconds.
    public func scaled(_ seconds: Double) -> Double { seconds * timeScale }

    /// The name of node `index` (1-based).
    public func nodeName(_ index: Int) -> String { "ordinal-worker-\(index)" }
}
