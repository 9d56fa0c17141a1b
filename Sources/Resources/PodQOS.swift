import APIMachinery

/// The quality-of-service class of a pod, computed from its containers' CPU and memory requests and limits
/// as the API server does on create (init containers count, ephemeral containers do not).
public enum PodQOS {
    static let computeResources = ["cpu", "memory"]

    /// `BestEffort` with no requests or limits at all; `Guaranteed` when every container limits both CPU and
    /// memory and the pod's summed requests equal its summed limits; `Burstable` otherwise.
    public static func qosClass(ofPodSpec spec: JSON) -> String {
        var requests: [String: Double] = [:]
        var limits: [String: Double] = [:]
        var everyContainerLimitsAll = true
        let containers = (spec["containers"].arrayValue ?? []) + (spec["initContainers"].arrayValue ?? [])
        for container in containers {
            let containerRequests = positiveAmounts(container["resources"]["requests"])
            let containerLimits = positiveAmounts(container["resources"]["limits"])
            requests.merge(containerRequests, uniquingKeysWith: +)
            limits.merge(containerLimits, uniquingKeysWith: +)
            if !computeResources.allSatisfy({ containerLimits[$0] != nil }) { everyContainerLimitsAll = false }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        let requestsEqualLimits = requests.allSatisfy { name, amount in limits[name] == amount }
        if everyContainerLimitsAll && requestsEqualLimits && requests.count == limits.count { return "Guaranteed" }
        return "Burstable"
    }

    static func positiveAmounts(_ list: JSON) -> [String: Double] {
        var amounts: [String: Double] = [:]
        for name in computeResources {
            if let amount = Quantity(json: list[name])?.approximateValue, amount > 0 { amounts[name] = amount }
        }
        return amounts
    }
}
