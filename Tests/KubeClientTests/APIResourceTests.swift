import Testing
@testable import KubeClient

@Test func resourcePaths() {
    #expect(APIResource.statefulSets.objectPath(namespace: "default", name: "web", subresource: "scale") == "/apis/apps/v1/namespaces/default/statefulsets/web/scale")
    #expect(APIResource.nodes.collectionPath(namespace: "x") == "/api/v1/nodes")
}
