import APIMachinery
import Foundation
import HTTPServer

extension APIServer {
    /// Dispatches a request on a kind's collection, item or subresource to its verb.
    func serveResource(_ path: RequestTarget.ResourcePath, request: HTTPRequest) throws -> HTTPResponse {
        guard let registry = registry(group: path.group, version: path.version, resource: path.resource) else {
            throw StatusError.pathNotFound
        }
        let definition = registry.definition
        if !definition.namespaced, path.namespace != nil { throw StatusError.pathNotFound }
        guard let name = path.name else {
            if definition.namespaced, path.namespace == nil, request.method != "GET" {
                throw StatusError.methodNotAllowed("\(request.method == "POST" ? "create" : "deletecollection") is not supported on resources of kind \"\(registry.resource)\" across all namespaces")
            }
            return try serveCollection(registry, namespace: path.namespace, request: request)
        }
        if definition.namespaced, path.namespace == nil { throw StatusError.pathNotFound }
        switch path.subresource {
        case nil: return try serveItem(registry, namespace: path.namespace, name: name, scope: .main, request: request)
        case "status" where definition.hasStatus:
            return try serveItem(registry, namespace: path.namespace, name: name, scope: .status, request: request)
        case "scale" where definition.scale != nil:
            return try serveScale(registry, namespace: path.namespace, name: name, request: request)
        case "finalize" where definition.kind == "Namespace" && request.method == "PUT":
            return try serveFinalize(registry, name: name, request: request)
        case "binding" where definition.kind == "Pod" && request.method == "POST":
            return try serveBinding(registry, namespace: path.namespace, name: name, request: request)
        default: throw StatusError.pathNotFound
        }
    }

    private func serveCollection(_ registry: ResourceRegistry, namespace: String?, request: HTTPRequest) throws -> HTTPResponse {
        switch request.method {
        case "GET":
            var options = try ListOptions(request)
            options.limit = limits.pageSize(options.limit)
            let asTable = TablePrinters.wanted(request)
            if options.watch {
                let slot = try watchSlots.acquire()
                let render = asTable ? tableRenderer(registry, request: request) : nil
                let stream = try registry.watch(namespace: namespace, options: options, render: render)
                stream.slot = slot
                return HTTPResponse(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-cache")],
                                    body: .stream(stream))
            }
            let page = try registry.list(namespace: namespace, options: options)
            if asTable {
                let objects = try page.items.map(registry.decode)
                return Responses.json(200, TablePrinters.table(objects, definition: registry.definition, metadata: registry.listMetadata(page),
                                                               include: request.queryValue("includeObject"), now: Date()))
            }
            return Responses.json(200, registry.listBody(page))
        case "POST":
            let options = try WriteOptions(request)
            var (object, duplicates) = try RequestBody.object(request)
            let warnings = try FieldChecks.check(&object, duplicates: duplicates, definition: registry.definition, options: options)
            let created = try registry.create(object, namespace: namespace, options: options)
            return Responses.json(201, created.bytes, warnings: warnings)
        case "DELETE":
            let options = try ListOptions(request)
            let write = try WriteOptions(request)
            let delete = try DeleteOptions(request, body: try optionalBody(request))
            let page = try registry.list(namespace: namespace, options: options)
            var deleted: [JSON] = []
            for item in page.items {
                let object = try registry.decode(item)
                let name = object["metadata"]["name"].stringValue ?? ""
                do {
                    switch try registry.delete(namespace: object["metadata"]["namespace"].stringValue, name: name, options: delete, write: write) {
                    case .removed(let gone), .pending(let gone): deleted.append(gone)
                    }
                } catch let error as StatusError where error.code == 404 {
                    continue
                }
            }
            var list = JSON.object(["kind": .string(registry.definition.listKind), "apiVersion": .string(registry.definition.groupVersion),
                                    "metadata": ["resourceVersion": .string(String(store.currentRevision))]])
            list["items"] = .array(deleted)
            return Responses.json(200, list)
        default:
            throw StatusError.methodNotAllowed("\(request.method) is not supported on resources of kind \"\(registry.resource)\"")
        }
    }

    private func serveItem(_ registry: ResourceRegistry, namespace: String?, name: String, scope: ResourceRegistry.UpdateScope,
                           request: HTTPRequest) throws -> HTTPResponse {
        switch request.method {
        case "GET":
            let stored = try registry.get(namespace: namespace, name: name)
            if scope == .main, TablePrinters.wanted(request) {
                let object = try registry.decode(stored)
                return Responses.json(200, TablePrinters.table([object], definition: registry.definition,
                                                               metadata: ["resourceVersion": .string(object.resourceVersion)],
                                                               include: request.queryValue("includeObject"), now: Date()))
            }
            return Responses.json(200, stored.value)
        case "PUT":
            let options = try WriteOptions(request)
            var (object, duplicates) = try RequestBody.object(request)
            let warnings = try FieldChecks.check(&object, duplicates: duplicates, definition: registry.definition, options: options)
            let result = try registry.update(namespace: namespace, name: name, scope: scope, options: options) { _ in object }
            return Responses.json(200, result.bytes, warnings: warnings)
        case "PATCH":
            let options = try WriteOptions(request)
            let type = try RequestBody.patchType(request)
            var warnings: [String] = []
            let result = try registry.patch(namespace: namespace, name: name, scope: scope, type: type, body: request.body, options: options) {
                warnings = try FieldChecks.check(&$0, duplicates: [], definition: registry.definition, options: options)
            }
            return Responses.json(result.created ? 201 : 200, result.bytes, warnings: warnings)
        case "DELETE" where scope == .main:
            if registry.definition.kind == "Namespace", NamespaceLifecycle.builtIn.contains(name) {
                throw StatusError.forbidden(registry.resource, name: name, detail: "this namespace may not be deleted")
            }
            let write = try WriteOptions(request)
            let options = try DeleteOptions(request, body: try optionalBody(request))
            switch try registry.delete(namespace: namespace, name: name, options: options, write: write) {
            case .pending(let object):
                return Responses.json(200, object)
            case .removed(let object):
                if registry.definition.returnsDeletedObject { return Responses.json(200, object) }
                return Responses.json(200, Self.deletedStatus(registry, object: object, name: name))
            }
        default:
            throw StatusError.methodNotAllowed("\(request.method) is not supported on resources of kind \"\(registry.resource)\"")
        }
    }

    private func serveScale(_ registry: ResourceRegistry, namespace: String?, name: String, request: HTTPRequest) throws -> HTTPResponse {
        switch request.method {
        case "GET":
            return Responses.json(200, try registry.scale(of: try registry.decode(try registry.get(namespace: namespace, name: name))))
        case "PUT":
            let options = try WriteOptions(request)
            let (scale, _) = try RequestBody.object(request)
            return Responses.json(200, try registry.updateScale(namespace: namespace, name: name, options: options) { _ in scale })
        case "PATCH":
            let options = try WriteOptions(request)
            let type = try RequestBody.patchType(request)
            let patch = try ResourceRegistry.decodePatch(type: type, body: request.body)
            return Responses.json(200, try registry.updateScale(namespace: namespace, name: name, options: options) { current in
                try ResourceRegistry.apply(patch, type: type, to: ResourceRegistry.withoutResourceVersion(current), schema: ScaleSchema.schema)
            })
        default:
            throw StatusError.methodNotAllowed("\(request.method) is not supported on resources of kind \"\(registry.resource)/scale\"")
        }
    }

    /// Watch events as one-row Tables, for `kubectl get -w`.
    private func tableRenderer(_ registry: ResourceRegistry, request: HTTPRequest) -> @Sendable ([UInt8]) -> [UInt8] {
        let include = request.queryValue("includeObject")
        let definition = registry.definition
        return { bytes in
            guard let object = try? JSON.parse(bytes) else { return bytes }
            return TablePrinters.table([object], definition: definition, metadata: ["resourceVersion": .string(object.resourceVersion)],
                                       include: include, now: Date()).encoded()
        }
    }

    private func optionalBody(_ request: HTTPRequest) throws -> JSON? {
        guard !request.body.isEmpty else { return nil }
        return try RequestBody.object(request).0
    }

    /// The Status a delete answers with when the object is gone at once.
    static func deletedStatus(_ registry: ResourceRegistry, object: JSON, name: String) -> JSON {
        var details: JSONObject = ["name": .string(name), "group": .string(registry.definition.group), "kind": .string(registry.definition.resource)]
        if let uid = object["metadata"]["uid"].stringValue { details["uid"] = .string(uid) }
        return ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": .object(details)]
    }
}
