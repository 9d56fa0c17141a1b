import OrderedCollections

/// The structural schema of a kind: what fields exist and of which type. One source serves strict field
/// validation (unknown and mistyped fields), pruning, and the OpenAPI document.
public struct Schema: Sendable {
    public indirect enum Shape: Sendable {
        case string
        case integer
        case number
        case boolean
        /// Kubernetes `IntOrString` (ports, maxUnavailable).
        case intOrString
        /// Any JSON, kept as sent (`x-kubernetes-preserve-unknown-fields`): used where a subtree is free-form.
        case any
        case array(Schema)
        /// An object with free keys, each value of one schema (`additionalProperties`).
        case map(Schema)
        case object(OrderedDictionary<String, Schema>)
    }

    public var shape: Shape
    public var description: String
    public var format: String?
    public var enumValues: [String]?
    public var required: [String]
    /// How strategic merge patch combines this list; nil replaces it whole (the default for lists).
    public var listMerge: ListMerge?
    /// `x-kubernetes-group-version-kind` of a top-level kind.
    public var groupVersionKind: (group: String, version: String, kind: String)?

    public init(_ shape: Shape, _ description: String = "", format: String? = nil, enumValues: [String]? = nil,
                required: [String] = [], listMerge: ListMerge? = nil) {
        self.shape = shape
        self.description = description
        self.format = format
        self.enumValues = enumValues
        self.required = required
        self.listMerge = listMerge
    }

    /// Strategic-merge-patch behaviour of a list (`patchStrategy: merge` upstream).
    public enum ListMerge: Sendable, Equatable {
        /// A list of objects merged element by element, matched on this key (`name` for containers).
        case byKey(String)
        /// A list of scalars merged as a set (`finalizers`).
        case primitiveSet
    }

    public static func string(_ description: String = "", format: String? = nil, enum values: [String]? = nil) -> Schema {
        Schema(.string, description, format: format, enumValues: values)
    }
    public static func integer(_ description: String = "", format: String = "int32") -> Schema {
        Schema(.integer, description, format: format)
    }
    public static func number(_ description: String = "") -> Schema { Schema(.number, description, format: "double") }
    public static func boolean(_ description: String = "") -> Schema { Schema(.boolean, description) }
    public static func intOrString(_ description: String = "") -> Schema { Schema(.intOrString, description, format: "int-or-string") }
    public static func any(_ description: String = "") -> Schema { Schema(.any, description) }
    public static func array(_ items: Schema, _ description: String = "", merge: ListMerge? = nil) -> Schema {
        Schema(.array(items), description, listMerge: merge)
    }
    public static func map(_ values: Schema, _ description: String = "") -> Schema { Schema(.map(values), description) }
    public static func stringMap(_ description: String = "") -> Schema { Schema(.map(.string()), description) }
    public static func object(_ description: String = "", required: [String] = [],
                              _ properties: OrderedDictionary<String, Schema>) -> Schema {
        Schema(.object(properties), description, required: required)
    }

    /// The same schema with another description (to describe a shared type where it is used).
    public func described(_ text: String) -> Schema {
        var copy = self
        copy.description = text
        return copy
    }

    public func tagged(group: String, version: String, kind: String) -> Schema {
        var copy = self
        copy.groupVersionKind = (group, version, kind)
        return copy
    }

    /// The schema of property `name` of an object schema.
    public subscript(property name: String) -> Schema? {
        if case .object(let properties) = shape { return properties[name] }
        return nil
    }
}
