/// A Kubernetes resource quantity (`1Gi`, `500Mi`, `10G`, `1.5Gi`, `100m`, `1e3`), held exactly.
///
/// Grammar, as the API accepts it: an optional sign, digits with at most one decimal point (`1`, `1.5`, `.5`,
/// `5.`), then at most one suffix: a binary SI suffix (`Ki Mi Gi Ti Pi Ei`, powers of 1024), a decimal SI
/// suffix (`n u m k M G T P E`), or a decimal exponent (`e3`, `E-2`). No spaces. Two quantities compare by
/// value, so `1Gi == 1024Mi` and `1500m == 1.5`.
///
/// ```swift
/// Quantity("1.5Gi")! > Quantity("1536Mi")!   // false: they are equal
/// Quantity("10 Gi")                          // nil
/// ```
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// True when the value is below zero.
    public let isNegative: Bool
    /// The magnitude as decimal digits (most significant first, no leading or trailing zeros; empty for 0)
    /// times ten to `exponent`.
    let digits: [UInt8]
    let exponent: Int

    /// The detail of the error for text that is not a quantity.
    public static let formatDetail = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    private static let binarySuffixes: [String: Int] = ["Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6]
    private static let decimalSuffixes: [String: Int] = ["n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]

    /// Parses `text`; nil when it does not follow the grammar above.
    public init?(_ text: String) {
        let chars = Array(text.utf8)
        var index = 0
        var negative = false
        if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            negative = chars[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: [UInt8] = []
        var fractionDigits = 0
        var sawPoint = false
        while index < chars.count {
            let c = chars[index]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                mantissa.append(c - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !mantissa.isEmpty else { return nil }
        let suffix = String(decoding: chars[index...], as: UTF8.self)
        var exponent = -fractionDigits
        var binaryPower = 0
        if let power = Self.binarySuffixes[suffix] {
            binaryPower = power
        } else if let power = Self.decimalSuffixes[suffix] {
            exponent += power
        } else if let power = Self.decimalExponent(suffix) {
            exponent += power
        } else {
            return nil
        }
        for _ in 0..<(binaryPower * 10) { mantissa = Self.double(mantissa) }
        (digits, self.exponent) = Self.normalized(mantissa, exponent: exponent)
        self.text = text
        self.isNegative = negative && !digits.isEmpty
    }

    /// A quantity from JSON: a string in the grammar above, or a plain number (YAML `storage: 1`).
    public init?(json: JSON) {
        switch json {
        case .string(let s): self.init(s)
        case .int(let i): self.init(String(i))
        case .double(let d) where d.isFinite: self.init(String(d).replacingExponentMarker())
        default: return nil
        }
    }

    public var isZero: Bool { digits.isEmpty }

    /// The value as a floating-point number: exact enough to add and compare requests, not to store.
    public var approximateValue: Double {
        let magnitude = digits.reduce(0.0) { $0 * 10 + Double($1) } * pow10(exponent)
        return isNegative ? -magnitude : magnitude
    }

    private func pow10(_ power: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(power) { result *= 10 }
        return power < 0 ? 1 / result : result
    }
    public var description: String { text }

    public static func == (a: Quantity, b: Quantity) -> Bool {
        a.isNegative == b.isNegative && a.digits == b.digits && (a.digits.isEmpty || a.exponent == b.exponent)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(digits)
        if !digits.isEmpty { hasher.combine(exponent) }
    }

    public static func < (a: Quantity, b: Quantity) -> Bool {
        if a.isNegative != b.isNegative { return a.isNegative }
        let order = compareMagnitude(a, b)
        return a.isNegative ? order > 0 : order < 0
    }

    /// -1, 0 or 1 as |a| is below, equal to or above |b|.
    private static func compareMagnitude(_ a: Quantity, _ b: Quantity) -> Int {
        if a.digits.isEmpty || b.digits.isEmpty { return a.digits.isEmpty ? (b.digits.isEmpty ? 0 : -1) : 1 }
        let orderA = a.digits.count + a.exponent, orderB = b.digits.count + b.exponent
        if orderA != orderB { return orderA < orderB ? -1 : 1 }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y ? -1 : 1 }
        return a.digits.count == b.digits.count ? 0 : (a.digits.count < b.digits.count ? -1 : 1)
    }

    /// `e3`, `E-2`, `e+4`: an integer power of ten; nil for anything else.
    private static func decimalExponent(_ suffix: String) -> Int? {
        guard let first = suffix.first, first == "e" || first == "E" else { return nil }
        let rest = suffix.dropFirst()
        let unsigned = rest.first == "+" || rest.first == "-" ? rest.dropFirst() : rest
        guard !unsigned.isEmpty, unsigned.count < 6, unsigned.allSatisfy(\.isASCII), unsigned.allSatisfy(\.isNumber) else { return nil }
        return Int(rest.first == "+" ? String(unsigned) : String(rest))
    }

    /// Decimal digits times two.
    private static func double(_ digits: [UInt8]) -> [UInt8] {
        var result = digits
        var carry: UInt8 = 0
        for i in result.indices.reversed() {
            let value = result[i] * 2 + carry
            result[i] = value % 10
            carry = value / 10
        }
        return carry > 0 ? [carry] + result : result
    }

    /// Strips leading zeros and moves trailing zeros into the exponent.
    private static func normalized(_ digits: [UInt8], exponent: Int) -> ([UInt8], Int) {
        guard let first = digits.firstIndex(where: { $0 != 0 }), let last = digits.lastIndex(where: { $0 != 0 }) else {
            return ([], 0)
        }
        return (Array(digits[first...last]), exponent + (digits.count - 1 - last))
    }
}

private extension String {
    /// Swift prints large doubles as `1e+20`; the quantity grammar spells that `1e20`.
    func replacingExponentMarker() -> String {
        var out = ""
        var previous: Character = " "
        for c in self {
            if c == "+" && previous == "e" { previous = c; continue }
            out.append(c)
            previous = c
        }
        return out
    }
}
