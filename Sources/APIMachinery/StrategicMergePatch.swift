/// Strategic merge patch (`application/strategic-merge-patch+json`): a merge patch whose lists follow the
/// schema's ``Schema/listMerge`` and which understands Kubernetes' `$`-directives.
///
/// - Objects merge key by key; `null` deletes a key; scalars and type changes replace.
/// - Lists with `.byKey(k)` merge element by element on `k` (matches merge recursively in place, new elements
///   are appended in patch order; `{"$patch": "delete", k: v}` removes the element; a `{"$patch": "replace"}`
///   element makes the rest of the patch list the whole list). `.primitiveSet` lists gain the patch's new
///   values, appended in order. Other lists are replaced whole.
/// - Map directives: `$patch: replace` (the map becomes the patch), `$patch: delete` (the map becomes `{}`,
///   as upstream), `$patch: merge` (the default); `$retainKeys: [..]` (after merging only those keys remain);
///   `$deleteFromPrimitiveList/<field>: [..]` (removes those values from the list first);
///   `$setElementOrder/<field>: [..]` (orders the merged list's listed elements as given, others stay put).
/// - Where the schema is nil or `.any`, lists replace whole (merge-patch semantics); map directives still apply.
///
/// Throws ``PatchError``: `.malformed` (400) for a patch that is not an object, an unknown `$patch` value or
/// a directive of the wrong type; `.cannotApply` (422) for a merge-list element without its merge key or a
/// key outside `$retainKeys`.
public enum StrategicMergePatch {
    static let patchDirective = "$patch"
    static let retainKeysDirective = "$retainKeys"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/"
    static let setElementOrderPrefix = "$setElementOrder/"

    public static func apply(_ patch: JSON, to original: JSON, schema: Schema?) throws -> JSON {
        guard case .object(let patchObject) = patch else {
            throw PatchError.malformed("a strategic merge patch must be a JSON object, not \(patch.typeName)")
        }
        return try mergeObject(original.objectValue ?? [:], patchObject, schema: schema)
    }

    static func isDirective(_ key: String) -> Bool {
        key == patchDirective || key == retainKeysDirective
            || key.hasPrefix(deleteFromPrimitiveListPrefix) || key.hasPrefix(setElementOrderPrefix)
    }

    static func mergeObject(_ original: JSONObject, _ patch: JSONObject, schema: Schema?) throws -> JSON {
        var patch = patch
        if let directive = patch.removeValue(forKey: patchDirective) {
            switch directive.stringValue {
            case "replace": return try mergeObject([:], patch, schema: schema)
            case "delete": return .object([:])
            case "merge": break
            default: throw PatchError.malformed("unknown patch type: \(directive.encodedString) in map: \(JSON.object(patch).encodedString)")
            }
        }
        var result = original
        if let retained = patch[retainKeysDirective] {
            let keys = try strings(retained, directive: retainKeysDirective)
            if let stray = patch.keys.first(where: { !isDirective($0) && !keys.contains($0) }) {
                throw PatchError.cannotApply("all keys in patch must be present in $retainKeys, found \"\(stray)\"")
            }
            result = result.filter { keys.contains($0.key) }
        }
        for (key, values) in patch where key.hasPrefix(deleteFromPrimitiveListPrefix) {
            let field = String(key.dropFirst(deleteFromPrimitiveListPrefix.count))
            guard case .array(let doomed) = values else { throw wrongType(key) }
            if case .array(let list)? = result[field] {
                result[field] = .array(list.filter { item in !doomed.contains { $0.isEquivalent(to: item) } })
            }
        }
        for (key, value) in patch where !isDirective(key) {
            if value.isNull {
                result.removeValue(forKey: key)
            } else {
                let current = result[key]
                result[key] = .null
                result[key] = try merge(current, value, schema: child(of: schema, key))
            }
        }
        for (key, order) in patch where key.hasPrefix(setElementOrderPrefix) {
            let field = String(key.dropFirst(setElementOrderPrefix.count))
            guard case .array(let order) = order else { throw wrongType(key) }
            if case .array(let list)? = result[field], let merge = child(of: schema, field)?.listMerge {
                result[field] = .array(reorder(list, by: order, merge: merge))
            }
        }
        return .object(result)
    }

    static func merge(_ original: JSON?, _ patch: JSON, schema: Schema?) throws -> JSON {
        switch patch {
        case .object(let patchObject):
            return try mergeObject(original?.objectValue ?? [:], patchObject, schema: schema)
        case .array(let patchList):
            let items = itemSchema(of: schema)
            switch schema?.listMerge {
            case .byKey(let key): return .array(try mergeByKey(original?.arrayValue ?? [], patchList, key: key, items: items))
            case .primitiveSet: return .array(try mergeSet(original?.arrayValue ?? [], patchList))
            case nil: return .array(patchList.filter { $0.objectValue?[patchDirective] == nil })
            }
        default:
            return patch
        }
    }
}

extension StrategicMergePatch {
    static func mergeByKey(_ original: [JSON], _ patch: [JSON], key: String, items: Schema?) throws -> [JSON] {
        if try replacesList(patch) {
            return try patch.filter { $0.objectValue?[patchDirective] == nil }
                .map { try merge(nil, $0, schema: items) }
        }
        var result = original
        for element in patch {
            guard case .object(var fields) = element, let id = fields[key], !id.isNull else {
                throw PatchError.cannotApply("map: \(element.encodedString) does not contain declared merge key: \(key)")
            }
            if fields.removeValue(forKey: patchDirective)?.stringValue == "delete" {
                result.removeAll { $0.objectValue?[key]?.isEquivalent(to: id) == true }
                continue
            }
            if let index = result.firstIndex(where: { $0.objectValue?[key]?.isEquivalent(to: id) == true }) {
                let current = result[index]
                result[index] = .null
                result[index] = try merge(current, .object(fields), schema: items)
            } else {
                result.append(try merge(nil, .object(fields), schema: items))
            }
        }
        return result
    }

    static func mergeSet(_ original: [JSON], _ patch: [JSON]) throws -> [JSON] {
        let values = patch.filter { $0.objectValue?[patchDirective] == nil }
        var result = try replacesList(patch) ? [] : original
        for value in values where !result.contains(where: { $0.isEquivalent(to: value) }) {
            result.append(value)
        }
        return result
    }

    /// Whether a patch list carries `{"$patch": "replace"}`; throws for an unknown `$patch` value.
    static func replacesList(_ patch: [JSON]) throws -> Bool {
        var replaces = false
        for element in patch {
            guard let directive = element.objectValue?[patchDirective] else { continue }
            switch directive.stringValue {
            case "replace": replaces = true
            case "delete", "merge": break
            default: throw PatchError.malformed("unknown patch type: \(directive.encodedString) in list: \(JSON.array(patch).encodedString)")
            }
        }
        return replaces
    }

    /// Puts the elements named in `order` into that order, in the slots they occupy; unnamed elements stay put.
    static func reorder(_ list: [JSON], by order: [JSON], merge: Schema.ListMerge) -> [JSON] {
        func identity(_ element: JSON) -> JSON {
            if case .byKey(let key) = merge { return element.objectValue?[key] ?? .null }
            return element
        }
        let wanted = order.map(identity)
        func rank(_ element: JSON) -> Int? {
            let id = identity(element)
            return wanted.firstIndex { $0.isEquivalent(to: id) }
        }
        var ranked = list.compactMap { element in rank(element).map { (rank: $0, element: element) } }
            .enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element.element).makeIterator()
        return list.map { rank($0) == nil ? $0 : ranked.next()! }
    }

    static func strings(_ value: JSON, directive: String) throws -> [String] {
        guard let array = value.arrayValue else { throw wrongType(directive) }
        return try array.map { element in
            guard let string = element.stringValue else { throw wrongType(directive) }
            return string
        }
    }

    static func wrongType(_ directive: String) -> PatchError {
        .malformed("invalid patch: \(directive) must be a list")
    }

    /// The schema of `key` in an object (or the value schema of a map); nil where the schema says nothing.
    static func child(of schema: Schema?, _ key: String) -> Schema? {
        switch schema?.shape {
        case .object(let properties)?: return properties[key]
        case .map(let values)?: return values
        default: return nil
        }
    }

    static func itemSchema(of schema: Schema?) -> Schema? {
        if case .array(let items)? = schema?.shape { return items }
        return nil
    }
}
