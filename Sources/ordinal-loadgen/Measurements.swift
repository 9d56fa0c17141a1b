import Foundation

/// Monotonic nanoseconds, comparable across threads of this process.
func nowNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Percentiles of latency samples, in milliseconds.
struct LatencySummary: Encodable {
    let p50: Double
    let p90: Double
    let p99: Double
    let max: Double

    /// `samples` are microseconds; an empty list summarises as zeros.
    init(microseconds samples: [UInt32]) {
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))
            return Double(sorted[index]) / 1000
        }
        p50 = at(0.50)
        p90 = at(0.90)
        p99 = at(0.99)
        max = Double(sorted.last ?? 0) / 1000
    }
}

/// Resident memory of a process in KiB, or nil if it cannot be read.
func residentKiB(pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
}

/// Prints one JSON object on a line: the result the driver reads.
func printResult(_ result: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
    fflush(nil)
}

/// The decimal number written right after `marker` in `line`, e.g. after `"bench-seq":"`.
func number(after marker: [UInt8], in line: [UInt8]) -> UInt64? {
    line.withUnsafeBytes { number(after: marker, in: $0) }
}

/// The offset of the first occurrence of `needle` in `haystack`, without copying: memchr finds candidates for
/// the needle's second byte (its first is usually a quote, common in JSON) and memcmp checks them.
func search(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
    guard let base = haystack.baseAddress, needle.count >= 2, haystack.count >= needle.count else { return nil }
    return needle.withUnsafeBytes { needleBytes -> Int? in
        var start = 1
        let end = haystack.count - needle.count + 1
        while start < end + 1, let found = memchr(base + start, Int32(needle[1]), end + 1 - start) {
            let candidate = base.distance(to: UnsafeRawPointer(found)) - 1
            if memcmp(base + candidate, needleBytes.baseAddress!, needle.count) == 0 { return candidate }
            start = candidate + 2
        }
        return nil
    }
}

/// The decimal number written right after `marker` in `line`, e.g. after `"bench-seq":"`.
func number(after marker: [UInt8], in line: UnsafeRawBufferPointer) -> UInt64? {
    guard var index = search(marker, in: line) else { return nil }
    index += marker.count
    var value: UInt64 = 0
    var digits = 0
    while index < line.count, line[index] >= 48, line[index] <= 57 {
        value = value * 10 + UInt64(line[index] - 48)
        index += 1
        digits += 1
    }
    return digits > 0 ? value : nil
}
