import APIMachinery

/// Server-side field validation (`fieldValidation=Strict|Warn|Ignore`): unknown and duplicate fields are
/// refused with 400, reported as warnings, or dropped silently. Mistyped values are always refused.
enum FieldChecks {
    /// Prunes unknown fields from `object` and returns the warnings to send.
    static func check(_ object: inout JSON, duplicates: [String], definition: ResourceDefinition,
                      options: WriteOptions) throws -> [String] {
        let violations = definition.schema.prune(&object)
        let prefix = "\(definition.kind) in version \"\(definition.version)\" cannot be handled as a \(definition.kind): "
        if let typeError = violations.typeErrors.first {
            throw StatusError.badRequest(prefix + typeError)
        }
        let problems = violations.unknownFields.map { "unknown field \"\($0)\"" } + duplicates.map { "duplicate field \"\($0)\"" }
        guard !problems.isEmpty else { return [] }
        switch options.fieldValidation {
        case .strict: throw StatusError.badRequest(prefix + "strict decoding error: " + problems.joined(separator: ", "))
        case .warn: return problems
        case .ignore: return []
        }
    }
}

/// The schema of `autoscaling/v1` Scale, for patches through `/scale`.
enum ScaleSchema {
    static let schema = Schema.object("The desired and observed number of replicas of a scalable object.", [
        "apiVersion": .string(), "kind": .string(), "metadata": .any(),
        "spec": .object("", ["replicas": .integer("Desired number of replicas.")]),
        "status": .object("", ["replicas": .integer("Observed number of replicas."), "selector": .string("Label selector of the pods, as a string.")]),
    ])
}
