"""The official Python client (`kubernetes` package) against Ordinal, unchanged: AppsV1Api create, read,
list, patch (strategic, merge, JSON), replace, delete and the scale subresource; CoreV1Api for the pods the
controller manager creates; `watch.Watch` streams, resuming from a resourceVersion, and the 410 Gone a
client meets when its resourceVersion has left the watch history.

Every call goes through the client's own model classes, so a response missing a field the client requires
(status.replicas, spec.selector, items) fails here."""
import pytest
from kubernetes import client, watch
from kubernetes.client.rest import ApiException

from support import NGINX_LABELS, expect, headless_service, unique, wait_for, web_set

MERGE = "application/merge-patch+json"
STRATEGIC = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"


def api_client(server):
    configuration = client.Configuration()
    configuration.host = server.url
    return client.ApiClient(configuration)


@pytest.fixture
def clients(cluster):
    with api_client(cluster) as api:
        yield client.AppsV1Api(api), client.CoreV1Api(api)


def pods_of(core, namespace="default"):
    selector = ",".join(f"{k}={v}" for k, v in NGINX_LABELS.items())
    return sorted(core.list_namespaced_pod(namespace, label_selector=selector).items, key=lambda p: p.metadata.name)


def ready_pods(core, count):
    def check():
        pods = pods_of(core)
        ready = [p for p in pods if p.status.phase == "Running" and not p.metadata.deletion_timestamp
                 and any(c.type == "Ready" and c.status == "True" for c in p.status.conditions or [])]
        return pods if len(pods) == count and len(ready) == count else None
    return wait_for(check, timeout=15, interval=0.1)


def test_statefulset_lifecycle_through_apps_v1_api(cluster, clients):
    apps, core = clients
    core.create_namespaced_service("default", headless_service())
    created = apps.create_namespaced_stateful_set("default", web_set(replicas=2))
    assert isinstance(created, client.V1StatefulSet)
    assert created.metadata.uid and created.metadata.generation == 1
    assert created.spec.update_strategy.type == "RollingUpdate"          # defaulted by the server

    pods = ready_pods(core, 2)
    assert [p.metadata.name for p in pods] == ["web-0", "web-1"]
    owner = pods[0].metadata.owner_references[0]
    assert (owner.kind, owner.name, owner.uid, owner.controller) == ("StatefulSet", "web", created.metadata.uid, True)
    pod = core.read_namespaced_pod("web-0", "default")
    assert pod.spec.hostname == "web-0" and pod.spec.node_name and pod.status.pod_ip

    read = wait_for(lambda: (s := apps.read_namespaced_stateful_set("web", "default")).status.ready_replicas == 2 and s)
    assert read.status.replicas == 2 and read.status.current_revision == read.status.update_revision
    listed = apps.list_namespaced_stateful_set("default", field_selector="metadata.name=web")
    assert [s.metadata.name for s in listed.items] == ["web"] and listed.metadata.resource_version
    everywhere = apps.list_stateful_set_for_all_namespaces(field_selector="metadata.name=web")
    assert [s.metadata.namespace for s in everywhere.items] == ["default"]

    # Strategic merge: containers merge by name, so the image changes and the port stays.
    patched = apps.patch_namespaced_stateful_set(
        "web", "default", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]}}}},
        _content_type=STRATEGIC)
    container = patched.spec.template.spec.containers[0]
    assert container.image == "nginx:1.27" and container.ports[0].container_port == 80
    assert patched.metadata.generation == 2
    # Merge patch: a map merges, null removes a key.
    patched = apps.patch_namespaced_stateful_set("web", "default", {"metadata": {"labels": {"tier": "db"}}},
                                                 _content_type=MERGE)
    assert patched.metadata.labels == {"tier": "db"}
    patched = apps.patch_namespaced_stateful_set("web", "default", {"metadata": {"labels": {"tier": None}}},
                                                 _content_type=MERGE)
    assert not patched.metadata.labels
    # JSON patch: a test that fails changes nothing and answers 422.
    patched = apps.patch_namespaced_stateful_set(
        "web", "default", [{"op": "add", "path": "/metadata/annotations", "value": {"owner": "team-a"}}],
        _content_type=JSON_PATCH)
    assert patched.metadata.annotations == {"owner": "team-a"}
    with pytest.raises(ApiException) as failed:
        apps.patch_namespaced_stateful_set("web", "default", [{"op": "test", "path": "/spec/replicas", "value": 9}],
                                           _content_type=JSON_PATCH)
    assert failed.value.status == 422

    # Replace with the current resourceVersion succeeds (retried, as clients do, while the controller
    # writes status); replaying the old one conflicts.
    def replace():
        current = apps.read_namespaced_stateful_set("web", "default")
        current.spec.min_ready_seconds = 1
        try:
            return current, apps.replace_namespaced_stateful_set("web", "default", current)
        except ApiException as error:
            if error.status != 409:
                raise
            return None
    current, replaced = wait_for(replace, timeout=10, interval=0.05)
    assert replaced.spec.min_ready_seconds == 1 and replaced.metadata.resource_version != current.metadata.resource_version
    with pytest.raises(ApiException) as conflict:
        apps.replace_namespaced_stateful_set("web", "default", current)
    assert conflict.value.status == 409 and "Conflict" in conflict.value.body

    # Scale subresource.
    scale = apps.read_namespaced_stateful_set_scale("web", "default")
    assert isinstance(scale, client.V1Scale) and scale.spec.replicas == 2 and scale.status.selector == "app=nginx"
    scaled = apps.patch_namespaced_stateful_set_scale("web", "default", {"spec": {"replicas": 3}}, _content_type=MERGE)
    assert scaled.spec.replicas == 3
    assert [p.metadata.name for p in ready_pods(core, 3)] == ["web-0", "web-1", "web-2"]

    # Delete: the Status (or object) comes back, then the garbage collector removes the pods.
    apps.delete_namespaced_stateful_set("web", "default", body=client.V1DeleteOptions(propagation_policy="Background"))
    with pytest.raises(ApiException) as gone:
        apps.read_namespaced_stateful_set("web", "default")
    assert gone.value.status == 404
    wait_for(lambda: not pods_of(core), timeout=15, interval=0.1)


def test_errors_arrive_as_api_exceptions_with_status_bodies(cluster, clients):
    apps, _ = clients
    with pytest.raises(ApiException) as missing:
        apps.read_namespaced_stateful_set("nope", "default")
    assert missing.value.status == 404 and '"reason":"NotFound"' in missing.value.body.replace(" ", "")
    invalid = web_set(name="bad")
    invalid["spec"]["replicas"] = -1
    with pytest.raises(ApiException) as rejected:
        apps.create_namespaced_stateful_set("default", invalid)
    assert rejected.value.status == 422 and "spec.replicas" in rejected.value.body
    # The client's own models refuse unknown fields, so strict validation is met one level down.
    body = web_set(name="strict")
    body["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"] = "Sometimes"
    with pytest.raises(ApiException) as unsupported:
        apps.create_namespaced_stateful_set("default", body, field_validation="Strict")
    assert unsupported.value.status == 422 and "imagePullPolicy" in unsupported.value.body


def test_watch_stream_resumes_from_a_resource_version(cluster, clients):
    apps, _ = clients
    first = apps.create_namespaced_stateful_set("default", web_set(name=unique("a"), replicas=0))
    names = [apps.create_namespaced_stateful_set("default", web_set(name=unique("b"), replicas=0)).metadata.name
             for _ in range(2)]
    stream = watch.Watch().stream(apps.list_namespaced_stateful_set, "default",
                                  resource_version=first.metadata.resource_version, timeout_seconds=5)
    seen = []
    for event in stream:
        assert isinstance(event["object"], client.V1StatefulSet)
        seen.append((event["type"], event["object"].metadata.name))
        if len(seen) == 2:
            break
    assert seen == [("ADDED", names[0]), ("ADDED", names[1])]

    # A watch from a list's resourceVersion sees later changes only, as typed objects. (The controller
    # manager may write the sets' status in between, so the patch is looked for among the MODIFIED events.)
    listed = apps.list_namespaced_stateful_set("default")
    watcher = watch.Watch()
    apps.patch_namespaced_stateful_set(names[0], "default", {"spec": {"replicas": 1}}, _content_type=MERGE)
    for event in watcher.stream(apps.list_namespaced_stateful_set, "default",
                                resource_version=listed.metadata.resource_version, timeout_seconds=5):
        assert int(event["object"].metadata.resource_version) > int(listed.metadata.resource_version)
        if event["object"].metadata.name == names[0] and event["type"] == "MODIFIED" and event["object"].spec.replicas == 1:
            watcher.stop()
            break
    else:
        pytest.fail("no MODIFIED event for the patched set")


def test_watch_from_an_expired_resource_version_raises_410_and_relist_recovers(start_server):
    server = start_server(extra_args=["--watch-history", "5"])
    with api_client(server) as api:
        core = client.CoreV1Api(api)
        first = core.create_namespaced_config_map("default", {"metadata": {"name": "cm-0"}, "data": {"k": "0"}})
        for i in range(1, 12):
            core.create_namespaced_config_map("default", {"metadata": {"name": f"cm-{i}"}, "data": {"k": str(i)}})
        # Without timeout_seconds the client retries a 410 once, then raises it.
        with pytest.raises(ApiException) as expired:
            for _ in watch.Watch().stream(core.list_namespaced_config_map, "default",
                                          resource_version=first.metadata.resource_version):
                pass
        assert expired.value.status == 410 and "Expired" in expired.value.reason

        listed = core.list_namespaced_config_map("default")
        assert len(listed.items) == 12
        expect(server.post("/api/v1/namespaces/default/configmaps",
                           {"metadata": {"name": "after"}, "data": {"k": "x"}}), 201)
        events = watch.Watch().stream(core.list_namespaced_config_map, "default",
                                      resource_version=listed.metadata.resource_version, timeout_seconds=5)
        event = next(events)
        assert (event["type"], event["object"].metadata.name) == ("ADDED", "after")
        events.close()
