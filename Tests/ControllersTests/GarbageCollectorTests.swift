import Testing
import APIMachinery
import KubeClient
@testable import Controllers

private func statefulSet(_ name: String, uid: String, finalizers: [String] = [], terminating: Bool = false) -> JSON {
    var set: JSON = ["apiVersion": "apps/v1", "kind": "StatefulSet",
                     "metadata": ["name": .string(name), "namespace": "default", "uid": .string(uid), "resourceVersion": "7"]]
    if !finalizers.isEmpty { set["metadata"]["finalizers"] = .array(finalizers.map(JSON.string)) }
    if terminating { set["metadata"]["deletionTimestamp"] = "2025-01-01T00:00:00Z" }
    return set
}

private func pod(_ name: String, owners: [OwnerReference], namespace: String = "default", terminating: Bool = false) -> JSON {
    var pod: JSON = ["apiVersion": "v1", "kind": "Pod",
                     "metadata": ["name": .string(name), "namespace": .string(namespace), "uid": .string("uid-\(name)"),
                                  "resourceVersion": "3", "ownerReferences": .array(owners.map(\.json))]]
    if terminating { pod["metadata"]["deletionTimestamp"] = "2025-01-01T00:00:00Z" }
    return pod
}

private func reference(to name: String, uid: String, blocking: Bool = true) -> OwnerReference {
    OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: name, uid: uid, controller: true, blockOwnerDeletion: blocking)
}

/// Applies the merge patches of `actions` to the pods they name, as the API server would.
private func applying(_ actions: [ControllerAction], to pods: [JSON]) -> [JSON] {
    pods.map { pod in
        actions.reduce(pod) { pod, action in
            guard case .patch(.pods, _, let name, let patch) = action, name == pod.name else { return pod }
            var patched = pod
            patched["metadata"]["ownerReferences"] = patch["metadata"]["ownerReferences"]
            return patched
        }
    }
}

@Suite struct GarbageCollectorDependentTests {
    @Test func deletesADependentWhoseOwnersAreAllGone() {
        let dependent = pod("web-0", owners: [reference(to: "web", uid: "s1"), reference(to: "old", uid: "s2", blocking: false)])
        let actions = GarbageCollector.plan(dependent: dependent, dependentResource: .pods) { _ in nil }
        #expect(actions == [.delete(.pods, namespace: "default", name: "web-0", uid: "uid-web-0", propagation: "Background")])
    }

    @Test func anOwnerWithTheSameNameButAnotherUIDCountsAsGone() {
        let dependent = pod("web-0", owners: [reference(to: "web", uid: "s1")])
        let actions = GarbageCollector.plan(dependent: dependent, dependentResource: .pods) { _ in statefulSet("web", uid: "s9") }
        #expect(actions.count == 1)
        guard case .delete = actions.first else { Issue.record("expected a delete"); return }
    }

    @Test func dropsOnlyTheDanglingReferencesWhenSomeOwnersLive() {
        let live = reference(to: "web", uid: "s1"), gone = reference(to: "old", uid: "s2", blocking: false)
        let dependent = pod("web-0", owners: [gone, live])
        let actions = GarbageCollector.plan(dependent: dependent, dependentResource: .pods) { reference in
            reference.uid == "s1" ? statefulSet("web", uid: "s1") : nil
        }
        let patch: JSON = ["metadata": ["ownerReferences": [live.json], "resourceVersion": "3"]]
        #expect(actions == [.patch(.pods, namespace: "default", name: "web-0", mergePatch: patch)])
    }

    @Test func leavesDependentsWithLiveOwnersOrAlreadyTerminatingAlone() {
        let owned = pod("web-0", owners: [reference(to: "web", uid: "s1")])
        #expect(GarbageCollector.plan(dependent: owned, dependentResource: .pods) { _ in statefulSet("web", uid: "s1") }.isEmpty)
        let terminating = pod("web-1", owners: [reference(to: "web", uid: "s1")], terminating: true)
        #expect(GarbageCollector.plan(dependent: terminating, dependentResource: .pods) { _ in nil }.isEmpty)
        let orphan = pod("loose", owners: [])
        #expect(GarbageCollector.plan(dependent: orphan, dependentResource: .pods) { _ in nil }.isEmpty)
    }

    @Test func aClusterScopedDependentCannotBeOwnedByANamespacedKind() {
        var volume: JSON = ["metadata": ["name": "pv-1", "uid": "pv", "ownerReferences": [reference(to: "web", uid: "s1").json]]]
        volume["kind"] = "PersistentVolume"
        let actions = GarbageCollector.plan(dependent: volume, dependentResource: .persistentVolumes) { _ in
            statefulSet("web", uid: "s1")
        }
        #expect(actions == [.delete(.persistentVolumes, namespace: nil, name: "pv-1", uid: "pv", propagation: "Background")])
    }
}

@Suite struct GarbageCollectorOwnerTests {
    @Test func orphanFlowStripsReferencesThenRemovesTheFinalizer() {
        let owner = statefulSet("web", uid: "s1", finalizers: ["orphan", "example.com/keep"], terminating: true)
        let other = reference(to: "other", uid: "s2", blocking: false)
        let pods = [pod("web-0", owners: [reference(to: "web", uid: "s1")]),
                    pod("web-1", owners: [other, reference(to: "web", uid: "s1")]),
                    pod("unrelated", owners: [other])]

        let first = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets, dependents: pods.map { ($0, .pods) })
        #expect(first == [
            .patch(.pods, namespace: "default", name: "web-0", mergePatch: ["metadata": ["ownerReferences": [], "resourceVersion": "3"]]),
            .patch(.pods, namespace: "default", name: "web-1",
                   mergePatch: ["metadata": ["ownerReferences": [other.json], "resourceVersion": "3"]]),
        ])

        let second = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets,
                                                   dependents: applying(first, to: pods).map { ($0, .pods) })
        #expect(second == [.patch(.statefulSets, namespace: "default", name: "web",
                                  mergePatch: ["metadata": ["finalizers": ["example.com/keep"], "resourceVersion": "7"]])])
    }

    @Test func foregroundDeletesDependentsAndWaitsForBlockingOnes() {
        let owner = statefulSet("web", uid: "s1", finalizers: ["foregroundDeletion"], terminating: true)
        let blocking = pod("web-0", owners: [reference(to: "web", uid: "s1")])
        let nonBlocking = pod("web-1", owners: [reference(to: "web", uid: "s1", blocking: false)])

        let first = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets,
                                                  dependents: [(blocking, .pods), (nonBlocking, .pods)])
        #expect(first == [
            .delete(.pods, namespace: "default", name: "web-0", uid: "uid-web-0", propagation: "Foreground"),
            .delete(.pods, namespace: "default", name: "web-1", uid: "uid-web-1", propagation: "Foreground"),
        ])

        let stillTerminating = pod("web-0", owners: [reference(to: "web", uid: "s1")], terminating: true)
        let waiting = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets,
                                                    dependents: [(stillTerminating, .pods)])
        #expect(waiting.isEmpty)

        let removeFinalizer = ControllerAction.patch(.statefulSets, namespace: "default", name: "web",
                                                     mergePatch: ["metadata": ["finalizers": [], "resourceVersion": "7"]])
        let onlyNonBlocking = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets,
                                                            dependents: [(nonBlocking, .pods)])
        #expect(onlyNonBlocking == [
            .delete(.pods, namespace: "default", name: "web-1", uid: "uid-web-1", propagation: "Foreground"), removeFinalizer,
        ])
        #expect(GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets, dependents: []) == [removeFinalizer])
    }

    @Test func foregroundKeepsADependentOtherOwnersStillHold() {
        let owner = statefulSet("web", uid: "s1", finalizers: ["foregroundDeletion"], terminating: true)
        let other = reference(to: "other", uid: "s2", blocking: false)
        let shared = pod("web-0", owners: [reference(to: "web", uid: "s1"), other])
        let actions = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets, dependents: [(shared, .pods)])
        #expect(actions == [
            .patch(.pods, namespace: "default", name: "web-0", mergePatch: ["metadata": ["ownerReferences": [other.json], "resourceVersion": "3"]]),
            .patch(.statefulSets, namespace: "default", name: "web", mergePatch: ["metadata": ["finalizers": [], "resourceVersion": "7"]]),
        ])
    }

    @Test func aNamespacedOwnerOwnsNothingInOtherNamespaces() {
        let owner = statefulSet("web", uid: "s1", finalizers: ["foregroundDeletion"], terminating: true)
        let elsewhere = pod("web-0", owners: [reference(to: "web", uid: "s1")], namespace: "other")
        let actions = GarbageCollector.planForOwner(owner: owner, ownerResource: .statefulSets, dependents: [(elsewhere, .pods)])
        #expect(actions == [.patch(.statefulSets, namespace: "default", name: "web",
                                   mergePatch: ["metadata": ["finalizers": [], "resourceVersion": "7"]])])
    }

    @Test func anOwnerNotBeingDeletedOrWithoutFinalizersNeedsNothing() {
        let dependents: [(JSON, APIResource)] = [(pod("web-0", owners: [reference(to: "web", uid: "s1")]), .pods)]
        let alive = statefulSet("web", uid: "s1", finalizers: ["orphan"])
        #expect(GarbageCollector.planForOwner(owner: alive, ownerResource: .statefulSets, dependents: dependents).isEmpty)
        let background = statefulSet("web", uid: "s1", terminating: true)
        #expect(GarbageCollector.planForOwner(owner: background, ownerResource: .statefulSets, dependents: dependents).isEmpty)
    }
}
