import Testing
import APIMachinery
@testable import Resources

@Test(arguments: [
    ("PersistentVolumeClaim", ["spec": coreClaimSpec], ["spec": coreClaimSpec.withKeys(["accessModes": ["ReadWriteMany"]])],
     "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"),
    ("PersistentVolumeClaim", ["spec": coreClaimSpec], ["spec": coreClaimSpec.withKeys(["resources": ["requests": ["storage": "512Mi"]]])],
     "spec.resources.requests.storage: Forbidden: field can not be less than previous value"),
    ("PersistentVolume", ["spec": coreVolumeSpec], ["spec": coreVolumeSpec.withKeys(["hostPath": ["path": "/other"]])],
     "spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation"),
    ("Service", ["spec": ["clusterIP": "10.96.0.10", "ports": [["port": 80]]]], ["spec": ["clusterIP": "10.96.0.11", "ports": [["port": 80]]]],
     #"spec.clusterIP: Invalid value: "10.96.0.11": field is immutable"#),
    ("ConfigMap", ["data": ["a": "1"], "immutable": true], ["data": ["a": "2"], "immutable": true],
     "data: Forbidden: field is immutable when `immutable` is set"),
    ("ConfigMap", ["data": ["a": "1"], "immutable": true], ["data": ["a": "1"]],
     "immutable: Forbidden: field is immutable when `immutable` is set"),
    ("Secret", ["data": ["a": "MQ=="], "immutable": true], ["stringData": ["a": "2"], "immutable": true],
     "data: Forbidden: field is immutable when `immutable` is set"),
    ("Secret", ["type": "Opaque"], ["type": "ordinal.dev/other"], #"type: Invalid value: "ordinal.dev/other": field is immutable"#),
    ("StorageClass", ["provisioner": "a"], ["provisioner": "b"], "provisioner: Forbidden: updates to provisioner are forbidden."),
    ("StorageClass", ["provisioner": "a", "parameters": ["x": "1"]], ["provisioner": "a", "parameters": ["x": "2"]],
     "parameters: Forbidden: updates to parameters are forbidden."),
    ("StorageClass", ["provisioner": "a"], ["provisioner": "a", "volumeBindingMode": "WaitForFirstConsumer"],
     #"volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable"#),
    ("EndpointSlice", ["addressType": "IPv4", "endpoints": []], ["addressType": "IPv6", "endpoints": []],
     #"addressType: Invalid value: "IPv6": field is immutable"#),
] as [(String, JSON, JSON, String)])
func forbiddenUpdates(kind: String, old: JSON, new: JSON, message: String) {
    let errors = updateErrors(coreKind(kind), old: old, new: new)
    #expect(errors.contains(message), "\(errors)")
}

@Test(arguments: [
    ("PersistentVolumeClaim", ["spec": coreClaimSpec], ["spec": coreClaimSpec.withKeys(["resources": ["requests": ["storage": "2Gi"]]])]),
    ("PersistentVolumeClaim", ["spec": coreClaimSpec], ["spec": coreClaimSpec.withKeys(["volumeName": "pvc-1", "storageClassName": "standard"])]),
    ("Service", ["spec": ["clusterIP": "10.96.0.10", "ports": [["port": 80]]]], ["spec": ["ports": [["port": 80]]]]),
    ("ConfigMap", ["data": ["a": "1", "b": "2"], "immutable": true], ["data": ["b": "2", "a": "1"], "immutable": true]),
    ("ConfigMap", ["data": ["a": "1"]], ["data": ["a": "2"]]),
    ("StorageClass", ["provisioner": "a"], ["provisioner": "a", "allowVolumeExpansion": true]),
    ("Namespace", [:], ["spec": ["finalizers": []]]),
] as [(String, JSON, JSON)])
func allowedUpdates(kind: String, old: JSON, new: JSON) {
    #expect(updateErrors(coreKind(kind), old: old, new: new) == [])
}

@Test func serviceUpdateWithoutClusterIPKeepsTheStoredOne() {
    let stored = created(.service, ["spec": ["clusterIP": "10.96.0.10", "ports": [["port": 80]]]])
    var update: JSON = ["spec": ["ports": [["port": 80]]]]
    ServiceStrategy().prepareForUpdate(&update, old: stored)
    #expect(update["spec"]["clusterIP"] == "10.96.0.10")
}

@Test func namespaceUpdateKeepsStoredFinalizers() {
    let stored = created(.namespace, [:])
    var update: JSON = ["spec": ["finalizers": []]]
    NamespaceStrategy().prepareForUpdate(&update, old: stored)
    #expect(update["spec"]["finalizers"] == ["kubernetes"])
}
