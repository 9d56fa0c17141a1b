import ArgumentParser

/// What a `writes` run creates and updates.
enum WrittenKind: String, ExpressibleByArgument, CaseIterable {
    /// Pods: defaulted and validated by the server, about 1.3 KB stored (``PodBody``).
    case pods
    /// ConfigMaps of one small key: the cheapest object to write, so what a run measures is the write path.
    case configmaps

    func collectionPath(namespace: String) -> String {
        switch self {
        case .pods: return "/api/v1/namespaces/\(namespace)/pods"
        case .configmaps: return "/api/v1/namespaces/\(namespace)/configmaps"
        }
    }

    /// The body creating object number `sequence`, named `name`, sent at `sentAt` (monotonic nanoseconds).
    func createBody(name: String, sequence: Int, sentAt: UInt64) -> [UInt8] {
        switch self {
        case .pods:
            return PodBody.create(name: name, sequence: sequence, sentAt: sentAt)
        case .configmaps:
            return Array("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\(name)","labels":{"app":"bench"}},\
            "data":{"sequence":"\(sequence)"}}
            """.utf8)
        }
    }
}
