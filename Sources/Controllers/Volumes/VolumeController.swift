import APIMachinery
import KubeClient
import Logging

/// The simulated provisioner, binder and protection controllers over the shared caches. Keys are
/// `claim|namespace/name` and `volume|name`; pods queue the claims they mount, claims and volumes each other.
public struct VolumeController: Sendable {
    public static let resources: [APIResource] = [.persistentVolumeClaims, .persistentVolumes, .storageClasses, .pods]

    public let loop: ControllerLoop
    let client: KubeClient

    public init(informers: InformerSet, executor: ActionExecutor, workers: Int = 2, logger: Logger) {
        let queue = WorkQueue()
        client = informers.client
        let claims = informers[.persistentVolumeClaims].lister, volumes = informers[.persistentVolumes].lister
        let classes = informers[.storageClasses].lister, pods = informers[.pods].lister
        loop = ControllerLoop(name: "volumes", queue: queue, workers: workers, logger: logger) { key in
            if key.hasPrefix("volume|") {
                guard let volume = volumes.get(namespace: nil, name: String(key.dropFirst("volume|".count))) else { return .done }
                try await executor.execute(VolumeProvisioner.syncVolume(volume: volume, claims: claims.list()))
                return .done
            }
            let (namespace, name) = splitKey(String(key.dropFirst("claim|".count)))
            guard let claim = claims.get(namespace: namespace, name: name) else { return .done }
            let namespacePods = pods.list(namespace: namespace)
            try await executor.execute(VolumeProvisioner.sync(claim: claim, volumes: volumes.list(), storageClasses: classes.list(), pods: namespacePods)
                                       + VolumeProvisioner.protect(claim: claim, pods: namespacePods))
            return .done
        }
        informers[.persistentVolumeClaims].addHandler(.enqueue(queue) { claim in
            ["claim|\(claim.objectKey)"] + (claim["spec"]["volumeName"].stringValue.map { ["volume|\($0)"] } ?? [])
        })
        informers[.persistentVolumes].addHandler(.enqueue(queue) { volume in
            let reference = volume["spec"]["claimRef"]
            let claimKey = reference["name"].stringValue.map { ["claim|\(reference["namespace"].stringValue ?? "")/\($0)"] } ?? []
            return ["volume|\(volume.name)"] + claimKey
        })
        informers[.storageClasses].addHandler(.enqueue(queue) { _ in
            claims.list().filter { $0["status"]["phase"].stringValue != "Bound" }.map { "claim|\($0.objectKey)" }
        })
        informers[.pods].addHandler(.enqueue(queue) { pod in
            (pod["spec"]["volumes"].arrayValue ?? []).compactMap { $0["persistentVolumeClaim"]["claimName"].stringValue }
                .map { "claim|\(pod.namespace)/\($0)" }
        })
    }

    /// Creates the default StorageClass `standard` unless it exists.
    public func ensureDefaultStorageClass() async throws {
        do {
            _ = try await client.create(.storageClasses, VolumeProvisioner.defaultStorageClass)
        } catch let error as KubeError where error.isAlreadyExists {
            return
        }
    }
}
