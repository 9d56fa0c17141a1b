import Testing
import APIMachinery

/// `semanticallyEquals` compares in place; it must agree with comparing the normalized values, which is
/// what it means.
@Suite struct SemanticEqualityTests {
    static let values: [JSON] = [
        .null, [], [:], ["a": .null], ["a": []], ["a": [:]], ["a": ["b": [:]]], 1, 1.0, 1.5, 0, "1", "", true, false,
        [1], [1.0], [.null], [[:]], [[], 1], ["a": 1], ["a": 1.0], ["a": 1, "b": .null], ["b": .null, "a": 1],
        ["a": 1, "b": 2], ["b": 2, "a": 1], ["a": [1, 2]], ["a": [2, 1]], ["a": ["x": [:], "y": 1]], ["a": ["y": 1.0]],
        [["a": .null]], [["a": 1]], ["a": [["b": []]]],
    ]

    /// The definition: normalize both, then compare with key order ignored.
    static func reference(_ a: JSON, _ b: JSON) -> Bool {
        switch (a.semanticallyNormalized, b.semanticallyNormalized) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { reference(value, $0) } ?? false }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { reference($0, $1) }
        case (let x, let y):
            return x == y
        }
    }

    @Test func agreesWithComparingNormalizedValues() {
        for a in Self.values {
            for b in Self.values {
                #expect(a.semanticallyEquals(b) == Self.reference(a, b), "\(a.encodedString) vs \(b.encodedString)")
            }
        }
    }

    @Test func absentEmptyAndNullFieldsAreEqual() {
        let stored: JSON = ["spec": ["replicas": 2, "paused": .null, "selector": [:]]]
        #expect(stored.semanticallyEquals(["spec": ["replicas": 2.0]]))
        #expect(!stored.semanticallyEquals(["spec": ["replicas": 3]]))
    }
}
