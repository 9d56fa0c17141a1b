import Testing
import APIMachinery

@Suite struct FieldSelectorTests {
    @Test func parsesAndMatches() throws {
        let selector = try FieldSelector(parsing: "metadata.name=web,status.phase!=Failed")
        #expect(selector.fields == ["metadata.name", "status.phase"])
        #expect(selector.requirements[1].op == .notEquals)
        let fields = ["metadata.name": "web", "status.phase": "Running"]
        #expect(selector.matches { fields[$0] })
        #expect(!selector.matches { ["metadata.name": "db"][$0] })
        #expect(selector.requiredValue(of: "metadata.name") == "web")
        #expect(selector.requiredValue(of: "status.phase") == nil)
    }

    @Test func doubleEqualsAndMissingFields() throws {
        let selector = try FieldSelector(parsing: "spec.nodeName==")
        #expect(selector.requirements == [.init(field: "spec.nodeName", op: .doubleEquals, value: "")])
        #expect(selector.matches { _ in nil })
        #expect(try FieldSelector(parsing: "").isEmpty)
    }

    @Test func escapes() throws {
        let selector = try FieldSelector(parsing: #"metadata.name=a\,b\=c\\d"#)
        #expect(selector.requirements[0].value == #"a,b=c\d"#)
        #expect(selector.description == #"metadata.name=a\,b\=c\\d"#)
    }

    @Test(arguments: [
        ("metadata.name", "invalid selector: 'metadata.name'; can't understand 'metadata.name'"),
        (#"a=b\x"#, #"invalid field selector: invalid escape sequence: \x"#),
        ("a=b=c", "invalid field selector: unescaped character in value: ="),
    ])
    func errors(_ input: String, _ message: String) {
        #expect(throws: StatusError.badRequest(message)) { try FieldSelector(parsing: input) }
    }
}
