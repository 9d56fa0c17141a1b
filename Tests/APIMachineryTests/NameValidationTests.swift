import Testing
import APIMachinery

@Suite struct NameValidationTests {
    static let labelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

    @Test(arguments: ["web", "a", "0", "my-name", "123-abc", String(repeating: "a", count: 63)])
    func validDNS1123Labels(_ name: String) {
        #expect(NameValidation.isDNS1123Label(name).isEmpty)
    }

    @Test(arguments: ["Web", "", "-a", "a-", "a_b", "a b"])
    func invalidDNS1123Labels(_ name: String) {
        #expect(NameValidation.isDNS1123Label(name) == [Self.labelMessage])
    }

    @Test func dns1123LabelLimits() {
        #expect(NameValidation.isDNS1123Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
        #expect(NameValidation.isDNS1123Label("a.b") == ["must not contain dots"])
    }

    @Test func dns1123Subdomains() {
        #expect(NameValidation.isDNS1123Subdomain("web-0.example.com").isEmpty)
        #expect(NameValidation.isDNS1123Subdomain("a..b") == ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"])
        #expect(NameValidation.isDNS1123Subdomain(String(repeating: "a", count: 254)) == ["must be no more than 253 characters"])
    }

    @Test func dns1035Labels() {
        #expect(NameValidation.isDNS1035Label("svc-1").isEmpty)
        #expect(NameValidation.isDNS1035Label("1svc") == ["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"])
    }

    @Test(arguments: ["app", "App.Name_1", "example.com/MyName", "kubernetes.io/change-cause", "a"])
    func validQualifiedNames(_ key: String) {
        #expect(NameValidation.isQualifiedName(key).isEmpty)
    }

    @Test func invalidQualifiedNames() {
        let namePart = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
        #expect(NameValidation.isQualifiedName("-app") == [namePart])
        #expect(NameValidation.isQualifiedName("") == ["name part must be non-empty", namePart])
        #expect(NameValidation.isQualifiedName("/app") == ["prefix part must be non-empty"])
        #expect(NameValidation.isQualifiedName("Example.com/app").first?.hasPrefix("prefix part a lowercase RFC 1123 subdomain") == true)
        #expect(NameValidation.isQualifiedName("a/b/c").first?.hasPrefix("a qualified name must consist of") == true)
        #expect(NameValidation.isQualifiedName(String(repeating: "a", count: 64)) == ["name part must be no more than 63 characters"])
    }

    @Test func labelValues() {
        #expect(NameValidation.isValidLabelValue("").isEmpty)
        #expect(NameValidation.isValidLabelValue("my_value.1").isEmpty)
        #expect(NameValidation.isValidLabelValue("a b") == ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"])
    }

    @Test func labelsAsFieldErrors() {
        let errors = NameValidation.validateLabels(["app": "web", "bad key": "x", "tier": "-x"], path: "metadata.labels")
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.field == "metadata.labels" })
        #expect(errors[0].description.hasPrefix("metadata.labels: Invalid value: \"bad key\": name part must consist"))
        #expect(errors[1].value == "-x")
    }

    @Test func annotations() {
        #expect(NameValidation.validateAnnotations(["Kubectl.Kubernetes.io/Last": "{}"], path: "metadata.annotations").isEmpty)
        let big = JSON.object(["a": .string(String(repeating: "x", count: 262_144))])
        #expect(NameValidation.validateAnnotations(big, path: "metadata.annotations").map(\.description)
            == ["metadata.annotations: Too long: must have at most 262144 bytes"])
    }

    @Test func generatedNames() {
        var generator = SeededGenerator(seed: 42)
        let suffix = NameValidation.generateNameSuffix(using: &generator)
        #expect(suffix.count == 5)
        #expect(suffix.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
        var again = SeededGenerator(seed: 42)
        #expect(NameValidation.generateNameSuffix(using: &again) == suffix)
        #expect(NameValidation.generateNameSuffix().count == 5)
        let long = NameValidation.generateName(prefix: String(repeating: "p", count: 70), using: &generator)
        #expect(long.count == 63)
        #expect(NameValidation.isDNS1123Label(long).isEmpty)
    }
}

/// A deterministic generator (SplitMix64) for tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
