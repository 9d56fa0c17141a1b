/// Everything the server needs to serve one kind: its names, scope, subresources, schema and strategy.
/// Adding a kind to Ordinal is one `ResourceDefinition` and its strategy.
public struct ResourceDefinition: Sendable {
    /// Which rule a kind's object names follow.
    public enum NameRule: Sendable {
        /// DNS-1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
        case dns1123Label
        /// DNS-1123 subdomain: labels joined by dots, at most 253 characters.
        case dns1123Subdomain
        /// DNS-1035 label: a DNS-1123 label that starts with a letter.
        case dns1035Label
        /// Any name without `/` or `%`, not `.` or `..` (events and other free-form names).
        case pathSegment
    }

    /// How `/scale` maps onto the object: where the replica count and the selector live.
    public struct ScaleSubresource: Sendable {
        public var specReplicasPath: [String]
        public var statusReplicasPath: [String]
        public var selectorPath: [String]

        public init(specReplicasPath: [String] = ["spec", "replicas"], statusReplicasPath: [String] = ["status", "replicas"],
                    selectorPath: [String] = ["spec", "selector"]) {
            self.specReplicasPath = specReplicasPath
            self.statusReplicasPath = statusReplicasPath
            self.selectorPath = selectorPath
        }
    }

    public var group: String
    public var version: String
    public var kind: String
    /// The plural resource name used in URLs (`statefulsets`).
    public var resource: String
    public var singular: String
    public var namespaced: Bool
    public var shortNames: [String]
    public var categories: [String]
    public var nameRule: NameRule
    public var hasStatus: Bool
    public var scale: ScaleSubresource?
    /// Whether `metadata.generation` is bumped when `spec` changes.
    public var tracksGeneration: Bool
    /// Extra field-selector labels beyond `metadata.name` and `metadata.namespace`, each a path into the object.
    public var fieldLabels: [String: [String]]
    public var schema: Schema
    public var strategy: any ResourceStrategy
    /// Whether a delete that removes the object at once answers with the object rather than a Status (pods).
    public var returnsDeletedObject: Bool

    public init(group: String, version: String, kind: String, resource: String, singular: String, namespaced: Bool,
                shortNames: [String] = [], categories: [String] = [], nameRule: NameRule = .dns1123Subdomain,
                hasStatus: Bool = false, scale: ScaleSubresource? = nil, tracksGeneration: Bool = false,
                fieldLabels: [String: [String]] = [:], schema: Schema, strategy: any ResourceStrategy,
                returnsDeletedObject: Bool = false) {
        self.group = group
        self.version = version
        self.kind = kind
        self.resource = resource
        self.singular = singular
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.nameRule = nameRule
        self.hasStatus = hasStatus
        self.scale = scale
        self.tracksGeneration = tracksGeneration
        self.fieldLabels = fieldLabels
        self.schema = schema
        self.strategy = strategy
        self.returnsDeletedObject = returnsDeletedObject
    }

    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var groupResource: GroupResource { GroupResource(group: group, resource: resource) }
    public var listKind: String { kind + "List" }
}
