"""Validation and defaulting: StatefulSet defaults on create, every StatefulSet validation rule of
statefulset-behavior.md §1 (422 Invalid with the field path in details.causes), the immutable-field message,
status-write rules, name and label validation, and fieldValidation=Strict|Warn|Ignore handling of unknown,
duplicate and mistyped fields."""
import copy
import json

import pytest

from support import CM, STS, configmap, create, expect, expect_invalid, expect_status, statefulset

IMMUTABLE_MESSAGE = ("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                     "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' "
                     "and 'minReadySeconds' are forbidden")

RFC1123_LABEL_MESSAGE = (
    'metadata.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric '
    "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
    "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")


def sts_with(**changes):
    """A valid StatefulSet `web` with `changes` applied as dotted paths under spec (value None deletes)."""
    body = statefulset("web")
    for dotted, value in changes.items():
        target = body["spec"]
        *parents, last = dotted.split("__")
        for key in parents:
            target = target.setdefault(key, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return body


# --- Defaults ----------------------------------------------------------------------------------------------


def test_statefulset_defaults(api, ns):
    created = create(api, STS, "web", ns, body=statefulset("web"))
    spec = created["spec"]
    assert spec["replicas"] == 1
    assert spec["podManagementPolicy"] == "OrderedReady"
    assert spec["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}
    assert spec["revisionHistoryLimit"] == 10
    assert spec["persistentVolumeClaimRetentionPolicy"] == {"whenDeleted": "Retain", "whenScaled": "Retain"}
    template = spec["template"]["spec"]
    assert template["restartPolicy"] == "Always"
    assert template["terminationGracePeriodSeconds"] == 30
    assert template["dnsPolicy"] == "ClusterFirst"
    assert template["schedulerName"] == "default-scheduler"
    nginx = template["containers"][0]
    assert nginx["terminationMessagePath"] == "/dev/termination-log"
    assert nginx["terminationMessagePolicy"] == "File"
    assert nginx["imagePullPolicy"] == "IfNotPresent"
    assert nginx["ports"][0]["protocol"] == "TCP"
    assert created["status"]["replicas"] == 0
    assert created["metadata"]["generation"] == 1
    # Defaults are stored, not only echoed.
    assert expect(api.get(STS.item("web", ns)))["spec"] == spec


@pytest.mark.parametrize("image,policy", [("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.25", "IfNotPresent")])
def test_image_pull_policy_default_follows_the_tag(api, ns, image, policy):
    body = statefulset("web", containers=[{"name": "c", "image": image}])
    created = create(api, STS, "web", ns, body=body)
    assert created["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"] == policy


def test_rolling_update_without_block_keeps_it_nil(api, ns):
    created = create(api, STS, "web", ns, body=sts_with(updateStrategy={"type": "RollingUpdate"}))
    assert created["spec"]["updateStrategy"] == {"type": "RollingUpdate"}


def test_create_ignores_status(api, ns):
    body = statefulset("web")
    body["status"] = {"replicas": 5, "readyReplicas": 5}
    created = create(api, STS, "web", ns, body=body)
    assert created["status"]["replicas"] == 0 and not created["status"].get("readyReplicas")


# --- StatefulSet validation rules ---------------------------------------------------------------------------

INVALID_SPECS = {
    "podManagementPolicy": ({"podManagementPolicy": "Sometimes"}, "spec.podManagementPolicy"),
    "updateStrategy.type": ({"updateStrategy": {"type": "Sometimes"}}, "spec.updateStrategy"),
    "rollingUpdate with OnDelete": ({"updateStrategy": {"type": "OnDelete", "rollingUpdate": {"partition": 1}}},
                                    "spec.updateStrategy.rollingUpdate"),
    "partition": ({"updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": -1}}},
                  "spec.updateStrategy.rollingUpdate.partition"),
    "maxUnavailable 0": ({"updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0}}},
                         "spec.updateStrategy.rollingUpdate.maxUnavailable"),
    "maxUnavailable 150%": ({"updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "150%"}}},
                            "spec.updateStrategy.rollingUpdate.maxUnavailable"),
    "whenDeleted": ({"persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Keep", "whenScaled": "Retain"}},
                    "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"),
    "whenScaled": ({"persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Keep"}},
                   "spec.persistentVolumeClaimRetentionPolicy.whenScaled"),
    "replicas": ({"replicas": -1}, "spec.replicas"),
    "minReadySeconds": ({"minReadySeconds": -1}, "spec.minReadySeconds"),
    "ordinals.start": ({"ordinals": {"start": -1}}, "spec.ordinals.start"),
    "selector missing": ({"selector": None}, "spec.selector"),
    "selector empty": ({"selector": {}}, "spec.selector"),
    "template labels": ({"template__metadata__labels": {"app": "other"}}, "spec.template.metadata.labels"),
    "restartPolicy": ({"template__spec__restartPolicy": "Never"}, "spec.template.spec.restartPolicy"),
    "activeDeadlineSeconds": ({"template__spec__activeDeadlineSeconds": 30},
                              "spec.template.spec.activeDeadlineSeconds"),
}


@pytest.mark.parametrize("case", INVALID_SPECS, ids=str)
def test_statefulset_validation_rule(api, ns, case):
    changes, field_path = INVALID_SPECS[case]
    response = api.post(STS.collection(ns), sts_with(**changes))
    expect_invalid(response, "StatefulSet", "web", field_path, group="apps")
    expect_status(api.get(STS.item("web", ns)), 404)


def test_invalid_message_shape(api, ns):
    body = expect_invalid(api.post(STS.collection(ns), sts_with(replicas=-1)), "StatefulSet", "web", "spec.replicas",
                          group="apps")
    assert body["message"] == ('StatefulSet.apps "web" is invalid: spec.replicas: Invalid value: -1: '
                               'must be greater than or equal to 0'), body
    assert body["details"]["causes"][0]["reason"] == "FieldValueInvalid"


def test_empty_selector_message(api, ns):
    body = expect_invalid(api.post(STS.collection(ns), sts_with(selector={})), "StatefulSet", "web", "spec.selector",
                          group="apps")
    assert "empty selector is invalid for statefulset" in body["message"]


def test_template_labels_must_match_selector_message(api, ns):
    response = api.post(STS.collection(ns), sts_with(template__metadata__labels={"app": "other"}))
    body = expect_invalid(response, "StatefulSet", "web", "spec.template.metadata.labels", group="apps")
    assert "`selector` does not match template `labels`" in body["message"]


def test_retention_policy_value_is_not_supported(api, ns):
    response = api.post(STS.collection(ns), sts_with(
        persistentVolumeClaimRetentionPolicy={"whenDeleted": "Keep", "whenScaled": "Retain"}))
    body = expect_invalid(response, "StatefulSet", "web", "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
                          group="apps")
    assert any(c["reason"] == "FieldValueNotSupported" for c in body["details"]["causes"]), body


def test_validation_applies_to_updates(api, ns):
    created = create(api, STS, "web", ns)
    created["spec"]["replicas"] = -3
    expect_invalid(api.put(STS.item("web", ns), created), "StatefulSet", "web", "spec.replicas", group="apps")
    assert expect(api.get(STS.item("web", ns)))["spec"]["replicas"] == 1


# --- Immutable fields ---------------------------------------------------------------------------------------


def change_selector(spec):
    spec["selector"] = {"matchLabels": {"app": "web", "extra": "yes"}}
    spec["template"]["metadata"]["labels"]["extra"] = "yes"


def change_claims(spec):
    spec["volumeClaimTemplates"] = [{"metadata": {"name": "www"}, "spec": {
        "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]


IMMUTABLE_CHANGES = {
    "selector": change_selector,
    "serviceName": lambda spec: spec.update(serviceName="other"),
    "volumeClaimTemplates": change_claims,
    "podManagementPolicy": lambda spec: spec.update(podManagementPolicy="Parallel"),
}


@pytest.mark.parametrize("field_name", IMMUTABLE_CHANGES, ids=str)
def test_immutable_statefulset_fields(api, ns, field_name):
    created = create(api, STS, "web", ns)
    changed = copy.deepcopy(created)
    IMMUTABLE_CHANGES[field_name](changed["spec"])
    body = expect_invalid(api.put(STS.item("web", ns), changed), "StatefulSet", "web", "spec", group="apps")
    assert IMMUTABLE_MESSAGE in body["message"], body["message"]
    assert expect(api.get(STS.item("web", ns)))["spec"] == created["spec"]


def test_mutable_statefulset_fields(api, ns):
    created = create(api, STS, "web", ns)
    spec = created["spec"]
    spec.update(replicas=3, minReadySeconds=5, revisionHistoryLimit=3, ordinals={"start": 2},
                updateStrategy={"type": "OnDelete"},
                persistentVolumeClaimRetentionPolicy={"whenDeleted": "Delete", "whenScaled": "Retain"})
    spec["template"]["spec"]["containers"][0]["image"] = "nginx:1.27"
    updated = expect(api.put(STS.item("web", ns), created))
    assert updated["spec"]["replicas"] == 3 and updated["spec"]["updateStrategy"] == {"type": "OnDelete"}
    assert updated["metadata"]["generation"] == 2


# --- Status writes -------------------------------------------------------------------------------------------

INVALID_STATUSES = {
    "negative replicas": ({"replicas": -1}, "status.replicas"),
    "ready above replicas": ({"replicas": 1, "readyReplicas": 2}, "status.readyReplicas"),
    "available above ready": ({"replicas": 2, "readyReplicas": 1, "availableReplicas": 2}, "status.availableReplicas"),
}


@pytest.mark.parametrize("case", INVALID_STATUSES, ids=str)
def test_statefulset_status_validation(api, ns, case):
    status, field_path = INVALID_STATUSES[case]
    created = create(api, STS, "web", ns)
    created["status"] = status
    expect_invalid(api.put(STS.item("web", ns, "status"), created), "StatefulSet", "web", field_path, group="apps")


def test_collision_count_may_not_decrease(api, ns):
    created = create(api, STS, "web", ns)
    created["status"] = {"replicas": 0, "collisionCount": 2}
    raised = expect(api.put(STS.item("web", ns, "status"), created))
    raised["status"]["collisionCount"] = 1
    expect_invalid(api.put(STS.item("web", ns, "status"), raised), "StatefulSet", "web", "status.collisionCount",
                   group="apps")


# --- Names and labels ----------------------------------------------------------------------------------------


def test_uppercase_statefulset_name_is_invalid(api, ns):
    response = api.post(STS.collection(ns), statefulset("Web", labels={"app": "web"}))
    body = expect_invalid(response, "StatefulSet", "Web", "metadata.name", group="apps")
    assert body["message"] == f'StatefulSet.apps "Web" is invalid: {RFC1123_LABEL_MESSAGE}', body["message"]


def test_statefulset_name_is_a_label_not_a_subdomain(api, ns):
    response = api.post(STS.collection(ns), statefulset("web.v2", labels={"app": "web"}))
    expect_invalid(response, "StatefulSet", "web.v2", "metadata.name", group="apps")
    # ConfigMap names are subdomains: dots are fine.
    create(api, CM, "web.v2", ns)


def test_namespace_name_is_validated(api):
    response = api.post("/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "Bad_NS"}})
    expect_invalid(response, "Namespace", "Bad_NS", "metadata.name")


@pytest.mark.parametrize("labels", [{"bad key!": "v"}, {"-leading": "v"}, {"a/b/c": "v"}, {"ok": "bad value!"},
                                    {"ok": "x" * 64}], ids=["space", "leading-dash", "two-slashes", "value", "value-too-long"])
def test_bad_labels_are_invalid(api, ns, labels):
    response = api.post(CM.collection(ns), configmap("cm", labels=labels))
    body = expect_status(response, 422, "Invalid")
    assert any(f.startswith("metadata.labels") for f in (c.get("field", "") for c in body["details"]["causes"])), body
    expect_status(api.get(CM.item("cm", ns)), 404)


def test_good_labels_are_accepted(api, ns):
    labels = {"app.kubernetes.io/name": "web", "a_b.c-d": "X_y.z-1", "empty": ""}
    assert create(api, CM, "cm", ns, body=configmap("cm", labels=labels))["metadata"]["labels"] == labels


# --- fieldValidation -----------------------------------------------------------------------------------------


def with_unknown_field():
    body = statefulset("web")
    body["spec"]["foo"] = "bar"
    return body


def test_strict_rejects_unknown_field(api, ns):
    response = api.post(STS.collection(ns), with_unknown_field(), params={"fieldValidation": "Strict"})
    expect_status(response, 400, "BadRequest", contains='strict decoding error: unknown field "spec.foo"')
    expect_status(api.get(STS.item("web", ns)), 404)


def test_strict_rejects_unknown_field_on_update_and_patch(api, ns):
    created = create(api, STS, "web", ns)
    created["spec"]["foo"] = "bar"
    response = api.put(STS.item("web", ns), created, params={"fieldValidation": "Strict"})
    expect_status(response, 400, "BadRequest", contains='unknown field "spec.foo"')
    response = api.patch(STS.item("web", ns), {"spec": {"foo": "bar"}}, params={"fieldValidation": "Strict"})
    expect_status(response, 400, "BadRequest", contains='unknown field "spec.foo"')


def test_warn_accepts_and_drops_unknown_field(api, ns):
    response = api.post(STS.collection(ns), with_unknown_field(), params={"fieldValidation": "Warn"})
    created = expect(response, 201)
    warning = response.headers.get("Warning", "")
    assert warning.startswith("299 ") and "unknown field" in warning and "spec.foo" in warning, response.headers
    assert "foo" not in created["spec"]
    assert "foo" not in expect(api.get(STS.item("web", ns)))["spec"]

    created["spec"]["foo"] = "again"
    updated = api.put(STS.item("web", ns), created, params={"fieldValidation": "Warn"})
    assert updated.status_code == 200 and "spec.foo" in updated.headers.get("Warning", ""), updated.headers
    assert "foo" not in updated.json()["spec"]


def test_ignore_drops_unknown_field_silently(api, ns):
    response = api.post(STS.collection(ns), with_unknown_field(), params={"fieldValidation": "Ignore"})
    created = expect(response, 201)
    assert "spec.foo" not in response.headers.get("Warning", "")
    assert "foo" not in created["spec"]


def test_strict_rejects_duplicate_field(api, ns):
    text = ('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "dup"},'
            ' "data": {"a": "1"}, "data": {"b": "2"}}')
    response = api.post(CM.collection(ns), text, params={"fieldValidation": "Strict"})
    expect_status(response, 400, "BadRequest", contains='duplicate field "data"')
    expect_status(api.get(CM.item("dup", ns)), 404)


def test_mistyped_field_is_bad_request(api, ns):
    body = statefulset("web")
    body["spec"]["replicas"] = "three"
    for validation in ("Strict", "Warn", "Ignore"):
        response = api.post(STS.collection(ns), json.dumps(body), params={"fieldValidation": validation})
        expect_status(response, 400, "BadRequest")
    expect_status(api.get(STS.item("web", ns)), 404)


def test_invalid_field_validation_value(api, ns):
    response = api.post(CM.collection(ns), configmap("cm"), params={"fieldValidation": "Loose"})
    assert response.status_code in (400, 422), response.text


# --- Other metadata rules (kube-api-conventions.md §5) ------------------------------------------------------


def test_service_name_is_a_dns_1035_label(api, ns):
    response = api.post(f"/api/v1/namespaces/{ns}/services",
                        {"metadata": {"name": "1svc"}, "spec": {"ports": [{"port": 80}]}})
    body = expect_invalid(response, "Service", "1svc", "metadata.name")
    assert "DNS-1035 label" in body["message"]


def test_more_than_one_controller_reference_is_invalid(api, ns):
    owner = {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "a", "uid": "u-1", "controller": True}
    body = configmap("owned")
    body["metadata"]["ownerReferences"] = [owner, dict(owner, name="b", uid="u-2")]
    expect_invalid(api.post(CM.collection(ns), body), "ConfigMap", "owned", "metadata.ownerReferences")


def test_no_new_finalizers_once_deleting(api, ns):
    create(api, CM, "held", ns, body=configmap("held", finalizers=["a.example.com/x"]))
    deleting = expect(api.delete(CM.item("held", ns)))
    assert deleting["metadata"]["deletionGracePeriodSeconds"] == 0
    deleting["metadata"]["finalizers"].append("b.example.com/y")
    expect_invalid(api.put(CM.item("held", ns), deleting), "ConfigMap", "held", "metadata.finalizers")
    expect(api.patch(CM.item("held", ns), {"metadata": {"finalizers": None}}))
    expect_status(api.get(CM.item("held", ns)), 404)


def test_stale_status_update_conflicts(api, ns):
    created = create(api, STS, "web", ns)
    created["status"] = {"replicas": 1}
    expect(api.put(STS.item("web", ns, "status"), created))
    expect_status(api.put(STS.item("web", ns, "status"), created), 409, "Conflict",
                  contains='Operation cannot be fulfilled on statefulsets.apps "web"')
