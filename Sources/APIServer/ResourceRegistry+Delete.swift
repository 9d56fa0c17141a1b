import APIMachinery
import Foundation
import Store

extension ResourceRegistry {
    /// The outcome of a delete: the object is gone, or it stays (finalizers, graceful termination) marked
    /// with a deletionTimestamp.
    enum DeleteOutcome {
        case removed(JSON)
        case pending(JSON)
    }

    /// Deletes one object as Kubernetes does: preconditions, graceful deletion for pods, finalizers for
    /// Foreground and Orphan propagation, and immediate removal otherwise.
    func delete(namespace: String?, name: String, options: DeleteOptions, write: WriteOptions) throws -> DeleteOutcome {
        var attempts = 0
        while true {
            attempts += 1
            let stored = try get(namespace: namespace, name: name)
            let object = try decode(stored)
            try checkPreconditions(object, stored: stored, options: options, name: name)
            do {
                return try delete(object, stored: stored, options: options, write: write)
            } catch StoreError.conflict(_, let current) where attempts < Self.conflictRetries {
                awaitCommit(of: current)
                continue
            } catch let error as StoreError {
                throw mapped(error, name: name)
            }
        }
    }

    private func checkPreconditions(_ object: JSON, stored: StoredObject, options: DeleteOptions, name: String) throws {
        if let uid = options.preconditionUID, uid != object["metadata"]["uid"].stringValue {
            throw StatusError.conflict(resource, name: name,
                                       detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object["metadata"]["uid"].stringValue ?? "")")
        }
        if let version = options.preconditionResourceVersion, version != String(stored.modRevision) {
            throw StatusError.conflict(resource, name: name,
                                       detail: "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(stored.modRevision)")
        }
    }

    private func delete(_ object: JSON, stored: StoredObject, options: DeleteOptions, write: WriteOptions) throws -> DeleteOutcome {
        var marked = object
        var finalizers = object["metadata"]["finalizers"].arrayValue?.compactMap(\.stringValue) ?? []
        switch options.propagationPolicy {
        case .orphan?: if !finalizers.contains("orphan") { finalizers.append("orphan") }
        case .foreground?: if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
        default: break
        }
        let grace = definition.strategy.gracefulDeletionSeconds(object, requested: options.gracePeriodSeconds)
        let alreadyDeleting = !object["metadata"]["deletionTimestamp"].isNull
        let heldByKind = definition.strategy.prepareForDeletion(&marked)
        if finalizers.isEmpty && grace == 0 && !heldByKind {
            if write.dryRun { return .removed(object) }
            let removed = try store.delete(stored.key, expectedModRevision: stored.modRevision) { Self.encode(object, revision: $0) }
            return .removed(try decode(removed))
        }
        if alreadyDeleting && finalizers == (object["metadata"]["finalizers"].arrayValue?.compactMap(\.stringValue) ?? []) {
            let current = object["metadata"]["deletionGracePeriodSeconds"].intValue ?? 0
            guard grace < current else { return .pending(object) }
        }
        marked["metadata"]["finalizers"] = finalizers.isEmpty ? .null : .array(finalizers.map(JSON.string))
        if marked["metadata"]["finalizers"].isNull { marked["metadata"].removeValue(forKey: "finalizers") }
        marked["metadata"]["deletionTimestamp"] = .string(Timestamp.format(now().addingTimeInterval(Double(grace))))
        marked["metadata"]["deletionGracePeriodSeconds"] = .int(grace)
        if write.dryRun { return .pending(marked) }
        let updated = try store.update(stored.key, expectedModRevision: stored.modRevision) { Self.encode(marked, revision: $0) }
        return .pending(try decode(updated))
    }
}
