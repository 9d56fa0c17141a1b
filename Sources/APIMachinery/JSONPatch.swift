/// RFC 6902 JSON Patch (`application/json-patch+json`): a list of `add`, `remove`, `replace`, `move`, `copy`
/// and `test` operations applied in order; any failure rejects the whole patch.
///
/// Paths are JSON Pointers (``JSONPointer``); `-` as the last token of an `add` appends to an array.
/// Errors are ``PatchError``: `.malformed` (400) for a bad patch document, `.cannotApply` (422) when an
/// operation does not fit the document.
///
/// `copy` can double a document with each operation, and `add`, `copy` and `move` can place a subtree below
/// another: the bytes all `copy` operations of one patch add are capped at `maximumCopiedBytes` (as
/// Kubernetes caps them at the request size limit), and a result nested deeper than
/// `JSON.maximumNestingDepth` is refused (422): every value placed must fit below its path.
public enum JSONPatch {
    /// The most bytes (as encoded JSON) the `copy` operations of one patch may add together.
    public static let maximumCopiedBytes = 3 * 1024 * 1024

    public static func apply(_ patch: JSON, to document: JSON) throws -> JSON {
        guard case .array(let operations) = patch else {
            throw PatchError.malformed("json patch must be an array of operations, not \(patch.typeName)")
        }
        var result = document
        var copiedBytes = 0
        for (index, operation) in operations.enumerated() {
            guard case .object(let fields) = operation else {
                throw PatchError.malformed("json patch operation \(index) must be an object")
            }
            try apply(fields, to: &result, copiedBytes: &copiedBytes)
        }
        return result
    }

    static func apply(_ operation: JSONObject, to document: inout JSON, copiedBytes: inout Int) throws {
        guard let op = operation["op"]?.stringValue else { throw PatchError.malformed("json patch operation has no \"op\"") }
        let path = try pointer(operation, "path", op: op)
        switch op {
        case "add":
            try add(try placeable(try value(operation, op: op), at: path), at: path, in: &document)
        case "remove":
            _ = try remove(path, from: &document, op: op)
        case "replace":
            try replace(at: path, with: try placeable(try value(operation, op: op), at: path), in: &document)
        case "move":
            let from = try pointer(operation, "from", op: op)
            guard from != path else { return }
            if path.isProperDescendant(of: from) {
                throw PatchError.cannotApply("move operation does not apply: \(from) cannot be moved into its own child \(path)")
            }
            try add(try placeable(try remove(from, from: &document, op: op), at: path), at: path, in: &document)
        case "copy":
            let from = try pointer(operation, "from", op: op)
            let value = try get(from, in: document, op: op)
            copiedBytes += value.encoded().count
            if copiedBytes > maximumCopiedBytes {
                throw PatchError.cannotApply("copy operations would add more than \(maximumCopiedBytes) bytes to the object")
            }
            try add(try placeable(value, at: path), at: path, in: &document)
        case "test":
            let expected = try value(operation, op: op)
            guard try get(path, in: document, op: op).isEquivalent(to: expected) else {
                throw PatchError.cannotApply("testing value \(path) failed: test failed")
            }
        default:
            throw PatchError.malformed("json patch operation \"\(op)\" is not supported (add, remove, replace, move, copy, test)")
        }
    }

    /// `value`, when placing it at `path` keeps the document within `JSON.maximumNestingDepth`.
    static func placeable(_ value: JSON, at path: JSONPointer) throws -> JSON {
        guard path.tokens.count + value.nestingDepth <= JSON.maximumNestingDepth else {
            throw PatchError.cannotApply("json patch would nest \(path) deeper than \(JSON.maximumNestingDepth) levels")
        }
        return value
    }

    static func pointer(_ operation: JSONObject, _ field: String, op: String) throws -> JSONPointer {
        guard let text = operation[field]?.stringValue else {
            throw PatchError.malformed("\(op) operation has no \"\(field)\" string")
        }
        return try JSONPointer(text)
    }

    static func value(_ operation: JSONObject, op: String) throws -> JSON {
        guard let value = operation["value"] else { throw PatchError.malformed("\(op) operation has no \"value\"") }
        return value
    }

    static func missing(_ path: JSONPointer, op: String) -> PatchError {
        .cannotApply("\(op) operation does not apply: doc is missing path: \"\(path)\"")
    }

    static func get(_ path: JSONPointer, in document: JSON, op: String) throws -> JSON {
        var current = document
        for token in path.tokens {
            switch current {
            case .object(let object):
                guard let child = object[token] else { throw missing(path, op: op) }
                current = child
            case .array(let array):
                guard let index = JSONPointer.index(token, limit: array.count - 1) else { throw missing(path, op: op) }
                current = array[index]
            default:
                throw missing(path, op: op)
            }
        }
        return current
    }

    /// Inserts into an array (shifting later elements) or sets an object member; the parent must exist.
    static func add(_ value: JSON, at path: JSONPointer, in document: inout JSON) throws {
        guard let last = path.tokens.last else { document = value; return }
        try withParent(of: path, in: &document, op: "add") { parent in
            switch parent {
            case .object(var object):
                parent = .null
                object[last] = value
                parent = .object(object)
            case .array(var array):
                let index = last == "-" ? array.count : JSONPointer.index(last, limit: array.count)
                guard let index else { throw missing(path, op: "add") }
                parent = .null
                array.insert(value, at: index)
                parent = .array(array)
            default:
                throw missing(path, op: "add")
            }
        }
    }

    /// Removes and returns the value at `path`, which must exist.
    static func remove(_ path: JSONPointer, from document: inout JSON, op: String) throws -> JSON {
        guard let last = path.tokens.last else {
            throw PatchError.cannotApply("\(op) operation does not apply: the whole document cannot be removed")
        }
        var removed = JSON.null
        try withParent(of: path, in: &document, op: op) { parent in
            switch parent {
            case .object(var object):
                guard let value = object[last] else { throw missing(path, op: op) }
                parent = .null
                object.removeValue(forKey: last)
                removed = value
                parent = .object(object)
            case .array(var array):
                guard let index = JSONPointer.index(last, limit: array.count - 1) else { throw missing(path, op: op) }
                parent = .null
                removed = array.remove(at: index)
                parent = .array(array)
            default:
                throw missing(path, op: op)
            }
        }
        return removed
    }

    /// Sets the value at `path`, which must exist, keeping its place among its siblings.
    static func replace(at path: JSONPointer, with value: JSON, in document: inout JSON) throws {
        guard let last = path.tokens.last else { document = value; return }
        try withParent(of: path, in: &document, op: "replace") { parent in
            switch parent {
            case .object(var object) where object[last] != nil:
                parent = .null
                object[last] = value
                parent = .object(object)
            case .array(var array):
                guard let index = JSONPointer.index(last, limit: array.count - 1) else { throw missing(path, op: "replace") }
                parent = .null
                array[index] = value
                parent = .array(array)
            default:
                throw missing(path, op: "replace")
            }
        }
    }

    /// Runs `body` on the container holding the last token of `path`, in place.
    static func withParent(of path: JSONPointer, in document: inout JSON, op: String,
                           _ body: (inout JSON) throws -> Void) throws {
        try descend(path.tokens.dropLast(), in: &document, path: path, op: op, body)
    }

    private static func descend(_ tokens: ArraySlice<String>, in node: inout JSON, path: JSONPointer, op: String,
                                _ body: (inout JSON) throws -> Void) throws {
        guard let token = tokens.first else { try body(&node); return }
        switch node {
        case .object(var object):
            guard var child = object[token] else { throw missing(path, op: op) }
            node = .null
            object[token] = .null
            defer { object[token] = child; node = .object(object) }
            try descend(tokens.dropFirst(), in: &child, path: path, op: op, body)
        case .array(var array):
            guard let index = JSONPointer.index(token, limit: array.count - 1) else { throw missing(path, op: op) }
            var child = array[index]
            node = .null
            array[index] = .null
            defer { array[index] = child; node = .array(array) }
            try descend(tokens.dropFirst(), in: &child, path: path, op: op, body)
        default:
            throw missing(path, op: op)
        }
    }
}
