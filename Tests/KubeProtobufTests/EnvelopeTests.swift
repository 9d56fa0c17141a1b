import APIMachinery
import Testing
@testable import KubeProtobuf

@Test func readsTheEnvelope() throws {
    let body = ProtoWriter.envelope(apiVersion: "apps/v1", kind: "Deployment") { w in w.string(1, "x") }
    let envelope = try Envelope(body)
    #expect(envelope.apiVersion == "apps/v1")
    #expect(envelope.kind == "Deployment")
    #expect(Array(body[envelope.raw]) == [0x0A, 0x01, 0x78])
}

@Test func rejectsBodiesWithoutTheMagic() {
    #expect(throws: ProtobufError.missingMagic) { try ProtobufObjectDecoder.decode([]) }
    #expect(throws: ProtobufError.missingMagic) { try ProtobufObjectDecoder.decode(Array(#"{"kind":"Namespace"}"#.utf8)) }
}

@Test func unknownKindsAndEncodingsAreNotDecoded() {
    let eviction = ProtoWriter.envelope(apiVersion: "policy/v1", kind: "Eviction") { _ in }
    #expect(throws: ProtobufError.unknownKind(apiVersion: "policy/v1", kind: "Eviction")) { try ProtobufObjectDecoder.decode(eviction) }
    let wrongVersion = ProtoWriter.envelope(apiVersion: "v2", kind: "Namespace") { _ in }
    #expect(throws: ProtobufError.unknownKind(apiVersion: "v2", kind: "Namespace")) { try ProtobufObjectDecoder.decode(wrongVersion) }
    let gzipped = ProtoWriter.envelope(apiVersion: "v1", kind: "Namespace", contentEncoding: "gzip") { _ in }
    #expect(throws: ProtobufError.unsupportedEncoding(contentEncoding: "gzip", contentType: "")) { try ProtobufObjectDecoder.decode(gzipped) }
}

@Test func deleteOptionsAreAcceptedInAnyGroupVersion() throws {
    let body = ProtoWriter.envelope(apiVersion: "apps/v1", kind: "DeleteOptions") { w in
        w.int(1, 0)
        w.string(4, "Foreground")
    }
    let options = try ProtobufObjectDecoder.decode(body)
    #expect(options["gracePeriodSeconds"] == .int(0))
    #expect(options["propagationPolicy"] == "Foreground")
}
