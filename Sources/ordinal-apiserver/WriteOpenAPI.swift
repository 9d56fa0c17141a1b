import APIServer
import ArgumentParser
import Foundation

/// `ordinal-apiserver openapi --output-dir openapi`: writes the OpenAPI v3 documents the server serves
/// (the `/openapi/v3` index and one document per group-version) as indented JSON with sorted keys, so
/// the committed copy in the repository diffs cleanly when a schema changes.
struct WriteOpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Write the served OpenAPI v3 documents to a folder (v3.json, v3/api/v1.json, v3/apis/<group>/<version>.json).")

    @Option(help: "Folder to write into; its v3.json and v3/ are replaced.")
    var outputDir = "openapi"

    func run() throws {
        let files = FileManager.default
        let root = URL(fileURLWithPath: outputDir)
        for stale in ["v3.json", "v3"] where files.fileExists(atPath: root.appendingPathComponent(stale).path) {
            try files.removeItem(at: root.appendingPathComponent(stale))
        }
        for document in OpenAPISpec.documents() {
            let file = root.appendingPathComponent(document.relativeFile)
            try files.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(document.content.prettyPrinted().utf8).write(to: file)
            print(file.path)
        }
    }
}
