import APIMachinery
import Store

/// Watch event lines: `{"type":"…","object":…}\n`, splicing in the stored bytes of the object.
struct WatchEventEncoder {
    let kind: String
    let apiVersion: String
    /// Turns stored object bytes into the event's object (a Table row); nil sends them as they are.
    var render: (@Sendable ([UInt8]) -> [UInt8])? = nil

    func line(_ type: String, object: [UInt8]) -> [UInt8] {
        let object = render?(object) ?? object
        var out: [UInt8] = []
        out.reserveCapacity(object.count + 32)
        out.append(contentsOf: Array("{\"type\":\"\(type)\",\"object\":".utf8))
        out.append(contentsOf: object)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    /// Appends the line for `type` to `out` as pieces to send in order. Unrendered, the object's stored bytes
    /// are one of them, shared rather than copied, so every watcher of an event hands on the same buffer.
    func append(_ type: String, object: [UInt8], to out: inout [[UInt8]]) {
        let head: [UInt8]
        switch type {
        case "ADDED" where render == nil: head = Self.addedHead
        case "MODIFIED" where render == nil: head = Self.modifiedHead
        case "DELETED" where render == nil: head = Self.deletedHead
        default:
            out.append(line(type, object: object))
            return
        }
        out.append(head)
        out.append(object)
        out.append(Self.tail)
    }

    private static let addedHead = Array(#"{"type":"ADDED","object":"#.utf8)
    private static let modifiedHead = Array(#"{"type":"MODIFIED","object":"#.utf8)
    private static let deletedHead = Array(#"{"type":"DELETED","object":"#.utf8)
    private static let tail = Array("}\n".utf8)

    /// Bookmarks and errors are never rendered.
    func bookmark(revision: Revision, initialEventsEnd: Bool = false) -> [UInt8] {
        var metadata: JSONObject = ["resourceVersion": .string(String(revision))]
        if initialEventsEnd { metadata["annotations"] = ["k8s.io/initial-events-end": "true"] }
        let object: JSON = ["kind": .string(kind), "apiVersion": .string(apiVersion), "metadata": .object(metadata)]
        return WatchEventEncoder(kind: kind, apiVersion: apiVersion).line("BOOKMARK", object: object.encoded())
    }

    func error(_ status: StatusError) -> [UInt8] {
        WatchEventEncoder(kind: kind, apiVersion: apiVersion).line("ERROR", object: status.status.encoded())
    }
}
