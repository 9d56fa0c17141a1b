import APIMachinery
import Foundation
import Testing
@testable import Controllers

@Suite struct VolumeReclaimTests {
    func boundVolume(policy: String) -> JSON {
        let claim = volumeClaim()
        var volume = VolumeProvisioner.newVolume(for: claim, storageClass: VolumeProvisioner.defaultStorageClass, node: nil)!
        volume["metadata"]["uid"] = "pv-uid"
        volume["spec"]["persistentVolumeReclaimPolicy"] = .string(policy)
        volume["status"] = ["phase": "Bound"]
        return volume
    }

    @Test func deletePolicyReleasesThenDeletes() throws {
        let released = try #require(writtenObject(VolumeProvisioner.syncVolume(volume: boundVolume(policy: "Delete"), claims: [])))
        #expect(released["status"]["phase"] == "Released")
        let actions = VolumeProvisioner.syncVolume(volume: released, claims: [])
        #expect(actions.count == 2)
        #expect(writtenObject(actions)?.finalizers == [])
        #expect(actions.last == .delete(.persistentVolumes, namespace: nil, name: "pvc-uid-www-web-0", uid: "pv-uid"))
    }

    @Test func retainPolicyKeepsTheVolumeReleased() throws {
        let released = try #require(writtenObject(VolumeProvisioner.syncVolume(volume: boundVolume(policy: "Retain"), claims: [])))
        #expect(released["status"]["phase"] == "Released")
        #expect(VolumeProvisioner.syncVolume(volume: released, claims: []).isEmpty)
    }

    @Test func aRecreatedClaimOfTheSameNameDoesNotHoldTheVolume() throws {
        var other = volumeClaim()
        other["metadata"]["uid"] = "another-uid"
        let released = try #require(writtenObject(VolumeProvisioner.syncVolume(volume: boundVolume(policy: "Retain"), claims: [other])))
        #expect(released["status"]["phase"] == "Released")
    }

    @Test func aDeletedVolumeLosesItsFinalizerOnceNotBound() {
        var volume = boundVolume(policy: "Retain")
        volume["metadata"]["deletionTimestamp"] = "2023-11-14T22:13:20Z"
        #expect(VolumeProvisioner.syncVolume(volume: volume, claims: [volumeClaim()]).isEmpty)
        volume["status"]["phase"] = "Released"
        #expect(writtenObject(VolumeProvisioner.syncVolume(volume: volume, claims: []))?.finalizers == [])
    }
}
