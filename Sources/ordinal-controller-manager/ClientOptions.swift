import ArgumentParser
import Foundation
import KubeClient

/// How the controller manager authenticates to the API server and verifies it, named as kubectl names them.
struct ClientOptions: ParsableArguments {
    @Option(help: "Bearer token sent on every request (the API server's --token-auth-file holds it).")
    var token: String?

    @Option(help: "PEM file of the certificate authority that signed an https server's certificate.")
    var certificateAuthority: String?

    func credentials() throws -> KubeClient.Credentials {
        let authority = try certificateAuthority.map { try String(contentsOfFile: $0, encoding: .utf8) }
        return try KubeClient.Credentials(bearerToken: token, certificateAuthorityPEM: authority)
    }
}
