"""WATCH: chunked newline-delimited events (ADDED/MODIFIED/DELETED with full objects) in one namespace and
across namespaces, label/field selectors (objects entering and leaving the filter), starting points
(synthetic ADDED without resourceVersion, only later changes with one), bookmarks and
sendInitialEvents, timeoutSeconds, compacted history (410 Expired as an ERROR event), bad resourceVersions,
and a watcher that never reads not blocking writers."""
import threading

import pytest
import requests

from support import (CM, POD, STS, Watch, configmap, create, expect, expect_status, pod, rv, timed, unique)


def watch(api, path, **params):
    stream = Watch(api, path, params)
    assert stream.status_code == 200, stream.response.text
    return stream


@pytest.fixture
def closing():
    """Collects Watch objects and closes them at the end of the test."""
    streams = []
    yield streams.append
    for stream in streams:
        stream.close()


def test_watch_framing_and_event_types(api, ns, closing):
    created = create(api, CM, "cm", ns)
    stream = watch(api, CM.collection(ns), resourceVersion=created["metadata"]["resourceVersion"])
    closing(stream)
    assert stream.response.headers["Content-Type"].startswith("application/json")
    assert stream.response.headers.get("Transfer-Encoding", "").lower() == "chunked", stream.response.headers

    expect(api.patch(CM.item("cm", ns), {"data": {"key": "v2"}}))
    modified = stream.expect("MODIFIED", "cm")["object"]
    assert modified["kind"] == "ConfigMap" and modified["apiVersion"] == "v1"
    assert modified["data"] == {"key": "v2"} and modified["metadata"]["uid"] == created["metadata"]["uid"]

    create(api, CM, "second", ns)
    added = stream.expect("ADDED", "second")["object"]
    assert added["metadata"]["namespace"] == ns and rv(added) > rv(modified)

    deleted_status = expect(api.delete(CM.item("cm", ns)))
    deleted = stream.expect("DELETED", "cm")["object"]
    assert deleted["data"] == {"key": "v2"}, "DELETED carries the last state"
    assert rv(deleted) > rv(added)
    assert deleted["metadata"]["uid"] == deleted_status["details"]["uid"]
    stream.quiet(0.3)


def test_watch_without_resource_version_starts_with_current_objects(api, ns, closing):
    for name in ("a", "b"):
        create(api, CM, name, ns)
    stream = watch(api, CM.collection(ns))
    closing(stream)
    first = stream.take(2)
    assert {e["type"] for e in first} == {"ADDED"}
    assert sorted(e["object"]["metadata"]["name"] for e in first) == ["a", "b"]
    stream.quiet(0.3)
    create(api, CM, "c", ns)
    stream.expect("ADDED", "c")


def test_watch_from_resource_version_zero_sends_current_objects(api, ns, closing):
    create(api, CM, "a", ns)
    stream = watch(api, CM.collection(ns), resourceVersion="0")
    closing(stream)
    stream.expect("ADDED", "a")


def test_watch_from_resource_version_sends_only_later_changes(api, ns, closing):
    first = create(api, CM, "a", ns)
    create(api, CM, "b", ns)
    expect(api.patch(CM.item("a", ns), {"data": {"key": "changed"}}))
    stream = watch(api, CM.collection(ns), resourceVersion=first["metadata"]["resourceVersion"])
    closing(stream)
    stream.expect("ADDED", "b")
    assert stream.expect("MODIFIED", "a")["object"]["data"] == {"key": "changed"}
    stream.quiet(0.3)


def test_watch_across_namespaces(api, ns, closing):
    other = unique("t")
    expect(api.post("/api/v1/namespaces", {"metadata": {"name": other}}), 201)
    tag = unique("tag")
    list_rv = expect(api.get("/api/v1/configmaps", params={"limit": 1}))["metadata"]["resourceVersion"]
    stream = watch(api, "/api/v1/configmaps", resourceVersion=list_rv, labelSelector=f"tag={tag}")
    closing(stream)
    create(api, CM, "one", ns, body=configmap("one", labels={"tag": tag}))
    create(api, CM, "two", other, body=configmap("two", labels={"tag": tag}))
    seen = [(e["type"], e["object"]["metadata"]["namespace"], e["object"]["metadata"]["name"])
            for e in stream.take(2)]
    assert seen == [("ADDED", ns, "one"), ("ADDED", other, "two")]


def test_watch_one_namespace_ignores_others(api, ns, closing):
    stream = watch(api, CM.collection(ns), resourceVersion="0")
    closing(stream)
    create(api, CM, unique("elsewhere"), "default")
    create(api, CM, "here", ns)
    stream.expect("ADDED", "here")


def test_watch_label_selector_enter_and_leave(api, ns, closing):
    stream = watch(api, CM.collection(ns), labelSelector="role=x")
    closing(stream)
    create(api, CM, "other", ns, body=configmap("other", labels={"role": "y"}))
    create(api, CM, "cm", ns, body=configmap("cm", labels={"role": "x"}))
    stream.expect("ADDED", "cm")
    expect(api.patch(CM.item("cm", ns), {"metadata": {"labels": {"role": "y"}}}))
    stream.expect("DELETED", "cm")
    expect(api.patch(CM.item("other", ns), {"data": {"key": "ignored"}}))
    expect(api.patch(CM.item("cm", ns), {"metadata": {"labels": {"role": "x"}}}))
    stream.expect("ADDED", "cm")
    expect(api.patch(CM.item("cm", ns), {"data": {"key": "v2"}}))
    stream.expect("MODIFIED", "cm")
    stream.quiet(0.3)


def test_watch_field_selector_on_pod_phase(api, ns, closing):
    stream = watch(api, POD.collection(ns), fieldSelector="status.phase=Running")
    closing(stream)
    create(api, POD, "p", ns, body=pod("p"))
    stream.quiet(0.3)
    current = expect(api.get(POD.item("p", ns)))
    current["status"]["phase"] = "Running"
    running = expect(api.put(POD.item("p", ns, "status"), current))
    stream.expect("ADDED", "p")
    running["status"]["phase"] = "Succeeded"
    expect(api.put(POD.item("p", ns, "status"), running))
    stream.expect("DELETED", "p")


def test_watch_field_selector_on_name(api, ns, closing):
    stream = watch(api, STS.collection(ns), fieldSelector="metadata.name=web")
    closing(stream)
    create(api, STS, "other", ns)
    create(api, STS, "web", ns)
    stream.expect("ADDED", "web")
    expect(api.patch(STS.item("web", ns, "scale"), {"spec": {"replicas": 3}}))
    assert stream.expect("MODIFIED", "web")["object"]["spec"]["replicas"] == 3


@pytest.mark.parametrize("flag", ["True", "1", "true"])
def test_watch_flag_spellings(api, ns, closing, flag):
    create(api, CM, "cm", ns)
    stream = watch(api, CM.collection(ns), watch=flag)
    closing(stream)
    stream.expect("ADDED", "cm")


def test_watch_false_is_a_list(api, ns):
    create(api, CM, "cm", ns)
    body = expect(api.get(CM.collection(ns), params={"watch": "false"}))
    assert body["kind"] == "ConfigMapList"


def test_dry_run_emits_no_watch_event(api, ns, closing):
    stream = watch(api, CM.collection(ns), resourceVersion="0")
    closing(stream)
    create(api, CM, "dry", ns, dryRun="All")
    stream.quiet(0.4)
    create(api, CM, "real", ns)
    stream.expect("ADDED", "real")


def test_allow_watch_bookmarks_is_accepted(api, ns, closing):
    stream = watch(api, CM.collection(ns), allowWatchBookmarks="true", resourceVersion="0")
    closing(stream)
    create(api, CM, "cm", ns)
    event = stream.next()
    while event["type"] == "BOOKMARK":
        assert event["object"]["kind"] == "ConfigMap" and event["object"]["metadata"]["resourceVersion"]
        event = stream.next()
    assert event["type"] == "ADDED" and event["object"]["metadata"]["name"] == "cm"


# client-go's WatchList reflector sends no resourceVersion on its first watch (upstream validateWatchOptions
# does not require one for watches); later watches carry the last seen one.
@pytest.mark.parametrize("start", [{}, {"resourceVersion": "0"}], ids=["no-resourceVersion", "resourceVersion-0"])
def test_send_initial_events_ends_with_a_bookmark(api, ns, closing, start):
    for name in ("a", "b"):
        create(api, CM, name, ns)
    stream = watch(api, CM.collection(ns), sendInitialEvents="true", resourceVersionMatch="NotOlderThan",
                   allowWatchBookmarks="true", **start)
    closing(stream)
    initial = stream.take(2)
    assert [e["type"] for e in initial] == ["ADDED", "ADDED"]
    assert sorted(e["object"]["metadata"]["name"] for e in initial) == ["a", "b"]
    bookmark = stream.expect("BOOKMARK")
    assert bookmark["object"]["metadata"]["annotations"] == {"k8s.io/initial-events-end": "true"}
    assert rv(bookmark["object"]) >= max(rv(e["object"]) for e in initial)
    create(api, CM, "c", ns)
    event = stream.next()
    while event["type"] == "BOOKMARK":
        event = stream.next()
    assert event["type"] == "ADDED" and event["object"]["metadata"]["name"] == "c"


def test_send_initial_events_without_not_older_than_is_an_error(api, ns):
    stream = Watch(api, CM.collection(ns), {"sendInitialEvents": "true", "allowWatchBookmarks": "true"})
    try:
        assert stream.status_code in (400, 422), "sendInitialEvents must not be silently ignored"
        assert stream.response.json()["kind"] == "Status"
    finally:
        stream.close()


def test_timeout_seconds_ends_the_stream_cleanly(api, ns):
    create(api, CM, "cm", ns)
    stream = Watch(api, CM.collection(ns), {"timeoutSeconds": "1"})
    assert stream.status_code == 200
    events, seconds = timed(lambda: stream.ended(timeout=6))
    assert 0.5 <= seconds <= 5, f"a 1 s watch ended after {seconds:.2f}s"
    assert [e["type"] for e in events] == ["ADDED"]
    assert stream.error is None, f"the stream did not end cleanly: {stream.error!r}"
    stream.close()


def test_fractional_timeout_seconds(api, ns):
    stream = Watch(api, CM.collection(ns), {"timeoutSeconds": "1.0"})
    assert stream.status_code == 200, stream.response.text
    stream.ended(timeout=6)
    assert stream.error is None
    stream.close()


def test_compacted_resource_version_yields_410_error_event(start_server):
    server = start_server(extra_args=["--watch-history", "5"])
    for index in range(20):
        create(server, CM, f"cm{index}", "default")
    stream = Watch(server, CM.collection("default"), {"resourceVersion": "1"})
    assert stream.status_code == 200, stream.response.text
    events = stream.ended(timeout=5)
    stream.close()
    assert len(events) == 1, events
    assert events[0]["type"] == "ERROR"
    status = events[0]["object"]
    assert status["kind"] == "Status" and status["status"] == "Failure"
    assert status["code"] == 410 and status["reason"] == "Expired", status
    assert status["message"].startswith("too old resource version: 1"), status


def test_recent_resource_version_within_history_still_works(start_server):
    server = start_server(extra_args=["--watch-history", "5"])
    created = [create(server, CM, f"cm{index}", "default") for index in range(10)]
    stream = watch(server, CM.collection("default"), resourceVersion=created[-3]["metadata"]["resourceVersion"])
    try:
        assert [e["object"]["metadata"]["name"] for e in stream.take(2)] == ["cm8", "cm9"]
    finally:
        stream.close()


@pytest.mark.parametrize("version", ["abc", "-5", "1.5"])
def test_unparseable_resource_version_is_400(api, ns, version):
    stream = Watch(api, CM.collection(ns), {"resourceVersion": version})
    try:
        expect_status(stream.response, 400)
    finally:
        stream.close()


def test_watch_of_a_single_kind_is_typed(api, ns, closing):
    stream = watch(api, STS.collection(ns), resourceVersion="0")
    closing(stream)
    create(api, STS, "web", ns)
    event = stream.expect("ADDED", "web")["object"]
    assert event["kind"] == "StatefulSet" and event["apiVersion"] == "apps/v1"
    assert event["spec"]["replicas"] == 1 and "status" in event


def test_idle_watcher_does_not_block_writers(start_server):
    server = start_server()
    stalled = requests.get(server.url + CM.collection("default"), params={"watch": "true"}, stream=True,
                           timeout=(5, 60))
    assert stalled.status_code == 200
    payload = {"blob": "x" * 40_000}
    failures = []

    def write_all():
        session = requests.Session()
        for index in range(200):
            response = session.post(server.url + CM.collection("default"),
                                    json=configmap(f"cm{index}", data=payload), timeout=15)
            if response.status_code != 201:
                failures.append(response.status_code)

    writer = threading.Thread(target=write_all, daemon=True)
    try:
        _, seconds = timed(lambda: (writer.start(), writer.join(timeout=40)))
        assert not writer.is_alive(), "writers blocked behind a watcher that does not read"
        assert failures == []
        assert seconds < 40
        assert len(expect(server.get(CM.collection("default")))["items"]) == 200
        # The stalled watch was live all along: its first event is there to read.
        first = next(line for line in stalled.iter_lines(chunk_size=None) if line.strip())
        assert b'"ADDED"' in first[:40]
    finally:
        stalled.close()


def test_resource_version_ahead_of_now_waits(api, ns, closing):
    future = str(rv(expect(api.get(CM.collection(ns)))) + 1000)
    stream = watch(api, CM.collection(ns), resourceVersion=future)
    closing(stream)
    stream.quiet(0.5)
    assert not stream.finished.is_set(), "a watch from a future resourceVersion should wait, not end"
