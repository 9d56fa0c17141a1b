import APIMachinery

/// `/version`: Ordinal reports Kubernetes 1.32, the API it implements (kubectl picks its version from it).
enum VersionInfo {
    static let current: JSON = [
        "major": "1", "minor": "32", "gitVersion": "v1.32.0-ordinal", "gitCommit": "ordinal",
        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "swift6",
        "compiler": "swiftc", "platform": "linux/amd64",
    ]
}

import HTTPServer

/// `/healthz`, `/livez`, `/readyz`: `ok`, or the list of checks with `?verbose`.
enum Health {
    static func respond(_ request: HTTPRequest) -> HTTPResponse {
        if request.query.contains(where: { $0.name == "verbose" }) {
            return .text(200, "[+]ping ok\n[+]log ok\n[+]etcd ok\nhealthz check passed\n")
        }
        return .text(200, "ok")
    }
}
