"""Rolling updates (scenario 4): a partition updates only the ordinals at or above it, highest first;
partition 0 finishes; `kubectl rollout status/history/undo` work against the set."""
from support import (EventLog, create_web, expect, list_pods, pods_path, sts_path, wait_for,
                     wait_set_settled)

NEW_IMAGE = "registry.k8s.io/nginx-slim:0.25"
OLD_IMAGE = "registry.k8s.io/nginx-slim:0.24"


def _hashes(cluster):
    return {p["metadata"]["name"]: p["metadata"]["labels"]["controller-revision-hash"]
            for p in list_pods(cluster) if not p["metadata"].get("deletionTimestamp")}


def _image_patch(image, **update_strategy):
    body = {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": image,
                                                             "ports": [{"containerPort": 80, "name": "web"}]}]}}}}
    if update_strategy:
        body["spec"]["updateStrategy"] = update_strategy
    return body


def test_partitioned_rollout_history_and_undo(cluster):
    create_web(cluster, replicas=5)
    old_revision = wait_set_settled(cluster, 5)["status"]["currentRevision"]

    with EventLog(cluster, pods_path()) as pods:
        expect(cluster.patch(sts_path(), _image_patch(NEW_IMAGE, type="RollingUpdate",
                                                      rollingUpdate={"partition": 3})))

        def partitioned():
            web = expect(cluster.get(sts_path()))
            status = web["status"]
            if status.get("observedGeneration") != web["metadata"]["generation"] or status.get("updatedReplicas") != 2:
                return None
            if status.get("readyReplicas") != 5:
                return None
            return web
        web = wait_for(partitioned, timeout=12, interval=0.1)
        new_revision = web["status"]["updateRevision"]
        assert new_revision != old_revision
        assert web["status"]["currentRevision"] == old_revision  # never completed with partition > 0
        hashes = _hashes(cluster)
        assert hashes == {"web-0": old_revision, "web-1": old_revision, "web-2": old_revision,
                          "web-3": new_revision, "web-4": new_revision}, hashes
        assert pods.names("DELETED") == ["web-4", "web-3"]
        images = {p["metadata"]["name"]: p["spec"]["containers"][0]["image"] for p in list_pods(cluster)}
        assert images == {"web-0": OLD_IMAGE, "web-1": OLD_IMAGE, "web-2": OLD_IMAGE,
                          "web-3": NEW_IMAGE, "web-4": NEW_IMAGE}

        expect(cluster.patch(sts_path(), {"spec": {"updateStrategy": {"rollingUpdate": {"partition": 0}}}}))
        status = cluster.kubectl("rollout", "status", "sts/web", "--timeout=60s", timeout=70)
        assert status.returncode == 0
        assert "partitioned roll out complete: 5 new pods have been updated" in status.stdout, status.stdout
        web = wait_set_settled(cluster, 5)
        assert web["status"]["currentRevision"] == web["status"]["updateRevision"] == new_revision
        assert pods.names("DELETED") == ["web-4", "web-3", "web-2", "web-1", "web-0"]
        assert set(_hashes(cluster).values()) == {new_revision}

    history = cluster.kubectl("rollout", "history", "sts/web").stdout
    lines = [line.split() for line in history.splitlines()]
    assert ["REVISION", "CHANGE-CAUSE"] in lines, history
    assert [l[0] for l in lines if l and l[0].isdigit()] == ["1", "2"], history
    revisions = {r["metadata"]["name"]: r["revision"] for r in
                 expect(cluster.get("/apis/apps/v1/namespaces/default/controllerrevisions"))["items"]}
    assert revisions == {old_revision: 1, new_revision: 2}

    undo = cluster.kubectl("rollout", "undo", "sts/web")
    assert "statefulset.apps/web rolled back" in undo.stdout, undo.stdout
    web = expect(cluster.get(sts_path()))
    assert web["spec"]["template"]["spec"]["containers"][0]["image"] == OLD_IMAGE
    web = wait_set_settled(cluster, 5, timeout=14)
    assert web["status"]["updateRevision"] == old_revision  # the old revision is reused ...
    revisions = {r["metadata"]["name"]: r["revision"] for r in
                 expect(cluster.get("/apis/apps/v1/namespaces/default/controllerrevisions"))["items"]}
    assert revisions == {old_revision: 3, new_revision: 2}  # ... and renumbered
    assert set(_hashes(cluster).values()) == {old_revision}
    assert {p["spec"]["containers"][0]["image"] for p in list_pods(cluster)} == {OLD_IMAGE}
