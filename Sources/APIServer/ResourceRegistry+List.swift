import APIMachinery
import Foundation
import Store

extension ResourceRegistry {
    struct ListPage {
        var items: [StoredObject]
        var revision: Int64
        var continueToken: String?
        var remaining: Int?
    }

    /// Lists objects with Kubernetes' resourceVersion semantics: the current state by default; the snapshot
    /// at an exact revision for `resourceVersionMatch=Exact`, paged lists and their continuations.
    func list(namespace: String?, options: ListOptions) throws -> ListPage {
        let prefix = StorageKey.prefix(definition, namespace: namespace)
        let filter = try ObjectFilter(definition: definition, options: options)
        var revision: Int64?
        var afterKey: String?
        if let token = options.continueToken {
            let decoded = try ContinueToken(decoding: token, prefix: prefix)
            revision = decoded.revision
            afterKey = decoded.lastKey
        } else if let requested = try options.revision() {
            let exact = options.resourceVersionMatch == .exact || (options.resourceVersionMatch == nil && options.limit != nil)
            if exact {
                revision = requested
            } else {
                try waitForRevision(requested)
            }
        }
        do {
            return try collect(prefix: prefix, afterKey: afterKey, revision: revision, limit: options.limit, filter: filter,
                               continuing: options.continueToken != nil)
        } catch StoreError.compacted(let requested, let oldest) {
            if options.continueToken != nil {
                throw StatusError.expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.")
            }
            throw StatusError.expired("too old resource version: \(requested) (\(oldest))")
        }
    }

    /// Reads pages from the store until `limit` objects pass the filter.
    private func collect(prefix: String, afterKey: String?, revision: Int64?, limit: Int?, filter: ObjectFilter,
                         continuing: Bool) throws -> ListPage {
        if filter.isEverything {
            let result = try store.range(prefix: prefix, afterKey: afterKey, limit: limit, revision: revision)
            let token = result.remaining > 0 ? ContinueToken(revision: result.revision, lastKey: result.objects.last!.key).encoded : nil
            return ListPage(items: result.objects, revision: result.revision, continueToken: token,
                            remaining: result.remaining > 0 ? result.remaining : nil)
        }
        let result = try store.range(prefix: prefix, afterKey: afterKey, limit: nil, revision: revision)
        var items: [StoredObject] = []
        var lastExamined: String?
        var index = 0
        while index < result.objects.count {
            if let limit, items.count == limit { break }
            let stored = result.objects[index]
            if filter.matches(try decode(stored)) { items.append(stored) }
            lastExamined = stored.key
            index += 1
        }
        let more = index < result.objects.count
        let token = more ? ContinueToken(revision: result.revision, lastKey: lastExamined!).encoded : nil
        return ListPage(items: items, revision: result.revision, continueToken: token, remaining: nil)
    }

    /// A read "not older than" a future revision waits briefly for it, then gives up as Kubernetes does.
    func waitForRevision(_ revision: Int64) throws {
        let deadline = Date().addingTimeInterval(3)
        while store.currentRevision < revision {
            if Date() > deadline {
                throw StatusError(code: 504, reason: "Timeout",
                                  message: "Too large resource version: \(revision), current: \(store.currentRevision)",
                                  details: .init(causes: [.init(reason: "ResourceVersionTooLarge", message: "Too large resource version")]),
                                  retryAfterSeconds: 1)
            }
            usleep(10_000)
        }
    }

    /// A list's `metadata`: its revision, and the continue token and remaining count of a partial page.
    func listMetadata(_ page: ListPage) -> JSON {
        var metadata: JSONObject = ["resourceVersion": .string(String(page.revision))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remaining { metadata["remainingItemCount"] = .int(Int64(remaining)) }
        return .object(metadata)
    }

    /// The bytes of a `{Kind}List` around stored items, which are copied as they are.
    func listBody(_ page: ListPage) -> [UInt8] {
        let head: JSON = ["kind": .string(definition.listKind), "apiVersion": .string(definition.groupVersion), "metadata": listMetadata(page)]
        var out = head.encoded()
        out.removeLast()
        out.append(contentsOf: Array(",\"items\":[".utf8))
        out.reserveCapacity(out.count + page.items.reduce(0) { $0 + $1.value.count + 1 } + 2)
        for (i, item) in page.items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: item.value)
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }
}
