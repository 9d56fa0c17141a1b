import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct VolumeProtectionTests {
    func terminatingClaim() -> JSON {
        var claim = volumeClaim()
        claim["metadata"]["finalizers"] = ["kubernetes.io/pvc-protection"]
        claim["metadata"]["deletionTimestamp"] = "2023-11-14T22:13:20Z"
        return claim
    }

    @Test func liveClaimsGetTheFinalizer() {
        let claim = volumeClaim()
        #expect(writtenObject(VolumeProvisioner.protect(claim: claim, pods: []))?.finalizers == ["kubernetes.io/pvc-protection"])
        #expect(VolumeProvisioner.protect(claim: terminatingClaim(), pods: [kubeletPod(claims: ["www-web-0"])]).isEmpty)
    }

    @Test func heldWhileAPodUsesTheClaim() {
        var user = kubeletPod(claims: ["www-web-0"])
        #expect(VolumeProvisioner.protect(claim: terminatingClaim(), pods: [user]).isEmpty)
        user["metadata"]["deletionTimestamp"] = "2023-11-14T22:13:20Z"
        #expect(VolumeProvisioner.protect(claim: terminatingClaim(), pods: [user]).isEmpty)
        user["status"]["phase"] = "Succeeded"
        #expect(writtenObject(VolumeProvisioner.protect(claim: terminatingClaim(), pods: [user]))?.finalizers == [])
    }

    @Test func releasedWhenNoPodUsesTheClaim() {
        var elsewhere = kubeletPod(claims: ["www-web-0"])
        elsewhere["metadata"]["namespace"] = "other"
        let actions = VolumeProvisioner.protect(claim: terminatingClaim(), pods: [elsewhere, kubeletPod(claims: ["data"])])
        #expect(writtenObject(actions)?.finalizers == [])
    }
}
