import APIMachinery
import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// A client of a Kubernetes-compatible API server, for controllers: typed verbs over JSON objects.
///
/// Every verb throws `KubeError` when the server answers with a non-2xx status (decoded from its `Status`
/// body), and the HTTP client's own error on a transport failure. The client owns its HTTP connection pool;
/// call `shutdown()` once done.
///
/// ```swift
/// let client = KubeClient(baseURL: "http://127.0.0.1:6443")
/// let pod = try await client.get(.pods, namespace: "default", name: "web-0")
/// try await client.shutdown()
/// ```
public final class KubeClient: Sendable {
    /// The scheme, host and port requests go to, without a trailing slash.
    public let baseURL: String
    let http: HTTPClient
    let logger: Logger
    /// How long a request may wait for the response head. Bodies have no read timeout, so a watch may idle.
    let requestTimeout: TimeAmount = .seconds(30)
    /// The largest response body read whole (watches are streamed, not collected).
    let maxResponseBytes = 64 << 20
    /// Sent as `User-Agent`; the server records this client's writes under its part before the first `/`
    /// as the field manager (`metadata.managedFields`).
    public let userAgent: String
    /// The bearer token and CA the client presents and trusts.
    let credentials: Credentials

    public init(baseURL: String, credentials: Credentials = .init(), logger: Logger = Logger(label: "ordinal.client"),
                userAgent: String = "ordinal-controller-manager/v1") {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.userAgent = userAgent
        self.logger = logger
        self.credentials = credentials
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = credentials.tlsConfiguration
        configuration.timeout = .init(connect: .seconds(10), read: nil)
        // Every informer holds one connection open for its watch; requests need room beside them.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the connection pool. Watches still streaming fail; no request may follow.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// The object `name`, or `KubeError` 404.
    public func get(_ resource: APIResource, namespace: String?, name: String) async throws -> JSON {
        try await send(.GET, resource.objectPath(namespace: namespace, name: name))
    }

    /// One page of the collection (all of it when `options.limit` is nil).
    public func list(_ resource: APIResource, namespace: String? = nil, options: ListRequest = .init()) async throws -> ObjectList {
        let list = try await send(.GET, resource.collectionPath(namespace: namespace), query: options.query)
        let token = list["metadata"]["continue"].stringValue
        return ObjectList(items: list["items"].arrayValue ?? [], resourceVersion: list["metadata"]["resourceVersion"].stringValue ?? "",
                          continueToken: token?.isEmpty == false ? token : nil)
    }

    /// Creates `object` in its `metadata.namespace`; an existing name throws `KubeError` 409 AlreadyExists.
    public func create(_ resource: APIResource, _ object: JSON) async throws -> JSON {
        try await send(.POST, resource.collectionPath(namespace: namespaceOf(object)), body: object)
    }

    /// Replaces `object` (PUT). With a `metadata.resourceVersion` the write is conditional: if the stored object
    /// changed since, it throws `KubeError` 409 Conflict. Changes to `status` are ignored by the server.
    public func update(_ resource: APIResource, _ object: JSON) async throws -> JSON {
        try await send(.PUT, resource.objectPath(namespace: namespaceOf(object), name: object.name), body: object)
    }

    /// Replaces the `status` of `object` (PUT on `/status`), conditional on its resourceVersion like `update`.
    public func updateStatus(_ resource: APIResource, _ object: JSON) async throws -> JSON {
        try await send(.PUT, resource.objectPath(namespace: namespaceOf(object), name: object.name, subresource: "status"), body: object)
    }

    /// Patches the object (or its `subresource`) with the algorithm `type`. A `metadata.resourceVersion` inside
    /// the patch is a precondition (409 Conflict on mismatch).
    public func patch(_ resource: APIResource, namespace: String?, name: String, patch: JSON, type: PatchType = .merge,
                      subresource: String? = nil) async throws -> JSON {
        try await send(.PATCH, resource.objectPath(namespace: namespace, name: name, subresource: subresource), body: patch,
                       contentType: type.rawValue)
    }

    /// Deletes the object, or marks it terminating when finalizers or a grace period hold it.
    /// Throws `KubeError` 404 when it does not exist and 409 when `preconditionUID` does not match.
    public func delete(_ resource: APIResource, namespace: String?, name: String, options: DeleteRequest = .init()) async throws {
        _ = try await send(.DELETE, resource.objectPath(namespace: namespace, name: name), body: options.body)
    }

    /// POSTs `body` to `path` (e.g. `/api/v1/namespaces/default/pods/web-0/binding`) and returns the response.
    public func post(path: String, body: JSON) async throws -> JSON {
        try await send(.POST, path, body: body)
    }

    private func namespaceOf(_ object: JSON) -> String? {
        object.namespace.isEmpty ? nil : object.namespace
    }

    /// Sends one request and returns its JSON body (`.null` when empty).
    ///
    /// - Throws: `KubeError` for a non-2xx status; the HTTP client's error on a transport failure;
    ///   `JSONParseError` when a 2xx body is not JSON.
    func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil,
              contentType: String = "application/json") async throws -> JSON {
        let request = makeRequest(method, path, query: query, body: body, contentType: contentType)
        logger.trace("request", metadata: ["method": "\(method)", "path": "\(path)"])
        let response = try await http.execute(request, timeout: requestTimeout, logger: logger)
        let bytes = Array(try await response.body.collect(upTo: maxResponseBytes).readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            throw KubeError(httpStatus: Int(response.status.code), body: bytes)
        }
        return bytes.isEmpty ? .null : try JSON.parse(bytes)
    }

    func makeRequest(_ method: HTTPMethod, _ path: String, query: [(String, String)], body: JSON? = nil,
                     contentType: String = "application/json") -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path + QueryString.encode(query))
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: userAgent)
        if let token = credentials.bearerToken { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(body.encoded())
        }
        return request
    }
}
