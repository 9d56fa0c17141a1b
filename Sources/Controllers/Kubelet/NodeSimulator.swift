import APIMachinery
import Foundation
import KubeClient

/// The simulated nodes: `ordinal-worker-1` … `ordinal-worker-<nodeCount>`, each Ready, with 4 CPUs, 8 GiB
/// and room for 110 pods, node `n` owning pod CIDR `<podCIDRBase>.<n>.0/24` and InternalIP
/// `<nodeAddressBase>.<n + 1>`.
public enum NodeSimulator {
    /// Upstream kubelets post node status every 40 s at most when nothing changes (before scaling).
    public static let heartbeatSeconds = 40.0

    /// The full Node objects to create, in order, so `kubectl get nodes` lists them Ready.
    public static func nodes(config: SimulationConfig, now: Date) -> [JSON] {
        guard config.nodeCount > 0 else { return [] }
        return (1...config.nodeCount).map { node(index: $0, config: config, now: now) }
    }

    /// Node `index` (1-based).
    static func node(index: Int, config: SimulationConfig, now: Date) -> JSON {
        let name = config.nodeName(index)
        let cidr = "\(config.podCIDRBase).\(index).0/24"
        return [
            "apiVersion": "v1",
            "kind": "Node",
            "metadata": [
                "name": .string(name),
                "labels": [
                    "beta.kubernetes.io/arch": "amd64",
                    "beta.kubernetes.io/os": "linux",
                    "kubernetes.io/arch": "amd64",
                    "kubernetes.io/hostname": .string(name),
                    "kubernetes.io/os": "linux",
                ],
                "annotations": ["node.alpha.kubernetes.io/ttl": "0"],
            ],
            "spec": ["podCIDR": .string(cidr), "podCIDRs": [.string(cidr)]],
            "status": status(name: name, address: "\(config.nodeAddressBase).\(index + 1)", now: now),
        ]
    }

    static func status(name: String, address: String, now: Date) -> JSON {
        let resources: JSON = ["cpu": "4", "ephemeral-storage": "100Gi", "memory": "8Gi", "pods": "110"]
        return [
            "addresses": [["address": .string(address), "type": "InternalIP"], ["address": .string(name), "type": "Hostname"]],
            "allocatable": resources,
            "capacity": resources,
            "conditions": conditions(previous: .null, now: now),
            "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
            "nodeInfo": [
                "architecture": "amd64",
                "bootID": .string(uuidShaped(SimulatedIdentity.digest("boot/" + name))),
                "containerRuntimeVersion": "containerd://1.7.24",
                "kernelVersion": "6.1.0-ordinal",
                "kubeProxyVersion": "v1.32.0",
                "kubeletVersion": "v1.32.0",
                "machineID": .string(String(SimulatedIdentity.digest("machine/" + name).prefix(32))),
                "operatingSystem": "linux",
                "osImage": "Debian GNU/Linux 12 (bookworm)",
                "systemUUID": .string(uuidShaped(SimulatedIdentity.digest("system/" + name))),
            ],
        ]
    }

    /// The four conditions a healthy kubelet posts, heartbeat `now`; `lastTransitionTime` kept from
    /// `previous` where the status did not flip.
    static func conditions(previous: JSON, now: Date) -> JSON {
        let healthy: [(String, String, String, String)] = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ]
        let timestamp = JSON.string(Timestamp.format(now))
        return .array(healthy.map { type, status, reason, message in
            let old = previous.arrayValue?.first { $0["type"].stringValue == type }
            let transition = old.flatMap { $0["status"].stringValue == status ? $0["lastTransitionTime"] : nil } ?? timestamp
            return ["lastHeartbeatTime": timestamp, "lastTransitionTime": transition, "message": .string(message),
                    "reason": .string(reason), "status": .string(status), "type": .string(type)]
        })
    }

    /// The status write that keeps `node` alive: its conditions healthy with `lastHeartbeatTime = now`, when
    /// the last heartbeat is `heartbeatSeconds × timeScale` old or the conditions are not the healthy ones
    /// (missing, or changed by someone else). Nil when nothing is due; call again after
    /// `heartbeatSeconds × timeScale`.
    public static func heartbeat(node: JSON, config: SimulationConfig, now: Date) -> ControllerAction? {
        let current = node["status"]["conditions"]
        let refreshed = conditions(previous: current, now: now)
        let beats = current.arrayValue?.compactMap { Timestamp.date($0["lastHeartbeatTime"]) } ?? []
        let healthy = withoutHeartbeats(current).semanticallyEquals(withoutHeartbeats(refreshed))
        let due = beats.count != current.arrayValue?.count || beats.contains { now.timeIntervalSince($0) >= config.scaled(heartbeatSeconds) }
        guard !healthy || due else { return nil }
        var updated = node
        updated["status"]["conditions"] = refreshed
        return .updateStatus(.nodes, updated)
    }

    private static func withoutHeartbeats(_ conditions: JSON) -> JSON {
        .array((conditions.arrayValue ?? []).map { condition in
            var copy = condition
            copy.removeValue(forKey: "lastHeartbeatTime")
            return copy
        })
    }

    /// 32 hex digits as `8-4-4-4-12`.
    private static func uuidShaped(_ hex: String) -> String {
        let digits = Array(hex.prefix(32))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }
}
