import APIMachinery
import Store

extension ResourceRegistry {
    /// The `autoscaling/v1` Scale of an object: its replica count, observed count and selector string.
    func scale(of object: JSON) throws -> JSON {
        guard let scale = definition.scale else { throw StatusError.pathNotFound }
        let metadata = object["metadata"]
        var scaleMetadata: JSONObject = [:]
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] where !metadata[field].isNull {
            scaleMetadata[field] = metadata[field]
        }
        let selector = (try? LabelSelector(json: object[path: scale.selectorPath]))?.description ?? ""
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(scaleMetadata),
            "spec": ["replicas": .int(object[path: scale.specReplicasPath].intValue ?? 0)],
            "status": ["replicas": .int(object[path: scale.statusReplicasPath].intValue ?? 0), "selector": .string(selector)],
        ]
    }

    /// Writes `spec.replicas` from a Scale produced by `transform` from the current Scale.
    /// The Scale's resourceVersion, when set, is a precondition on the object.
    func updateScale(namespace: String?, name: String, options: WriteOptions, transform: (JSON) throws -> JSON) throws -> JSON {
        guard let subresource = definition.scale else { throw StatusError.pathNotFound }
        let result = try update(namespace: namespace, name: name, scope: .main, options: options) { current in
            let desired = try transform(try self.scale(of: current))
            guard let replicas = desired["spec"]["replicas"].intValue else {
                if desired["spec"]["replicas"].isNull { return current }
                throw StatusError.badRequest("Scale.spec.replicas must be an integer")
            }
            if replicas < 0 {
                throw StatusError.invalid(kind: "Scale", group: "autoscaling", name: name,
                                          errors: [.invalid("spec.replicas", .int(replicas), "must be greater than or equal to 0")])
            }
            var object = current
            object[path: subresource.specReplicasPath] = .int(replicas)
            let version = desired["metadata"]["resourceVersion"].stringValue ?? ""
            object["metadata"]["resourceVersion"] = .string(version)
            return object
        }
        return try scale(of: result.object)
    }
}
