import Foundation

/// Kubernetes timestamps (`metav1.Time`): RFC 3339 in UTC with whole seconds, e.g. `2025-01-31T12:00:05Z`.
///
/// Durations measured from such timestamps have whole-second resolution (the simulated kubelet's
/// transitions may come up to a second early in wall time, never late).
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Written digit by digit: every write stamps a time, and String(format:) costs more than the rest of this.
        var text: [UInt8] = []
        text.reserveCapacity(20)
        func digits(_ value: Int32, _ count: Int) {
            var divisor: Int32 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = max(value, 0)
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4); text.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2); text.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2); text.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2); text.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2); text.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2); text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; nil for anything else (offsets other than `Z` included).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? { Int32(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."),
                  let value = Double("0" + String(decoding: bytes[19..<(bytes.count - 1)], as: UTF8.self)) else { return nil }
            fraction = value
        }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + fraction)
    }

    /// The time in `json` if it is a timestamp string.
    public static func date(_ json: JSON) -> Date? { json.stringValue.flatMap(parse) }
}
