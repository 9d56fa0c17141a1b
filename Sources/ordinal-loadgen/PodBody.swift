/// The pods the load generator writes: small, valid, and carrying their sequence number and the monotonic
/// time they were sent in annotations, so a watcher can tell which write it sees and how late.
enum PodBody {
    static let sequenceMarker = Array(#""bench-seq":""#.utf8)
    static let sentMarker = Array(#""bench-sent":""#.utf8)

    static func create(name: String, sequence: Int, sentAt: UInt64) -> [UInt8] {
        Array("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)","labels":{"app":"bench"},\
        "annotations":{"bench-seq":"\(sequence)","bench-sent":"\(sentAt)"}},\
        "spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}
        """.utf8)
    }

    /// A merge patch that changes one label: an update that passes every validation, of pods and ConfigMaps alike.
    static func update(round: Int) -> [UInt8] {
        Array(#"{"metadata":{"labels":{"round":"r\#(round)"}}}"#.utf8)
    }
}
