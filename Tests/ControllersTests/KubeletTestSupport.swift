import APIMachinery
import Foundation
@testable import Controllers

/// A whole second, so timestamps written by the simulation read back exactly.
let kubeletEpoch = Date(timeIntervalSince1970: 1_700_000_000)

func at(_ seconds: Double) -> Date { kubeletEpoch + seconds }

func kubeletNode(_ index: Int = 1, config: SimulationConfig = SimulationConfig()) -> JSON {
    NodeSimulator.nodes(config: config, now: kubeletEpoch)[index - 1]
}

/// A pod as the API server stores it after create (phase Pending), bound to `node`.
func kubeletPod(name: String = "web-0", uid: String = "uid-web-0", node: String? = "ordinal-worker-1",
                annotations: [String: String] = [:], readinessDelay: Int64? = nil, claims: [String] = []) -> JSON {
    var container: JSON = ["name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24"]
    if let readinessDelay {
        container["readinessProbe"] = ["httpGet": ["path": "/", "port": 80], "initialDelaySeconds": .int(readinessDelay)]
    }
    var pod: JSON = [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": .string(name), "namespace": "default", "uid": .string(uid), "resourceVersion": "1",
                     "annotations": JSON(stringMap: annotations)],
        "spec": ["containers": [container], "terminationGracePeriodSeconds": 30],
        "status": ["phase": "Pending", "qosClass": "BestEffort"],
    ]
    if let node { pod["spec"]["nodeName"] = .string(node) }
    if !claims.isEmpty {
        pod["spec"]["volumes"] = .array(claims.map { ["name": .string($0), "persistentVolumeClaim": ["claimName": .string($0)]] })
    }
    return pod
}

/// The object of the single `.updateStatus`/`.update`/`.create` among `actions`, if any.
func writtenObject(_ actions: [ControllerAction]) -> JSON? {
    for action in actions {
        switch action {
        case .updateStatus(_, let object), .update(_, let object), .create(_, let object): return object
        default: continue
        }
    }
    return nil
}

/// Syncs `pod` at `time` and applies the status write, as the executor and the API server would.
func kubeletStep(_ pod: inout JSON, at time: Date, config: SimulationConfig = SimulationConfig(),
                 node: JSON = kubeletNode()) -> (actions: [ControllerAction], requeueAfter: Double?) {
    let result = Kubelet.sync(pod: pod, node: node, config: config, now: time)
    if let updated = writtenObject(result.actions) { pod = updated }
    return result
}

func condition(_ pod: JSON, _ type: String) -> JSON {
    pod["status"]["conditions"].arrayValue?.first { $0["type"].stringValue == type } ?? .null
}

func container(_ pod: JSON) -> JSON { pod["status"]["containerStatuses"][0] }

extension JSON {
    subscript(index: Int) -> JSON { arrayValue.flatMap { index < $0.count ? $0[index] : nil } ?? .null }
}
