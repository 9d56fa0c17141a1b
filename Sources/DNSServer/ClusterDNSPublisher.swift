import DNS
import APIMachinery
import KubeClient
import NIOConcurrencyHelpers

/// Keeps a `ClusterDNS` snapshot in step with the Service and EndpointSlice informers: every add, update or
/// delete schedules a rebuild after `debounce` (events within it share one rebuild), so answers follow the
/// caches within a few milliseconds. Add it before the informers run, so it sees their initial lists.
public final class ClusterDNSPublisher: Sendable {
    public let zone: String
    private let services: Lister
    private let endpointSlices: Lister
    private let debounce: Duration
    private let state: NIOLockedValueBox<State>

    private struct State {
        var snapshot: ClusterDNS
        var rebuildPending = false
    }

    public init(zone: String = "cluster.local", services: Informer, endpointSlices: Informer,
                debounce: Duration = .milliseconds(10)) {
        self.zone = zone
        self.services = services.lister
        self.endpointSlices = endpointSlices.lister
        self.debounce = debounce
        state = NIOLockedValueBox(State(snapshot: ClusterDNS(zone: zone)))
        let handler = InformerHandler(onAdd: { [weak self] _ in self?.scheduleRebuild() },
                                      onUpdate: { [weak self] _, _ in self?.scheduleRebuild() },
                                      onDelete: { [weak self] _ in self?.scheduleRebuild() })
        services.addHandler(handler)
        endpointSlices.addHandler(handler)
    }

    /// The current snapshot.
    public var snapshot: ClusterDNS { state.withLockedValue { $0.snapshot } }

    /// Rebuilds the snapshot from the listers now.
    public func rebuild() {
        let snapshot = ClusterDNS(zone: zone, services: services.list(), endpointSlices: endpointSlices.list())
        state.withLockedValue { $0.snapshot = snapshot }
    }

    private func scheduleRebuild() {
        let schedule = state.withLockedValue { state -> Bool in
            defer { state.rebuildPending = true }
            return !state.rebuildPending
        }
        guard schedule else { return }
        Task { [debounce] in
            try? await Task.sleep(for: debounce)
            // Cleared before reading the listers: a change that lands during the rebuild schedules another.
            self.state.withLockedValue { $0.rebuildPending = false }
            self.rebuild()
        }
    }
}
