import APIMachinery
import Resources

/// The OpenAPI documents under `/openapi`, for whoever needs them outside a running server: the
/// `ordinal-apiserver openapi` command writes them into the repository's `openapi/` folder from the same
/// code that serves them, so the committed spec and the served one cannot differ unless someone forgets
/// to regenerate (which the integration tests catch).
public enum OpenAPISpec {
    /// One served document: the path it is served at and its content.
    public struct Document: Sendable {
        /// `/openapi/v3` for the index, `/openapi/v3/apis/apps/v1` for a group-version.
        public let servedPath: String
        public let content: JSON

        /// Where the document is kept below the output folder: the served path after `/openapi/`, plus
        /// `.json` (`v3.json`, `v3/api/v1.json`, `v3/apis/apps/v1.json`).
        public var relativeFile: String { String(servedPath.dropFirst("/openapi/".count)) + ".json" }
    }

    /// The index and every group-version document, index first, group-versions in discovery order.
    public static func documents(definitions: [ResourceDefinition] = Catalogue.all) -> [Document] {
        var result = [Document(servedPath: "/openapi/v3", content: OpenAPIDocuments.index(definitions))]
        var seen: Set<String> = []
        for definition in definitions where seen.insert(definition.groupVersion).inserted {
            guard let document = OpenAPIDocuments.document(group: definition.group, version: definition.version, definitions: definitions)
            else { continue }
            let path = OpenAPIDocuments.path(group: definition.group, version: definition.version)
            result.append(Document(servedPath: "/openapi/v3/\(path)", content: document))
        }
        return result
    }
}
