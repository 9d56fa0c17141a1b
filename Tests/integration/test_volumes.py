"""Stable storage (scenario 2): a deleted pod comes back with the same name, hostname and claim; the claim is
bound to a dynamically provisioned PV `pvc-<claim uid>` that outlives the pod."""
from support import (EventLog, assert_one_object_per_name, create_web, expect, get_or_none, is_ready,
                     pods_path, pvcs_path, wait_for, wait_set_settled)


def test_deleted_pod_comes_back_with_its_claim(cluster):
    create_web(cluster, replicas=2, storage=True)
    wait_set_settled(cluster, 2)
    old = expect(cluster.get(f"{pods_path()}/web-0"))
    claim = expect(cluster.get(f"{pvcs_path()}/www-web-0"))
    assert claim["status"]["phase"] == "Bound"
    volume_name = claim["spec"]["volumeName"]
    assert volume_name == "pvc-" + claim["metadata"]["uid"]
    assert claim["metadata"]["labels"]["app"] == "nginx"
    volume = expect(cluster.get(f"/api/v1/persistentvolumes/{volume_name}"))
    assert volume["status"]["phase"] == "Bound"
    ref = volume["spec"]["claimRef"]
    assert (ref["namespace"], ref["name"], ref["uid"]) == ("default", "www-web-0", claim["metadata"]["uid"])
    assert volume["spec"]["capacity"]["storage"] == "1Gi"

    with EventLog(cluster, pods_path()) as pods:
        expect(cluster.delete(f"{pods_path()}/web-0"))

        def replaced():
            pod = get_or_none(cluster, f"{pods_path()}/web-0")
            return pod if pod and pod["metadata"]["uid"] != old["metadata"]["uid"] and is_ready(pod) else None
        new = wait_for(replaced, timeout=10)
        assert_one_object_per_name(pods.drain())

    assert new["spec"]["hostname"] == "web-0" and new["spec"]["subdomain"] == "nginx"
    volumes = {v["name"]: v for v in new["spec"]["volumes"]}
    assert volumes["www"]["persistentVolumeClaim"]["claimName"] == "www-web-0"
    again = expect(cluster.get(f"{pvcs_path()}/www-web-0"))
    assert again["metadata"]["uid"] == claim["metadata"]["uid"]
    assert again["spec"]["volumeName"] == volume_name and again["status"]["phase"] == "Bound"
    survivor = expect(cluster.get(f"/api/v1/persistentvolumes/{volume_name}"))
    assert survivor["metadata"]["uid"] == volume["metadata"]["uid"]
    assert survivor["status"]["phase"] == "Bound"
    # web-1 was never touched.
    wait_set_settled(cluster, 2)
