import APIMachinery
import HTTPServer

/// Query parameters shared by writes: `dryRun`, `fieldValidation`, `fieldManager`.
struct WriteOptions {
    enum FieldValidation: String { case ignore = "Ignore", warn = "Warn", strict = "Strict" }

    var dryRun = false
    var fieldValidation = FieldValidation.warn
    var fieldManager: String?
    var force = false
    /// The manager an update is recorded under when `fieldManager` is not given: the User-Agent up to its
    /// first `/` (`kubectl`), as upstream.
    var userAgentManager = "unknown"
    /// Set by server-side apply, which records managed fields itself.
    var applying = false

    /// The manager this write's fields are recorded under.
    var manager: String { fieldManager.flatMap { $0.isEmpty ? nil : $0 } ?? userAgentManager }

    init() {}

    init(_ request: HTTPRequest) throws {
        for value in request.query.filter({ $0.name == "dryRun" }).map(\.value) {
            guard value == "All" else {
                throw StatusError.badRequest("Invalid dry run value: \(value): supported values: \"All\"")
            }
            dryRun = true
        }
        if let value = request.queryValue("fieldValidation"), !value.isEmpty {
            guard let parsed = FieldValidation(rawValue: value) else {
                throw StatusError.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \(value)")
            }
            fieldValidation = parsed
        }
        fieldManager = request.queryValue("fieldManager")
        if let manager = fieldManager {
            if manager.count > 128 {
                throw StatusError.badRequest("fieldManager: Too long: may not be more than 128 bytes")
            }
            if manager.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw StatusError.badRequest("fieldManager: Invalid value: \"\(manager)\": must only contain printable characters")
            }
        }
        force = QueryFlag.isTrue(request.queryValue("force"))
        let agent = request.header("User-Agent") ?? ""
        let prefix = String(agent.prefix { $0 != "/" }.prefix(128))
        if !prefix.isEmpty { userAgentManager = prefix }
    }
}

/// Booleans in queries: absent, `0` and `false` (any case) are false; anything else is true
/// (the Python client sends `True`).
enum QueryFlag {
    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return !(value == "0" || value.lowercased() == "false")
    }
}

/// Query parameters of list and watch requests.
struct ListOptions {
    enum Match: String { case notOlderThan = "NotOlderThan", exact = "Exact" }

    var labelSelector: LabelSelector?
    var fieldSelector: FieldSelector?
    var watch = false
    var resourceVersion: String?
    var resourceVersionMatch: Match?
    var limit: Int?
    var continueToken: String?
    var timeoutSeconds: Double?
    var allowWatchBookmarks = false
    var sendInitialEvents: Bool?

    init() {}

    init(_ request: HTTPRequest) throws {
        if let text = request.queryValue("labelSelector"), !text.isEmpty {
            labelSelector = try LabelSelector(parsing: text)
        }
        if let text = request.queryValue("fieldSelector"), !text.isEmpty {
            fieldSelector = try FieldSelector(parsing: text)
        }
        watch = QueryFlag.isTrue(request.queryValue("watch"))
        resourceVersion = request.queryValue("resourceVersion").flatMap { $0.isEmpty ? nil : $0 }
        if let text = request.queryValue("resourceVersionMatch"), !text.isEmpty {
            guard let match = Match(rawValue: text) else {
                throw StatusError.badRequest("resourceVersionMatch: Unsupported value: \"\(text)\": supported values: \"Exact\", \"NotOlderThan\"")
            }
            // Watches may ask for initial events "not older than" now without naming a version.
            guard resourceVersion != nil || watch else {
                throw StatusError.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided")
            }
            if match == .exact, resourceVersion == "0" {
                throw StatusError.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"")
            }
            resourceVersionMatch = match
        }
        if let text = request.queryValue("limit"), !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw StatusError.badRequest("limit: Invalid value: \"\(text)\": must be a non-negative integer") }
            limit = value > 0 ? value : nil
        }
        continueToken = request.queryValue("continue").flatMap { $0.isEmpty ? nil : $0 }
        if let text = request.queryValue("timeoutSeconds"), !text.isEmpty {
            // kopf sends "300.0": parse leniently.
            guard let value = Double(text), value >= 0 else { throw StatusError.badRequest("timeoutSeconds: Invalid value: \"\(text)\"") }
            timeoutSeconds = value
        }
        allowWatchBookmarks = QueryFlag.isTrue(request.queryValue("allowWatchBookmarks"))
        if let text = request.queryValue("sendInitialEvents") { sendInitialEvents = QueryFlag.isTrue(text) }
        if continueToken != nil, resourceVersion != nil, resourceVersion != "0" {
            throw StatusError.badRequest("specifying resource version is not allowed when using continue")
        }
    }

    /// The requested resourceVersion as a revision; nil when unset or "0".
    func revision() throws -> Int64? {
        guard let resourceVersion, resourceVersion != "0" else { return nil }
        guard let value = Int64(resourceVersion), value > 0 else {
            throw StatusError.badRequest("invalid resource version \"\(resourceVersion)\"")
        }
        return value
    }
}

/// `DeleteOptions`, from the body or the query.
struct DeleteOptions {
    enum Propagation: String { case orphan = "Orphan", background = "Background", foreground = "Foreground" }

    var gracePeriodSeconds: Int64?
    var propagationPolicy: Propagation?
    var preconditionUID: String?
    var preconditionResourceVersion: String?

    /// Options of a delete the server itself makes.
    init(propagationPolicy: Propagation? = nil, gracePeriodSeconds: Int64? = nil) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
    }

    init(_ request: HTTPRequest, body: JSON?) throws {
        if let body, body.objectValue != nil {
            if let kind = body["kind"].stringValue, kind != "DeleteOptions" {
                throw StatusError.badRequest("expected DeleteOptions, got \(kind)")
            }
            gracePeriodSeconds = body["gracePeriodSeconds"].intValue
            if let policy = body["propagationPolicy"].stringValue { propagationPolicy = try Self.propagation(policy) }
            if let orphan = body["orphanDependents"].boolValue, propagationPolicy == nil {
                propagationPolicy = orphan ? .orphan : .background
            }
            preconditionUID = body["preconditions"]["uid"].stringValue
            preconditionResourceVersion = body["preconditions"]["resourceVersion"].stringValue
        }
        if let text = request.queryValue("gracePeriodSeconds"), let value = Int64(text) { gracePeriodSeconds = value }
        if let text = request.queryValue("propagationPolicy"), !text.isEmpty { propagationPolicy = try Self.propagation(text) }
        if let text = request.queryValue("orphanDependents"), propagationPolicy == nil {
            propagationPolicy = QueryFlag.isTrue(text) ? .orphan : .background
        }
        if let value = gracePeriodSeconds, value < 0 { gracePeriodSeconds = 0 }
    }

    private static func propagation(_ text: String) throws -> Propagation {
        guard let policy = Propagation(rawValue: text) else {
            throw StatusError.badRequest("propagationPolicy: Unsupported value: \"\(text)\": supported values: \"Foreground\", \"Background\", \"Orphan\"")
        }
        return policy
    }
}
