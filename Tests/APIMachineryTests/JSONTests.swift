import Testing
import APIMachinery

@Test func parsesAndEncodesRoundTrip() throws {
    let text = #"{"a":1,"b":[true,null,"x\n"],"c":{"d":-2.5}}"#
    let value = try JSON.parse(text)
    #expect(value.encodedString == text)
    #expect(value["c"]["d"] == .double(-2.5))
}
