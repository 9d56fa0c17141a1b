import APIMachinery

/// Events of one pass: upstream's `SuccessfulCreate`/`SuccessfulDelete`/`SuccessfulUpdate` records, and learner
/// events (type Normal) explaining why the controller waits, each message at most once per pass.
struct PassEvents {
    private var seen: Set<String> = []
    private var learned: [EventRecord] = []

    /// The learner events as actions, in the order first seen.
    var learnerActions: [ControllerAction] { learned.map(ControllerAction.event) }

    mutating func learn(reason: String, about set: StatefulSetView, _ message: String) {
        guard seen.insert(message).inserted else { return }
        learned.append(EventRecord(regarding: set.eventReference, reason: reason, message: message))
    }

    /// `verb Pod web-0 in StatefulSet web successful`, reason `Successful<Verb>`.
    func successful(_ verb: String, _ object: String, about set: StatefulSetView) -> ControllerAction {
        .event(EventRecord(regarding: set.eventReference, reason: "Successful\(verb.prefix(1).uppercased())\(verb.dropFirst())",
                           message: "\(verb) \(object) in StatefulSet \(set.name) successful"))
    }

    /// `create Claim www-web-0 Pod web-0 in StatefulSet web success` (upstream's wording for claims).
    func successfulClaim(_ claim: String, pod: String, about set: StatefulSetView) -> ControllerAction {
        .event(EventRecord(regarding: set.eventReference, reason: "SuccessfulCreate",
                           message: "create Claim \(claim) Pod \(pod) in StatefulSet \(set.name) success"))
    }
}

extension SyncPass {
    /// Explains, once per pass, why OrderedReady stops at `pod` (slot `index`): the next creation or deletion it
    /// holds back, or else the rollout waiting for it.
    mutating func explainWait(on pod: JSON, index: Int) {
        let next = replicas[(index + 1)...].first { $0.pod == nil }.map { "creating \(set.podName($0.ordinal))" }
            ?? condemned.first.map { "deleting \($0.name)" }
        guard let next else {
            if rolloutPending || current.name != update.name { explainRolloutWait(on: pod) }
            return
        }
        let state: String
        if pod.isTerminating {
            state = "to finish terminating"
        } else if !pod.isRunningAndReady {
            state = "to be Running and Ready"
        } else {
            state = "to be available for minReadySeconds (\(set.minReadySeconds)s)"
        }
        events.learn(reason: "WaitingForPod", about: set, "waiting for Pod \(pod.name) \(state) before \(next)")
    }
}
