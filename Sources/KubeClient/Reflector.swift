import APIMachinery
import Logging

/// client-go's Reflector: keeps a `Lister` equal to the server's state of one collection by listing, then
/// watching from the list's resourceVersion, and reports each change it applies.
///
/// The loop: list every page (the first page's resourceVersion is the snapshot's), replace the cache with it,
/// then watch from that resourceVersion with bookmarks. Each event updates the cache and advances the
/// resourceVersion; a BOOKMARK only advances it. A watch the server ends cleanly is resumed from the last
/// resourceVersion. An ERROR event (410 Expired when the history was compacted), a dropped connection or any
/// other failure starts the loop over with a fresh list, after an exponential backoff that resets once a
/// watch delivers an event. The loop ends when its task is cancelled.
struct Reflector: Sendable {
    let client: KubeClient
    let resource: APIResource
    let namespace: String?
    let labelSelector: String?
    let lister: Lister
    let pageSize: Int
    var backoff = Backoff.reflector
    /// Each watch asks the server to end it after a random time in this range, as client-go does, so
    /// watches are spread over time and re-established periodically.
    var watchTimeoutSeconds = 300..<600
    /// Runs the loop until the task is cancelled.
    /// - Parameters:
    ///   - onChange: Each change, right after it was applied to the lister, in order.
    ///   - onListed: Called after each complete list has replaced the cache (and its changes were reported).
    func run(onChange: (Lister.Change) -> Void, onListed: () -> Void) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let version = try await listAndReplace(onChange: onChange)
                onListed()
                try await watch(from: version, failures: &failures, onChange: onChange)
            } catch {
                guard !Task.isCancelled else { return }
                failures += 1
                let delay = backoff.delay(afterFailures: failures)
                client.logger.info("\(resource) list-watch failed; listing again",
                                   metadata: ["error": "\(error)", "retryAfter": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    /// Lists the collection in pages and makes the cache equal to it; returns the list's resourceVersion.
    /// - Throws: `KubeError` (410 when a continue token expired) or a transport error.
    private func listAndReplace(onChange: (Lister.Change) -> Void) async throws -> String {
        var items: [JSON] = []
        var version = ""
        var token: String?
        repeat {
            let page = try await client.list(resource, namespace: namespace,
                                             options: ListRequest(labelSelector: labelSelector, limit: pageSize, continueToken: token))
            if token == nil { version = page.resourceVersion }
            items += page.items
            token = page.continueToken
        } while token != nil
        for change in lister.replace(with: items) { onChange(change) }
        return version
    }

    /// Watches from `version` until an error, resuming after each clean end of the stream.
    /// - Throws: the `KubeError` of an ERROR event, a transport error, or `CancellationError`.
    private func watch(from version: String, failures: inout Int, onChange: (Lister.Change) -> Void) async throws {
        var version = version
        while true {
            let options = WatchRequest(resourceVersion: version, labelSelector: labelSelector,
                                       timeoutSeconds: Int.random(in: watchTimeoutSeconds), allowBookmarks: true)
            for try await event in client.watch(resource, namespace: namespace, options: options) {
                if let error = event.error { throw error }
                if let change = apply(event) { onChange(change) }
                failures = 0
                if !event.object.resourceVersion.isEmpty { version = event.object.resourceVersion }
            }
            try Task.checkCancellation()
        }
    }

    /// Applies an event to the lister and returns the change, or nil for a bookmark.
    private func apply(_ event: WatchEvent) -> Lister.Change? {
        switch event.kind {
        case .added, .modified:
            return lister.upsert(event.object).map { .updated(old: $0, new: event.object) } ?? .added(event.object)
        case .deleted:
            lister.remove(event.object)
            return .deleted(event.object)
        case .bookmark, .error:
            return nil
        }
    }
}
