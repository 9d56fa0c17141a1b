/// Splits a byte stream into newline-terminated lines, however the stream is cut into chunks: a line may
/// span chunks and a chunk may hold several lines. Only the unfinished tail is kept between chunks.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The lines completed by `chunk`, without their `\n` (nor a `\r` before it); empty lines are skipped.
    mutating func append(_ chunk: some Collection<UInt8>) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for byte in chunk {
            if byte == UInt8(ascii: "\n") {
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                if !pending.isEmpty { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return lines
    }

    /// The last line when the stream ended without a final newline.
    mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
