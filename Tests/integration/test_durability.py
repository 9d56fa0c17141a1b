"""Process flags and durability: `--port 0` prints the URL it listens on, `--storage memory` serves the API,
and on the SQLite store every acknowledged write survives `kill -9`: after a restart on the same data folder
each object is served with the same uid and resourceVersion, deletions stay deleted, and the next write gets a
higher resourceVersion (the counter never goes back)."""
import re

from support import CM, STS, Watch, configmap, create, expect, expect_status, rv, statefulset


def snapshot(server, paths):
    """path -> (uid, resourceVersion, whole object)."""
    result = {}
    for path in paths:
        body = expect(server.get(path))
        result[path] = (body["metadata"]["uid"], body["metadata"]["resourceVersion"], body)
    return result


def test_port_zero_prints_the_url(server):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url), server.first_line
    port = int(server.url.rsplit(":", 1)[1])
    assert port > 0
    assert server.get("/healthz").text == "ok"


def test_memory_storage_serves_the_api(memory_server):
    created = create(memory_server, STS, "web", "default")
    assert expect(memory_server.get(STS.item("web", "default")))["metadata"]["uid"] == created["metadata"]["uid"]
    assert [n["metadata"]["name"] for n in expect(memory_server.get("/api/v1/namespaces"))["items"]] >= ["default"]


def test_memory_storage_starts_empty_each_time(start_server, data_dir):
    first = start_server(storage="memory", data_dir=data_dir)
    create(first, CM, "cm", "default")
    first.restart()
    expect_status(first.get(CM.item("cm", "default")), 404)
    expect(first.get("/api/v1/namespaces/default"))


def test_objects_survive_kill_9(server):
    create(server, STS, "web", "default")
    create(server, CM, "kept", "default")
    create(server, CM, "gone", "default")
    create(server, CM, "edited", "default", body=configmap("edited", data={"v": "1"}))
    expect(server.patch(CM.item("edited", "default"), {"data": {"v": "2"}}))
    expect(server.patch(STS.item("web", "default", "scale"), {"spec": {"replicas": 3}}))
    status = expect(server.get(STS.item("web", "default")))
    status["status"] = {"replicas": 2, "readyReplicas": 1, "observedGeneration": 2}
    expect(server.put(STS.item("web", "default", "status"), status))
    expect(server.delete(CM.item("gone", "default")))
    paths = [STS.item("web", "default"), CM.item("kept", "default"), CM.item("edited", "default"),
             "/api/v1/namespaces/default"]
    before = snapshot(server, paths)
    counter_before = rv(expect(server.get("/api/v1/configmaps")))

    server.restart(signal_kill=True)

    after = snapshot(server, paths)
    for path in paths:
        assert after[path][:2] == before[path][:2], path
        assert after[path][2] == before[path][2], path
    assert after[CM.item("edited", "default")][2]["data"] == {"v": "2"}
    assert after[STS.item("web", "default")][2]["spec"]["replicas"] == 3
    assert after[STS.item("web", "default")][2]["status"]["readyReplicas"] == 1
    expect_status(server.get(CM.item("gone", "default")), 404)
    assert rv(expect(server.get("/api/v1/configmaps"))) >= counter_before

    newer = create(server, CM, "after-restart", "default")
    assert rv(newer) > counter_before
    edited = expect(server.patch(CM.item("kept", "default"), {"data": {"v": "3"}}))
    assert rv(edited) > rv(newer)


def test_resource_versions_keep_growing_over_several_restarts(server):
    highest = 0
    for round_number in range(3):
        created = create(server, CM, f"cm{round_number}", "default")
        assert rv(created) > highest
        highest = rv(created)
        server.restart(signal_kill=True)
    assert sorted(i["metadata"]["name"] for i in expect(server.get(CM.collection("default")))["items"]) == \
        ["cm0", "cm1", "cm2"]


def test_watch_resumes_after_restart(server):
    first = create(server, CM, "a", "default")
    server.restart(signal_kill=True)
    create(server, CM, "b", "default")
    stream = Watch(server, CM.collection("default"), {"resourceVersion": first["metadata"]["resourceVersion"]})
    try:
        assert stream.status_code == 200, stream.response.text
        event = stream.next()
        assert event["type"] in ("ADDED", "ERROR"), event
        if event["type"] == "ADDED":
            assert event["object"]["metadata"]["name"] == "b"
        else:
            assert event["object"]["code"] == 410
    finally:
        stream.close()


def test_graceful_stop_keeps_data_too(server):
    created = create(server, STS, "web", "default", body=statefulset("web"))
    server.restart(signal_kill=False)
    assert expect(server.get(STS.item("web", "default")))["metadata"]["uid"] == created["metadata"]["uid"]
