import APIMachinery
import Foundation
import Store

/// The generic registry: create, read, update, patch and delete of one kind over the versioned store,
/// with the checks Kubernetes makes for every kind (resourceVersion conflicts, generation, uid,
/// timestamps, finalizers, dry runs). Per-kind behaviour comes from the definition's strategy.
final class ResourceRegistry: @unchecked Sendable {
    let definition: ResourceDefinition
    let store: any VersionedStore
    let meta: ObjectMetaRules
    let now: () -> Date
    /// Whether a namespace exists and accepts new objects; set by the server.
    var namespaceState: (String) -> NamespaceState = { _ in .active }
    /// Extra adjustments a new object gets from the rest of the cluster (default StorageClass, cluster IPs).
    var admission: (inout JSON) throws -> Void = { _ in }

    /// How many times a write without a resourceVersion precondition is retried on a conflict. Each conflict
    /// means another write to the object committed, and after it every waiting writer races again, so with
    /// N writers on one object a writer loses a round with probability (N-1)/N: the bound must make losing
    /// every round negligible (8 writers: (7/8)^256 < 1e-14), not merely rare, as kubectl beside a busy
    /// controller expects its patch to land.
    static let conflictRetries = 256
    /// How many names a create with `generateName` draws before giving up on collisions.
    static let generateNameAttempts = 8

    init(definition: ResourceDefinition, store: any VersionedStore, now: @escaping () -> Date = Date.init,
         makeUID: @escaping () -> String = { UUID().uuidString.lowercased() }) {
        self.definition = definition
        self.store = store
        self.now = now
        self.meta = ObjectMetaRules(definition: definition, now: now, makeUID: makeUID)
    }

    var resource: GroupResource { definition.groupResource }

    func key(namespace: String?, name: String) -> String {
        StorageKey.object(definition, namespace: namespace, name: name)
    }

    /// Decodes stored bytes; they were encoded by this server, so failure is a broken store.
    func decode(_ object: StoredObject) throws -> JSON {
        do {
            return try JSON.parse(object.value)
        } catch {
            throw StatusError.internalError("stored object \(object.key) is not valid JSON: \(error)")
        }
    }

    func get(namespace: String?, name: String) throws -> StoredObject {
        guard let stored = store.get(key(namespace: namespace, name: name)) else {
            throw StatusError.notFound(resource, name: name)
        }
        return stored
    }

    /// The bytes stored for `object` at `revision`: the object with its resourceVersion set.
    static func encode(_ object: JSON, revision: Revision) -> [UInt8] {
        stamped(object, revision: revision).encoded()
    }

    /// `object` as stored at `revision`: what decoding the stored bytes gives, without decoding them.
    static func stamped(_ object: JSON, revision: Revision) -> JSON {
        var stamped = object
        stamped["metadata"]["resourceVersion"] = .string(String(revision))
        return stamped
    }

    // MARK: Create

    /// An object as a write left it, and the bytes a response sends for it: exactly what was stored.
    struct Written {
        var object: JSON
        var bytes: [UInt8]
    }

    /// Creates `object` (already decoded and field-validated) in `namespace`.
    func create(_ object: JSON, namespace: String?, options: WriteOptions) throws -> Written {
        var object = object
        try meta.checkTypeMeta(&object)
        try meta.checkNamespace(&object, requestNamespace: namespace)
        try meta.prepareForCreate(&object)
        definition.strategy.applyDefaults(to: &object)
        definition.strategy.prepareForCreate(&object)
        try admission(&object)
        recordUpdate(&object, old: nil, scope: .main, options: options)
        var name = object["metadata"]["name"].stringValue ?? ""
        let errors = meta.validate(object, old: nil) + definition.strategy.validate(object)
        guard errors.isEmpty else {
            throw StatusError.invalid(kind: definition.kind, group: definition.group, name: name, errors: errors)
        }
        if definition.namespaced { try checkNamespaceAccepts(namespace ?? "", name: name) }
        if options.dryRun {
            guard store.get(key(namespace: namespace, name: name)) == nil else { throw StatusError.alreadyExists(resource, name: name) }
            return Written(object: object, bytes: object.encoded())
        }
        let generated = (object["metadata"]["generateName"].stringValue ?? "").isEmpty == false
            && name.hasPrefix(object["metadata"]["generateName"].stringValue!)
        for attempt in 1...Self.generateNameAttempts {
            do {
                let stored = try store.create(key(namespace: namespace, name: name)) { Self.encode(object, revision: $0) }
                return Written(object: Self.stamped(object, revision: stored.modRevision), bytes: stored.value)
            } catch StoreError.alreadyExists where generated && attempt < Self.generateNameAttempts {
                // A generated name taken by another object: draw another, as Kubernetes retries.
                try meta.regenerateName(&object)
                name = object["metadata"]["name"].stringValue ?? ""
            } catch let error as StoreError {
                throw mapped(error, name: name)
            }
        }
        throw StatusError.alreadyExists(resource, name: name)
    }

    private func checkNamespaceAccepts(_ namespace: String, name: String) throws {
        switch namespaceState(namespace) {
        case .active: return
        case .missing: throw StatusError.notFound(GroupResource(group: "", resource: "namespaces"), name: namespace)
        case .terminating:
            throw StatusError.forbidden(resource, name: name,
                                        detail: "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    // MARK: Update

    /// Which part of the object a write may change: the main resource (spec and metadata), `/status`, or a
    /// server-side subresource (`/finalize`, `/binding`) whose transform the server itself wrote and trusts.
    enum UpdateScope { case main, status, subresource }

    /// The read-modify-write at the heart of update, patch and the subresources.
    ///
    /// `transform` receives the stored object and returns the desired one. A `metadata.resourceVersion`
    /// in the result that differs from the stored one is a precondition and fails with 409; without one
    /// the write is retried on conflicts. An update that changes nothing writes nothing.
    /// Returns the resulting object, whether it was removed (its last finalizer was dropped while deleting),
    /// and its bytes as stored, which a response sends as they are.
    func update(namespace: String?, name: String, scope: UpdateScope, options: WriteOptions,
                transform: (JSON) throws -> JSON) throws -> (object: JSON, removed: Bool, bytes: [UInt8]) {
        var attempts = 0
        while true {
            attempts += 1
            let stored = try get(namespace: namespace, name: name)
            let old = try decode(stored)
            var object = try transform(old)
            let requested = object["metadata"]["resourceVersion"].stringValue ?? ""
            let preconditioned = !requested.isEmpty
            if preconditioned && requested != String(stored.modRevision) {
                throw StatusError.conflict(resource, name: name)
            }
            try prepareUpdate(&object, old: old, name: name, namespace: namespace, scope: scope)
            object["metadata"]["resourceVersion"] = .string(String(stored.modRevision))
            recordUpdate(&object, old: old, scope: scope, options: options)
            if object.semanticallyEquals(old) { return (old, false, stored.value) }
            if options.dryRun { return (object, false, object.encoded()) }
            do {
                return try commitUpdate(object, old: old, stored: stored, name: name)
            } catch StoreError.conflict(_, let current) where !preconditioned && attempts < Self.conflictRetries {
                awaitCommit(of: current)
                continue
            } catch let error as StoreError {
                throw mapped(error, name: name)
            }
        }
    }

    private func prepareUpdate(_ object: inout JSON, old: JSON, name: String, namespace: String?, scope: UpdateScope) throws {
        try meta.checkTypeMeta(&object)
        if let bodyName = object["metadata"]["name"].stringValue, !bodyName.isEmpty, bodyName != name {
            throw StatusError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        object["metadata"]["name"] = .string(name)
        try meta.checkNamespace(&object, requestNamespace: namespace)
        let errors: [FieldError]
        switch scope {
        case .status:
            // Through /status only status changes; metadata and spec stay as stored.
            var merged = old
            merged["status"] = object["status"]
            object = merged
            errors = definition.strategy.validateStatusUpdate(object, old: old)
        case .subresource:
            errors = []
        case .main:
            if definition.hasStatus { object["status"] = old["status"] }
            definition.strategy.applyDefaults(to: &object)
            meta.prepareForUpdate(&object, old: old)
            definition.strategy.prepareForUpdate(&object, old: old)
            errors = meta.validate(object, old: old) + definition.strategy.validateUpdate(object, old: old)
        }
        // A body without status keeps the stored one; none stored means none, never `"status": null`.
        if object["status"].isNull {
            if old["status"].isNull { object.removeValue(forKey: "status") } else { object["status"] = old["status"] }
        }
        guard errors.isEmpty else {
            throw StatusError.invalid(kind: definition.kind, group: definition.group, name: name, errors: errors)
        }
    }

    /// An update that removes the last finalizer of an object being deleted (with no grace period left)
    /// removes the object, as Kubernetes does; a graceful pod's other updates just update it.
    private func commitUpdate(_ object: JSON, old: JSON, stored: StoredObject, name: String) throws -> (object: JSON, removed: Bool, bytes: [UInt8]) {
        let lastFinalizerRemoved = !old.finalizers.isEmpty && object.finalizers.isEmpty
        let noGraceLeft = (old["metadata"]["deletionGracePeriodSeconds"].intValue ?? 0) == 0
        if object.isTerminating && lastFinalizerRemoved && noGraceLeft {
            let removed = try store.delete(stored.key, expectedModRevision: stored.modRevision) { Self.encode(object, revision: $0) }
            return (try decode(removed), true, removed.value)
        }
        let updated = try store.update(stored.key, expectedModRevision: stored.modRevision) { Self.encode(object, revision: $0) }
        return (Self.stamped(object, revision: updated.modRevision), false, updated.value)
    }

    /// Waits (briefly) until a write that beat ours is durable, so the retry reads it instead of conflicting again.
    func awaitCommit(of revision: Revision) {
        for _ in 0..<500 where store.currentRevision < revision { usleep(100) }
    }

    /// The Status error a store error means for a client.
    func mapped(_ error: StoreError, name: String) -> StatusError {
        switch error {
        case .alreadyExists: return .alreadyExists(resource, name: name)
        case .notFound: return .notFound(resource, name: name)
        case .conflict: return .conflict(resource, name: name)
        case .compacted(let requested, let oldest): return .expired("too old resource version: \(requested) (\(oldest))")
        case .unavailable(let message): return .internalError("storage is unavailable: \(message)")
        case .closed: return StatusError(code: 503, reason: "ServiceUnavailable", message: "the server is shutting down", retryAfterSeconds: 1)
        }
    }
}
