import Testing
import APIMachinery
@testable import Controllers

@Test func controllerReferenceOfAnOwner() {
    let owner: JSON = ["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "web", "uid": "u1"]]
    let reference = OwnerReference(controllerOf: owner)
    #expect(reference.json["controller"] == true && reference.json["blockOwnerDeletion"] == true)
}
