import APIMachinery
import Foundation
import Store

/// Whether new objects may be created in a namespace.
enum NamespaceState { case active, missing, terminating }

extension APIServer {
    func namespaceState(_ name: String) -> NamespaceState {
        guard let registry = registry(group: "", version: "v1", resource: "namespaces"),
              let stored = try? registry.get(namespace: nil, name: name) else { return .missing }
        return namespaceStates.state(of: stored) { stored in
            guard let object = try? registry.decode(stored) else { return .missing }
            return object["metadata"]["deletionTimestamp"].isNull ? .active : .terminating
        }
    }
}

/// The state of each namespace as of the revision it was last read at, so that every create in a namespace
/// does not decode the namespace again: a namespace changes far less often than what is created in it.
final class NamespaceStates: @unchecked Sendable {
    private let lock = NSLock()
    private var states: [String: (revision: Revision, state: NamespaceState)] = [:]
    /// Entries kept at most; past it the cache starts over (namespaces come and go, rarely by the thousand).
    private let capacity = 4096

    /// The state of the namespace stored as `stored`, from `read` unless known for this revision.
    func state(of stored: StoredObject, read: (StoredObject) -> NamespaceState) -> NamespaceState {
        lock.lock()
        let known = states[stored.key]
        lock.unlock()
        if let known, known.revision == stored.modRevision { return known.state }
        let state = read(stored)
        lock.lock()
        if states.count >= capacity { states.removeAll(keepingCapacity: true) }
        states[stored.key] = (stored.modRevision, state)
        lock.unlock()
        return state
    }
}
