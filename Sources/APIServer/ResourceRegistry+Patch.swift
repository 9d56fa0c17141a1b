import APIMachinery
import Store

extension ResourceRegistry {
    /// Applies a patch of `type` to the stored object (or, through /status, to its status) and writes the
    /// result as an update. `check` validates the patched object's fields (strict field validation).
    /// An apply patch (`application/apply-patch+yaml`) to a missing object creates it.
    func patch(namespace: String?, name: String, scope: UpdateScope, type: RequestBody.PatchType, body: [UInt8],
               options: WriteOptions, check: (inout JSON) throws -> Void) throws -> (object: JSON, created: Bool, bytes: [UInt8]) {
        let patch = try Self.decodePatch(type: type, body: body)
        if type == .apply { return try serverSideApply(patch, namespace: namespace, name: name, scope: scope, options: options, check: check) }
        if options.force {
            throw StatusError.badRequest("force: Forbidden: may not be specified for non-apply patch")
        }
        let result = try update(namespace: namespace, name: name, scope: scope, options: options) { current in
            var patched = try Self.apply(patch, type: type, to: Self.withoutResourceVersion(current), schema: definition.schema)
            try check(&patched)
            return patched
        }
        return (result.object, false, result.bytes)
    }

    /// An apply patch: the request's field manager applies `config` to the stored object, or creates it when
    /// it is missing. Unknown fields are checked in the configuration, before they could be owned.
    private func serverSideApply(_ config: JSON, namespace: String?, name: String, scope: UpdateScope, options: WriteOptions,
                                 check: (inout JSON) throws -> Void) throws -> (object: JSON, created: Bool, bytes: [UInt8]) {
        guard options.fieldManager.map({ !$0.isEmpty }) == true else {
            throw StatusError.badRequest("PATCH /apply requires a non-empty fieldManager query parameter")
        }
        var config = config
        try check(&config)
        if let bodyName = config["metadata"]["name"].stringValue, !bodyName.isEmpty, bodyName != name {
            throw StatusError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        var options = options
        options.applying = true
        if store.get(key(namespace: namespace, name: name)) == nil, scope == .main {
            var object = try apply(config, to: nil, scope: scope, options: options)
            object["metadata"]["name"] = .string(name)
            let created = try create(object, namespace: namespace, options: options)
            return (created.object, true, created.bytes)
        }
        let result = try update(namespace: namespace, name: name, scope: scope, options: options) { current in
            try apply(config, to: Self.withoutResourceVersion(current), scope: scope, options: options)
        }
        return (result.object, false, result.bytes)
    }

    /// The object a patch applies to: the stored one without its resourceVersion, so that only a
    /// resourceVersion the patch itself carries is a precondition (and a patch without one is retried on
    /// conflicts instead of failing).
    static func withoutResourceVersion(_ object: JSON) -> JSON {
        var base = object
        base["metadata"].removeValue(forKey: "resourceVersion")
        return base
    }

    static func decodePatch(type: RequestBody.PatchType, body: [UInt8]) throws -> JSON {
        let patch: JSON
        switch type {
        case .apply:
            patch = try YAMLDecoding.json(from: body)
        default:
            patch = try RequestBody.json(body).0
        }
        switch (type, patch) {
        case (.json, .array), (.merge, .object), (.strategic, .object), (.apply, .object): return patch
        case (.json, _): throw StatusError.badRequest("json: cannot unmarshal \(patch.typeName) into Go value of type jsonpatch.Patch")
        default: throw StatusError.badRequest("the body of the patch must be a JSON object, got \(patch.typeName)")
        }
    }

    static func apply(_ patch: JSON, type: RequestBody.PatchType, to current: JSON, schema: Schema) throws -> JSON {
        do {
            switch type {
            case .json: return try JSONPatch.apply(patch, to: current)
            case .merge: return MergePatch.apply(patch, to: current)
            case .strategic, .apply: return try StrategicMergePatch.apply(patch, to: current, schema: schema)
            }
        } catch let error as PatchError {
            throw error.statusError
        }
    }
}
