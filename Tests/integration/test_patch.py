"""PATCH: JSON patch (RFC 6902), merge patch (RFC 7386), strategic merge patch (containers merged by name,
`$patch: delete`, `$setElementOrder`, `$deleteFromPrimitiveList`, merged finalizers), unsupported content
types (415), malformed bodies (400), resourceVersion preconditions (409) and missing objects (404)."""
import pytest

from support import CM, STS, configmap, create, expect, expect_status, statefulset

JSON_PATCH = "application/json-patch+json"
MERGE_PATCH = "application/merge-patch+json"
STRATEGIC = "application/strategic-merge-patch+json"

NGINX = {"name": "nginx", "image": "nginx:1.25", "ports": [{"containerPort": 80}]}
SIDECAR = {"name": "sidecar", "image": "busybox:1.36", "command": ["sleep", "infinity"]}


@pytest.fixture
def web(api, ns):
    """A StatefulSet `web` with two containers, nginx and sidecar."""
    create(api, STS, "web", ns, body=statefulset("web", containers=[dict(NGINX), dict(SIDECAR)]))
    return STS.item("web", ns)


def containers(obj):
    return obj["spec"]["template"]["spec"]["containers"]


def container(obj, name):
    return next(c for c in containers(obj) if c["name"] == name)


def template_patch(**spec):
    return {"spec": {"template": {"spec": spec}}}


# --- JSON patch and merge patch --------------------------------------------------------------------------


def test_json_patch(api, web):
    operations = [{"op": "replace", "path": "/spec/replicas", "value": 3},
                  {"op": "add", "path": "/metadata/labels", "value": {"tier": "frontend"}},
                  {"op": "test", "path": "/spec/serviceName", "value": "nginx"}]
    patched = expect(api.patch(web, operations, content_type=JSON_PATCH))
    assert patched["spec"]["replicas"] == 3 and patched["metadata"]["labels"] == {"tier": "frontend"}
    assert expect(api.get(web))["spec"]["replicas"] == 3


def test_json_patch_remove_and_failed_test_op(api, web):
    patched = expect(api.patch(web, [{"op": "remove", "path": "/spec/template/spec/containers/1"}],
                               content_type=JSON_PATCH))
    assert [c["name"] for c in containers(patched)] == ["nginx"]
    failing = api.patch(web, [{"op": "test", "path": "/spec/serviceName", "value": "other"},
                              {"op": "replace", "path": "/spec/replicas", "value": 9}], content_type=JSON_PATCH)
    assert 400 <= failing.status_code < 500, failing.text
    assert expect(api.get(web))["spec"]["replicas"] == 1


def test_merge_patch_deletes_with_null_and_replaces_lists(api, ns):
    create(api, CM, "cm", ns, body=configmap("cm", data={"a": "1", "b": "2"}, labels={"x": "1"}))
    patched = expect(api.patch(CM.item("cm", ns), {"data": {"a": None, "c": "3"}, "metadata": {"labels": {"x": None}}},
                               content_type=MERGE_PATCH))
    assert patched["data"] == {"b": "2", "c": "3"}
    assert not patched["metadata"].get("labels")


def test_merge_patch_replaces_container_list(api, web):
    patched = expect(api.patch(web, template_patch(containers=[{"name": "sidecar", "image": "busybox:2"}]),
                               content_type=MERGE_PATCH))
    assert [c["name"] for c in containers(patched)] == ["sidecar"]


# --- Strategic merge patch ---------------------------------------------------------------------------------


def test_strategic_merge_patch_merges_containers_by_name(api, web):
    patched = expect(api.patch(web, template_patch(containers=[{"name": "sidecar", "image": "busybox:2"}]),
                               content_type=STRATEGIC))
    assert sorted(c["name"] for c in containers(patched)) == ["nginx", "sidecar"]
    assert container(patched, "sidecar")["image"] == "busybox:2"
    assert container(patched, "sidecar")["command"] == ["sleep", "infinity"]
    assert container(patched, "nginx")["image"] == "nginx:1.25"


def test_strategic_merge_patch_adds_a_container(api, web):
    patched = expect(api.patch(web, template_patch(containers=[{"name": "extra", "image": "busybox:3"}]),
                               content_type=STRATEGIC))
    assert sorted(c["name"] for c in containers(patched)) == ["extra", "nginx", "sidecar"]


def test_strategic_merge_patch_delete_directive(api, web):
    patched = expect(api.patch(web, template_patch(containers=[{"name": "sidecar", "$patch": "delete"}]),
                               content_type=STRATEGIC))
    assert [c["name"] for c in containers(patched)] == ["nginx"]


def test_strategic_merge_patch_set_element_order(api, web):
    body = template_patch(**{"$setElementOrder/containers": [{"name": "nginx"}, {"name": "sidecar"}],
                             "containers": [{"name": "nginx", "image": "nginx:1.27"}]})
    patched = expect(api.patch(web, body, content_type=STRATEGIC))
    assert [c["name"] for c in containers(patched)] == ["nginx", "sidecar"]
    assert container(patched, "nginx")["image"] == "nginx:1.27"
    assert "$setElementOrder/containers" not in patched["spec"]["template"]["spec"]


def test_strategic_merge_patch_on_finalizers(api, ns):
    create(api, CM, "cm", ns, body=configmap("cm", finalizers=["a.example.com/x", "b.example.com/y"]))
    path = CM.item("cm", ns)

    merged = expect(api.patch(path, {"metadata": {"finalizers": ["c.example.com/z"]}}, content_type=STRATEGIC))
    assert sorted(merged["metadata"]["finalizers"]) == ["a.example.com/x", "b.example.com/y", "c.example.com/z"]

    removed = expect(api.patch(path, {"metadata": {"$deleteFromPrimitiveList/finalizers": ["a.example.com/x"]}},
                               content_type=STRATEGIC))
    assert sorted(removed["metadata"]["finalizers"]) == ["b.example.com/y", "c.example.com/z"]

    expect(api.patch(path, {"metadata": {"finalizers": None}}, content_type=MERGE_PATCH))
    assert not expect(api.get(path))["metadata"].get("finalizers")


def test_strategic_merge_patch_replaces_lists_without_strategy(api, web):
    body = template_patch(containers=[{"name": "sidecar", "command": ["sh"]}])
    patched = expect(api.patch(web, body, content_type=STRATEGIC))
    assert container(patched, "sidecar")["command"] == ["sh"]


# --- Errors ------------------------------------------------------------------------------------------------


def test_unsupported_patch_content_type_is_415(api, web):
    for content_type in ("text/plain", "application/json"):
        response = api.patch(web, {"spec": {"replicas": 4}}, content_type=content_type)
        expect_status(response, 415, "UnsupportedMediaType")
    assert expect(api.get(web))["spec"]["replicas"] == 1


@pytest.mark.parametrize("content_type,body", [
    (MERGE_PATCH, '{"spec": {"replicas": 4}'),
    (STRATEGIC, "not json"),
    (JSON_PATCH, '{"op": "replace"'),
], ids=["merge", "strategic", "json"])
def test_malformed_patch_is_400(api, web, content_type, body):
    expect_status(api.patch(web, body, content_type=content_type), 400, "BadRequest")
    assert expect(api.get(web))["spec"]["replicas"] == 1


def test_resource_version_in_patch_is_a_precondition(api, web):
    current = expect(api.get(web))
    stale = str(int(current["metadata"]["resourceVersion"]) - 1)
    response = api.patch(web, {"metadata": {"resourceVersion": stale}, "spec": {"replicas": 4}})
    expect_status(response, 409, "Conflict")
    assert expect(api.get(web))["spec"]["replicas"] == 1

    matching = {"metadata": {"resourceVersion": current["metadata"]["resourceVersion"]}, "spec": {"replicas": 4}}
    assert expect(api.patch(web, matching))["spec"]["replicas"] == 4


def test_patch_of_missing_object_is_404(api, ns):
    response = api.patch(STS.item("ghost", ns), {"spec": {"replicas": 2}})
    expect_status(response, 404, "NotFound", message='statefulsets.apps "ghost" not found')


def test_patch_result_is_validated(api, web):
    response = api.patch(web, {"spec": {"replicas": -1}})
    expect_status(response, 422, "Invalid")
    response = api.patch(web, {"spec": {"serviceName": "other"}}, content_type=STRATEGIC)
    expect_status(response, 422, "Invalid")
    assert expect(api.get(web))["spec"]["serviceName"] == "nginx"
