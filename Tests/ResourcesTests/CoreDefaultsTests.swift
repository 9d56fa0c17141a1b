import Testing
import APIMachinery
@testable import Resources

@Test func catalogueRegistersEveryCoreKindOnce() {
    let names = CoreKinds.all.map { "\($0.resource).\($0.group)" }
    #expect(names.count == 11)
    #expect(Set(names).count == names.count)
    #expect(CoreKinds.all.first { $0.kind == "Service" }?.categories == ["all"])
    #expect(CoreKinds.all.filter { !$0.namespaced }.map(\.kind).sorted() == ["Namespace", "Node", "PersistentVolume", "StorageClass"])
}

@Test(arguments: [
    ("Namespace", [:], ["spec", "finalizers"], ["kubernetes"] as JSON),
    ("Namespace", [:], ["status", "phase"], "Active"),
    ("PersistentVolumeClaim", ["spec": ["accessModes": ["ReadWriteOnce"]]], ["spec", "volumeMode"], "Filesystem"),
    ("PersistentVolumeClaim", [:], ["status", "phase"], "Pending"),
    ("PersistentVolume", [:], ["spec", "persistentVolumeReclaimPolicy"], "Retain"),
    ("PersistentVolume", [:], ["spec", "volumeMode"], "Filesystem"),
    ("PersistentVolume", [:], ["status", "phase"], "Pending"),
    ("Service", [:], ["spec", "type"], "ClusterIP"),
    ("Service", [:], ["spec", "sessionAffinity"], "None"),
    ("Service", [:], ["spec", "internalTrafficPolicy"], "Cluster"),
    ("Service", [:], ["spec", "ipFamilyPolicy"], "SingleStack"),
    ("Service", [:], ["spec", "ipFamilies"], ["IPv4"]),
    ("Service", ["spec": ["type": "ExternalName", "externalName": "a.b"]], ["spec", "ipFamilies"], nil),
    ("Service", ["spec": ["ports": [["port": 80]]]], ["spec", "ports"], [["port": 80, "targetPort": 80, "protocol": "TCP"]]),
    ("Service", ["spec": ["ports": [["port": 80, "targetPort": "http"]]]], ["spec", "ports"], [["port": 80, "targetPort": "http", "protocol": "TCP"]]),
    ("Endpoints", ["subsets": [["ports": [["port": 80]]]]], ["subsets"], [["ports": [["port": 80, "protocol": "TCP"]]]]),
    ("EndpointSlice", ["ports": [["port": 80]]], ["ports"], [["port": 80, "protocol": "TCP"]]),
    ("Secret", [:], ["type"], "Opaque"),
    ("Secret", ["stringData": ["user": "admin"], "data": ["user": "eA==", "b": "eQ=="]], ["data"], ["user": "YWRtaW4=", "b": "eQ=="]),
    ("Secret", ["stringData": ["user": "admin"]], ["stringData"], nil),
    ("StorageClass", ["provisioner": "p"], ["reclaimPolicy"], "Delete"),
    ("StorageClass", ["provisioner": "p"], ["volumeBindingMode"], "Immediate"),
] as [(String, JSON, [String], JSON)])
func defaults(kind: String, object: JSON, path: [String], expected: JSON) {
    let definition = coreKind(kind)
    let result = created(definition, object)
    #expect(result[path: path].semanticallyEquals(expected), "\(definition.kind) \(path): \(result[path: path].encodedString)")
    #expect(created(definition, result)[path: path] == result[path: path], "defaults are idempotent")
}

@Test func explicitValuesWin() {
    let service = created(.service, ["spec": ["type": "NodePort", "sessionAffinity": "ClientIP"]])
    #expect(service["spec"]["type"] == "NodePort")
    #expect(service["spec"]["externalTrafficPolicy"] == "Cluster")
    #expect(service[path: ["spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"]] == 10800)
    let volume = created(.persistentVolume, ["spec": ["persistentVolumeReclaimPolicy": "Delete"]])
    #expect(volume["spec"]["persistentVolumeReclaimPolicy"] == "Delete")
}
