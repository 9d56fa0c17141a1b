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
        guard let certificateAuthority else { return try KubeClient.Credentials(bearerToken: token) }
        guard let data = FileManager.default.contents(atPath: certificateAuthority),
              let pem = String(data: data, encoding: .utf8) else {
            throw ValidationError("--certificate-authority: cannot read \(certificateAuthority)")
        }
        do {
            return try KubeClient.Credentials(bearerToken: token, certificateAuthorityPEM: pem)
        } catch {
            throw ValidationError("--certificate-authority: no PEM certificate in \(certificateAuthority)")
        }
    }
}
