import APIMachinery
import KubeClient

/// One write a controller decided on. Reconcilers are pure: they look at cached objects and return
/// actions; an executor applies them over HTTP. Tests check the actions without any server.
public enum ControllerAction: Sendable, Equatable {
    /// POST a new object.
    case create(APIResource, JSON)
    /// PUT the whole object (its resourceVersion makes it conditional).
    case update(APIResource, JSON)
    /// PUT the object's status through `/status`.
    case updateStatus(APIResource, JSON)
    /// PATCH an object with a JSON merge patch.
    case patch(APIResource, namespace: String?, name: String, mergePatch: JSON)
    /// DELETE an object; `uid` is a precondition so a newer object of the same name is never deleted.
    case delete(APIResource, namespace: String?, name: String, uid: String?, gracePeriodSeconds: Int64? = nil,
                propagation: String? = nil)
    /// POST pods/{name}/binding: assign the pod to `node` (sets `spec.nodeName`, which a plain update may not).
    case bind(namespace: String, name: String, node: String)
    /// Record a core/v1 Event about `regarding`.
    case event(EventRecord)
}

/// A core/v1 Event to record: `type` is Normal or Warning; `reason` a CamelCase word; `message` for people.
public struct EventRecord: Sendable, Equatable {
    public var regarding: ObjectReference
    public var type: String
    public var reason: String
    public var message: String

    public init(regarding: ObjectReference, type: String = "Normal", reason: String, message: String) {
        self.regarding = regarding
        self.type = type
        self.reason = reason
        self.message = message
    }
}

/// The object an event is about (`involvedObject`).
public struct ObjectReference: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var namespace: String
    public var name: String
    public var uid: String

    public init(apiVersion: String, kind: String, namespace: String, name: String, uid: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }

    public init(_ object: JSON) {
        self.init(apiVersion: object["apiVersion"].stringValue ?? "", kind: object["kind"].stringValue ?? "",
                  namespace: object.namespace, name: object.name, uid: object.uid)
    }
}
