import APIMachinery
import Testing
@testable import KubeProtobuf

private func metadata(_ w: inout ProtoWriter, name: String) {
    w.message(1) { meta in
        meta.string(1, name)
        meta.string(2, "")          // non-pointer strings arrive even when empty …
        meta.message(8) { _ in }    // … and a zero creationTimestamp as an empty message
        meta.mapEntry(11, "app", "web")
    }
}

@Test func decodesANamespaceLikeGoWouldWriteJSON() throws {
    let body = ProtoWriter.envelope(apiVersion: "v1", kind: "Namespace") { w in
        metadata(&w, name: "other")
        w.message(2) { _ in }
        w.message(3) { status in status.string(1, "") }
    }
    let object = try ProtobufObjectDecoder.decode(body)
    #expect(object.encodedString == #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"other","labels":{"app":"web"}},"spec":{},"status":{}}"#)
}

@Test func configMapAndSecretMapsKeepEveryEntryAndBase64TheBytes() throws {
    let configMap = try ProtobufObjectDecoder.decode(ProtoWriter.envelope(apiVersion: "v1", kind: "ConfigMap") { w in
        metadata(&w, name: "c1")
        w.mapEntry(2, "a", "b")
        w.mapEntry(2, "empty", "")
        w.message(3) { entry in
            entry.string(1, "bin")
            entry.bytes(2, [0x00, 0xFF, 0x10])
        }
    })
    #expect(configMap["data"] == .object(["a": "b", "empty": ""]))
    #expect(configMap["binaryData"]["bin"] == "AP8Q")

    let secret = try ProtobufObjectDecoder.decode(ProtoWriter.envelope(apiVersion: "v1", kind: "Secret") { w in
        metadata(&w, name: "s1")
        w.message(2) { entry in
            entry.string(1, "password")
            entry.bytes(2, Array("hunter2".utf8))
        }
        w.string(3, "Opaque")
        w.int(5, 0)  // immutable: false was set on purpose (a pointer in Go)
    })
    #expect(secret["data"]["password"] == "aHVudGVyMg==")
    #expect(secret["type"] == "Opaque")
    #expect(secret["immutable"] == .bool(false))
}

@Test func pointerZerosAreKeptAndPlainZerosDropped() throws {
    let object = try ProtobufObjectDecoder.decode(ProtoWriter.envelope(apiVersion: "apps/v1", kind: "Deployment") { w in
        metadata(&w, name: "d")
        w.message(2) { spec in
            spec.int(1, 0)   // replicas: 0 (pointer) — kept
            spec.int(5, 0)   // minReadySeconds: 0 — dropped
            spec.int(7, 0)   // paused: false — dropped
            spec.message(4) { strategy in
                strategy.string(1, "RollingUpdate")
                strategy.message(2) { rolling in
                    rolling.message(1) { value in value.int(1, 0); value.int(2, 0) }          // maxUnavailable: 0
                    rolling.message(2) { value in value.int(1, 1); value.string(3, "25%") }   // maxSurge: "25%"
                }
            }
        }
    })
    #expect(object["spec"].encodedString ==
            #"{"replicas":0,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}}}"#)
}

@Test func inlineMessagesJoinTheirParentAndWellKnownTypesReadAsJSON() throws {
    let pod = try ProtobufObjectDecoder.decode(ProtoWriter.envelope(apiVersion: "v1", kind: "Pod") { w in
        w.message(1) { meta in
            meta.string(1, "p")
            meta.message(9) { time in time.int(1, 1_700_000_000); time.int(2, 5) }   // deletionTimestamp
        }
        w.message(2) { spec in
            spec.message(1) { volume in
                volume.string(1, "conf")
                volume.message(2) { source in source.message(19) { cm in cm.message(1) { ref in ref.string(1, "c1") } } }
            }
            spec.message(2) { container in
                container.string(1, "app")
                container.string(2, "nginx")
                container.message(8) { resources in
                    resources.message(1) { entry in entry.string(1, "cpu"); entry.message(2) { q in q.string(1, "500m") } }
                }
                container.message(10) { probe in
                    probe.message(1) { handler in handler.message(2) { get in get.string(1, "/"); get.message(2) { port in port.int(2, 8080) } } }
                    probe.int(4, 5)
                }
            }
            spec.int(4, 0)  // terminationGracePeriodSeconds: 0 — a pointer, kept
        }
    })
    #expect(pod["metadata"]["deletionTimestamp"] == "2023-11-14T22:13:20Z")
    #expect(pod["spec"]["volumes"] == .array([.object(["name": "conf", "configMap": .object(["name": "c1"])])]))
    let container = pod["spec"]["containers"].arrayValue?.first ?? .null
    #expect(container["resources"]["limits"]["cpu"] == "500m")
    #expect(container["livenessProbe"].encodedString == #"{"httpGet":{"path":"/","port":8080},"periodSeconds":5}"#)
    #expect(pod["spec"]["terminationGracePeriodSeconds"] == .int(0))
}

@Test func repeatedScalarsMayBePacked() throws {
    let pod = try ProtobufObjectDecoder.decode(ProtoWriter.envelope(apiVersion: "v1", kind: "Pod") { w in
        w.message(2) { spec in
            spec.message(14) { context in
                context.int(4, 1000)         // supplementalGroups, unpacked
                var packed = ProtoWriter()
                packed.varint(2000)
                packed.varint(3000)
                context.bytes(4, packed.bytes)  // and packed
            }
        }
    })
    #expect(pod["spec"]["securityContext"]["supplementalGroups"] == .array([.int(1000), .int(2000), .int(3000)]))
}

@Test func unknownFieldsAreRejectedNotDropped() {
    let body = ProtoWriter.envelope(apiVersion: "v1", kind: "ConfigMap") { w in
        w.string(99, "surprise")
    }
    #expect(throws: ProtobufError.unknownField(message: "k8s.io.api.core.v1.ConfigMap", field: 99)) {
        try ProtobufObjectDecoder.decode(body)
    }
}

@Test func wrongWireTypesAndInvalidUTF8AreErrors() {
    let varintName = ProtoWriter.envelope(apiVersion: "v1", kind: "Namespace") { w in
        w.message(1) { meta in meta.int(1, 5) }
    }
    #expect(throws: ProtobufError.wrongWireType(message: "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta", field: 1, wireType: 0)) {
        try ProtobufObjectDecoder.decode(varintName)
    }
    let badUTF8 = ProtoWriter.envelope(apiVersion: "v1", kind: "Namespace") { w in
        w.message(1) { meta in meta.bytes(1, [0xC3, 0x28]) }
    }
    #expect(throws: ProtobufError.invalidUTF8(message: "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta", field: 1)) {
        try ProtobufObjectDecoder.decode(badUTF8)
    }
}

@Test func nestingIsBounded() {
    let recursive = MessageSchema("test.Node", [.message(1, "child", "Node")])
    let decoder = MessageDecoder(registry: ["Node": recursive])
    var bytes: [UInt8] = []
    for _ in 0..<200 {
        var writer = ProtoWriter()
        writer.bytes(1, bytes)
        bytes = writer.bytes
    }
    #expect(throws: ProtobufError.tooDeep(limit: MessageDecoder.maximumDepth)) {
        try decoder.decode(bytes, range: 0..<bytes.count, schema: recursive)
    }
    var shallow: [UInt8] = []
    for _ in 0..<10 {
        var writer = ProtoWriter()
        writer.bytes(1, shallow)
        shallow = writer.bytes
    }
    #expect(throws: Never.self) { try decoder.decode(shallow, range: 0..<shallow.count, schema: recursive) }
}

/// Long repeated and map fields (a 3 MiB body can hold a million tiny elements) decode in linear time.
@Test(.timeLimit(.minutes(1)))
func longRepeatedFieldsAndMapsDecodeInLinearTime() throws {
    let count = 100_000
    let body = ProtoWriter.envelope(apiVersion: "v1", kind: "Namespace") { w in
        w.message(1) { meta in
            for index in 0..<count { meta.string(14, "f\(index % 10)") }
            for index in 0..<10_000 { meta.mapEntry(11, "k\(index)", "v") }
        }
    }
    let clock = ContinuousClock()
    let started = clock.now
    let object = try ProtobufObjectDecoder.decode(body)
    #expect(object["metadata"]["finalizers"].arrayValue?.count == count)
    #expect(object["metadata"]["labels"].objectValue?.count == 10_000)
    #expect(clock.now - started < .seconds(10))
}
