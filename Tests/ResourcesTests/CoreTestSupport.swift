import APIMachinery
@testable import Resources

/// `object` as the registry would store it on create: defaults, then create preparation.
func created(_ definition: ResourceDefinition, _ object: JSON) -> JSON {
    var copy = object
    definition.strategy.applyDefaults(to: &copy)
    definition.strategy.prepareForCreate(&copy)
    return copy
}

/// Rendered messages of creating `object`.
func createErrors(_ definition: ResourceDefinition, _ object: JSON) -> [String] {
    definition.strategy.validate(created(definition, object)).map(\.description)
}

/// Rendered messages of updating the stored `old` (created from it) to `new`.
func updateErrors(_ definition: ResourceDefinition, old: JSON, new: JSON) -> [String] {
    let stored = created(definition, old)
    var copy = new
    definition.strategy.applyDefaults(to: &copy)
    definition.strategy.prepareForUpdate(&copy, old: stored)
    return definition.strategy.validateUpdate(copy, old: stored).map(\.description)
}

let coreEventMeta: JSON = ["name": "x", "namespace": "default"]

/// The registered core kind named `kind` (test arguments name kinds, so failures print short).
func coreKind(_ kind: String) -> ResourceDefinition {
    CoreKinds.all.first { $0.kind == kind }!
}
