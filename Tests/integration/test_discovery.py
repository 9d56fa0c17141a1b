"""Discovery and health: /api, /api/v1, /apis, /apis/{group}, /apis/{group}/{version} (short names,
categories, scope, verbs, subresources incl. statefulsets/scale as autoscaling/v1 Scale, singularName always
present), /version, /healthz /livez /readyz."""
import pytest

from support import RESOURCES, api_root, expect

SHORT_NAMES = {"statefulsets": "sts", "pods": "po", "services": "svc", "persistentvolumeclaims": "pvc",
               "persistentvolumes": "pv", "namespaces": "ns", "endpoints": "ep", "events": "ev",
               "configmaps": "cm", "deployments": "deploy", "replicasets": "rs", "daemonsets": "ds",
               "nodes": "no", "storageclasses": "sc"}
IN_CATEGORY_ALL = ["statefulsets", "deployments", "replicasets", "daemonsets", "pods", "services"]
GROUP_VERSIONS = sorted({r.group_version for r in RESOURCES})


def resource_list(api, group_version):
    body = expect(api.get(api_root(group_version)))
    assert body["kind"] == "APIResourceList" and body["groupVersion"] == group_version, body
    return {entry["name"]: entry for entry in body["resources"]}


@pytest.fixture(scope="module")
def served(api):
    """name -> discovery entry, over every group/version."""
    entries = {}
    for group_version in GROUP_VERSIONS:
        entries.update(resource_list(api, group_version))
    return entries


def test_api_versions(api):
    body = expect(api.get("/api"))
    assert body["kind"] == "APIVersions" and body["versions"] == ["v1"]
    assert body["serverAddressByClientCIDRs"], body


def test_api_group_list(api):
    body = expect(api.get("/apis"))
    assert body["kind"] == "APIGroupList" and body["apiVersion"] == "v1"
    groups = {g["name"]: g for g in body["groups"]}
    for group_version in GROUP_VERSIONS:
        if group_version == "v1":
            continue
        group, version = group_version.split("/")
        assert group in groups, body
        assert {"groupVersion": group_version, "version": version} in groups[group]["versions"]
        assert groups[group]["preferredVersion"] == {"groupVersion": group_version, "version": version}


def test_api_group(api):
    body = expect(api.get("/apis/apps"))
    assert body["kind"] == "APIGroup" and body["name"] == "apps"
    assert body["versions"] == [{"groupVersion": "apps/v1", "version": "v1"}]
    assert body["preferredVersion"]["groupVersion"] == "apps/v1"


@pytest.mark.parametrize("resource", RESOURCES, ids=str)
def test_every_served_resource_is_discoverable(served, resource):
    entry = served[resource.plural]
    assert entry["kind"] == resource.kind
    assert entry["namespaced"] == resource.namespaced
    assert set(entry["verbs"]) >= {"create", "delete", "get", "list", "patch", "update", "watch"}, entry
    assert isinstance(entry.get("singularName"), str) and entry["singularName"] == resource.kind.lower(), entry
    if resource.status is not None:
        status = served[resource.plural + "/status"]
        assert status["kind"] == resource.kind and set(status["verbs"]) == {"get", "patch", "update"}


def test_every_entry_has_a_singular_name(api):
    for group_version in GROUP_VERSIONS:
        for name, entry in resource_list(api, group_version).items():
            assert "singularName" in entry and isinstance(entry["singularName"], str), (group_version, entry)


@pytest.mark.parametrize("plural,short", SHORT_NAMES.items())
def test_short_names(served, plural, short):
    assert short in served[plural].get("shortNames", []), served[plural]


@pytest.mark.parametrize("plural", IN_CATEGORY_ALL)
def test_category_all(served, plural):
    assert "all" in served[plural].get("categories", []), served[plural]


def test_config_objects_are_not_in_category_all(served):
    for plural in ("configmaps", "secrets", "namespaces", "events"):
        assert "all" not in served[plural].get("categories", []), served[plural]


@pytest.mark.parametrize("plural", ["statefulsets", "deployments", "replicasets"])
def test_scale_subresource_is_autoscaling_scale(served, plural):
    scale = served[plural + "/scale"]
    assert scale["group"] == "autoscaling" and scale["version"] == "v1" and scale["kind"] == "Scale", scale
    assert set(scale["verbs"]) == {"get", "patch", "update"}
    assert scale["namespaced"] is True


def test_statefulset_status_subresource(served):
    status = served["statefulsets/status"]
    assert status["kind"] == "StatefulSet" and status["namespaced"] is True
    assert "singularName" in status


def test_statefulsets_entry_matches_reference(served):
    entry = served["statefulsets"]
    assert entry["singularName"] == "statefulset"
    assert sorted(entry["verbs"]) == ["create", "delete", "deletecollection", "get", "list", "patch", "update",
                                      "watch"]


def test_version(api):
    body = expect(api.get("/version"))
    assert body["major"] == "1" and body["minor"] == "32", body
    assert body["gitVersion"].startswith("v1.32"), body
    assert body["platform"], body


@pytest.mark.parametrize("path", ["/healthz", "/livez", "/readyz"])
def test_health_endpoints(api, path):
    response = api.get(path)
    assert response.status_code == 200 and response.text == "ok", (response.status_code, response.text)


def test_unknown_group_is_not_found(api):
    assert api.get("/apis/nope.example.com").status_code == 404
    assert api.get("/apis/apps/v2").status_code == 404
