import APIMachinery
import KubeClient
import Logging

/// Runs the garbage collector over the shared caches. Queue keys name an object and which question to ask:
/// `dependent` (are its owners gone?) or `owner` (it is being deleted with `orphan` or `foregroundDeletion`).
/// An owner missing from the cache is confirmed absent with a live read before anything is deleted, since
/// caches of different resources may lag each other.
public struct GarbageCollectorController: Sendable {
    public static let resources: [APIResource] = [
        .statefulSets, .deployments, .replicaSets, .daemonSets, .controllerRevisions, .pods, .persistentVolumeClaims,
        .persistentVolumes, .services, .endpoints, .endpointSlices, .configMaps,
    ]

    public let loop: ControllerLoop

    public init(informers: InformerSet, executor: ActionExecutor, workers: Int = 2, logger: Logger) {
        let queue = WorkQueue()
        let client = informers.client
        loop = ControllerLoop(name: "garbagecollector", queue: queue, workers: workers, logger: logger) { key in
            guard let item = Item(key: key) else { return .done }
            let informer = informers[item.resource]
            guard let object = informer.lister.get(namespace: item.namespace, name: item.name) else { return .done }
            switch item.role {
            case .dependent:
                let owners = try await Self.liveOwners(of: object, resource: item.resource, informers: informers, client: client)
                try await executor.execute(GarbageCollector.plan(dependent: object, dependentResource: item.resource) { owners[$0.uid] ?? nil })
            case .owner:
                // Only a terminating owner has anything to do (orphan or foreground); listing a live owner's
                // dependents on each of their changes would cost pods × changes.
                guard object.isTerminating else { return .done }
                let dependents = Self.resources.flatMap { resource in
                    informers[resource].lister.list(ownerUID: object.uid).map { ($0, resource) }
                }
                try await executor.execute(GarbageCollector.planForOwner(owner: object, ownerResource: item.resource, dependents: dependents))
            }
            return .done
        }
        for resource in Self.resources {
            informers[resource].addHandler(Self.handler(for: resource, queue: queue, informers: informers))
        }
    }

    /// Each owner reference of `object` mapped to the live owner, or to nil when it is gone (checked on the server).
    static func liveOwners(of object: JSON, resource: APIResource, informers: InformerSet,
                           client: KubeClient) async throws -> [String: JSON?] {
        var owners: [String: JSON?] = [:]
        for reference in object.ownerReferences {
            guard let ownerResource = APIResource.forKind(reference.kind, apiVersion: reference.apiVersion) else {
                // A kind Ordinal does not serve cannot be checked: treat the owner as present.
                owners[reference.uid] = .some(["metadata": ["uid": .string(reference.uid)]])
                continue
            }
            let namespace = ownerResource.namespaced ? object.namespace : nil
            if let cached = informers[ownerResource].lister.get(namespace: namespace, name: reference.name), cached.uid == reference.uid {
                owners[reference.uid] = .some(cached)
                continue
            }
            do {
                owners[reference.uid] = .some(try await client.get(ownerResource, namespace: namespace, name: reference.name))
            } catch let error as KubeError where error.isNotFound {
                owners[reference.uid] = .some(nil)
            }
        }
        return owners
    }

    /// Queues the questions a change raises: about the object itself, its owners, and its dependents.
    ///
    /// Dependents get a new look when the object appears, is deleted, or is terminating: an ordinary update
    /// (a status write, say) cannot orphan them, and re-queueing every dependent of a StatefulSet on each of its
    /// status writes made the collector's work grow with pods × writes.
    static func handler(for resource: APIResource, queue: WorkQueue, informers: InformerSet) -> InformerHandler {
        let keys: @Sendable (JSON, Bool) -> [String] = { object, withDependents in
            var keys: [String] = []
            if !object.ownerReferences.isEmpty { keys.append(Item.key(.dependent, resource, object)) }
            if object.isTerminating, !Set(object.finalizers).isDisjoint(with: ["orphan", "foregroundDeletion"]) {
                keys.append(Item.key(.owner, resource, object))
            }
            for reference in object.ownerReferences {
                if let ownerResource = APIResource.forKind(reference.kind, apiVersion: reference.apiVersion) {
                    let namespace = ownerResource.namespaced ? object.namespace : ""
                    keys.append(Item.key(.owner, ownerResource, namespace: namespace, name: reference.name))
                }
            }
            guard withDependents else { return keys }
            for dependentResource in resources {
                for dependent in informers[dependentResource].lister.list(ownerUID: object.uid) {
                    keys.append(Item.key(.dependent, dependentResource, dependent))
                }
            }
            return keys
        }
        let add: @Sendable ([String]) -> Void = { found in Task { for key in found { await queue.add(key) } } }
        return InformerHandler(
            onAdd: { object in add(keys(object, true)) },
            onUpdate: { old, new in
                guard Self.mayConcernCollector(old: old, new: new) else { return }
                add(Array(Set(keys(old, false) + keys(new, new.isTerminating || old.uid != new.uid))))
            },
            onDelete: { object in add(keys(object, true)) })
    }

    /// False for an update that changes nothing the collector judges by (owner references, finalizers, deletion,
    /// identity) — a status write, say — so it queues nothing, as upstream's graph builder ignores such updates.
    /// Resyncs (`old` and `new` the same object) still queue their checks.
    static func mayConcernCollector(old: JSON, new: JSON) -> Bool {
        if old.resourceVersion == new.resourceVersion { return true }
        let oldMeta = old["metadata"], newMeta = new["metadata"]
        return oldMeta["uid"] != newMeta["uid"] || oldMeta["ownerReferences"] != newMeta["ownerReferences"]
            || oldMeta["finalizers"] != newMeta["finalizers"] || oldMeta["deletionTimestamp"] != newMeta["deletionTimestamp"]
    }

    /// A queue key: `role|group/version/resource|namespace|name`.
    struct Item {
        enum Role: String { case dependent, owner }
        let role: Role
        let resource: APIResource
        let namespace: String?
        let name: String

        init?(key: String) {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let role = Role(rawValue: parts[0]),
                  let resource = GarbageCollectorController.resources.first(where: { Item.id($0) == parts[1] }) else { return nil }
            self.role = role
            self.resource = resource
            self.namespace = parts[2].isEmpty ? nil : parts[2]
            self.name = parts[3]
        }

        static func id(_ resource: APIResource) -> String { "\(resource.apiVersion)/\(resource.resource)" }

        static func key(_ role: Role, _ resource: APIResource, _ object: JSON) -> String {
            key(role, resource, namespace: object.namespace, name: object.name)
        }

        static func key(_ role: Role, _ resource: APIResource, namespace: String, name: String) -> String {
            "\(role.rawValue)|\(id(resource))|\(namespace)|\(name)"
        }
    }
}
