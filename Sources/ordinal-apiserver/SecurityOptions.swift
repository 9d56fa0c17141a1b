import APIServer
import ArgumentParser
import Foundation
import HTTPServer
import Store

/// The API server's HTTPS, authentication and authorization flags, named as kube-apiserver names them.
struct SecurityOptions: ParsableArguments {
    enum AuthorizationMode: String, ExpressibleByArgument, CaseIterable {
        case alwaysAllow = "AlwaysAllow"
        case rbac = "RBAC"
    }

    @Option(help: "PEM certificate (chain) to serve HTTPS with; needs --tls-private-key-file.")
    var tlsCertFile: String?

    @Option(help: "PEM private key of --tls-cert-file.")
    var tlsPrivateKeyFile: String?

    @Option(help: "CSV file of bearer tokens: token,user,uid[,\"group1,group2\"]. Turns authentication on: requests without a valid token get 401.")
    var tokenAuthFile: String?

    @Option(help: "AlwaysAllow or RBAC; RBAC by default when --token-auth-file is given, else AlwaysAllow.")
    var authorizationMode: AuthorizationMode?

    var scheme: String { tlsCertFile == nil ? "http" : "https" }

    mutating func validate() throws {
        if (tlsCertFile == nil) != (tlsPrivateKeyFile == nil) {
            throw ValidationError("--tls-cert-file and --tls-private-key-file go together")
        }
        if authorizationMode == .rbac, tokenAuthFile == nil {
            throw ValidationError("--authorization-mode RBAC needs --token-auth-file to know who is asking")
        }
    }

    /// The certificate and key read from their files, or nil to serve plain HTTP.
    func tlsCredentials() throws -> HTTPServer.TLSCredentials? {
        guard let tlsCertFile, let tlsPrivateKeyFile else { return nil }
        return HTTPServer.TLSCredentials(certificatePEM: try read(tlsCertFile, flag: "--tls-cert-file"),
                                         privateKeyPEM: try read(tlsPrivateKeyFile, flag: "--tls-private-key-file"))
    }

    private func read(_ path: String, flag: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UnreadableFile(flag: flag, path: path)
        }
        return text
    }

    /// The API behind authentication and authorization when they are on, with the RBAC cache (started) that
    /// the caller stops at shutdown; the bare API otherwise.
    func securedResponder(_ api: APIServer, store: any VersionedStore) throws -> (any HTTPResponder, RBACCache?) {
        guard let tokenAuthFile else { return (api, nil) }
        let tokens = try TokenFile(contents: read(tokenAuthFile, flag: "--token-auth-file"))
        let authenticator = TokenAuthenticator(tokens: tokens)
        guard (authorizationMode ?? .rbac) == .rbac else {
            return (RequestGuard(api, authenticator: authenticator, authorizer: nil), nil)
        }
        let cache = RBACCache(store: store)
        try cache.start()
        return (RequestGuard(api, authenticator: authenticator, authorizer: RBACAuthorizer(cache: cache)), cache)
    }
}

/// A file named by a flag that cannot be read as text.
struct UnreadableFile: Error, CustomStringConvertible {
    let flag: String
    let path: String
    var description: String { "\(flag): cannot read \(path)" }
}
