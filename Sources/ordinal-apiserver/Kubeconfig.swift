import Foundation
import Yams

/// A kubeconfig file (`apiVersion: v1, kind: Config`) with one cluster, one user and one context, all
/// named `ordinal`: what kubectl, the Python client and kopf read to find the server. Credentials are
/// optional so that token and certificate authentication can fill them in without changing the shape.
struct Kubeconfig: Codable, Equatable {
    struct Cluster: Codable, Equatable {
        var server: String
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
        }
    }

    struct User: Codable, Equatable {
        var token: String?
        var tokenFile: String?
        var clientCertificateData: String?
        var clientKeyData: String?

        enum CodingKeys: String, CodingKey {
            case token
            case tokenFile = "tokenFile"
            case clientCertificateData = "client-certificate-data"
            case clientKeyData = "client-key-data"
        }
    }

    struct Context: Codable, Equatable {
        var cluster: String
        var user: String
        var namespace: String?
    }

    struct Named<Value: Codable & Equatable>: Codable, Equatable {
        var name: String
        var value: Value

        init(name: String, value: Value) {
            self.name = name
            self.value = value
        }

        /// kubeconfig spells the value's key after its type: `cluster`, `user` or `context`.
        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        private static var valueKey: Key {
            switch Value.self {
            case is Cluster.Type: Key(stringValue: "cluster")
            case is User.Type: Key(stringValue: "user")
            default: Key(stringValue: "context")
            }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            name = try container.decode(String.self, forKey: Key(stringValue: "name"))
            value = try container.decode(Value.self, forKey: Self.valueKey)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(name, forKey: Key(stringValue: "name"))
            try container.encode(value, forKey: Self.valueKey)
        }
    }

    var apiVersion = "v1"
    var kind = "Config"
    var clusters: [Named<Cluster>]
    var users: [Named<User>]
    var contexts: [Named<Context>]
    var currentContext: String

    enum CodingKeys: String, CodingKey {
        case apiVersion, kind, clusters, users, contexts
        case currentContext = "current-context"
    }

    /// A kubeconfig for one server, with context, cluster and user all named `name`.
    init(server: String, namespace: String? = nil, user: User = User(), name: String = "ordinal") {
        clusters = [Named(name: name, value: Cluster(server: server))]
        users = [Named(name: name, value: user)]
        contexts = [Named(name: name, value: Context(cluster: name, user: name, namespace: namespace))]
        currentContext = name
    }

    func yaml() throws -> String {
        try YAMLEncoder().encode(self)
    }

    /// Writes the file readable by its owner only (it may one day carry a token), replacing any old one.
    func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try yaml().utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// The URL clients use for a server listening on `host:port`: a wildcard address is reached on loopback.
    static func serverURL(scheme: String = "http", host: String, port: Int) -> String {
        let reachable = ["0.0.0.0", "::", "[::]", ""].contains(host) ? "127.0.0.1" : host
        let bracketed = reachable.contains(":") && !reachable.hasPrefix("[") ? "[\(reachable)]" : reachable
        return "\(scheme)://\(bracketed):\(port)"
    }
}
