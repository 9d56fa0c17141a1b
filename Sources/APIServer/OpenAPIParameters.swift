import APIMachinery

/// The query and path parameters of the served operations, as the server reads them (`RequestOptions`).
/// Each is inline, not a `$ref`: kubectl looks for a parameter *named* `fieldValidation` on PATCH
/// operations to decide that the server validates fields itself.
enum OpenAPIParameters {
    static func path(_ name: String, _ description: String) -> JSON {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": ["type": "string"]]
    }

    static func query(_ name: String, _ type: String, _ description: String, enum values: [String]? = nil) -> JSON {
        var schema: JSONObject = ["type": .string(type)]
        if let values { schema["enum"] = .array(values.map(JSON.string)) }
        return ["name": .string(name), "in": "query", "description": .string(description), "schema": .object(schema)]
    }

    static let dryRun = query("dryRun", "string", "All: check and answer, persist nothing.", enum: ["All"])

    static let list: [JSON] = [
        query("labelSelector", "string", "Only objects whose labels match."),
        query("fieldSelector", "string", "Only objects whose fields match."),
        query("limit", "integer", "At most this many items; the rest through continue."),
        query("continue", "string", "The token of the previous page."),
        query("resourceVersion", "string", "Which version of the state to read, or to watch from."),
        query("resourceVersionMatch", "string", "How resourceVersion applies to a list.", enum: ["Exact", "NotOlderThan"]),
        query("watch", "boolean", "Stream changes (WatchEvent lines) instead of listing."),
        query("allowWatchBookmarks", "boolean", "Send BOOKMARK events."),
        query("sendInitialEvents", "boolean", "Start a watch with ADDED events for the current objects."),
        query("timeoutSeconds", "integer", "End the list or watch after this long."),
    ]

    static let write: [JSON] = [
        dryRun,
        query("fieldManager", "string", "Name of the actor making the change."),
        query("fieldValidation", "string", "What to do with unknown or duplicate fields: Ignore, Warn (a Warning header) or Strict (reject).",
              enum: ["Ignore", "Warn", "Strict"]),
    ]

    static let patch: [JSON] = write + [query("force", "boolean", "Take ownership of conflicting fields (apply patches only).")]

    static let delete: [JSON] = [
        query("gracePeriodSeconds", "integer", "Seconds before the object is removed; 0 removes it at once."),
        query("propagationPolicy", "string", "What happens to the objects this one owns.", enum: ["Orphan", "Background", "Foreground"]),
        dryRun,
    ]
}
