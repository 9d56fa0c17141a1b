import APIMachinery
import Testing
@testable import Resources

struct PodTests {
    let strategy = PodStrategy()

    func pod(_ containers: JSON) -> JSON {
        ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web-0"], "spec": ["containers": containers]]
    }

    static let qosCases: [(JSON, String)] = [
        ([:], "BestEffort"),
        (["requests": ["cpu": "100m"]], "Burstable"),
        (["limits": ["cpu": "500m", "memory": "128Mi"]], "Guaranteed"),
        (["limits": ["cpu": "0.5", "memory": "128Mi"], "requests": ["cpu": "500m", "memory": "134217728"]], "Guaranteed"),
        (["limits": ["cpu": 1, "memory": "1Gi"], "requests": ["cpu": "250m"]], "Burstable"),
        (["limits": ["cpu": 1]], "Burstable"),
    ]

    @Test(arguments: qosCases)
    func qosClassOnCreate(resources: JSON, expected: String) {
        let created = created(pod([["name": "app", "image": "nginx", "resources": resources]]), by: strategy)
        #expect(created["status"] == ["phase": "Pending", "qosClass": .string(expected)])
    }

    @Test func podOnlyDefaults() {
        let created = created(pod([["name": "app", "image": "nginx", "resources": ["limits": ["cpu": "1"]]]]), by: strategy)
        #expect(created["spec"]["enableServiceLinks"] == true)
        #expect(created["spec"]["containers"].arrayValue?.first?["resources"]["requests"] == ["cpu": "1"])
        #expect(created["spec"]["containers"].arrayValue?.first?["imagePullPolicy"] == "Always")
    }

    static let pullPolicies: [(String, String)] = [
        ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.27", "IfNotPresent"),
        ("localhost:5000/nginx", "Always"), ("localhost:5000/nginx:1.0", "IfNotPresent"),
        ("nginx@sha256:abc", "IfNotPresent"),
    ]

    @Test(arguments: pullPolicies)
    func imagePullPolicyDefault(image: String, expected: String) {
        #expect(PodDefaults.defaultPullPolicy(image: image) == expected)
    }

    @Test func probeDefaults() {
        var spec: JSON = ["containers": [["name": "app", "image": "nginx", "readinessProbe": ["httpGet": ["port": 80]]]]]
        PodDefaults.apply(toPodSpec: &spec)
        #expect(spec["containers"].arrayValue?.first?["readinessProbe"] == [
            "httpGet": ["port": 80, "path": "/", "scheme": "HTTP"],
            "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3,
        ])
    }

    static let specRules: [(JSON, [String])] = [
        ([["name": "Bad_Name", "image": "nginx"]], ["spec.containers[0].name: Invalid value: \"Bad_Name\": " + NameValidation.dns1123LabelErrorMessage]),
        ([["name": "a", "image": "nginx"], ["name": "a", "image": "nginx"]], ["spec.containers[1].name: Duplicate value: \"a\""]),
        ([["image": "nginx"]], ["spec.containers[0].name: Required value"]),
        ([["name": "a"]], ["spec.containers[0].image: Required value"]),
        ([["name": "a", "image": "nginx", "ports": [["containerPort": 70000]]]],
         ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]),
    ]

    @Test(arguments: specRules)
    func podSpecValidation(containers: JSON, expected: [String]) {
        let errors = strategy.validate(created(pod(containers), by: strategy))
        #expect(errors.map(\.description) == expected)
    }

    static let updates: [([String], JSON, Bool)] = [
        (["spec", "containers"], [["name": "app", "image": "nginx:1.27", "imagePullPolicy": "Always"]], true),
        (["spec", "activeDeadlineSeconds"], 30, true),
        (["spec", "tolerations"], [["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"]], true),
        (["spec", "nodeName"], "node-2", false),
        (["spec", "containers"], [["name": "app", "image": "nginx", "ports": [["containerPort": 8080]]]], false),
    ]

    @Test(arguments: updates)
    func podUpdateRules(path: [String], value: JSON, allowed: Bool) {
        var base = pod([["name": "app", "image": "nginx"]])
        base[path: ["spec", "tolerations"]] = [["key": "a", "operator": "Exists"]]
        base[path: ["spec", "activeDeadlineSeconds"]] = 60
        let old = created(base, by: strategy)
        var new = with(old, path, value)
        strategy.applyDefaults(to: &new)
        let errors = strategy.validateUpdate(new, old: old)
        if allowed {
            #expect(errors.isEmpty)
        } else {
            #expect(errors.count == 1)
            #expect(errors.first?.field == "spec")
            #expect(errors.first?.detail.hasPrefix(PodUpdateValidation.forbiddenMessage) == true)
        }
    }

    @Test func removingATolerationOrRaisingTheDeadlineIsRejected() {
        var base = pod([["name": "app", "image": "nginx"]])
        base[path: ["spec", "tolerations"]] = [["key": "a", "operator": "Exists"]]
        base[path: ["spec", "activeDeadlineSeconds"]] = 60
        let old = created(base, by: strategy)
        var new = with(old, ["spec", "tolerations"], [])
        new[path: ["spec", "activeDeadlineSeconds"]] = 120
        #expect(strategy.validateUpdate(new, old: old).map(\.description) == [
            "spec.activeDeadlineSeconds: Invalid value: 120: must be less than or equal to previous value",
            "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
        ])
    }
}
