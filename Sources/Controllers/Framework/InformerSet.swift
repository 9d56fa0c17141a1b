import KubeClient
import Logging

/// One shared informer per resource, so every controller reads the same caches and the server sees one
/// list and one watch per resource, as with client-go's shared informer factory.
public final class InformerSet: Sendable {
    public let client: KubeClient
    private let informers: [APIResource: Informer]

    public init(client: KubeClient, resources: [APIResource]) {
        self.client = client
        var informers: [APIResource: Informer] = [:]
        for resource in resources { informers[resource] = Informer(client: client, resource: resource) }
        self.informers = informers
    }

    /// The informer of `resource`; every resource a controller uses must be in the set.
    public subscript(_ resource: APIResource) -> Informer {
        guard let informer = informers[resource] else { preconditionFailure("no informer for \(resource)") }
        return informer
    }

    /// Runs every informer until the task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for informer in informers.values { group.addTask { await informer.run() } }
        }
    }

    public func waitUntilSynced() async {
        for informer in informers.values { await informer.waitUntilSynced() }
    }
}

/// Splits a queue key `namespace/name` (or `name` for cluster-scoped objects).
public func splitKey(_ key: String) -> (namespace: String?, name: String) {
    guard let slash = key.firstIndex(of: "/") else { return (nil, key) }
    return (String(key[..<slash]), String(key[key.index(after: slash)...]))
}

extension InformerHandler {
    /// A handler that queues, for every change, the keys `keys` derives from the object involved.
    public static func enqueue(_ queue: WorkQueue, keys: @escaping @Sendable (JSON) -> [String]) -> InformerHandler {
        InformerHandler(
            onAdd: { object in Task { for key in keys(object) { await queue.add(key) } } },
            onUpdate: { old, new in Task { for key in Set(keys(old) + keys(new)) { await queue.add(key) } } },
            onDelete: { object in Task { for key in keys(object) { await queue.add(key) } } })
    }
}

import APIMachinery
