import Testing
import APIMachinery

@Suite struct LabelSelectorTests {
    struct Case: Sendable, CustomStringConvertible {
        var selector: String
        var labels: [String: String]
        var matches: Bool
        var description: String { "\(selector) on \(labels)" }
    }

    static let cases: [Case] = [
        Case(selector: "", labels: [:], matches: true),
        Case(selector: "app=web", labels: ["app": "web"], matches: true),
        Case(selector: "app==web", labels: ["app": "db"], matches: false),
        Case(selector: "app!=web", labels: [:], matches: true),
        Case(selector: "app!=web", labels: ["app": "web"], matches: false),
        Case(selector: "tier in (a, b)", labels: ["tier": "b"], matches: true),
        Case(selector: "tier in (a,b)", labels: [:], matches: false),
        Case(selector: "tier notin (a,b)", labels: [:], matches: true),
        Case(selector: "tier notin (a,b)", labels: ["tier": "a"], matches: false),
        Case(selector: "app", labels: ["app": ""], matches: true),
        Case(selector: "!app", labels: ["app": ""], matches: false),
        Case(selector: " app = web , !canary ", labels: ["app": "web"], matches: true),
        Case(selector: "app=web,!canary", labels: ["app": "web", "canary": "1"], matches: false),
        Case(selector: "app=", labels: ["app": ""], matches: true),
        Case(selector: "replicas>2", labels: ["replicas": "3"], matches: true),
        Case(selector: "replicas<2", labels: ["replicas": "x"], matches: false),
        Case(selector: "x in (in,notin)", labels: ["x": "notin"], matches: true),
        Case(selector: "example.com/app=web", labels: ["example.com/app": "web"], matches: true),
    ]

    @Test(arguments: cases)
    func matching(_ c: Case) throws {
        #expect(try LabelSelector(parsing: c.selector).matches(c.labels) == c.matches)
    }

    @Test(arguments: [
        ("tier in (b,a),app=web", "app=web,tier in (a,b)"),
        ("!b,a", "a,!b"),
        ("a==1,b!=2,c notin (x)", "a==1,b!=2,c notin (x)"),
        ("", ""),
    ])
    func canonicalForm(_ input: String, _ canonical: String) throws {
        #expect(try LabelSelector(parsing: input).description == canonical)
    }

    @Test(arguments: [
        ("app=a b", "found 'b', expected: ',' or 'end of string'"),
        ("app in a", "unable to parse requirement: found 'a', expected: '('"),
        ("app in ()", "unable to parse requirement: values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
        ("app=web,", "found '', expected: identifier after ','"),
        (",app", "found ',', expected: !, identifier, or 'end of string'"),
        ("app=-x", "unable to parse requirement: values[0][app]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        ("a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"),
        ("!a=b", "found '=', expected: ',' or 'end of string'"),
    ])
    func parseErrors(_ input: String, _ message: String) {
        #expect(throws: StatusError.badRequest(message)) { try LabelSelector(parsing: input) }
    }

    @Test func badKeyIsReported() {
        #expect {
            try LabelSelector(parsing: "-bad=x")
        } throws: { error in
            let status = error as? StatusError
            return status?.code == 400 && status?.message.hasPrefix("unable to parse requirement: key: Invalid value: \"-bad\": name part must consist") == true
        }
    }

    @Test func fromObject() throws {
        let json: JSON = ["matchLabels": ["app": "nginx"],
                          "matchExpressions": [["key": "tier", "operator": "In", "values": ["b", "a"]],
                                               ["key": "canary", "operator": "DoesNotExist"]]]
        let selector = try LabelSelector(json: json)
        #expect(selector.description == "app=nginx,!canary,tier in (a,b)")
        #expect(selector.matches(["app": "nginx", "tier": "a"]))
        #expect(!selector.matches(["app": "nginx", "tier": "a", "canary": "y"]))
        #expect(!selector.isEmpty)
    }

    @Test func emptyAndNullSelectors() throws {
        let everything = try LabelSelector(json: [:])
        #expect(everything.isEmpty && everything.matches([:]))
        let nothing = try LabelSelector(json: nil)
        #expect(!nothing.isEmpty && !nothing.matches([:]) && nothing.description == "")
        #expect(throws: StatusError.badRequest("\"Gt\" is not a valid label selector operator")) {
            try LabelSelector(json: ["matchExpressions": [["key": "a", "operator": "Gt", "values": ["1"]]]])
        }
    }

    @Test func validation() {
        let json: JSON = ["matchLabels": ["app": "-x"],
                          "matchExpressions": [["key": "a", "operator": "In"],
                                               ["key": "b", "operator": "Exists", "values": ["v"]],
                                               ["key": "c", "operator": "Gt", "values": ["1"]]]]
        let errors = LabelSelector.validate(json, path: "spec.selector").map(\.description)
        #expect(errors.count == 4)
        #expect(errors[0].hasPrefix("spec.selector.matchLabels: Invalid value: \"-x\": a valid label must be"))
        #expect(errors[1] == "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'")
        #expect(errors[2] == "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
        #expect(errors[3] == "spec.selector.matchExpressions[2].operator: Invalid value: \"Gt\": not a valid selector operator")
        #expect(LabelSelector.validate(["matchLabels": ["app": "web"]], path: "spec.selector").isEmpty)
    }
}
