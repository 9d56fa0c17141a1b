import APIMachinery
import Foundation
import Testing
@testable import KubeProtobuf

/// Request bodies captured from kubectl 1.32 (see Fixtures/README.md): each `NAME.pb` is what a generator
/// command sent, and `NAME.json` is what the same command printed with `--dry-run=client -o json`, i.e.
/// Go's own JSON for the same object. Decoding the bytes must give that JSON.
enum KubectlFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".pb") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func bytes(_ name: String, _ suffix: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name + suffix)))
    }

    /// Go writes a zero `metav1.Time` as null; the decoder leaves such fields out. Nulls are dropped on both sides.
    static func withoutNulls(_ value: JSON) -> JSON {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, item) in object where !item.isNull { result[key] = withoutNulls(item) }
            return .object(result)
        case .array(let items): return .array(items.map(withoutNulls))
        default: return value
        }
    }
}

@Test func fixturesArePresent() {
    #expect(KubectlFixtures.names.count >= 8, "fixtures: \(KubectlFixtures.names)")
}

@Test(arguments: KubectlFixtures.names)
func decodesWhatKubectlSent(_ name: String) throws {
    let decoded = try ProtobufObjectDecoder.decode(try KubectlFixtures.bytes(name, ".pb"))
    var expected = try JSON.parse(try KubectlFixtures.bytes(name, ".json"))
    // The dry run prints no namespace for namespaced objects; the request carries it in the URL (and,
    // for some generators, in the body).
    if decoded["metadata"]["namespace"].isNull { expected["metadata"].removeValue(forKey: "namespace") }
    else if expected["metadata"]["namespace"].isNull { expected["metadata"]["namespace"] = decoded["metadata"]["namespace"] }
    #expect(KubectlFixtures.withoutNulls(decoded).isEquivalent(to: KubectlFixtures.withoutNulls(expected)),
            "\(name): decoded \(decoded.encodedString)\nexpected \(expected.encodedString)")
}

/// Every truncation and every single-byte corruption of a real body either decodes or throws a
/// `ProtobufError`; nothing traps. A body cut inside the object's bytes is always an error.
@Test(arguments: KubectlFixtures.names)
func damagedFixturesNeverTrap(_ name: String) throws {
    let body = try KubectlFixtures.bytes(name, ".pb")
    let raw = try Envelope(body).raw
    for length in 0..<body.count {
        let prefix = Array(body[0..<length])
        if raw.contains(length) {
            #expect(throws: ProtobufError.self) { try ProtobufObjectDecoder.decode(prefix) }
        } else {
            do { _ = try ProtobufObjectDecoder.decode(prefix) } catch is ProtobufError {}
        }
    }
    for index in body.indices {
        for replacement: UInt8 in [0x00, 0xFF, body[index] ^ 0x80] {
            var damaged = body
            damaged[index] = replacement
            do { _ = try ProtobufObjectDecoder.decode(damaged) } catch is ProtobufError {}
        }
    }
}
