import Testing
import APIMachinery

@Test(arguments: [
    ("1Gi", "1073741824"), ("500Mi", "524288000"), ("10G", "10000000000"), ("1.5Gi", "1610612736"),
    ("100m", "0.1"), ("1e3", "1000"), ("1E-2", "10m"), (".5", "500m"), ("5.", "5"), ("+2k", "2000"),
    ("1024Ki", "1Mi"), ("0.001", "1m"), ("1Ei", "1152921504606846976"), ("-1", "-1000m"), ("0", "0Gi"),
])
func quantitiesEqualTheirExpansion(text: String, equivalent: String) throws {
    let quantity = try #require(Quantity(text))
    let other = try #require(Quantity(equivalent))
    #expect(quantity == other)
    #expect(quantity.text == text)
}

@Test(arguments: ["", "Gi", "1 Gi", "1GB", "1.2.3", "abc", "1e", "1Gii", "--1", "1e1.5", "0x10"])
func malformedQuantitiesAreRejected(text: String) {
    #expect(Quantity(text) == nil)
}

@Test(arguments: [("1Gi", "2Gi"), ("1000Mi", "1Gi"), ("1G", "1Gi"), ("100m", "1"), ("-1", "0"), ("-2", "-1"), ("1.5Gi", "1537Mi")])
func quantitiesOrderByValue(smaller: String, larger: String) throws {
    let a = try #require(Quantity(smaller)), b = try #require(Quantity(larger))
    #expect(a < b)
    #expect(!(b < a))
}

@Test func quantitiesFromJSONNumbers() {
    #expect(Quantity(json: 5) == Quantity("5"))
    #expect(Quantity(json: 1.5) == Quantity("1500m"))
    #expect(Quantity(json: true) == nil)
}
