import APIMachinery
import Foundation
import HTTPServer
import Logging
import Resources
import Store

/// Ordinal's API server: routes requests to discovery, health and the registry of each kind.
/// It is an `HTTPResponder`, so tests drive it with plain requests, no sockets needed.
public final class APIServer: HTTPResponder, @unchecked Sendable {
    let store: any VersionedStore
    let definitions: [ResourceDefinition]
    let logger: Logger
    /// Registries by `group/version/resource` (`/v1/pods` for the core group).
    private(set) var registries: [String: ResourceRegistry] = [:]
    let openAPI: OpenAPIDocuments
    let limits: Limits
    let watchSlots: WatchSlots
    let namespaceStates = NamespaceStates()

    public init(store: any VersionedStore, definitions: [ResourceDefinition] = Catalogue.all,
                logger: Logger = Logger(label: "ordinal.apiserver"), now: @escaping @Sendable () -> Date = Date.init,
                limits: Limits = .init()) {
        self.store = store
        self.limits = limits
        self.watchSlots = WatchSlots(limit: limits.maxWatches)
        self.definitions = definitions
        self.logger = logger
        self.openAPI = OpenAPIDocuments(definitions: definitions)
        for definition in definitions {
            let registry = ResourceRegistry(definition: definition, store: store, now: now)
            registries["\(definition.group)/\(definition.version)/\(definition.resource)"] = registry
        }
        for registry in registries.values {
            registry.namespaceState = { [unowned self] in self.namespaceState($0) }
        }
        Admission.install(on: self)
    }

    func registry(group: String, version: String, resource: String) -> ResourceRegistry? {
        registries["\(group)/\(version)/\(resource)"]
    }

    func registry(kind: String, group: String) -> ResourceRegistry? {
        registries.values.first { $0.definition.kind == kind && $0.definition.group == group }
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try route(request)
        } catch let error as StatusError {
            return Responses.error(error)
        } catch {
            logger.error("unexpected error", metadata: ["path": "\(request.path)", "error": "\(error)"])
            return Responses.error(.internalError("\(error)"))
        }
    }

    private func route(_ request: HTTPRequest) throws -> HTTPResponse {
        try ContentNegotiation.checkAcceptable(request)
        let target = RequestTarget(path: request.path)
        if case .resource(let path) = target { return try serveResource(path, request: request) }
        guard request.method == "GET" || request.method == "HEAD" else {
            if target == .notFound { throw StatusError.pathNotFound }
            throw StatusError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
        switch target {
        case .apiVersions: return Responses.json(200, Discovery.apiVersions(request))
        case .apiGroupList: return Discovery.groupList(definitions, request: request)
        case .apiGroup(let group):
            guard let body = Discovery.group(group, definitions: definitions) else { throw StatusError.pathNotFound }
            return Responses.json(200, body)
        case .resourceList(let group, let version):
            guard let body = Discovery.resourceList(group: group, version: version, definitions: definitions) else { throw StatusError.pathNotFound }
            return Responses.json(200, body)
        case .version: return Responses.json(200, VersionInfo.current)
        case .healthz, .livez, .readyz: return Health.respond(request)
        case .openAPIIndex: return Responses.json(200, openAPI.index())
        case .openAPIGroupVersion(let group, let version):
            guard let document = openAPI.document(group: group, version: version) else { throw StatusError.pathNotFound }
            return Responses.json(200, document)
        case .resource, .notFound: throw StatusError.pathNotFound
        }
    }
}
