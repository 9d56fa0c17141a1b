import APIMachinery
import Foundation
import Testing
@testable import Controllers

func volumeClaim(_ name: String = "www-web-0", className: JSON = "standard", annotations: [String: String] = [:]) -> JSON {
    ["apiVersion": "v1", "kind": "PersistentVolumeClaim",
     "metadata": ["name": .string(name), "namespace": "default", "uid": .string("uid-\(name)"), "resourceVersion": "7",
                  "annotations": JSON(stringMap: annotations)],
     "spec": ["storageClassName": className, "accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
     "status": ["phase": "Pending"]]
}

let waitForConsumerClass: JSON = ["apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": ["name": "local"],
                                  "provisioner": "ordinal.dev/simulated-disk", "reclaimPolicy": "Retain",
                                  "volumeBindingMode": "WaitForFirstConsumer"]

@Suite struct VolumeProvisionerTests {
    let classes = [VolumeProvisioner.defaultStorageClass, waitForConsumerClass]

    func sync(_ claim: JSON, volumes: [JSON] = [], pods: [JSON] = []) -> [ControllerAction] {
        VolumeProvisioner.sync(claim: claim, volumes: volumes, storageClasses: classes, pods: pods)
    }

    @Test func defaultStorageClass() {
        let standard = VolumeProvisioner.defaultStorageClass
        #expect(standard.name == "standard" && standard.annotations["storageclass.kubernetes.io/is-default-class"] == "true")
        #expect(standard["provisioner"] == "ordinal.dev/simulated-disk" && standard["reclaimPolicy"] == "Delete")
        #expect(standard["volumeBindingMode"] == "Immediate")
    }

    @Test func immediateClaimIsProvisionedAndBound() throws {
        var claim = volumeClaim()
        let create = sync(claim)
        guard case .create(.persistentVolumes, let volume)? = create.first, create.count == 1 else {
            Issue.record("expected one PV create, got \(create)"); return
        }
        #expect(volume.name == "pvc-uid-www-web-0")
        #expect(volume["spec"]["capacity"] == ["storage": "1Gi"] && volume["spec"]["accessModes"] == ["ReadWriteOnce"])
        #expect(volume["spec"]["claimRef"] == ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": "www-web-0",
                                               "namespace": "default", "resourceVersion": "7", "uid": "uid-www-web-0"])
        #expect(volume["spec"]["persistentVolumeReclaimPolicy"] == "Delete" && volume["spec"]["storageClassName"] == "standard")
        #expect(volume["spec"]["volumeMode"] == "Filesystem")
        #expect(volume["spec"]["hostPath"]["path"] == "/var/lib/ordinal/volumes/pvc-uid-www-web-0")
        #expect(volume.annotations["pv.kubernetes.io/provisioned-by"] == "ordinal.dev/simulated-disk")
        #expect(volume.finalizers == ["kubernetes.io/pv-protection"])

        var stored = volume
        stored["metadata"]["uid"] = "pv-uid"
        stored["status"] = ["phase": "Pending"]
        let available = try #require(writtenObject(VolumeProvisioner.syncVolume(volume: stored, claims: [claim])))
        #expect(available["status"]["phase"] == "Available")
        stored = available

        claim = try #require(writtenObject(sync(claim, volumes: [stored])))
        #expect(claim["spec"]["volumeName"] == "pvc-uid-www-web-0")
        #expect(claim.annotations["pv.kubernetes.io/bind-completed"] == "yes")
        #expect(claim.annotations["pv.kubernetes.io/bound-by-controller"] == "yes")
        #expect(claim.annotations["volume.kubernetes.io/storage-provisioner"] == "ordinal.dev/simulated-disk")

        claim = try #require(writtenObject(sync(claim, volumes: [stored])))
        #expect(claim["status"] == ["phase": "Bound", "capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"]])
        #expect(sync(claim, volumes: [stored]).isEmpty)

        let bound = try #require(writtenObject(VolumeProvisioner.syncVolume(volume: stored, claims: [claim])))
        #expect(bound["status"]["phase"] == "Bound")
        #expect(VolumeProvisioner.syncVolume(volume: bound, claims: [claim]).isEmpty)
    }

    @Test func waitForFirstConsumerWaitsForTheSelectedNode() throws {
        #expect(sync(volumeClaim(className: "local")).isEmpty)
        let selected = volumeClaim(className: "local", annotations: [Scheduler.selectedNodeAnnotation: "ordinal-worker-2"])
        let volume = try #require(writtenObject(sync(selected)))
        #expect(volume["spec"]["local"]["path"] == "/var/lib/ordinal/volumes/pvc-uid-www-web-0")
        #expect(volume["spec"]["nodeAffinity"]["required"]["nodeSelectorTerms"][0]["matchExpressions"][0]
            == ["key": "kubernetes.io/hostname", "operator": "In", "values": ["ordinal-worker-2"]])
        #expect(volume["spec"]["persistentVolumeReclaimPolicy"] == "Retain")

        let consumer = kubeletPod(node: "ordinal-worker-3", claims: ["www-web-0"])
        let fromPod = try #require(writtenObject(sync(volumeClaim(className: "local"), pods: [consumer])))
        #expect(fromPod["spec"]["nodeAffinity"]["required"]["nodeSelectorTerms"][0]["matchExpressions"][0]["values"] == ["ordinal-worker-3"])
    }

    @Test func claimsWithoutAClassAreNeverProvisioned() {
        #expect(sync(volumeClaim(className: "")).isEmpty)
        #expect(sync(volumeClaim(className: "missing")).isEmpty)
    }

    @Test func aBoundClaimWhoseVolumeIsGoneIsLost() throws {
        var claim = volumeClaim()
        claim["spec"]["volumeName"] = "pvc-uid-www-web-0"
        claim["status"]["phase"] = "Bound"
        #expect(try #require(writtenObject(sync(claim)))["status"]["phase"] == "Lost")
    }
}
