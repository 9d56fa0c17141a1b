import APIMachinery
import Foundation

/// One entry of a pod's `status.conditions`, as the scheduler and the kubelet decide it.
struct PodCondition: Equatable {
    var type: String
    var status: Bool
    var reason: String? = nil
    var message: String? = nil

    /// `conditions` with each of `desired` written in the given order, followed by conditions of other types
    /// untouched. `lastTransitionTime` is kept when a condition's status did not flip, else set to `now`.
    static func merge(_ desired: [PodCondition], into conditions: JSON, now: Date) -> JSON {
        let existing = conditions.arrayValue ?? []
        let written: [JSON] = desired.map { condition in
            let previous = existing.first { $0["type"].stringValue == condition.type }
            let statusText = condition.status ? "True" : "False"
            var transition = Timestamp.format(now)
            if let previous, previous["status"].stringValue == statusText,
               let kept = previous["lastTransitionTime"].stringValue { transition = kept }
            var object: JSONObject = ["lastProbeTime": .null, "lastTransitionTime": .string(transition)]
            if let message = condition.message { object["message"] = .string(message) }
            if let reason = condition.reason { object["reason"] = .string(reason) }
            object["status"] = .string(statusText)
            object["type"] = .string(condition.type)
            return .object(object)
        }
        let others = existing.filter { old in !desired.contains { $0.type == old["type"].stringValue } }
        return .array(written + others)
    }
}
