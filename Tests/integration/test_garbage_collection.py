"""Deleting a StatefulSet (scenario 5) with each propagation policy and each PVC retention policy, and deleting
a whole namespace (scenario 9)."""
import pytest

from support import (EventLog, create_web, expect, get_or_none, list_pods, pods_path, pvcs_path, sts_path,
                     wait_for, wait_set_settled)

REVISIONS = "/apis/apps/v1/namespaces/default/controllerrevisions"
STATEFULSETS = "/apis/apps/v1/namespaces/default/statefulsets"


def _names(cluster, path):
    return sorted(i["metadata"]["name"] for i in expect(cluster.get(path))["items"])


def _delete_options(policy):
    return {"apiVersion": "v1", "kind": "DeleteOptions", "propagationPolicy": policy}


def test_background_deletion_removes_pods_and_revisions_keeps_claims(cluster):
    create_web(cluster, replicas=2, storage=True)
    wait_set_settled(cluster, 2)
    claims = expect(cluster.get(pvcs_path()))["items"]
    expect(cluster.delete(sts_path(), _delete_options("Background")))
    assert get_or_none(cluster, sts_path()) is None  # the set goes at once
    wait_for(lambda: not _names(cluster, pods_path()) and not _names(cluster, REVISIONS), timeout=10)
    after = expect(cluster.get(pvcs_path()))["items"]
    assert [(c["metadata"]["name"], c["metadata"]["uid"]) for c in after] == \
        [(c["metadata"]["name"], c["metadata"]["uid"]) for c in claims]
    assert all(not c["metadata"].get("ownerReferences") for c in after)
    assert all(c["status"]["phase"] == "Bound" for c in after)
    assert expect(cluster.get("/api/v1/namespaces/default/services/nginx"))  # the Service is left alone


def test_foreground_deletion_waits_for_pods(cluster):
    create_web(cluster, replicas=2)
    web = wait_set_settled(cluster, 2)
    with EventLog(cluster, pods_path()) as pods, EventLog(cluster, STATEFULSETS) as sets:
        expect(cluster.delete(sts_path(), _delete_options("Foreground")), 200)
        deleting = get_or_none(cluster, sts_path())
        assert deleting is not None and deleting["metadata"]["uid"] == web["metadata"]["uid"]
        assert deleting["metadata"].get("deletionTimestamp"), deleting["metadata"]
        assert "foregroundDeletion" in deleting["metadata"].get("finalizers", []), deleting["metadata"]
        wait_for(lambda: sets.of("DELETED", "web"), timeout=10)
        set_gone_rv = int(sets.of("DELETED", "web")[0]["object"]["metadata"]["resourceVersion"])
        pod_gone = pods.of("DELETED")
        assert sorted(e["object"]["metadata"]["name"] for e in pod_gone) == ["web-0", "web-1"]
        assert max(int(e["object"]["metadata"]["resourceVersion"]) for e in pod_gone) < set_gone_rv
    assert not _names(cluster, pods_path())
    wait_for(lambda: not _names(cluster, REVISIONS), timeout=5)


def test_orphan_deletion_then_adoption(cluster):
    create_web(cluster, replicas=2, storage=True)
    wait_set_settled(cluster, 2)
    before = {p["metadata"]["name"]: p["metadata"]["uid"] for p in list_pods(cluster)}
    expect(cluster.delete(sts_path(), _delete_options("Orphan")))
    wait_for(lambda: get_or_none(cluster, sts_path()) is None, timeout=10)

    def orphaned():
        pods = list_pods(cluster)
        return pods if len(pods) == 2 and all(not p["metadata"].get("ownerReferences") for p in pods) else None
    pods = wait_for(orphaned, timeout=10)
    assert {p["metadata"]["name"]: p["metadata"]["uid"] for p in pods} == before
    assert all(p["status"]["phase"] == "Running" for p in pods)
    revisions = expect(cluster.get(REVISIONS))["items"]
    assert len(revisions) == 1 and not revisions[0]["metadata"].get("ownerReferences"), revisions
    assert sorted(c["metadata"]["name"] for c in expect(cluster.get(pvcs_path()))["items"]) == ["www-web-0", "www-web-1"]

    adopter = create_web(cluster, service=False, replicas=2, storage=True)

    def adopted():
        pods = list_pods(cluster)
        refs = [p["metadata"].get("ownerReferences") or [] for p in pods]
        return len(pods) == 2 and all(r and r[0]["uid"] == adopter["metadata"]["uid"] and r[0]["controller"]
                                      for r in refs)
    wait_for(adopted, timeout=10)
    web = wait_set_settled(cluster, 2)
    # The orphaned revision is adopted too and is the set's revision again.
    revisions = expect(cluster.get(REVISIONS))["items"]
    assert [r["metadata"]["name"] for r in revisions] == [web["status"]["updateRevision"]]
    wait_for(lambda: (expect(cluster.get(REVISIONS))["items"][0]["metadata"].get("ownerReferences") or [{}])[0]
             .get("uid") == adopter["metadata"]["uid"], timeout=5)
    # Same template, same revision: the adopted pods keep running (no restart).
    assert {p["metadata"]["name"]: p["metadata"]["uid"] for p in list_pods(cluster)} == before


def test_retention_when_deleted_delete(cluster):
    create_web(cluster, replicas=2, storage=True,
               persistentVolumeClaimRetentionPolicy={"whenDeleted": "Delete", "whenScaled": "Retain"})
    web = wait_set_settled(cluster, 2)

    def owned_by_set():
        claims = expect(cluster.get(pvcs_path()))["items"]
        return len(claims) == 2 and all(
            [(r["kind"], r["uid"]) for r in c["metadata"].get("ownerReferences") or []]
            == [("StatefulSet", web["metadata"]["uid"])] for c in claims)
    wait_for(owned_by_set, timeout=5)
    volumes = [c["spec"]["volumeName"] for c in expect(cluster.get(pvcs_path()))["items"]]
    expect(cluster.delete(sts_path()))
    wait_for(lambda: not _names(cluster, pvcs_path()) and not _names(cluster, pods_path()), timeout=10)
    # The dynamically provisioned volumes are reclaimed under the default Delete policy.
    wait_for(lambda: not any(get_or_none(cluster, f"/api/v1/persistentvolumes/{v}") for v in volumes), timeout=10)


def test_retention_when_scaled_delete(cluster):
    create_web(cluster, replicas=3, storage=True,
               persistentVolumeClaimRetentionPolicy={"whenDeleted": "Retain", "whenScaled": "Delete"})
    wait_set_settled(cluster, 3)
    kept = expect(cluster.get(f"{pvcs_path()}/www-web-0"))
    expect(cluster.patch(sts_path(subresource="scale"), {"spec": {"replicas": 1}}))
    wait_set_settled(cluster, 1)
    wait_for(lambda: _names(cluster, pvcs_path()) == ["www-web-0"], timeout=10)
    assert expect(cluster.get(f"{pvcs_path()}/www-web-0"))["metadata"]["uid"] == kept["metadata"]["uid"]
    # Deleting the set keeps the in-range claim (whenDeleted: Retain).
    expect(cluster.delete(sts_path()))
    wait_for(lambda: not _names(cluster, pods_path()), timeout=10)
    assert _names(cluster, pvcs_path()) == ["www-web-0"]


def test_retention_retain_retain_keeps_claims(cluster):
    create_web(cluster, replicas=3, storage=True,
               persistentVolumeClaimRetentionPolicy={"whenDeleted": "Retain", "whenScaled": "Retain"})
    wait_set_settled(cluster, 3)
    expect(cluster.patch(sts_path(subresource="scale"), {"spec": {"replicas": 1}}))
    wait_set_settled(cluster, 1)
    expect(cluster.delete(sts_path()))
    wait_for(lambda: not _names(cluster, pods_path()), timeout=10)
    claims = expect(cluster.get(pvcs_path()))["items"]
    assert sorted(c["metadata"]["name"] for c in claims) == ["www-web-0", "www-web-1", "www-web-2"]
    assert all(not c["metadata"].get("ownerReferences") for c in claims)


def test_namespace_deletion_empties_it(cluster):
    expect(cluster.post("/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace",
                                               "metadata": {"name": "shop"}}), 201)
    create_web(cluster, namespace="shop", replicas=2, storage=True)
    wait_set_settled(cluster, 2, namespace="shop")
    expect(cluster.delete("/api/v1/namespaces/shop"))
    wait_for(lambda: get_or_none(cluster, "/api/v1/namespaces/shop") is None, timeout=14, interval=0.1)
    for path in (pods_path("shop"), pvcs_path("shop"), "/apis/apps/v1/namespaces/shop/statefulsets",
                 "/apis/apps/v1/namespaces/shop/controllerrevisions", "/api/v1/namespaces/shop/services"):
        response = cluster.get(path)
        assert response.status_code in (200, 404), response.text
        if response.status_code == 200:
            assert not response.json()["items"], (path, response.text)
