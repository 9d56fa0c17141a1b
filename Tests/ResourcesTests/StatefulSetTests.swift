import APIMachinery
import Testing
@testable import Resources

struct StatefulSetTests {
    let strategy = StatefulSetStrategy()

    @Test func defaultsOfTheWebExample() {
        let web = created(webStatefulSet, by: strategy)
        let spec = web["spec"]
        #expect(spec["replicas"] == 2)
        #expect(spec["podManagementPolicy"] == "OrderedReady")
        #expect(spec["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
        #expect(spec["revisionHistoryLimit"] == 10)
        #expect(spec["persistentVolumeClaimRetentionPolicy"] == ["whenDeleted": "Retain", "whenScaled": "Retain"])
        let pod = spec["template"]["spec"]
        #expect(pod["restartPolicy"] == "Always")
        #expect(pod["terminationGracePeriodSeconds"] == 30)
        #expect(pod["dnsPolicy"] == "ClusterFirst")
        #expect(pod["schedulerName"] == "default-scheduler")
        #expect(pod["securityContext"] == [:])
        #expect(pod["enableServiceLinks"].isNull)
        let container = pod["containers"].arrayValue?.first ?? .null
        #expect(container["imagePullPolicy"] == "IfNotPresent")
        #expect(container["terminationMessagePath"] == "/dev/termination-log")
        #expect(container["terminationMessagePolicy"] == "File")
        #expect(container["resources"] == [:])
        #expect(container["ports"] == [["containerPort": 80, "name": "web", "protocol": "TCP"]])
        #expect(web["status"] == ["replicas": 0, "availableReplicas": 0])
        #expect(strategy.validate(web).isEmpty)
    }

    @Test func defaultsAreIdempotent() {
        var twice = created(webStatefulSet, by: strategy)
        strategy.applyDefaults(to: &twice)
        #expect(twice == created(webStatefulSet, by: strategy))
    }

    @Test func rollingUpdateTypeWithoutParametersKeepsThemAbsent() {
        let web = created(with(webStatefulSet, ["spec", "updateStrategy"], ["type": "RollingUpdate"]), by: strategy)
        #expect(web["spec"]["updateStrategy"] == ["type": "RollingUpdate"])
    }

    static let rules: [([String], JSON, String)] = [
        (["spec", "replicas"], -1, "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
        (["spec", "minReadySeconds"], -1, "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"),
        (["spec", "ordinals", "start"], -2, "spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0"),
        (["spec", "podManagementPolicy"], "Sometimes", "spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'"),
        (["spec", "updateStrategy"], ["type": "Later"], "spec.updateStrategy: Invalid value: {\"type\":\"Later\"}: must be 'RollingUpdate' or 'OnDelete'"),
        (["spec", "updateStrategy"], ["type": "OnDelete", "rollingUpdate": ["partition": 1]],
         "spec.updateStrategy.rollingUpdate: Invalid value: {\"partition\":1}: only allowed for updateStrategy 'RollingUpdate'"),
        (["spec", "updateStrategy", "rollingUpdate", "partition"], -1,
         "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"),
        (["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], 0,
         "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0"),
        (["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], "150%",
         "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be greater than 100%"),
        (["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"], "Keep",
         "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\""),
        (["spec", "persistentVolumeClaimRetentionPolicy", "whenScaled"], "Keep",
         "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\""),
        (["spec", "selector"], .null, "spec.selector: Required value"),
        (["spec", "selector"], [:], "spec.selector: Invalid value: {}: empty selector is invalid for statefulset"),
        (["spec", "template", "metadata", "labels"], ["app": "other"],
         "spec.template.metadata.labels: Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`"),
        (["spec", "template", "spec", "restartPolicy"], "Never",
         "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
        (["spec", "template", "spec", "activeDeadlineSeconds"], 10,
         "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"),
        (["spec", "template", "spec", "containers"], [], "spec.template.spec.containers: Required value"),
    ]

    @Test(arguments: rules)
    func validationRule(path: [String], value: JSON, expected: String) {
        let errors = strategy.validate(with(created(webStatefulSet, by: strategy), path, value))
        #expect(errors.map(\.description) == [expected])
    }

    static let immutableChanges: [([String], JSON)] = [
        (["spec", "selector"], ["matchLabels": ["app": "nginx", "tier": "web"]]),
        (["spec", "serviceName"], "other"),
        (["spec", "podManagementPolicy"], "Parallel"),
        (["spec", "volumeClaimTemplates"], [["metadata": ["name": "www"]]]),
    ]

    @Test(arguments: immutableChanges)
    func immutableFieldChange(path: [String], value: JSON) {
        let old = created(webStatefulSet, by: strategy)
        var new = with(old, path, value)
        new[path: ["spec", "template", "metadata", "labels", "tier"]] = "web"
        let errors = strategy.validateUpdate(new, old: old)
        #expect(errors.map(\.description) == ["spec: Forbidden: " + StatefulSetStrategy.forbiddenUpdateMessage])
        #expect(StatefulSetStrategy.forbiddenUpdateMessage.hasPrefix("updates to statefulset spec for fields other than 'replicas', 'ordinals'"))
    }

    @Test func mutableFieldsMayChange() {
        let old = created(webStatefulSet, by: strategy)
        var new = with(old, ["spec", "replicas"], 5)
        new[path: ["spec", "template", "spec", "containers"]] = [["name": "nginx", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent"]]
        new[path: ["spec", "updateStrategy"]] = ["type": "OnDelete"]
        #expect(strategy.validateUpdate(new, old: old).isEmpty)
    }

    static let statusRules: [(JSON, JSON, [String])] = [
        (["replicas": 2, "readyReplicas": 2, "availableReplicas": 1], .null, []),
        (["replicas": 0, "observedGeneration": -1], .null,
         ["status.observedGeneration: Invalid value: -1: must be greater than or equal to 0"]),
        (["replicas": 1, "readyReplicas": 2, "availableReplicas": 0], .null,
         ["status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas"]),
        (["replicas": 2, "readyReplicas": 1, "availableReplicas": 2], .null,
         ["status.availableReplicas: Invalid value: 2: cannot be greater than status.readyReplicas"]),
        (["replicas": 1, "currentReplicas": 3, "updatedReplicas": 3], .null,
         ["status.currentReplicas: Invalid value: 3: cannot be greater than status.replicas",
          "status.updatedReplicas: Invalid value: 3: cannot be greater than status.replicas"]),
        (["replicas": 0, "collisionCount": 1], ["collisionCount": 2],
         ["status.collisionCount: Invalid value: 1: cannot be decremented"]),
    ]

    @Test(arguments: statusRules)
    func statusValidation(status: JSON, oldStatus: JSON, expected: [String]) {
        let old = with(webStatefulSet, ["status"], oldStatus)
        let errors = strategy.validateStatusUpdate(with(webStatefulSet, ["status"], status), old: old)
        #expect(errors.map(\.description) == expected)
    }
}
