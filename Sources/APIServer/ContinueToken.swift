import APIMachinery
import Foundation

/// The opaque `continue` of a paged list: the list's revision and the last key returned, so every page
/// reads the same snapshot.
struct ContinueToken {
    let revision: Int64
    let lastKey: String

    var encoded: String {
        let json: JSON = ["v": "meta.k8s.io/v1", "rv": .int(revision), "start": .string(lastKey)]
        return Data(json.encoded()).base64EncodedString()
    }

    init(revision: Int64, lastKey: String) {
        self.revision = revision
        self.lastKey = lastKey
    }

    init(decoding text: String, prefix: String) throws {
        guard let data = Data(base64Encoded: text), let json = try? JSON.parse(Array(data)),
              let revision = json["rv"].intValue, let key = json["start"].stringValue, key.hasPrefix(prefix) else {
            throw StatusError.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
        }
        self.revision = revision
        self.lastKey = key
    }
}
