import Foundation
import APIMachinery
import KubeClient
@testable import Controllers

/// An in-memory namespace for StatefulSet scenarios: it applies ``ControllerAction``s as the API server would
/// (uids, resourceVersions, `phase: Pending` on pod create, uid and resourceVersion preconditions), plays kubelet
/// and garbage collector in ``settle()``, and records every broken invariant in ``violations``.
final class FakeCluster {
    var set: JSON
    var pods: [String: JSON] = [:]
    var claims: [String: JSON] = [:]
    var revisions: [String: JSON] = [:]
    var events: [EventRecord] = []
    var now = Date(timeIntervalSince1970: 1_700_000_000)
    /// Pod names in the order they were created, and deleted.
    var createdPods: [String] = []
    var deletedPods: [String] = []
    var violations: [String] = []
    /// Pods the kubelet leaves Pending.
    var stuckPods: Set<String> = []
    /// Actions for which this returns true fail: the fake drops them and, as the executor contract says,
    /// abandons the rest of the pass.
    var failWhen: (ControllerAction) -> Bool = { _ in false }
    /// Deleted pods disappear at once (grace period 0) instead of terminating until ``settle()``.
    var podsVanishOnDelete = false
    private(set) var passes: [StatefulSetPlan] = []
    private var counter = 0

    init(set: JSON) {
        var set = set
        set[path: ["metadata", "uid"]] = "set-uid"
        set[path: ["metadata", "generation"]] = 1
        set[path: ["metadata", "resourceVersion"]] = "1"
        self.set = set
    }

    var isOrdered: Bool { self.set["spec"]["podManagementPolicy"].stringValue != "Parallel" }

    func inputs() -> StatefulSetInputs {
        StatefulSetInputs(set: set, pods: Array(pods.values), claims: Array(claims.values),
                          revisions: Array(revisions.values), now: now)
    }

    /// Runs one pass and applies its actions in order.
    @discardableResult func sync() -> StatefulSetPlan {
        let plan = StatefulSetReconciler.reconcile(inputs())
        passes.append(plan)
        checkPass(plan)
        for action in plan.actions {
            if case .event = action { apply(action); continue }
            guard !failWhen(action) else { break }
            apply(action)
        }
        return plan
    }

    /// Changes the spec as a user would (generation + 1).
    func editSpec(_ edit: (inout JSON) -> Void) {
        var spec = set["spec"]
        edit(&spec)
        set["spec"] = spec
        set[path: ["metadata", "generation"]] = .int(set.generation + 1)
    }

    /// Kubelet and garbage collector: terminating pods go, Pending pods become Running and Ready, claims whose
    /// owners are all gone are deleted. The clock moves one second. Returns whether anything changed.
    @discardableResult func settle() -> Bool {
        var changed = false
        for (name, pod) in pods where pod.isTerminating { remove(name); changed = true }
        for (name, pod) in pods where pod.podPhase == "Pending" && !stuckPods.contains(name) { markReady(name); changed = true }
        let liveUIDs = Set(pods.values.map(\.uid) + [set.uid])
        for (name, claim) in claims where !claim.ownerReferences.isEmpty && claim.ownerReferences.allSatisfy({ !liveUIDs.contains($0.uid) }) {
            claims[name] = nil
            changed = true
        }
        now += 1
        return changed
    }

    /// Syncs and settles until a pass writes nothing and the cluster is still; returns the number of passes.
    @discardableResult func runUntilStable(maxPasses: Int = 60) -> Int {
        for pass in 1...maxPasses {
            let plan = sync()
            let wrote = plan.actions.contains { if case .event = $0 { return false } else { return true } }
            if !settle() && !wrote { return pass }
        }
        violations.append("not stable after \(maxPasses) passes")
        return maxPasses
    }

    func markReady(_ name: String) {
        let time = JSON.string(now.formatted(.iso8601))
        pods[name]?["status"] = ["phase": "Running", "conditions": [["type": "Ready", "status": "True", "lastTransitionTime": time]]]
    }

    func markFailed(_ name: String) { pods[name]?["status"]["phase"] = "Failed" }

    /// The pod object disappears (kubelet finished, or a force delete).
    func remove(_ name: String) { pods[name] = nil }

    func podsByRevision() -> [String: String] { pods.mapValues(\.podRevision) }

    private func checkPass(_ plan: StatefulSetPlan) {
        let creates = plan.actions.compactMap { action -> JSON? in
            if case .create(.pods, let pod) = action { return pod } else { return nil }
        }
        if isOrdered && creates.count > 1 { violations.append("OrderedReady created \(creates.count) pods in one pass") }
        for pod in creates {
            let start = Int(set["spec"]["ordinals"]["start"].intValue ?? 0)
            guard isOrdered, let ordinal = Int(pod.name.split(separator: "-").last ?? ""), ordinal > start else { continue }
            let previous = pods["\(set.name)-\(ordinal - 1)"]
            if !(previous?.isHealthy ?? false) { violations.append("\(pod.name) created before its predecessor was Ready") }
        }
    }

    private func apply(_ action: ControllerAction) {
        switch action {
        case .create(let resource, var object):
            if resource == .pods {
                if pods[object.name] != nil { violations.append("\(object.name) created while an object of that name exists"); return }
                for volume in object["spec"]["volumes"].arrayValue ?? [] {
                    if let claim = volume["persistentVolumeClaim"]["claimName"].stringValue, claims[claim] == nil {
                        violations.append("\(object.name) created before its claim \(claim)")
                    }
                }
                object["status"] = ["phase": "Pending"]
                createdPods.append(object.name)
            }
            guard self[resource][object.name] == nil else { return }
            counter += 1
            object[path: ["metadata", "uid"]] = .string("uid-\(counter)")
            self[resource][object.name] = stamped(object)
        case .update(let resource, var object):
            guard let stored = self[resource][object.name], stored.resourceVersion == object.resourceVersion else { return }
            if resource == .pods { object["status"] = stored["status"] }
            self[resource][object.name] = stamped(object)
        case .updateStatus(_, let object):
            guard object.resourceVersion == set.resourceVersion else { return }
            set["status"] = object["status"]
            set = stamped(set)
        case .patch(let resource, _, let name, let patch):
            guard let stored = self[resource][name] else { return }
            if let version = patch["metadata"]["resourceVersion"].stringValue, version != stored.resourceVersion { return }
            self[resource][name] = stamped(MergePatch.apply(patch, to: stored))
        case .delete(let resource, _, let name, let uid, _, _):
            guard let stored = self[resource][name], uid == nil || uid == stored.uid else { return }
            if resource == .pods {
                deletedPods.append(name)
                pods[name]?[path: ["metadata", "deletionTimestamp"]] = .string(now.formatted(.iso8601))
                if podsVanishOnDelete { remove(name) }
            } else {
                self[resource][name] = nil
            }
        case .event(let record):
            events.append(record)
        case .bind(_, let name, let node):
            pods[name]?[path: ["spec", "nodeName"]] = .string(node)
        }
    }

    private func stamped(_ object: JSON) -> JSON {
        counter += 1
        var object = object
        object[path: ["metadata", "resourceVersion"]] = .string(String(counter))
        return object
    }

    private subscript(resource: APIResource) -> [String: JSON] {
        get {
            switch resource {
            case .pods: return pods
            case .persistentVolumeClaims: return claims
            case .controllerRevisions: return revisions
            default: return [set.name: set]
            }
        }
        set {
            switch resource {
            case .pods: pods = newValue
            case .persistentVolumeClaims: claims = newValue
            case .controllerRevisions: revisions = newValue
            default: if let value = newValue[self.set.name] { self.set = value }
            }
        }
    }
}

/// A StatefulSet `web` in namespace `default` with one claim template `www`, as the API server defaults it.
func webSet(replicas: Int64, policy: String, image: String = "nginx:1.25", extra: (inout JSON) -> Void = { _ in }) -> JSON {
    var set: JSON = [
        "apiVersion": "apps/v1", "kind": "StatefulSet",
        "metadata": ["name": "web", "namespace": "default"],
        "spec": [
            "replicas": .int(replicas), "serviceName": "nginx", "podManagementPolicy": .string(policy),
            "selector": ["matchLabels": ["app": "nginx"]],
            "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]],
            "revisionHistoryLimit": 10,
            "template": [
                "metadata": ["labels": ["app": "nginx"]],
                "spec": ["containers": [["name": "nginx", "image": .string(image)]], "restartPolicy": "Always"],
            ],
            "volumeClaimTemplates": [[
                "metadata": ["name": "www"],
                "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
            ]],
        ],
    ]
    extra(&set)
    return set
}

let bothPolicies = ["OrderedReady", "Parallel"]
