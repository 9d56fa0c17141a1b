import Foundation
import Logging

extension Serve {
    /// Writes `<data-dir>/kubeconfig` pointing at the port the server listens on, so that
    /// `KUBECONFIG=<data-dir>/kubeconfig kubectl get pods` works without `--server`. A failure is logged,
    /// not fatal: serving matters more than the convenience file.
    func writeKubeconfig(directory: String, port: Int, logger: Logger) {
        let path = (directory as NSString).appendingPathComponent("kubeconfig")
        do {
            var config = Kubeconfig(server: Kubeconfig.serverURL(scheme: security.scheme, host: bindAddress, port: port))
            // Over HTTPS, trust the serving certificate itself (enough for a self-signed one); a token is
            // the user's to add, since the token file names many users.
            if let certificate = security.tlsCertFile {
                config.clusters[0].value.certificateAuthority = URL(fileURLWithPath: certificate).standardizedFileURL.path
            }
            try config.write(to: path)
            logger.info("wrote kubeconfig", metadata: ["path": "\(path)"])
        } catch {
            logger.warning("cannot write kubeconfig", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
