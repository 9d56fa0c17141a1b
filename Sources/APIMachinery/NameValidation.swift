/// Kubernetes' name, label and annotation rules (`k8s.io/apimachinery/pkg/util/validation`).
///
/// Each `is…` check returns the messages Kubernetes gives for a bad value, in Kubernetes' wording; an empty list
/// means the value is valid. Lengths are counted in UTF-8 bytes, as Go counts them.
public enum NameValidation {
    public static let dns1123LabelMaxLength = 63
    public static let dns1123SubdomainMaxLength = 253
    public static let dns1035LabelMaxLength = 63
    public static let qualifiedNameMaxLength = 63
    public static let labelValueMaxLength = 63
    /// The limit on all annotations of an object together, keys and values (256 KiB).
    public static let totalAnnotationSizeLimit = 262_144

    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFormat = dns1123LabelFormat + "(\\." + dns1123LabelFormat + ")*"
    static let dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueFormat = "(" + qualifiedNameFormat + ")?"

    /// The message for a value that is not a DNS-1123 label.
    public static let dns1123LabelErrorMessage = regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        dns1123LabelFormat, examples: ["my-name", "123-abc"])

    /// A DNS-1123 label (StatefulSet and Namespace names): at most 63 of `[a-z0-9-]`, alphanumeric at both ends.
    public static func isDNS1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { errors.append(maxLengthError(dns1123LabelMaxLength)) }
        if !matchesDNS1123Label(value.utf8) {
            if matchesDNS1123Subdomain(value) {
                errors.append("must not contain dots")
            } else {
                errors.append(dns1123LabelErrorMessage)
            }
        }
        return errors
    }

    /// A DNS-1123 subdomain (Pod, ConfigMap names; label key prefixes): dot-separated labels, at most 253 bytes.
    public static func isDNS1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength { errors.append(maxLengthError(dns1123SubdomainMaxLength)) }
        if !matchesDNS1123Subdomain(value) {
            errors.append(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                                     dns1123SubdomainFormat, examples: ["example.com"]))
        }
        return errors
    }

    /// A DNS-1035 label (Service names): like a DNS-1123 label but starting with a letter.
    public static func isDNS1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1035LabelMaxLength { errors.append(maxLengthError(dns1035LabelMaxLength)) }
        let bytes = Array(value.utf8)
        if !(matchesDNS1123Label(value.utf8) && bytes.first.map(isLowerLetter) == true) {
            errors.append(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                                     dns1035LabelFormat, examples: ["my-name", "abc-123"]))
        }
        return errors
    }

    /// A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 bytes.
    public static func isQualifiedName(_ value: String) -> [String] {
        let nameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        let nameExamples = ["MyName", "my.name", "123-abc"]
        var errors: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += isDNS1123Subdomain(String(parts[0])).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + regexError(nameMessage, qualifiedNameFormat, examples: nameExamples)
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > qualifiedNameMaxLength {
            errors.append("name part " + maxLengthError(qualifiedNameMaxLength))
        }
        if !matchesQualifiedName(name.utf8) {
            errors.append("name part " + regexError(nameMessage, qualifiedNameFormat, examples: nameExamples))
        }
        return errors
    }

    /// A label value: empty, or at most 63 bytes of the qualified-name pattern.
    public static func isValidLabelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > labelValueMaxLength { errors.append(maxLengthError(labelValueMaxLength)) }
        if !value.isEmpty && !matchesQualifiedName(value.utf8) {
            errors.append(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                                     labelValueFormat, examples: ["MyValue", "my_value", "12345"]))
        }
        return errors
    }

    /// `must be no more than 63 characters`
    public static func maxLengthError(_ length: Int) -> String { "must be no more than \(length) characters" }

    /// Kubernetes' rendering of a pattern failure: the rule, examples, then the regex.
    static func regexError(_ message: String, _ format: String, examples: [String]) -> String {
        guard !examples.isEmpty else { return message + " (regex used for validation is '" + format + "')" }
        let listed = examples.map { "'\($0)', " }.joined(separator: " or ")
        return message + " (e.g. " + listed + "regex used for validation is '" + format + "')"
    }
}

extension NameValidation {
    static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerLetter(byte) || isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func matchesDNS1123Label<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        let edge = { (b: UInt8) in isLowerLetter(b) || isDigit(b) }
        guard let first = bytes.first, let last = bytes.reversed().first, edge(first), edge(last) else { return false }
        return bytes.allSatisfy { edge($0) || $0 == UInt8(ascii: "-") }
    }

    /// Labels joined by single dots.
    static func matchesDNS1123Subdomain(_ value: String) -> Bool {
        value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(matchesDNS1123Label)
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func matchesQualifiedName<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard let first = bytes.first, let last = bytes.reversed().first,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}
