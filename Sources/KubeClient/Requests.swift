import APIMachinery

/// Query parameters of a list (`GET` on a collection).
///
/// `resourceVersion` follows the server's semantics: unset reads the most recent state, `"0"` any state,
/// `N` a state not older than N — or, with `limit` and no continue token, exactly N (410 if compacted).
/// A continue token carries its own snapshot, so it is sent without a `resourceVersion`.
public struct ListRequest: Sendable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var limit: Int?
    public var continueToken: String?
    public var resourceVersion: String?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil,
                continueToken: String? = nil, resourceVersion: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let limit { query.append(("limit", String(limit))) }
        if let continueToken { query.append(("continue", continueToken)) }
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        return query
    }
}

/// Query parameters of a watch (`GET` on a collection with `watch=true`).
///
/// Events are the changes after `resourceVersion`; `""` or `"0"` first replays the current state as ADDED events.
public struct WatchRequest: Sendable {
    public var resourceVersion: String
    public var labelSelector: String?
    public var fieldSelector: String?
    /// The server ends the stream cleanly after this long.
    public var timeoutSeconds: Int?
    /// Ask for BOOKMARK events, which carry only a newer `metadata.resourceVersion`.
    public var allowBookmarks: Bool

    public init(resourceVersion: String, labelSelector: String? = nil, fieldSelector: String? = nil,
                timeoutSeconds: Int? = nil, allowBookmarks: Bool = true) {
        self.resourceVersion = resourceVersion
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.timeoutSeconds = timeoutSeconds
        self.allowBookmarks = allowBookmarks
    }

    var query: [(String, String)] {
        var query: [(String, String)] = [("watch", "true")]
        if !resourceVersion.isEmpty { query.append(("resourceVersion", resourceVersion)) }
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let timeoutSeconds { query.append(("timeoutSeconds", String(timeoutSeconds))) }
        if allowBookmarks { query.append(("allowWatchBookmarks", "true")) }
        return query
    }
}

/// `DeleteOptions`: a uid precondition (409 Conflict when the object was re-created), a grace period and
/// the propagation policy (`Background`, `Foreground` or `Orphan`).
public struct DeleteRequest: Sendable {
    public var preconditionUID: String?
    public var gracePeriodSeconds: Int64?
    public var propagationPolicy: String?

    public init(preconditionUID: String? = nil, gracePeriodSeconds: Int64? = nil, propagationPolicy: String? = nil) {
        self.preconditionUID = preconditionUID
        self.gracePeriodSeconds = gracePeriodSeconds
        self.propagationPolicy = propagationPolicy
    }

    /// The `DeleteOptions` body; nil when no option is set (the request then has no body).
    var body: JSON? {
        var options: JSONObject = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let preconditionUID { options["preconditions"] = ["uid": .string(preconditionUID)] }
        if let gracePeriodSeconds { options["gracePeriodSeconds"] = .int(gracePeriodSeconds) }
        if let propagationPolicy { options["propagationPolicy"] = .string(propagationPolicy) }
        return options.count > 2 ? .object(options) : nil
    }
}

/// A patch's algorithm, sent as its Content-Type.
public enum PatchType: String, Sendable {
    /// RFC 6902 operations.
    case json = "application/json-patch+json"
    /// RFC 7386: `null` deletes, lists are replaced whole.
    case merge = "application/merge-patch+json"
    /// Merge patch with Kubernetes' per-field list merge keys.
    case strategic = "application/strategic-merge-patch+json"
}

/// One page of a list: its items, the snapshot's resourceVersion (shared by every page), and the token for
/// the next page (nil on the last).
public struct ObjectList: Sendable {
    public var items: [JSON]
    public var resourceVersion: String
    public var continueToken: String?

    public init(items: [JSON], resourceVersion: String, continueToken: String?) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
    }
}
