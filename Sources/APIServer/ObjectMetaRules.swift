import APIMachinery
import Foundation

/// The server-owned parts of `metadata` and the generic checks every kind gets, as the Kubernetes
/// registry applies them before and after a kind's strategy.
struct ObjectMetaRules {
    let definition: ResourceDefinition
    let now: () -> Date
    let makeUID: () -> String

    /// Fills `apiVersion` and `kind`, and refuses ones that do not fit the URL.
    func checkTypeMeta(_ object: inout JSON) throws {
        guard object.objectValue != nil else {
            throw StatusError.badRequest("\(definition.kind) in version \"\(definition.version)\" cannot be handled as a \(definition.kind): the request body must be a JSON object")
        }
        if let apiVersion = object["apiVersion"].stringValue, !apiVersion.isEmpty, apiVersion != definition.groupVersion {
            throw StatusError.badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(definition.groupVersion))")
        }
        if let kind = object["kind"].stringValue, !kind.isEmpty, kind != definition.kind {
            throw StatusError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(definition.kind))")
        }
        var typed: JSONObject = ["apiVersion": .string(definition.groupVersion), "kind": .string(definition.kind)]
        for (key, value) in object.objectValue! where key != "apiVersion" && key != "kind" { typed[key] = value }
        object = .object(typed)
        if !object["metadata"].isNull && object["metadata"].objectValue == nil {
            throw StatusError.badRequest("\(definition.kind) in version \"\(definition.version)\" cannot be handled as a \(definition.kind): metadata must be an object")
        }
    }

    /// Sets the namespace from the URL, refusing a different one in the body.
    func checkNamespace(_ object: inout JSON, requestNamespace: String?) throws {
        let bodyNamespace = object["metadata"]["namespace"].stringValue ?? ""
        if definition.namespaced {
            let namespace = requestNamespace ?? ""
            if !bodyNamespace.isEmpty, bodyNamespace != namespace {
                throw StatusError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            object["metadata"]["namespace"] = .string(namespace)
        } else {
            object["metadata"].removeValue(forKey: "namespace")
        }
    }

    /// Server-owned metadata of a new object; the name comes from `generateName` when empty.
    func prepareForCreate(_ object: inout JSON) throws {
        var metadata = object["metadata"].objectValue ?? [:]
        if (metadata["name"]?.stringValue ?? "").isEmpty {
            guard let prefix = metadata["generateName"]?.stringValue, !prefix.isEmpty else {
                throw StatusError.invalid(kind: definition.kind, group: definition.group, name: "",
                                          errors: [.required("metadata.name", "name or generateName is required")])
            }
            metadata["name"] = .string(NameValidation.generateName(prefix: prefix))
        }
        metadata["uid"] = .string(makeUID())
        metadata["creationTimestamp"] = .string(Timestamp.format(now()))
        if definition.tracksGeneration { metadata["generation"] = 1 } else { metadata.removeValue(forKey: "generation") }
        for serverOwned in ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] {
            metadata.removeValue(forKey: serverOwned)
        }
        object["metadata"] = .object(metadata)
    }

    /// Draws a new name from `generateName` after a collision.
    func regenerateName(_ object: inout JSON) throws {
        guard let prefix = object["metadata"]["generateName"].stringValue else { return }
        object["metadata"]["name"] = .string(NameValidation.generateName(prefix: prefix))
    }

    /// Carries the server-owned metadata of `old` into an update, and bumps `generation` when `spec` changed.
    func prepareForUpdate(_ object: inout JSON, old: JSON) {
        var metadata = object["metadata"].objectValue ?? [:]
        let oldMetadata = old["metadata"]
        for serverOwned in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
            if oldMetadata[serverOwned].isNull {
                metadata.removeValue(forKey: serverOwned)
            } else {
                metadata[serverOwned] = oldMetadata[serverOwned]
            }
        }
        metadata.removeValue(forKey: "selfLink")
        if definition.tracksGeneration, !object["spec"].semanticallyEquals(old["spec"]) {
            metadata["generation"] = .int((oldMetadata["generation"].intValue ?? 0) + 1)
        }
        object["metadata"] = .object(metadata)
    }

    /// Field errors of the metadata every kind shares.
    func validate(_ object: JSON, old: JSON?) -> [FieldError] {
        let metadata = object["metadata"]
        var errors: [FieldError] = []
        let name = metadata["name"].stringValue ?? ""
        if old == nil {
            errors += nameErrors(name).map { FieldError.invalid("metadata.name", .string(name), $0) }
        }
        if let generateName = metadata["generateName"].stringValue, !generateName.isEmpty, old == nil {
            let trimmed = generateName.hasSuffix("-") ? String(generateName.dropLast()) : generateName
            errors += nameErrors(trimmed).map { FieldError.invalid("metadata.generateName", .string(generateName), $0) }
        }
        errors += NameValidation.validateLabels(metadata["labels"], path: "metadata.labels")
        errors += NameValidation.validateAnnotations(metadata["annotations"], path: "metadata.annotations")
        errors += ownerReferenceErrors(metadata["ownerReferences"])
        errors += finalizerErrors(metadata["finalizers"], old: old)
        return errors
    }

    private func nameErrors(_ name: String) -> [String] {
        switch definition.nameRule {
        case .dns1123Label: return NameValidation.isDNS1123Label(name)
        case .dns1123Subdomain: return NameValidation.isDNS1123Subdomain(name)
        case .dns1035Label: return NameValidation.isDNS1035Label(name)
        case .pathSegment:
            if name == "." || name == ".." { return ["may not be '\(name)'"] }
            if name.contains("/") { return ["may not contain '/'"] }
            if name.contains("%") { return ["may not contain '%'"] }
            return []
        }
    }

    private func ownerReferenceErrors(_ references: JSON) -> [FieldError] {
        guard let list = references.arrayValue else { return [] }
        var errors: [FieldError] = []
        var controllers: [String] = []
        for (i, reference) in list.enumerated() {
            let path = "metadata.ownerReferences[\(i)]"
            for field in ["apiVersion", "kind", "name", "uid"] where (reference[field].stringValue ?? "").isEmpty {
                errors.append(.invalid("\(path).\(field)", reference[field].isNull ? .string("") : reference[field], "\(field) must not be empty"))
            }
            if reference["controller"].boolValue == true { controllers.append(reference["name"].stringValue ?? "") }
        }
        if controllers.count > 1 {
            errors.append(.invalid("metadata.ownerReferences", references,
                                   "Only one reference can have Controller set to true. Found \"true\" in references for \(controllers.joined(separator: " and "))"))
        }
        return errors
    }

    private func finalizerErrors(_ finalizers: JSON, old: JSON?) -> [FieldError] {
        let names = finalizers.arrayValue?.compactMap(\.stringValue) ?? []
        var errors: [FieldError] = []
        for (i, name) in names.enumerated() {
            for message in NameValidation.isQualifiedName(name) {
                errors.append(.invalid("metadata.finalizers[\(i)]", .string(name), message))
            }
        }
        if let old, !old["metadata"]["deletionTimestamp"].isNull {
            let before = Set(old["metadata"]["finalizers"].arrayValue?.compactMap(\.stringValue) ?? [])
            let added = names.filter { !before.contains($0) }
            if !added.isEmpty {
                errors.append(.forbidden("metadata.finalizers",
                                         "no new finalizers can be added if the object is being deleted, found new finalizers []string{\(added.map { "\"\($0)\"" }.joined(separator: ", "))}"))
            }
        }
        return errors
    }
}
