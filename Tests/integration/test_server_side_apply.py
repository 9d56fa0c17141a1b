"""Server-side apply over HTTP (`application/apply-patch+yaml`): managed fields recorded per manager,
409 conflicts naming the owner and field, `force=true`, removal of fields a manager stops applying, and
Update managers recorded from `fieldManager` or the User-Agent."""
import json

import yaml

from support import CM, STS, causes, configmap, expect, expect_status, statefulset

APPLY = "application/apply-patch+yaml"


def apply(api, path, body, manager, force=False, as_yaml=True):
    params = {"fieldManager": manager} if manager else {}
    if force:
        params["force"] = "true"
    text = yaml.safe_dump(body) if as_yaml else body
    return api.patch(path, text, content_type=APPLY, params=params)


def managers(obj):
    return [(entry["manager"], entry["operation"]) for entry in obj["metadata"].get("managedFields", [])]


def entry(obj, manager):
    return next(e for e in obj["metadata"]["managedFields"] if e["manager"] == manager)


def web(replicas, **extra):
    body = statefulset("web", replicas=replicas)
    body["metadata"].update(extra)
    return body


def test_apply_creates_then_conflicts_then_forces(api, ns):
    path = STS.item("web", ns)
    created = expect(apply(api, path, web(4), "other"), 201)
    assert managers(created) == [("other", "Apply")]
    fields = entry(created, "other")
    assert fields["apiVersion"] == "apps/v1" and fields["fieldsType"] == "FieldsV1" and fields["time"].endswith("Z")
    assert fields["fieldsV1"]["f:spec"]["f:replicas"] == {}
    container = fields["fieldsV1"]["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"nginx"}']
    assert container["."] == {} and container["f:image"] == {}
    assert "f:status" not in fields["fieldsV1"] and "f:podManagementPolicy" not in fields["fieldsV1"]["f:spec"]

    # The same values are shared; a different one conflicts and changes nothing.
    refused = expect_status(apply(api, path, web(3), "mine"), 409, "Conflict",
                            message='Apply failed with 1 conflict: conflict with "other" using apps/v1: .spec.replicas')
    assert causes(refused) == [{"reason": "FieldManagerConflict", "message": 'conflict with "other" using apps/v1',
                                "field": ".spec.replicas"}]
    assert expect(api.get(path))["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]

    forced = expect(apply(api, path, json.dumps(web(3)), "mine", force=True, as_yaml=False))
    assert forced["spec"]["replicas"] == 3 and forced["metadata"]["generation"] == 2
    assert managers(forced) == [("other", "Apply"), ("mine", "Apply")]
    assert "f:replicas" not in entry(forced, "other")["fieldsV1"]["f:spec"]
    assert entry(forced, "mine")["fieldsV1"]["f:spec"]["f:replicas"] == {}
    # A JSON body is accepted too (above); now the other manager is the one in conflict.
    expect_status(apply(api, path, web(4), "other"), 409, "Conflict", contains='conflict with "mine" using apps/v1')


def test_dropped_fields_are_removed_unless_shared(api, ns):
    path = CM.item("settings", ns)
    expect(apply(api, path, configmap("settings", {"a": "1", "b": "2", "c": "3"}, labels={"team": "x"}), "mine"), 201)
    # Another manager applies c with the same value: it now shares c.
    expect(apply(api, path, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"},
                             "data": {"c": "3"}}, "other"))
    after = expect(apply(api, path, configmap("settings", {"a": "1"}), "mine"))
    assert after["data"] == {"a": "1", "c": "3"}, after
    assert "team" not in (after["metadata"].get("labels") or {}), after["metadata"]
    assert sorted(entry(after, "mine")["fieldsV1"]["f:data"]) == ["f:a"]


def test_list_items_merge_by_key_and_dropped_items_go(api, ns):
    path = STS.item("web", ns)
    two = web(1)
    two["spec"]["template"]["spec"]["containers"].append({"name": "sidecar", "image": "busybox:1.36"})
    expect(apply(api, path, two, "mine"), 201)
    # Another manager adds an env var to nginx through its own apply: containers merge by name.
    extra = {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web"},
             "spec": {"template": {"spec": {"containers": [{"name": "nginx", "env": [{"name": "MODE", "value": "x"}]}]}}}}
    merged = expect(apply(api, path, extra, "env-injector"))
    nginx = merged["spec"]["template"]["spec"]["containers"][0]
    assert nginx["env"] == [{"name": "MODE", "value": "x"}] and nginx["image"] == "registry.k8s.io/nginx-slim:0.24"
    after = expect(apply(api, path, web(1), "mine"))
    containers = after["spec"]["template"]["spec"]["containers"]
    assert [c["name"] for c in containers] == ["nginx"] and containers[0]["env"] == [{"name": "MODE", "value": "x"}]


def test_updates_record_managers_and_bad_requests_change_nothing(api, ns):
    path = STS.item("web", ns)
    expect(api.post(STS.collection(ns), web(2), params={"fieldManager": "kubectl-client-side-apply"}), 201)
    scaled = expect(api.patch(path, {"spec": {"replicas": 5}}, headers={"User-Agent": "kubectl/v1.32.0 (linux/amd64)"}))
    assert managers(scaled) == [("kubectl-client-side-apply", "Update"), ("kubectl", "Update")]
    assert entry(scaled, "kubectl")["fieldsV1"] == {"f:spec": {"f:replicas": {}}}
    expect_status(apply(api, path, web(3), "mine"), 409, "Conflict", contains='conflict with "kubectl" using apps/v1')

    expect_status(apply(api, path, web(3), None), 400, "BadRequest")
    expect_status(api.patch(path, {"spec": {"replicas": 6}}, params={"force": "true"}), 400, "BadRequest")
    expect_status(apply(api, path, "spec: [unclosed", "mine", as_yaml=False), 400, "BadRequest")
    assert expect(api.get(path))["spec"]["replicas"] == 5
