"""The controller manager killed with SIGKILL mid scale-up (2 to 10) and mid rollout of a StatefulSet, several times
over: each new controller manager picks up from what the API server holds (it keeps no state of its own),
and the set converges to its spec with exactly one pod per ordinal — a name is never created twice while
an object of that name still exists, and there are no stray pods."""
import random
import time

from support import (EventLog, assert_one_object_per_name, create_web, expect, list_pods, pods_path, sts_path,
                     wait_set_settled)

NEW_IMAGE = "registry.k8s.io/nginx-slim:0.25"
SEED = 7


def kill_controllers(cluster):
    cluster.process.kill()
    cluster.process.wait()


def converged(cluster, replicas):
    web = expect(cluster.get(sts_path()))
    status = web.get("status") or {}
    return (status.get("observedGeneration") == web["metadata"]["generation"]
            and status.get("readyReplicas") == status.get("updatedReplicas") == replicas)


def crash_repeatedly(cluster, rng, times, replicas):
    """Lets the controllers run for a random moment, kills them with SIGKILL, starts new ones; `times` times.
    Returns how many of the kills came before the set had converged."""
    early = 0
    for _ in range(times):
        time.sleep(rng.uniform(0.05, 0.35))
        kill_controllers(cluster)
        early += not converged(cluster, replicas)
        time.sleep(rng.uniform(0.0, 0.2))
        cluster.start_controllers()
    return early


def test_statefulset_converges_across_controller_manager_crashes(start_cluster):
    # Containers start 1 s (20 s scaled by 0.05) after the whole second of their startTime, so each pod of the
    # scale-up takes up to a second and the kills land inside it however fast the processes are.
    cluster = start_cluster(extra_args=("--start-delay", "20"))
    rng = random.Random(SEED)
    create_web(cluster, replicas=2)
    wait_set_settled(cluster, 2, timeout=30)

    with EventLog(cluster, pods_path()) as pods:
        # Mid scale-up.
        expect(cluster.patch(sts_path(subresource="scale"), {"spec": {"replicas": 10}}))
        assert crash_repeatedly(cluster, rng, 4, 10) >= 2, "the kills missed the scale-up"
        wait_set_settled(cluster, 10, timeout=60)

        # Mid rollout.
        expect(cluster.patch(sts_path(), {"spec": {"template": {"spec": {"containers": [
            {"name": "nginx", "image": NEW_IMAGE, "ports": [{"containerPort": 80, "name": "web"}]}]}}}}))
        assert crash_repeatedly(cluster, rng, 4, 10) >= 2, "the kills missed the rollout"
        web = wait_set_settled(cluster, 10, timeout=60)

        events = pods.drain()
    assert_one_object_per_name(events)
    pods_now = list_pods(cluster)
    assert [p["metadata"]["name"] for p in pods_now] == [f"web-{i}" for i in range(10)]
    assert {p["spec"]["containers"][0]["image"] for p in pods_now} == {NEW_IMAGE}
    assert {p["metadata"]["labels"]["controller-revision-hash"] for p in pods_now} == {web["status"]["updateRevision"]}
    # Each ordinal was created once for the scale-up, and replaced once by the rollout (no more).
    added = [e["object"]["metadata"]["name"] for e in events if e["type"] == "ADDED"]
    for ordinal in range(10):
        expected = 2 if ordinal >= 2 else 1
        assert added.count(f"web-{ordinal}") == expected, (ordinal, added)
