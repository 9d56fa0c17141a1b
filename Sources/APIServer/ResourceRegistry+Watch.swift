import APIMachinery
import Foundation
import Store

extension ResourceRegistry {
    /// Starts a watch with Kubernetes' start semantics: no resourceVersion (or "0") first replays the
    /// current state as ADDED events; a resourceVersion resumes after it; `sendInitialEvents=true` replays
    /// the state then marks its end with a bookmark; a compacted resourceVersion yields one ERROR event (410).
    /// `render`, when given, turns each event's object into what is sent (a one-row Table for `kubectl get -w`).
    func watch(namespace: String?, options: ListOptions, render: (@Sendable ([UInt8]) -> [UInt8])? = nil) throws -> WatchStream {
        let prefix = StorageKey.prefix(definition, namespace: namespace)
        let filter = try ObjectFilter(definition: definition, options: options)
        let encoder = WatchEventEncoder(kind: definition.kind, apiVersion: definition.groupVersion, render: render)
        let timeout = options.timeoutSeconds ?? Double.random(in: 1800...3600)
        var plan = WatchStream.Plan(bookmarks: options.allowWatchBookmarks, deadline: Date().addingTimeInterval(timeout))
        let requested = try options.revision()
        let replayState: Bool
        if let sendInitialEvents = options.sendInitialEvents {
            if sendInitialEvents {
                guard options.resourceVersionMatch == .notOlderThan else {
                    throw StatusError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "",
                                              errors: [.forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")])
                }
                guard options.allowWatchBookmarks else {
                    throw StatusError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "",
                                              errors: [.forbidden("allowWatchBookmarks", "sendInitialEvents requires setting allowWatchBookmarks to true")])
                }
                if let requested { try waitForRevision(requested) }
            }
            replayState = sendInitialEvents
        } else {
            replayState = requested == nil
        }
        let start: Revision
        if replayState {
            let state = try store.range(prefix: prefix, afterKey: nil, limit: nil, revision: nil)
            start = state.revision
            plan.initial = filter.isEverything ? state.objects : try state.objects.filter { filter.matches(try decode($0)) }
            if options.sendInitialEvents == true { plan.initialEventsEndRevision = start }
        } else {
            start = requested ?? store.currentRevision
        }
        let watch: (any StoreWatch)?
        do {
            watch = try store.watch(prefix: prefix, after: start)
        } catch StoreError.compacted(let requested, let oldest) {
            watch = nil
            plan.failure = .expired("too old resource version: \(requested) (\(oldest))")
        }
        return WatchStream(watch: watch, filter: filter, encoder: encoder, plan: plan, decode: { [unowned self] in try self.decode($0) })
    }
}
