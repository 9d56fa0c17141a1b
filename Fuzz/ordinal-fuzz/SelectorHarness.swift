import APIMachinery

/// `labelSelector` and `fieldSelector` query values: parse, and a parsed selector's text form parses again to
/// the same selector and can be matched.
enum SelectorHarness {
    static func label(_ bytes: [UInt8]) {
        guard let selector = try? LabelSelector(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
        _ = selector.matches(["app": "web", "tier": "front"])
        let reparsed = try? LabelSelector(parsing: selector.description)
        require(reparsed?.description == selector.description, "label selector \(selector) does not survive its own text form")
    }

    static func field(_ bytes: [UInt8]) {
        guard let selector = try? FieldSelector(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
        _ = selector.matches { $0 == "metadata.name" ? "web-0" : nil }
        _ = selector.requiredValue(of: "metadata.namespace")
    }
}
