"""CRUD round trips for every served resource, the /status and /scale subresources, generateName, dryRun,
server-owned metadata (uid, resourceVersion, generation), update conflicts and delete semantics
(Status with uid, pods returning the Pod, preconditions, finalizers, deletecollection)."""
import copy
import re

import pytest

from support import (CM, POD, RESOURCES, STS, Watch, configmap, create, expect, expect_status, list_names,
                     pod, rv, statefulset, subset, unique, wait_for)

STATUS_RESOURCES = [r for r in RESOURCES if r.status is not None]
SCALE_RESOURCES = [r for r in RESOURCES if r.scale]


def qualified(resource):
    """`statefulsets.apps`, `storageclasses.storage.k8s.io`, or `configmaps` for the core group."""
    group = resource.group_version.rpartition("/")[0]
    return f"{resource.plural}.{group}" if group else resource.plural


def with_label(obj, key="updated", value="yes"):
    """A deep copy of `obj` with one more label."""
    obj = copy.deepcopy(obj)
    obj["metadata"].setdefault("labels", {})[key] = value
    return obj


# --- Round trips ------------------------------------------------------------------------------------------


PROTECTION_FINALIZERS = {"kubernetes.io/pvc-protection", "kubernetes.io/pv-protection"}


def release_protection(api, resource, name, ns):
    """Claims and volumes are created with a protection finalizer that the controller manager removes once
    nothing uses them; with the API server alone, the test removes it as that controller would."""
    current = api.get(resource.item(name, ns))
    if current.status_code != 200:
        return
    finalizers = current.json()["metadata"].get("finalizers", [])
    assert current.json()["metadata"].get("deletionTimestamp"), "a protected object stays, marked for deletion"
    assert set(finalizers) <= PROTECTION_FINALIZERS, finalizers
    api.patch(resource.item(name, ns), {"metadata": {"finalizers": None}})


@pytest.mark.parametrize("resource", RESOURCES, ids=str)
def test_crud_round_trip(api, ns, resource):
    name = unique(resource.plural[:6])
    created = create(api, resource, name, ns)
    assert created["kind"] == resource.kind and created["apiVersion"] == resource.group_version
    assert created["metadata"]["name"] == name
    assert re.fullmatch(r"[0-9a-f-]{36}", created["metadata"]["uid"]), created["metadata"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created["metadata"]["creationTimestamp"])
    if resource.namespaced:
        assert created["metadata"]["namespace"] == ns

    fetched = expect(api.get(resource.item(name, ns)))
    assert fetched["metadata"]["uid"] == created["metadata"]["uid"]
    assert fetched["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]

    listed = expect(api.get(resource.collection(ns)))
    assert listed["kind"] == resource.kind + "List"
    assert name in [item["metadata"]["name"] for item in listed["items"]]

    updated = expect(api.put(resource.item(name, ns), with_label(fetched)))
    assert updated["metadata"]["labels"]["updated"] == "yes"
    assert updated["metadata"]["uid"] == created["metadata"]["uid"]
    assert rv(updated) > rv(created)

    deleted = api.delete(resource.item(name, ns))
    assert deleted.status_code == 200, deleted.text
    release_protection(api, resource, name, ns)
    wait_for(lambda: api.get(resource.item(name, ns)).status_code == 404)
    missing = api.get(resource.item(name, ns))
    expect_status(missing, 404, "NotFound", message=f'{qualified(resource)} "{name}" not found')


def test_create_existing_name_is_already_exists(api, ns):
    create(api, STS, "web", ns)
    response = api.post(STS.collection(ns), statefulset("web"))
    body = expect_status(response, 409, "AlreadyExists", message='statefulsets.apps "web" already exists')
    assert body["details"]["name"] == "web" and body["details"]["group"] == "apps"
    assert body["details"]["kind"] == "statefulsets"


def test_create_without_name_or_generate_name_is_invalid(api, ns):
    body = configmap("x")
    del body["metadata"]["name"]
    response = api.post(CM.collection(ns), body)
    status = expect_status(response, 422, "Invalid",
                           contains="metadata.name: Required value: name or generateName is required")
    assert "metadata.name" in [c.get("field") for c in status["details"].get("causes", [])]


def test_generate_name_appends_five_characters(api, ns):
    body = configmap("ignored")
    del body["metadata"]["name"]
    body["metadata"]["generateName"] = "gen-"
    first = create(api, CM, namespace=ns, body=body)
    second = create(api, CM, namespace=ns, body=body)
    for created in (first, second):
        assert re.fullmatch(r"gen-[bcdfghjklmnpqrstvwxz2456789]{5}", created["metadata"]["name"]), created["metadata"]
        expect(api.get(CM.item(created["metadata"]["name"], ns)))
    assert first["metadata"]["name"] != second["metadata"]["name"]


# --- dryRun ------------------------------------------------------------------------------------------------


def list_rv(server, path="/api/v1/configmaps"):
    return rv(expect(server.get(path)))


def test_dry_run_create_persists_nothing(server):
    before = list_rv(server)
    created = create(server, CM, "dry", "default", dryRun="All")
    assert created["metadata"]["name"] == "dry" and created["data"] == {"key": "value"}
    expect_status(server.get(CM.item("dry", "default")), 404, "NotFound")
    assert list_rv(server) == before


def test_dry_run_update_patch_delete_change_nothing(server):
    original = create(server, CM, "dry", "default")
    before = list_rv(server)
    expect(server.put(CM.item("dry", "default"), with_label(original), params={"dryRun": "All"}))
    patched = expect(server.patch(CM.item("dry", "default"), {"data": {"key": "patched"}}, params={"dryRun": "All"}))
    assert patched["data"]["key"] == "patched"
    expect(server.delete(CM.item("dry", "default"), params={"dryRun": "All"}))
    stored = expect(server.get(CM.item("dry", "default")))
    assert stored["data"] == {"key": "value"} and "labels" not in stored["metadata"]
    assert stored["metadata"]["resourceVersion"] == original["metadata"]["resourceVersion"]
    assert list_rv(server) == before


def test_dry_run_rejects_other_values(api, ns):
    response = api.post(CM.collection(ns), configmap("x"), params={"dryRun": "Some"})
    assert response.status_code in (400, 422), response.text
    expect_status(api.get(CM.item("x", ns)), 404)


# --- Update ------------------------------------------------------------------------------------------------


def test_update_with_stale_resource_version_conflicts(api, ns):
    created = create(api, STS, "web", ns)
    expect(api.put(STS.item("web", ns), with_label(created, "first", "1")))
    stale = with_label(created, "second", "2")
    response = api.put(STS.item("web", ns), stale)
    body = expect_status(response, 409, "Conflict", message=(
        'Operation cannot be fulfilled on statefulsets.apps "web": the object has been modified; '
        'please apply your changes to the latest version and try again'))
    assert body["details"]["name"] == "web" and body["details"]["kind"] == "statefulsets"
    assert "second" not in expect(api.get(STS.item("web", ns)))["metadata"]["labels"]


def test_update_without_resource_version_is_unconditional(api, ns):
    created = create(api, CM, "cm", ns)
    del created["metadata"]["resourceVersion"]
    created["data"] = {"key": "new"}
    assert expect(api.put(CM.item("cm", ns), created))["data"] == {"key": "new"}


def test_update_of_missing_object_is_not_found(api, ns):
    response = api.put(STS.item("ghost", ns), statefulset("ghost"))
    expect_status(response, 404, "NotFound", message='statefulsets.apps "ghost" not found')


def test_update_cannot_change_uid(api, ns):
    created = create(api, CM, "cm", ns)
    changed = dict(created)
    changed["metadata"] = dict(created["metadata"], uid="00000000-0000-0000-0000-000000000000")
    response = api.put(CM.item("cm", ns), changed)
    if response.status_code == 200:
        assert response.json()["metadata"]["uid"] == created["metadata"]["uid"]
    else:
        assert response.status_code in (409, 422), response.text
    assert expect(api.get(CM.item("cm", ns)))["metadata"]["uid"] == created["metadata"]["uid"]


def test_generation_bumps_only_on_spec_changes(api, ns):
    created = create(api, STS, "web", ns)
    assert created["metadata"]["generation"] == 1

    relabelled = expect(api.put(STS.item("web", ns), with_label(created)))
    assert relabelled["metadata"]["generation"] == 1

    relabelled["spec"]["replicas"] = 4
    rescaled = expect(api.put(STS.item("web", ns), relabelled))
    assert rescaled["metadata"]["generation"] == 2

    rescaled["status"] = dict(rescaled["status"], replicas=1, observedGeneration=2)
    status_written = expect(api.put(STS.item("web", ns, "status"), rescaled))
    assert status_written["metadata"]["generation"] == 2

    same_spec = expect(api.put(STS.item("web", ns), status_written))
    assert same_spec["metadata"]["generation"] == 2


# --- /status ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", STATUS_RESOURCES, ids=str)
def test_status_subresource_changes_only_status(api, ns, resource):
    name = unique(resource.plural[:6])
    created = create(api, resource, name, ns)

    fetched = expect(api.get(resource.item(name, ns, "status")))
    assert fetched["kind"] == resource.kind and fetched["metadata"]["name"] == name

    change = with_label(dict(fetched, status=resource.status), "via-status", "ignored")
    written = expect(api.put(resource.item(name, ns, "status"), change))
    assert subset(resource.status, written["status"]), written["status"]
    assert "via-status" not in written["metadata"].get("labels", {}), "a /status write changed labels"
    if "spec" in created:
        assert written["spec"] == created["spec"], "a /status write changed the spec"
    assert rv(written) > rv(created)

    stored = expect(api.get(resource.item(name, ns)))
    assert stored["status"] == written["status"]

    # The reverse: an update of the main resource keeps the stored status.
    main_update = with_label(stored, "main", "yes")
    main_update["status"] = {}
    kept = expect(api.put(resource.item(name, ns), main_update))
    assert kept["status"] == written["status"]
    assert kept["metadata"]["labels"]["main"] == "yes"


def test_status_patch_changes_only_status(api, ns):
    create(api, STS, "web", ns)
    patched = expect(api.patch(STS.item("web", ns, "status"),
                               {"spec": {"replicas": 7}, "status": {"replicas": 2, "readyReplicas": 1}}))
    assert patched["status"]["replicas"] == 2 and patched["status"]["readyReplicas"] == 1
    assert patched["spec"]["replicas"] == 1


def test_main_resource_patch_keeps_status(api, ns):
    create(api, STS, "web", ns)
    patched = expect(api.patch(STS.item("web", ns), {"spec": {"replicas": 3}, "status": {"replicas": 9}}))
    assert patched["spec"]["replicas"] == 3
    assert patched["status"]["replicas"] == 0


# --- /scale --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", SCALE_RESOURCES, ids=str)
def test_scale_subresource(api, ns, resource):
    name = unique(resource.plural[:6])
    created = create(api, resource, name, ns, body=resource.new(name))
    scale = expect(api.get(resource.item(name, ns, "scale")))
    assert scale["kind"] == "Scale" and scale["apiVersion"] == "autoscaling/v1"
    assert scale["metadata"]["name"] == name and scale["metadata"]["namespace"] == ns
    assert scale["metadata"]["uid"] == created["metadata"]["uid"]
    assert scale["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]
    assert scale["spec"]["replicas"] == 1
    assert scale["status"]["selector"] == f"app={name}", scale["status"]

    patched = expect(api.patch(resource.item(name, ns, "scale"), {"spec": {"replicas": 5}}))
    assert patched["kind"] == "Scale" and patched["spec"]["replicas"] == 5
    stored = expect(api.get(resource.item(name, ns)))
    assert stored["spec"]["replicas"] == 5
    assert stored["metadata"]["resourceVersion"] == patched["metadata"]["resourceVersion"]

    scale["spec"]["replicas"] = 2   # carries the resourceVersion from before the patch
    expect_status(api.put(resource.item(name, ns, "scale"), scale), 409, "Conflict")
    assert expect(api.get(resource.item(name, ns)))["spec"]["replicas"] == 5

    fresh = expect(api.get(resource.item(name, ns, "scale")))
    fresh["spec"]["replicas"] = 2
    assert expect(api.put(resource.item(name, ns, "scale"), fresh))["spec"]["replicas"] == 2
    assert expect(api.get(resource.item(name, ns)))["spec"]["replicas"] == 2


def test_scale_of_missing_statefulset_is_not_found(api, ns):
    expect_status(api.get(STS.item("ghost", ns, "scale")), 404, "NotFound")


# --- Delete --------------------------------------------------------------------------------------------------


def test_delete_returns_status_with_uid(api, ns):
    created = create(api, STS, "web", ns)
    body = expect(api.delete(STS.item("web", ns), {"kind": "DeleteOptions", "apiVersion": "v1",
                                                     "propagationPolicy": "Background"}))
    assert body["kind"] == "Status" and body["status"] == "Success", body
    assert body["details"]["name"] == "web" and body["details"]["kind"] == "statefulsets"
    assert body["details"]["group"] == "apps"
    assert body["details"]["uid"] == created["metadata"]["uid"]
    expect_status(api.get(STS.item("web", ns)), 404, "NotFound")


def test_delete_of_missing_object_is_not_found(api, ns):
    expect_status(api.delete(CM.item("ghost", ns)), 404, "NotFound", message='configmaps "ghost" not found')


def test_delete_pod_returns_the_pod(api, ns):
    created = create(api, POD, "p", ns)
    body = expect(api.delete(POD.item("p", ns)))
    assert body["kind"] == "Pod" and body["metadata"]["uid"] == created["metadata"]["uid"], body
    wait_for(lambda: api.get(POD.item("p", ns)).status_code == 404)


@pytest.mark.parametrize("preconditions", [{"uid": "00000000-0000-0000-0000-000000000000"},
                                           {"resourceVersion": "1"}], ids=["uid", "resourceVersion"])
def test_delete_precondition_mismatch_conflicts(api, ns, preconditions):
    create(api, CM, "cm", ns)
    response = api.delete(CM.item("cm", ns), {"kind": "DeleteOptions", "apiVersion": "v1",
                                              "preconditions": preconditions})
    expect_status(response, 409, "Conflict")
    expect(api.get(CM.item("cm", ns)))


def test_delete_matching_preconditions_succeeds(api, ns):
    created = create(api, CM, "cm", ns)
    options = {"preconditions": {"uid": created["metadata"]["uid"],
                                 "resourceVersion": created["metadata"]["resourceVersion"]}}
    expect(api.delete(CM.item("cm", ns), options))
    expect_status(api.get(CM.item("cm", ns)), 404)


def test_finalizers_delay_deletion_until_removed(api, ns):
    created = create(api, CM, "held", ns, body=configmap("held", finalizers=["example.com/hold"]))
    with Watch(api, CM.collection(ns), {"resourceVersion": created["metadata"]["resourceVersion"]}) as watch:
        assert watch.status_code == 200
        deleting = expect(api.delete(CM.item("held", ns)))
        assert deleting["kind"] == "ConfigMap" and deleting["metadata"].get("deletionTimestamp"), deleting
        assert watch.expect("MODIFIED", "held")["object"]["metadata"].get("deletionTimestamp")

        stored = expect(api.get(CM.item("held", ns)))
        assert stored["metadata"]["deletionTimestamp"] == deleting["metadata"]["deletionTimestamp"]
        assert stored["metadata"]["finalizers"] == ["example.com/hold"]

        stored["metadata"]["finalizers"] = []
        response = api.put(CM.item("held", ns), stored)
        assert response.status_code == 200, response.text
        expect_status(api.get(CM.item("held", ns)), 404, "NotFound")
        assert watch.expect("DELETED", "held")["object"]["metadata"]["uid"] == created["metadata"]["uid"]


def test_delete_collection_honours_label_selector(api, ns):
    for index in range(3):
        create(api, CM, f"a{index}", ns, body=configmap(f"a{index}", labels={"group": "a"}))
    for index in range(2):
        create(api, CM, f"b{index}", ns, body=configmap(f"b{index}", labels={"group": "b"}))
    response = api.delete(CM.collection(ns), params={"labelSelector": "group=a"})
    assert response.status_code == 200, response.text
    assert list_names(api, CM.collection(ns)) == ["b0", "b1"]


def test_delete_collection_honours_field_selector(api, ns):
    for name in ("keep", "drop"):
        create(api, CM, name, ns)
    expect(api.delete(CM.collection(ns), params={"fieldSelector": "metadata.name=drop"}))
    assert list_names(api, CM.collection(ns)) == ["keep"]


def test_pod_gets_pending_phase_on_create(api, ns):
    created = create(api, POD, "p", ns, body=pod("p"))
    assert created["status"]["phase"] == "Pending"
    assert expect(api.get(POD.item("p", ns)))["status"]["phase"] == "Pending"
