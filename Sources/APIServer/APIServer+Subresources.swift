import APIMachinery
import HTTPServer

/// The server-side subresources: a namespace's `/finalize` and a pod's `/binding`.
extension APIServer {
    /// `PUT namespaces/{name}/finalize` changes only `spec.finalizers`.
    func serveFinalize(_ registry: ResourceRegistry, name: String, request: HTTPRequest) throws -> HTTPResponse {
        let (body, _) = try RequestBody.object(request)
        let result = try registry.update(namespace: nil, name: name, scope: .subresource, options: try WriteOptions(request)) { namespace in
            var finalized = namespace
            finalized["spec"]["finalizers"] = body["spec"]["finalizers"].isNull ? [] : body["spec"]["finalizers"]
            return finalized
        }
        return Responses.json(200, result.object)
    }

    /// `POST pods/{name}/binding` assigns an unscheduled pod to a node, as the scheduler does.
    func serveBinding(_ registry: ResourceRegistry, namespace: String?, name: String, request: HTTPRequest) throws -> HTTPResponse {
        let (binding, _) = try RequestBody.object(request)
        guard let node = binding["target"]["name"].stringValue, !node.isEmpty else {
            throw StatusError.invalid(kind: "Binding", group: "", name: name, errors: [.required("target.name")])
        }
        _ = try registry.update(namespace: namespace, name: name, scope: .subresource, options: try WriteOptions(request)) { pod in
            if let current = pod["spec"]["nodeName"].stringValue, !current.isEmpty {
                throw StatusError.conflict(registry.resource, name: name, detail: "pod \(name) is already assigned to node \"\(current)\"")
            }
            if pod.isTerminating {
                throw StatusError.conflict(registry.resource, name: name, detail: "pod \(name) is being deleted, cannot be assigned to a host")
            }
            var bound = pod
            bound["spec"]["nodeName"] = .string(node)
            return bound
        }
        return Responses.json(201, ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201])
    }
}
