import Foundation
import Logging

extension Serve {
    /// Writes `<data-dir>/kubeconfig` pointing at the port the server listens on, so that
    /// `KUBECONFIG=<data-dir>/kubeconfig kubectl get pods` works without `--server`. A failure is logged,
    /// not fatal: serving matters more than the convenience file.
    func writeKubeconfig(directory: String, port: Int, logger: Logger) {
        let path = (directory as NSString).appendingPathComponent("kubeconfig")
        do {
            try Kubeconfig(server: Kubeconfig.serverURL(host: bindAddress, port: port)).write(to: path)
            logger.info("wrote kubeconfig", metadata: ["path": "\(path)"])
        } catch {
            logger.warning("cannot write kubeconfig", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
