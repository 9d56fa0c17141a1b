import ArgumentParser
import Foundation

/// `ordinal-apiserver kubeconfig`: prints (or writes) a kubeconfig that points kubectl, the Python client
/// and kopf at a server, so they work without `--server`.
struct PrintKubeconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubeconfig",
        abstract: "Print a kubeconfig for a server (`serve` with SQLite storage also writes <data-dir>/kubeconfig).")

    @Option(help: "URL of the server.")
    var server = "http://127.0.0.1:8080"

    @Option(help: "Namespace of the context; clients default to 'default' without one.")
    var namespace: String?

    @Option(help: "Bearer token the user authenticates with (a line of the server's --token-auth-file).")
    var token: String?

    @Option(help: "PEM file of the certificate authority that signed the server's certificate (for https).")
    var certificateAuthority: String?

    @Option(name: [.customShort("o"), .long], help: "Write to this file (mode 0600) instead of standard output.")
    var output: String?

    func validate() throws {
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--server must be an http:// or https:// URL, not '\(server)'")
        }
    }

    func run() throws {
        var config = Kubeconfig(server: server, namespace: namespace, user: Kubeconfig.User(token: token))
        if let certificateAuthority {
            config.clusters[0].value.certificateAuthority = URL(fileURLWithPath: certificateAuthority).standardizedFileURL.path
        }
        if let output {
            try config.write(to: output)
        } else {
            print(try config.yaml(), terminator: "")
        }
    }
}
