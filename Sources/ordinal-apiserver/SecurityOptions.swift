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
        return HTTPServer.TLSCredentials(certificatePEM: try String(contentsOfFile: tlsCertFile, encoding: .utf8),
                                         privateKeyPEM: try String(contentsOfFile: tlsPrivateKeyFile, encoding: .utf8))
    }

    /// The API behind authentication and authorization when they are on, with the RBAC cache (started) that
    /// the caller stops at shutdown; the bare API otherwise.
    func securedResponder(_ api: APIServer, store: any VersionedStore) throws -> (any HTTPResponder, RBACCache?) {
        guard let tokenAuthFile else { return (api, nil) }
        let tokens = try TokenFile(contents: String(contentsOfFile: tokenAuthFile, encoding: .utf8))
        let authenticator = TokenAuthenticator(tokens: tokens)
        guard (authorizationMode ?? .rbac) == .rbac else {
            return (RequestGuard(api, authenticator: authenticator, authorizer: nil), nil)
        }
        let cache = RBACCache(store: store)
        try cache.start()
        return (RequestGuard(api, authenticator: authenticator, authorizer: RBACAuthorizer(cache: cache)), cache)
    }
}
