import Testing
import APIMachinery
@testable import Resources

let coreClaimSpec: JSON = ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]
let coreVolumeSpec: JSON = ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "hostPath": ["path": "/data"]]
let coreServicePorts: JSON = [["name": "web", "port": 80], ["name": "metrics", "port": 9090, "targetPort": "metrics"]]

/// Valid objects of every kind pass.
@Test(arguments: [
    ("Namespace", [:] as JSON),
    ("Node", ["spec": ["taints": [["key": "k", "effect": "NoSchedule"]]]]),
    ("PersistentVolumeClaim", ["spec": coreClaimSpec]),
    ("PersistentVolume", ["spec": coreVolumeSpec]),
    ("Service", ["spec": ["clusterIP": "None", "ports": coreServicePorts]]),
    ("Endpoints", ["subsets": [["addresses": [["ip": "10.1.0.4", "hostname": "web-0"]], "ports": [["port": 80]]]]]),
    ("Event", ["metadata": coreEventMeta, "involvedObject": ["kind": "Pod", "namespace": "default", "name": "p"], "type": "Normal"]),
    ("ConfigMap", ["data": ["app.properties": "a=b"], "binaryData": ["blob": "AAEC"]]),
    ("Secret", ["type": "kubernetes.io/tls", "data": ["tls.crt": "Yw==", "tls.key": "aw=="]]),
    ("StorageClass", ["provisioner": "ordinal.dev/hostpath", "volumeBindingMode": "WaitForFirstConsumer"]),
    ("EndpointSlice", ["addressType": "IPv4", "endpoints": [["addresses": ["10.1.0.4"], "conditions": ["ready": true]]],
                       "ports": [["name": "", "port": 80]]]),
] as [(String, JSON)])
func validObjectsPass(kind: String, object: JSON) {
    #expect(createErrors(coreKind(kind), object) == [])
}

@Test(arguments: [
    ("Namespace", ["status": ["phase": "Gone"]], #"status.phase: Unsupported value: "Gone": supported values: "Active", "Terminating""#, true),
    ("Node", ["spec": ["taints": [["key": "k", "effect": "Never"]]]],
     #"spec.taints[0].effect: Unsupported value: "Never": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule""#, false),
    ("PersistentVolumeClaim", ["spec": ["resources": ["requests": ["storage": "1Gi"]]]],
     "spec.accessModes: Required value: at least 1 access mode is required", false),
    ("PersistentVolumeClaim", ["spec": ["accessModes": ["ReadWriteAlways"], "resources": ["requests": ["storage": "1Gi"]]]],
     #"spec.accessModes: Unsupported value: "ReadWriteAlways": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod""#, false),
    ("PersistentVolumeClaim", ["spec": ["accessModes": ["ReadWriteOnce"]]], "spec.resources[storage]: Required value", false),
    ("PersistentVolumeClaim", ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1 GB"]]]],
     #"spec.resources[storage]: Invalid value: "1 GB": "# + Quantity.formatDetail, false),
    ("PersistentVolumeClaim", ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "0"]]]],
     #"spec.resources[storage]: Invalid value: "0": must be greater than zero"#, false),
    ("PersistentVolume", ["spec": ["accessModes": ["ReadWriteOnce"], "hostPath": ["path": "/d"]]], "spec.capacity: Required value", false),
    ("PersistentVolume", ["spec": ["capacity": ["storage": "1Gi"], "hostPath": ["path": "/d"]]], "spec.accessModes: Required value", false),
    ("PersistentVolume", ["spec": ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"]]],
     "spec: Required value: must specify a volume type", false),
    ("PersistentVolume", ["spec": ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "hostPath": ["path": "/d"], "nfs": ["server": "s"]]],
     "spec.nfs: Forbidden: may not specify more than 1 volume type", false),
    ("PersistentVolume", ["spec": ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "local": ["path": "/d"]]],
     "spec.nodeAffinity: Required value: Local volume requires node affinity", false),
    ("PersistentVolume", ["spec": coreVolumeSpec.withKeys(["claimRef": ["name": "c"]])], "spec.claimRef.namespace: Required value", false),
    ("Service", ["spec": ["ports": [["port": 0]]]], "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive", false),
    ("Service", ["spec": ["ports": [["port": 80], ["name": "b", "port": 81]]]], "spec.ports[0].name: Required value", false),
    ("Service", ["spec": ["ports": [["name": "a", "port": 80], ["name": "a", "port": 81]]]], #"spec.ports[1].name: Duplicate value: "a""#, false),
    ("Service", ["spec": ["ports": [["name": "Web", "port": 80]]]], #"spec.ports[0].name: Invalid value: "Web": "# + NameValidation.dns1123LabelErrorMessage, false),
    ("Service", ["spec": ["ports": [["port": 80, "protocol": "HTTP"]]]],
     #"spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP""#, false),
    ("Service", ["spec": ["type": "Magic", "ports": [["port": 80]]]],
     #"spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort""#, false),
    ("Service", ["spec": ["type": "NodePort", "clusterIP": "None", "ports": [["port": 80]]]],
     #"spec.clusterIP: Invalid value: "None": may not be set to 'None' for NodePort services"#, false),
    ("Endpoints", ["subsets": [["addresses": [["ip": "10.0.0.300"]], "ports": [["port": 80]]]]],
     #"subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"#, false),
    ("Endpoints", ["subsets": [["addresses": [["ip": "127.0.0.1"]], "ports": [["port": 70000]]]]],
     "subsets[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive", false),
    ("Event", ["metadata": coreEventMeta, "involvedObject": ["kind": "Pod", "namespace": "other", "name": "p"]],
     #"involvedObject.namespace: Invalid value: "other": does not match event.namespace"#, false),
    ("Event", ["metadata": coreEventMeta, "involvedObject": ["namespace": "default"], "type": "Info"],
     #"type: Unsupported value: "Info": supported values: "Normal", "Warning""#, false),
    ("ConfigMap", ["data": ["bad key": "v"]], #"data[bad key]: Invalid value: "bad key": "# + ConfigData.keyDetail, false),
    ("ConfigMap", ["binaryData": ["b": "not base64!"]], #"binaryData[b]: Invalid value: "<value omitted>": must be valid base64 data"#, false),
    ("ConfigMap", ["data": ["k": "v"], "binaryData": ["k": "AA=="]], #"data[k]: Invalid value: "k": duplicate of key present in binaryData"#, false),
    ("Secret", ["type": "kubernetes.io/tls", "data": ["tls.crt": "Yw=="]], "data[tls.key]: Required value", false),
    ("StorageClass", [:], "provisioner: Required value", false),
    ("StorageClass", ["provisioner": "p", "reclaimPolicy": "Recycle"],
     #"reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain""#, false),
    ("EndpointSlice", ["endpoints": []], "addressType: Required value", false),
    ("EndpointSlice", ["addressType": "IPv4", "endpoints": [["addresses": ["fd00::1"]]]],
     #"endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address"#, false),
    ("EndpointSlice", ["addressType": "IPv4", "endpoints": [["addresses": []]]],
     "endpoints[0].addresses: Required value: must contain at least 1 address", false),
    ("EndpointSlice", ["addressType": "IPv4", "endpoints": [], "ports": [["port": 80], ["port": 81]]],
     #"ports[1].name: Duplicate value: """#, false),
] as [(String, JSON, String, Bool)])
func invalidObjectsReportUpstreamMessages(kind: String, object: JSON, message: String, viaStatus: Bool) {
    let definition = coreKind(kind)
    let errors = viaStatus
        ? definition.strategy.validateStatusUpdate(object, old: created(definition, [:])).map(\.description)
        : createErrors(definition, object)
    #expect(errors.contains(message), "\(errors)")
}

@Test(arguments: ["10.0.0.1", "255.255.255.255", "::1", "2001:db8::ffff", "fe80::1:2", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8"])
func validIPs(ip: String) { #expect(NetworkValidation.isIP(ip)) }

@Test(arguments: ["", "10.0.0", "10.0.0.01", "10.0.0.256", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9", "1::2::3", "g::1", "10.0.0.1/24"])
func invalidIPs(ip: String) { #expect(!NetworkValidation.isIP(ip)) }

@Test func base64RoundTrips() {
    for text in ["", "a", "ab", "abc", "abcd", "hello, world"] {
        #expect(Base64.decode(Base64.encode(Array(text.utf8))) == Array(text.utf8))
    }
    #expect(Base64.encode(Array("admin".utf8)) == "YWRtaW4=")
    #expect(Base64.decode("YWRtaW4") == nil)
    #expect(Base64.decode("YW=taW4=") == nil)
}

extension JSON {
    /// `self` with the keys of `other` added or replaced.
    func withKeys(_ other: JSON) -> JSON {
        var copy = self
        for (key, value) in other.objectValue ?? [:] { copy[key] = value }
        return copy
    }
}
