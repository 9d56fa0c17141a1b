import APIMachinery
import Testing
@testable import Resources

struct WorkloadTests {
    func workload(kind: String) -> JSON {
        var object = webStatefulSet
        object["kind"] = .string(kind)
        object["spec"].removeValue(forKey: "serviceName")
        return object
    }

    @Test func deploymentDefaults() {
        let deployment = created(with(workload(kind: "Deployment"), ["spec", "replicas"], .null), by: DeploymentStrategy())
        let spec = deployment["spec"]
        #expect(spec["replicas"] == 1)
        #expect(spec["strategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
        #expect(spec["revisionHistoryLimit"] == 10)
        #expect(spec["progressDeadlineSeconds"] == 600)
        #expect(spec["template"]["spec"]["restartPolicy"] == "Always")
        #expect(DeploymentStrategy().validate(deployment).isEmpty)
    }

    static let deploymentRules: [([String], JSON, String)] = [
        (["spec", "replicas"], -1, "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
        (["spec", "strategy"], ["type": "Sometimes"], "spec.strategy: Unsupported value: \"Sometimes\": supported values: \"Recreate\", \"RollingUpdate\""),
        (["spec", "strategy"], ["type": "Recreate", "rollingUpdate": ["maxSurge": 1]],
         "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"),
        (["spec", "strategy", "rollingUpdate"], ["maxUnavailable": 0, "maxSurge": 0],
         "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"),
        (["spec", "selector"], [:], "spec.selector: Invalid value: {}: empty selector is invalid for deployment"),
        (["spec", "template", "spec", "activeDeadlineSeconds"], 5,
         "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"),
    ]

    @Test(arguments: deploymentRules)
    func deploymentValidation(path: [String], value: JSON, expected: String) {
        let strategy = DeploymentStrategy()
        let errors = strategy.validate(with(created(workload(kind: "Deployment"), by: strategy), path, value))
        #expect(errors.map(\.description) == [expected])
    }

    @Test(arguments: [DeploymentStrategy() as any ResourceStrategy, ReplicaSetStrategy(), DaemonSetStrategy()])
    func selectorIsImmutable(strategy: any ResourceStrategy) {
        let old = created(workload(kind: "Any"), by: strategy)
        var new = with(old, ["spec", "selector", "matchLabels", "tier"], "web")
        new[path: ["spec", "template", "metadata", "labels", "tier"]] = "web"
        let errors = strategy.validateUpdate(new, old: old)
        #expect(errors.map(\.description) == ["spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"nginx\",\"tier\":\"web\"}}: field is immutable"])
    }

    @Test func daemonSetAndReplicaSetDefaults() {
        let daemonSet = created(workload(kind: "DaemonSet"), by: DaemonSetStrategy())
        #expect(daemonSet["spec"]["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0]])
        #expect(daemonSet["spec"]["revisionHistoryLimit"] == 10)
        let replicaSet = created(with(workload(kind: "ReplicaSet"), ["spec", "replicas"], .null), by: ReplicaSetStrategy())
        #expect(replicaSet["spec"]["replicas"] == 1)
        #expect(replicaSet["status"] == ["replicas": 0])
    }

    @Test func controllerRevisionRules() {
        let strategy = ControllerRevisionStrategy()
        let revision: JSON = ["metadata": ["name": "web-abc"], "data": ["spec": [:]], "revision": 1]
        #expect(strategy.validate(revision).isEmpty)
        #expect(strategy.validate(with(revision, ["revision"], -1)).map(\.description) == ["revision: Invalid value: -1: must be greater than or equal to 0"])
        #expect(strategy.validate(with(revision, ["data"], .null)).map(\.description) == ["data: Required value: data is mandatory"])
        #expect(strategy.validateUpdate(with(revision, ["data"], ["x": 1]), old: revision).map(\.field) == ["data"])
    }

    @Test func appsKindsAreRegistered() {
        #expect(AppsKinds.all.map(\.resource) == ["statefulsets", "deployments", "replicasets", "daemonsets", "controllerrevisions", "pods"])
    }
}
