import APIMachinery

extension ResourceRegistry {
    /// Field ownership for writes to this kind at `scope`; nil for the server's own subresources, which
    /// record no manager.
    func fieldManager(_ scope: UpdateScope) -> FieldManager? {
        switch scope {
        case .main: return FieldManager(schema: definition.schema, apiVersion: definition.groupVersion, hasStatus: definition.hasStatus)
        case .status: return FieldManager(schema: definition.schema, apiVersion: definition.groupVersion, subresource: "status", hasStatus: true)
        case .subresource: return nil
        }
    }

    /// Records the writer of a create or update (not an apply, which recorded itself) in `metadata.managedFields`.
    func recordUpdate(_ object: inout JSON, old: JSON?, scope: UpdateScope, options: WriteOptions) {
        guard !options.applying, let manager = fieldManager(scope) else { return }
        object = manager.update(object, old: old, manager: options.manager, time: Timestamp.format(now()))
    }

    /// Server-side apply of `config` by the request's field manager to `live` (nil: create it), as a 409
    /// Conflict naming each owner and field when it would change fields others own.
    func apply(_ config: JSON, to live: JSON?, scope: UpdateScope, options: WriteOptions) throws -> JSON {
        guard let manager = fieldManager(scope) else { return config }
        do {
            return try manager.apply(config, to: live, manager: options.manager, force: options.force, time: Timestamp.format(now()))
        } catch let conflicts as FieldManager.Conflicts {
            let name = config["metadata"]["name"].stringValue ?? live?["metadata"]["name"].stringValue ?? ""
            let causes = conflicts.conflicts.map {
                StatusError.Cause(reason: "FieldManagerConflict", message: "conflict with \($0.owner.ownerDescription)", field: $0.path.pathString)
            }
            throw StatusError(code: 409, reason: "Conflict", message: conflicts.message,
                              details: .init(name: name, group: resource.group, kind: resource.resource, causes: causes))
        } catch let error as PatchError {
            throw error.statusError
        }
    }
}
