import Testing
import APIMachinery

@Test func parsesAndEncodesRoundTrip() throws {
    let text = #"{"a":1,"b":[true,null,"x\n"],"c":{"d":-2.5}}"#
    let value = try JSON.parse(text)
    #expect(value.encodedString == text)
    #expect(value["c"]["d"] == .double(-2.5))
}

@Test func prettyPrintingSortsKeysIndentsAndRoundTrips() throws {
    let value = try JSON.parse(#"{"b":[1,{"z":null,"a":"x\"y"}],"a":{},"c":[],"B":true}"#)
    let expected = """
    {
      "B": true,
      "a": {},
      "b": [
        1,
        {
          "a": "x\\"y",
          "z": null
        }
      ],
      "c": []
    }

    """
    #expect(value.prettyPrinted() == expected)
    #expect(try JSON.parse(value.prettyPrinted()).isEquivalent(to: value))
}
