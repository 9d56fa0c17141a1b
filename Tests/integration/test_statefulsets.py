"""StatefulSet seed scenarios against the real API server and controller manager: ordered creation and pod
identity (scenario 1), scaling up and down in order with claims kept and reattached (scenario 3), and the
events the controller records (scenario 6)."""
import json

from support import (EventLog, assert_one_object_per_name, create_web, expect, get_or_none, is_ready,
                     list_pods, pods_path, pvcs_path, sts_path, wait_for, wait_set_settled)


def test_ordered_creation_identity_and_status(cluster):
    with EventLog(cluster, pods_path()) as pods:
        created = create_web(cluster, replicas=2)
        web = wait_set_settled(cluster, 2)
        wait_for(lambda: pods.of("ADDED", "web-1"))
        events = pods.drain()

    # OrderedReady: web-1 is created only after web-0 is Running and Ready.
    names = [(e["type"], e["object"]["metadata"]["name"]) for e in events]
    first_web1 = names.index(("ADDED", "web-1"))
    web0_ready = [i for i, e in enumerate(events)
                  if e["object"]["metadata"]["name"] == "web-0" and is_ready(e["object"])]
    assert web0_ready and web0_ready[0] < first_web1, names
    ready_rv = int(events[web0_ready[0]]["object"]["metadata"]["resourceVersion"])
    assert int(events[first_web1]["object"]["metadata"]["resourceVersion"]) > ready_rv
    assert_one_object_per_name(events)

    revision = web["status"]["updateRevision"]
    for index, pod in enumerate(list_pods(cluster)):
        name = f"web-{index}"
        assert pod["metadata"]["name"] == name
        assert pod["spec"]["hostname"] == name and pod["spec"]["subdomain"] == "nginx", pod["spec"]
        labels = pod["metadata"]["labels"]
        assert labels["app"] == "nginx"
        assert labels["statefulset.kubernetes.io/pod-name"] == name
        assert labels["apps.kubernetes.io/pod-index"] == str(index)
        assert labels["controller-revision-hash"] == revision
        assert pod["metadata"]["ownerReferences"] == [{
            "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": created["metadata"]["uid"],
            "controller": True, "blockOwnerDeletion": True}]
        assert pod["spec"]["nodeName"].startswith("ordinal-worker-")

    status = web["status"]
    assert status["observedGeneration"] == web["metadata"]["generation"] == 1
    assert (status["replicas"], status["readyReplicas"], status["currentReplicas"], status["updatedReplicas"]) \
        == (2, 2, 2, 2)
    assert status["currentRevision"] == status["updateRevision"] == revision
    assert revision.startswith("web-")

    revisions = expect(cluster.get("/apis/apps/v1/namespaces/default/controllerrevisions"))["items"]
    assert [r["metadata"]["name"] for r in revisions] == [revision]
    owner = revisions[0]["metadata"]["ownerReferences"]
    assert owner[0]["uid"] == created["metadata"]["uid"] and owner[0]["controller"] is True, owner
    assert revisions[0]["revision"] == 1

    nodes = json.loads(cluster.kubectl("get", "nodes", "-o", "json").stdout)["items"]
    assert sorted(n["metadata"]["name"] for n in nodes) == ["ordinal-worker-1", "ordinal-worker-2",
                                                               "ordinal-worker-3"]
    table = cluster.kubectl("get", "nodes").stdout.splitlines()
    assert len(table) == 4 and all(f"ordinal-worker-{i}" in cluster.kubectl("get", "nodes").stdout
                                   for i in (1, 2, 3)), table


def _scale(cluster, replicas):
    expect(cluster.patch(sts_path(subresource="scale"), {"spec": {"replicas": replicas}}))


def _claim_uids(cluster):
    return {c["metadata"]["name"]: c["metadata"]["uid"] for c in expect(cluster.get(pvcs_path()))["items"]}


def _created_after_ready(events, lower, higher):
    """True when `higher` was first ADDED after `lower` was seen Running+Ready (in watch order)."""
    order = [(e["type"], e["object"]["metadata"]["name"], is_ready(e["object"])) for e in events]
    added = order.index(("ADDED", higher, False)) if ("ADDED", higher, False) in order else None
    ready = next((i for i, (_, name, ready) in enumerate(order) if name == lower and ready), None)
    return added is not None and ready is not None and ready < added


def test_scale_up_and_down_in_order_keeping_claims(cluster):
    create_web(cluster, replicas=2, storage=True)
    wait_set_settled(cluster, 2)
    with EventLog(cluster, pods_path()) as pods:
        _scale(cluster, 3)
        wait_set_settled(cluster, 3)
        cluster.kubectl("scale", "sts", "web", "--replicas=5")
        wait_set_settled(cluster, 5)
        events = list(pods.drain())
        assert [n for n in pods.names("ADDED")] == ["web-2", "web-3", "web-4"]
        for lower, higher in (("web-2", "web-3"), ("web-3", "web-4")):  # (web-1 was Ready before the watch)
            assert _created_after_ready(events, lower, higher), [(e["type"], e["object"]["metadata"]["name"])
                                                                  for e in events]
        claims = _claim_uids(cluster)
        assert sorted(claims) == [f"www-web-{i}" for i in range(5)]

        _scale(cluster, 2)
        wait_set_settled(cluster, 2)
        events = pods.drain()
        assert pods.names("DELETED") == ["web-4", "web-3", "web-2"]
        # One at a time: a pod starts terminating only after the higher one is gone.
        sequence = [(e["type"], e["object"]["metadata"]["name"], bool(e["object"]["metadata"].get("deletionTimestamp")))
                    for e in events]
        for higher, lower in (("web-4", "web-3"), ("web-3", "web-2")):
            gone = sequence.index(("DELETED", higher, True)) if ("DELETED", higher, True) in sequence else \
                [i for i, s in enumerate(sequence) if s[:2] == ("DELETED", higher)][0]
            touched = [i for i, s in enumerate(sequence) if s[1] == lower and (s[2] or s[0] == "DELETED")]
            assert touched and touched[0] > gone, sequence
        assert_one_object_per_name(pods.drain())

    # Claims survive scale-down (Retain/Retain) and are reattached as they are on scale-up.
    assert _claim_uids(cluster) == claims
    _scale(cluster, 5)
    wait_set_settled(cluster, 5)
    assert _claim_uids(cluster) == claims
    for pod in list_pods(cluster):
        name = pod["metadata"]["name"]
        volumes = {v["name"]: v for v in pod["spec"]["volumes"]}
        assert volumes["www"]["persistentVolumeClaim"]["claimName"] == "www-" + name
    for name in claims:
        claim = expect(cluster.get(f"{pvcs_path()}/{name}"))
        assert claim["status"]["phase"] == "Bound"
        assert claim["spec"]["volumeName"] == "pvc-" + claim["metadata"]["uid"]


def test_events_for_creations(cluster):
    create_web(cluster, replicas=1, storage=True)
    wait_set_settled(cluster, 1)

    def messages():
        items = expect(cluster.get("/api/v1/namespaces/default/events",
                                   params={"fieldSelector": "involvedObject.name=web"}))["items"]
        return {(e["reason"], e["message"]) for e in items}
    wait_for(lambda: {("SuccessfulCreate", "create Pod web-0 in StatefulSet web successful"),
                      ("SuccessfulCreate", "create Claim www-web-0 Pod web-0 in StatefulSet web success")}
             <= messages())
    items = expect(cluster.get("/api/v1/namespaces/default/events",
                               params={"fieldSelector": "involvedObject.name=web"}))["items"]
    for event in items:
        assert event["involvedObject"]["kind"] == "StatefulSet" and event["type"] == "Normal", event

    described = cluster.kubectl("describe", "sts", "web").stdout
    assert "SuccessfulCreate" in described
    assert "create Pod web-0 in StatefulSet web successful" in described, described
    assert "create Claim www-web-0 Pod web-0 in StatefulSet web success" in described, described


def test_kubectl_tables_for_sets_and_pods(cluster):
    create_web(cluster, replicas=2)
    wait_set_settled(cluster, 2)
    sets = [line.split() for line in cluster.kubectl("get", "sts").stdout.splitlines()]
    assert sets[0] == ["NAME", "READY", "AGE"], sets
    assert sets[1][:2] == ["web", "2/2"], sets
    wide = [line.split() for line in cluster.kubectl("get", "sts", "-o", "wide").stdout.splitlines()]
    assert wide[0] == ["NAME", "READY", "AGE", "CONTAINERS", "IMAGES"], wide
    assert wide[1][0] == "web" and wide[1][3:] == ["nginx", "registry.k8s.io/nginx-slim:0.24"], wide
    pods = [line.split() for line in cluster.kubectl("get", "pods").stdout.splitlines()]
    assert pods[0][:4] == ["NAME", "READY", "STATUS", "RESTARTS"], pods
    assert [row[:3] for row in pods[1:]] == [["web-0", "1/1", "Running"], ["web-1", "1/1", "Running"]], pods

