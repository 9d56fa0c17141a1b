"""Namespaces: default, kube-system and kube-public exist at first start; creating into a missing namespace is
404; deleting a namespace marks it Terminating (deletionTimestamp, status.phase) while its contents are
deleted, then it disappears; a Terminating namespace accepts no new objects."""
import pytest

from support import (CM, POD, STS, configmap, create, expect, expect_status, list_names, namespace, unique,
                     wait_for)

NAMESPACES = "/api/v1/namespaces"


@pytest.mark.parametrize("name", ["default", "kube-system", "kube-public"])
def test_initial_namespaces_exist(server, name):
    body = expect(server.get(f"{NAMESPACES}/{name}"))
    assert body["kind"] == "Namespace" and body["status"]["phase"] == "Active"
    assert body["metadata"]["uid"]


def test_new_namespace_is_active(api):
    name = unique("ns")
    created = expect(api.post(NAMESPACES, namespace(name)), 201)
    assert created["status"]["phase"] == "Active"
    assert name in list_names(api, NAMESPACES)


def test_create_into_missing_namespace_is_404(api):
    body = expect_status(api.post(STS.collection("missing-ns"), STS.new("web")), 404, "NotFound",
                         message='namespaces "missing-ns" not found')
    assert body["details"]["name"] == "missing-ns" and body["details"]["kind"] == "namespaces"


def test_namespace_deletion_removes_contents_then_namespace(api, ns):
    create(api, STS, "web", ns)
    create(api, POD, "p", ns)
    create(api, CM, "plain", ns)
    create(api, CM, "held", ns, body=configmap("held", finalizers=["example.com/hold"]))
    path = f"{NAMESPACES}/{ns}"

    response = expect(api.delete(path))
    assert response["kind"] == "Namespace" and response["metadata"].get("deletionTimestamp"), response
    assert response["status"]["phase"] == "Terminating"

    # The held ConfigMap keeps the namespace Terminating while everything else goes.
    terminating = expect(api.get(path))
    assert terminating["metadata"]["deletionTimestamp"] and terminating["status"]["phase"] == "Terminating"
    wait_for(lambda: list_names(api, STS.collection(ns)) == [] and list_names(api, POD.collection(ns)) == []
             and list_names(api, CM.collection(ns)) == ["held"])
    held = expect(api.get(CM.item("held", ns)))
    assert held["metadata"].get("deletionTimestamp"), held
    assert expect(api.get(path))["status"]["phase"] == "Terminating"

    # No new objects in a Terminating namespace.
    refused = api.post(CM.collection(ns), configmap("late"))
    assert refused.status_code == 403, refused.text
    assert refused.json()["reason"] == "Forbidden"

    held["metadata"]["finalizers"] = []
    expect(api.put(CM.item("held", ns), held))
    wait_for(lambda: api.get(path).status_code == 404)
    expect_status(api.get(path), 404, "NotFound", message=f'namespaces "{ns}" not found')


def test_empty_namespace_deletion(api):
    name = unique("ns")
    expect(api.post(NAMESPACES, namespace(name)), 201)
    expect(api.delete(f"{NAMESPACES}/{name}"))
    wait_for(lambda: api.get(f"{NAMESPACES}/{name}").status_code == 404)
    assert name not in list_names(api, NAMESPACES)


def test_namespace_field_selector_on_phase(api, ns):
    assert ns in list_names(api, NAMESPACES, fieldSelector="status.phase=Active")
    assert ns not in list_names(api, NAMESPACES, fieldSelector="status.phase=Terminating")
