/// The per-kind behaviour the generic registry delegates to, as the Kubernetes apiserver's strategies do.
///
/// The registry calls, in order: `applyDefaults` on every write (as decoding defaults do upstream), then
/// `prepareForCreate` or `prepareForUpdate`, then `validate` or `validateUpdate`. Metadata (uid, timestamps,
/// generation, resourceVersion) and the status/spec split are the registry's job, not the strategy's.
public protocol ResourceStrategy: Sendable {
    /// Fills defaults; must be idempotent.
    func applyDefaults(to object: inout JSON)
    /// Adjusts a new object before validation (e.g. clears `status`, sets a pod's phase).
    func prepareForCreate(_ object: inout JSON)
    /// Adjusts an update of the main resource before validation; `old` is the stored object.
    func prepareForUpdate(_ object: inout JSON, old: JSON)
    /// Field errors of an object about to be created.
    func validate(_ object: JSON) -> [FieldError]
    /// Field errors of an update of the main resource, including immutable fields.
    func validateUpdate(_ object: JSON, old: JSON) -> [FieldError]
    /// Field errors of a write through `/status`.
    func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError]
    /// Seconds of graceful termination a delete grants; 0 removes the object at once (unless finalizers
    /// hold it). `requested` is the client's `gracePeriodSeconds`.
    func gracefulDeletionSeconds(_ object: JSON, requested: Int64?) -> Int64
    /// Adjusts an object a delete will keep for now (e.g. a namespace turns Terminating). Returns true when
    /// the kind itself holds the object until some later step (a namespace's `spec.finalizers`).
    func prepareForDeletion(_ object: inout JSON) -> Bool
}

extension ResourceStrategy {
    public func applyDefaults(to object: inout JSON) {}
    public func prepareForCreate(_ object: inout JSON) {}
    public func prepareForUpdate(_ object: inout JSON, old: JSON) {}
    public func validate(_ object: JSON) -> [FieldError] { [] }
    public func validateUpdate(_ object: JSON, old: JSON) -> [FieldError] { validate(object) }
    public func validateStatusUpdate(_ object: JSON, old: JSON) -> [FieldError] { [] }
    public func gracefulDeletionSeconds(_ object: JSON, requested: Int64?) -> Int64 { 0 }
    public func prepareForDeletion(_ object: inout JSON) -> Bool { false }
}
