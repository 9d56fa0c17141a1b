/// placeholder
public protocol VersionedStore: AnyObject, Sendable {}
