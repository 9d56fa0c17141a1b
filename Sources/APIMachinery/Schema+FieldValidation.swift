/// Problems found when checking an object against its kind's schema.
public struct SchemaViolations: Sendable, Equatable {
    /// Paths of fields the schema does not define (`spec.foo`, `spec.template.spec.containers[0].bar`).
    public var unknownFields: [String] = []
    /// Values of the wrong JSON type, as decode errors: `json: cannot unmarshal string into Go struct field .spec.replicas of type int32`.
    public var typeErrors: [String] = []

    public var isEmpty: Bool { unknownFields.isEmpty && typeErrors.isEmpty }
}

extension Schema {
    /// Removes from `value` every field this schema does not define, and reports those fields and any
    /// mistyped values. `null` is accepted anywhere (it means "unset"); `.any` subtrees are kept as sent.
    public func prune(_ value: inout JSON, path: String = "") -> SchemaViolations {
        // Most bodies hold nothing to remove: read them first, and rewrite only one that does.
        var violations = SchemaViolations()
        var location = Array(path.utf8)
        check(value, path: &location, into: &violations)
        guard !violations.unknownFields.isEmpty else { return violations }
        violations = SchemaViolations()
        prune(&value, path: path, into: &violations)
        return violations
    }

    /// What ``prune(_:path:)`` reports, without changing `value`. `path` is the UTF-8 of the location,
    /// extended and restored on the way down, and turned into text only for a violation.
    private func check(_ value: JSON, path: inout [UInt8], into violations: inout SchemaViolations) {
        if value.isNull { return }
        switch shape {
        case .any:
            return
        case .string, .integer, .number, .boolean, .intOrString:
            if let goType = scalarMismatch(value) { mistyped(value, path: Self.text(path), goType: goType, into: &violations) }
        case .array(let items):
            guard case .array(let elements) = value else {
                return mistyped(value, path: Self.text(path), goType: "[]", into: &violations)
            }
            let mark = path.count
            for (index, element) in elements.enumerated() {
                path.append(contentsOf: "[\(index)]".utf8)
                items.check(element, path: &path, into: &violations)
                path.removeSubrange(mark...)
            }
        case .map(let values):
            guard case .object(let object) = value else {
                return mistyped(value, path: Self.text(path), goType: "map", into: &violations)
            }
            for (key, child) in object {
                let mark = Self.enter(key, path: &path)
                values.check(child, path: &path, into: &violations)
                path.removeSubrange(mark...)
            }
        case .object(let properties):
            guard case .object(let object) = value else {
                return mistyped(value, path: Self.text(path), goType: "struct", into: &violations)
            }
            for (key, child) in object {
                let mark = Self.enter(key, path: &path)
                if let property = properties[key] {
                    property.check(child, path: &path, into: &violations)
                } else {
                    violations.unknownFields.append(Self.text(path))
                }
                path.removeSubrange(mark...)
            }
        }
    }

    private static func text(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    /// Extends `path` by the field `key` (as ``join(_:_:)`` does) and returns where it ended before.
    private static func enter(_ key: String, path: inout [UInt8]) -> Int {
        let mark = path.count
        if !path.isEmpty { path.append(UInt8(ascii: ".")) }
        path.append(contentsOf: key.utf8)
        return mark
    }

    private func prune(_ value: inout JSON, path: String, into violations: inout SchemaViolations) {
        if value.isNull { return }
        switch shape {
        case .any:
            return
        case .string, .integer, .number, .boolean, .intOrString:
            if let goType = scalarMismatch(value) { mistyped(value, path: path, goType: goType, into: &violations) }
        case .array(let items):
            guard case .array(var elements) = value else {
                mistyped(value, path: path, goType: "[]", into: &violations)
                return
            }
            for i in elements.indices { items.prune(&elements[i], path: "\(path)[\(i)]", into: &violations) }
            value = .array(elements)
        case .map(let values):
            guard case .object(var object) = value else {
                mistyped(value, path: path, goType: "map", into: &violations)
                return
            }
            for key in object.keys { values.prune(&object[key]!, path: Self.join(path, key), into: &violations) }
            value = .object(object)
        case .object(let properties):
            guard case .object(var object) = value else {
                mistyped(value, path: path, goType: "struct", into: &violations)
                return
            }
            for key in object.keys {
                guard let property = properties[key] else {
                    violations.unknownFields.append(Self.join(path, key))
                    object.removeValue(forKey: key)
                    continue
                }
                property.prune(&object[key]!, path: Self.join(path, key), into: &violations)
            }
            value = .object(object)
        }
    }

    /// The Go type `value` fails to decode as, for a scalar shape; nil when it decodes (or the shape holds others).
    private func scalarMismatch(_ value: JSON) -> String? {
        switch (shape, value) {
        case (.string, .string), (.boolean, .bool), (.number, .int), (.number, .double), (.intOrString, .int), (.intOrString, .string):
            return nil
        case (.integer, _) where value.intValue != nil, (.intOrString, .double) where value.intValue != nil:
            return nil
        case (.string, _): return "string"
        case (.integer, _): return format == "int64" ? "int64" : "int32"
        case (.number, _): return "float64"
        case (.boolean, _): return "bool"
        case (.intOrString, _): return "intstr.IntOrString"
        default: return nil
        }
    }

    private func mistyped(_ value: JSON, path: String, goType: String, into violations: inout SchemaViolations) {
        violations.typeErrors.append("json: cannot unmarshal \(value.typeName) into Go struct field .\(path) of type \(goType)")
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
