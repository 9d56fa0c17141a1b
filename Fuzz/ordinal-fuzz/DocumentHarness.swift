import APIMachinery

/// Request bodies as JSON and as YAML: decode, and a decoded document encodes to JSON that parses back equal.
enum DocumentHarness {
    static func json(_ bytes: [UInt8]) {
        var duplicates: [String] = []
        guard let value = try? JSON.parse(bytes, duplicateKeys: &duplicates) else { return }
        roundTrip(value)
    }

    static func yaml(_ bytes: [UInt8]) {
        guard let value = try? YAMLDecoding.json(from: bytes) else { return }
        roundTrip(value)
    }

    static func roundTrip(_ value: JSON) {
        let again = try? JSON.parse(value.encoded())
        require(again?.isEquivalent(to: value) == true, "a document changes when encoded and parsed again")
    }
}
