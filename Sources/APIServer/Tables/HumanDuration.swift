import Foundation

/// Ages as kubectl prints them (`45s`, `3m20s`, `5h12m`, `2d3h`, `400d`, `3y12d`).
enum HumanDuration {
    static func format(_ seconds: Double) -> String {
        if seconds < -1 { return "<invalid>" }
        let total = max(0, Int(seconds))
        if total < 120 { return "\(total)s" }
        let minutes = total / 60
        if minutes < 10 { return total % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(total % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = total / 3600
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// The age of an object from its `creationTimestamp`, or `<unknown>`.
    static func age(of object: JSON, now: Date) -> String {
        guard let text = object["metadata"]["creationTimestamp"].stringValue, let created = Timestamp.parse(text) else { return "<unknown>" }
        return format(now.timeIntervalSince(created))
    }
}

import APIMachinery
