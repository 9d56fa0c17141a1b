import APIMachinery

/// Failure injection for the simulated kubelet, chosen per pod by annotations (put them on a StatefulSet's
/// `spec.template.metadata.annotations` and every pod gets them):
///
/// - `ordinal.dev/simulate: fail` — the containers start, then exit with code 1 (`terminated`, reason
///   `Error`) and the pod's phase becomes `Failed`; `kubectl get pods` shows `Error`.
/// - `ordinal.dev/simulate: never-ready` — the pod runs but its containers are never ready (a readiness probe
///   that keeps failing), so the pod stays `Running` with READY `0/1`.
/// - `ordinal.dev/simulate: crash-loop` — the containers keep exiting with code 1: each exit increments
///   `restartCount` and leaves the container `waiting` with reason `CrashLoopBackOff` for a back-off of
///   10 s, 20 s, 40 s … capped at 300 s (scaled by `timeScale`), after which it runs again.
/// - `ordinal.dev/simulate-after: "5"` — optional, seconds (scaled by `timeScale`) after the containers start
///   before the failure above begins: `fail` exits then, `never-ready` turns unready then (ready before, as
///   usual), `crash-loop` runs that long before each exit. Default `0`: the failure is immediate.
///
/// Any other value of `ordinal.dev/simulate` is ignored and the pod behaves normally.
public enum SimulatedFailure: String, Sendable, CaseIterable {
    case fail
    case neverReady = "never-ready"
    case crashLoop = "crash-loop"

    public static let annotation = "ordinal.dev/simulate"
    public static let afterAnnotation = "ordinal.dev/simulate-after"

    /// The failure `pod` asks for, with its delay in simulated (unscaled) seconds.
    static func of(_ pod: JSON) -> (failure: SimulatedFailure, after: Double)? {
        guard let failure = pod.annotations[annotation].flatMap(SimulatedFailure.init(rawValue:)) else { return nil }
        let after = pod.annotations[afterAnnotation].flatMap(Double.init).map { max(0, $0) } ?? 0
        return (failure, after)
    }
}
