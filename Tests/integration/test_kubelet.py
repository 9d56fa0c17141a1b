"""The simulated kubelet (scenario 7): graceful deletion, and failure injection with the
`ordinal.dev/simulate` pod-template annotation (`fail`, `never-ready`)."""
import time

from support import (EventLog, assert_one_object_per_name, create_web, expect, get_or_none, is_ready,
                     pods_path, sts_path, wait_for, wait_set_settled)


def test_graceful_deletion(cluster):
    """Spec §9: with grace > 0 the server only marks the pod (deletionTimestamp, deletionGracePeriodSeconds);
    it stays readable while the kubelet stops its containers (here 30 simulated seconds = 1.5 s), shows as
    Terminating, and goes when the kubelet deletes it with grace 0; then the set recreates it."""
    create_web(cluster, replicas=1)
    wait_set_settled(cluster, 1)
    old = expect(cluster.get(f"{pods_path()}/web-0"))
    with EventLog(cluster, pods_path()) as pods:
        started = time.monotonic()
        deleted = expect(cluster.delete(f"{pods_path()}/web-0",
                                        {"apiVersion": "v1", "kind": "DeleteOptions", "gracePeriodSeconds": 30}))
        assert deleted["metadata"]["uid"] == old["metadata"]["uid"]
        assert deleted["metadata"].get("deletionTimestamp") and deleted["metadata"]["deletionGracePeriodSeconds"] == 30

        # The kubelet reports the containers stopping while the object is still there ...
        def stopping():
            return [e for e in pods.of("MODIFIED", "web-0")
                    if e["object"]["metadata"].get("deletionTimestamp")
                    and e["object"]["status"]["containerStatuses"][0]["state"].get("terminated")]
        wait_for(lambda: stopping() or pods.of("DELETED", "web-0"), timeout=10)
        assert stopping(), [(e["type"], e["object"]["status"]) for e in pods.drain()]
        assert not is_ready(stopping()[0]["object"])
        terminating = get_or_none(cluster, f"{pods_path()}/web-0")
        assert terminating and terminating["metadata"]["uid"] == old["metadata"]["uid"], terminating
        row = [line.split() for line in cluster.kubectl("get", "pods").stdout.splitlines()][1]
        assert row[0] == "web-0" and row[2] == "Terminating", row

        # ... and it goes once the (scaled) grace period is over (timestamps have whole seconds: up to 1 s early).
        wait_for(lambda: pods.of("DELETED", "web-0"), timeout=10)
        assert time.monotonic() - started >= 0.4
        gone = pods.of("DELETED", "web-0")[0]["object"]
        assert gone["metadata"]["uid"] == old["metadata"]["uid"]

        def replaced():
            pod = get_or_none(cluster, f"{pods_path()}/web-0")
            return pod if pod and pod["metadata"]["uid"] != old["metadata"]["uid"] and is_ready(pod) else None
        wait_for(replaced, timeout=10)
        assert_one_object_per_name(pods.drain())


def test_failed_pod_is_deleted_and_recreated(cluster):
    with EventLog(cluster, pods_path()) as pods:
        create_web(cluster, replicas=1, annotations={"ordinal.dev/simulate": "fail"})

        def failed():
            return [e for e in pods.of(name="web-0") if e["object"].get("status", {}).get("phase") == "Failed"]
        failure = wait_for(failed, timeout=10)[0]["object"]
        terminated = failure["status"]["containerStatuses"][0]["state"]["terminated"]
        assert terminated["exitCode"] == 1 and terminated["reason"] == "Error", terminated

        # The controller deletes the failed pod and creates a new one (a new uid) — more than once.
        wait_for(lambda: len({e["object"]["metadata"]["uid"] for e in pods.of("ADDED", "web-0")}) >= 3,
                 timeout=10)
        events = pods.drain()
        assert_one_object_per_name(events)
        deleted_uids = {e["object"]["metadata"]["uid"] for e in pods.of("DELETED", "web-0")}
        assert failure["metadata"]["uid"] in deleted_uids
    web = expect(cluster.get(sts_path()))
    assert web["status"].get("readyReplicas", 0) == 0


def test_never_ready_stalls_ordered_creation(cluster):
    create_web(cluster, replicas=3, annotations={"ordinal.dev/simulate": "never-ready"})

    def running():
        pod = get_or_none(cluster, f"{pods_path()}/web-0")
        return pod if pod and pod["status"].get("phase") == "Running" else None
    pod = wait_for(running, timeout=10)
    time.sleep(1.0)  # 20 simulated seconds at --time-scale 0.05: web-0 stays unready, web-1 never appears
    pod = expect(cluster.get(f"{pods_path()}/web-0"))
    assert pod["status"]["phase"] == "Running" and not is_ready(pod)
    assert pod["status"]["containerStatuses"][0]["ready"] is False
    assert [p["metadata"]["name"] for p in expect(cluster.get(pods_path()))["items"]] == ["web-0"]
    status = expect(cluster.get(sts_path()))["status"]
    assert status["replicas"] == 1 and status.get("readyReplicas", 0) == 0, status
