"""LIST semantics: `{Kind}List` shape (`items: []` never null, list resourceVersion), label selectors (full
grammar, `!=`/`notin` matching objects without the key, parse errors → 400), field selectors (metadata.name,
metadata.namespace, pod status.phase and spec.nodeName, unsupported → 400), limit/continue pagination with
snapshot semantics, and resourceVersionMatch=Exact reads of old state."""
import pytest

from support import (CM, POD, configmap, create, expect, expect_status, list_names, names, pod, rv, unique)


@pytest.fixture
def labelled(api, ns):
    """ConfigMaps with varied labels; returns the collection path."""
    for name, labels in {"prod-web": {"env": "prod", "tier": "web"}, "dev": {"env": "dev"},
                         "bare": None, "qa-db": {"env": "qa", "tier": "db"}}.items():
        create(api, CM, name, ns, body=configmap(name, labels=labels))
    return CM.collection(ns)


def test_empty_list_shape(api, ns):
    body = expect(api.get(CM.collection(ns)))
    assert body["kind"] == "ConfigMapList" and body["apiVersion"] == "v1"
    assert body["items"] == []
    assert int(body["metadata"]["resourceVersion"]) > 0


def test_empty_filtered_list_has_empty_items(api, ns):
    body = expect(api.get("/apis/apps/v1/statefulsets", params={"labelSelector": "nothing=" + unique()}))
    assert body["kind"] == "StatefulSetList" and body["apiVersion"] == "apps/v1" and body["items"] == []


def test_list_items_and_resource_version(api, ns):
    created = [create(api, CM, f"cm{i}", ns) for i in range(3)]
    body = expect(api.get(CM.collection(ns)))
    assert names(body) == ["cm0", "cm1", "cm2"]
    assert rv(body) >= max(rv(obj) for obj in created)
    for item in body["items"]:
        assert item["kind"] == "ConfigMap" and item["apiVersion"] == "v1", item
        assert item["metadata"]["namespace"] == ns


def test_list_across_namespaces(api, ns):
    other = unique("t")
    expect(api.post("/api/v1/namespaces", {"metadata": {"name": other}}), 201)
    tag = unique("tag")
    create(api, CM, "one", ns, body=configmap("one", labels={"tag": tag}))
    create(api, CM, "two", other, body=configmap("two", labels={"tag": tag}))
    body = expect(api.get("/api/v1/configmaps", params={"labelSelector": f"tag={tag}"}))
    assert sorted((i["metadata"]["namespace"], i["metadata"]["name"]) for i in body["items"]) == \
        sorted([(ns, "one"), (other, "two")])


@pytest.mark.parametrize("selector,expected", [
    ("env=prod", ["prod-web"]),
    ("env==prod", ["prod-web"]),
    ("env!=prod", ["bare", "dev", "qa-db"]),
    ("env in (prod,dev)", ["dev", "prod-web"]),
    ("env notin (prod,dev)", ["bare", "qa-db"]),
    ("tier", ["prod-web", "qa-db"]),
    ("!tier", ["bare", "dev"]),
    ("env=prod,tier=web", ["prod-web"]),
    ("env,!tier", ["dev"]),
    ("tier in (web, db),env!=qa", ["prod-web"]),
    ("env=nobody", []),
])
def test_label_selector_grammar(api, labelled, selector, expected):
    assert list_names(api, labelled, labelSelector=selector) == expected


@pytest.mark.parametrize("selector", ["env in (prod", "env=prod=web", "!", "env in prod", "env=bad value"])
def test_invalid_label_selector_is_400(api, labelled, selector):
    expect_status(api.get(labelled, params={"labelSelector": selector}), 400, "BadRequest")


def test_field_selector_metadata_name(api, labelled):
    assert list_names(api, labelled, fieldSelector="metadata.name=dev") == ["dev"]
    assert list_names(api, labelled, fieldSelector="metadata.name==dev") == ["dev"]
    assert list_names(api, labelled, fieldSelector="metadata.name!=dev") == ["bare", "prod-web", "qa-db"]
    assert list_names(api, labelled, fieldSelector="metadata.name!=dev,metadata.name!=bare") == ["prod-web", "qa-db"]


def test_field_and_label_selectors_combine(api, labelled):
    assert list_names(api, labelled, fieldSelector="metadata.name!=dev", labelSelector="!tier") == ["bare"]


def test_field_selector_metadata_namespace(api, ns):
    tag = unique("tag")
    create(api, CM, "mine", ns, body=configmap("mine", labels={"tag": tag}))
    create(api, CM, "theirs", "default", body=configmap(unique("theirs"), labels={"tag": tag}))
    body = expect(api.get("/api/v1/configmaps", params={"fieldSelector": f"metadata.namespace={ns}",
                                                        "labelSelector": f"tag={tag}"}))
    assert [(i["metadata"]["namespace"], i["metadata"]["name"]) for i in body["items"]] == [(ns, "mine")]


def test_pod_field_selectors(api, ns):
    create(api, POD, "scheduled", ns, body=pod("scheduled", node_name="node-a"))
    create(api, POD, "waiting", ns, body=pod("waiting"))
    running = expect(api.get(POD.item("waiting", ns)))
    running["status"]["phase"] = "Running"
    expect(api.put(POD.item("waiting", ns, "status"), running))

    pods = POD.collection(ns)
    assert list_names(api, pods, fieldSelector="spec.nodeName=node-a") == ["scheduled"]
    assert list_names(api, pods, fieldSelector="spec.nodeName=") == ["waiting"]
    assert list_names(api, pods, fieldSelector="status.phase=Pending") == ["scheduled"]
    assert list_names(api, pods, fieldSelector="status.phase=Running") == ["waiting"]
    assert list_names(api, pods, fieldSelector="status.phase!=Running,spec.nodeName=node-a") == ["scheduled"]


@pytest.mark.parametrize("path,selector", [
    ("/api/v1/pods", "spec.foo=bar"),
    ("/api/v1/configmaps", "status.phase=Running"),
    ("/apis/apps/v1/statefulsets", "spec.replicas=1"),
])
def test_unsupported_field_selector_is_400(api, path, selector):
    label = selector.split("=")[0]
    expect_status(api.get(path, params={"fieldSelector": selector}), 400, "BadRequest",
                  contains=f"field label not supported: {label}")


def test_malformed_field_selector_is_400(api):
    expect_status(api.get("/api/v1/pods", params={"fieldSelector": "metadata.name"}), 400, "BadRequest")


# --- Pagination ------------------------------------------------------------------------------------------


def read_pages(api, path, limit, between_pages=None):
    """Follows continue tokens; returns the pages. `between_pages()` runs after the first page."""
    pages = [expect(api.get(path, params={"limit": limit}))]
    while pages[-1]["metadata"].get("continue"):
        if between_pages and len(pages) == 1:
            between_pages()
        token = pages[-1]["metadata"]["continue"]
        pages.append(expect(api.get(path, params={"limit": limit, "continue": token})))
    return pages


def test_pagination_returns_every_object_once_from_one_snapshot(api, ns):
    originals = sorted(f"cm{i}" for i in range(7))
    for name in originals:
        create(api, CM, name, ns)

    def write_in_between():
        create(api, CM, "late", ns)
        expect(api.delete(CM.item("cm6", ns)))

    pages = read_pages(api, CM.collection(ns), 3, write_in_between)
    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    seen = [item["metadata"]["name"] for page in pages for item in page["items"]]
    assert sorted(seen) == originals, "pages must be read from the first page's snapshot"
    assert len({p["metadata"]["resourceVersion"] for p in pages}) == 1, [p["metadata"] for p in pages]
    assert not pages[-1]["metadata"].get("continue")
    assert pages[0]["metadata"].get("remainingItemCount", 4) == 4


def test_pagination_with_selector(api, ns):
    for i in range(5):
        create(api, CM, f"cm{i}", ns, body=configmap(f"cm{i}", labels={"even": str(i % 2 == 0).lower()}))
    path = CM.collection(ns) + "?labelSelector=even%3Dtrue"
    pages = read_pages(api, path, 2)
    assert sorted(i["metadata"]["name"] for p in pages for i in p["items"]) == ["cm0", "cm2", "cm4"]


def test_limit_larger_than_collection(api, ns):
    create(api, CM, "only", ns)
    body = expect(api.get(CM.collection(ns), params={"limit": 500}))
    assert names(body) == ["only"] and not body["metadata"].get("continue")


def test_bad_continue_token_is_rejected(api, ns):
    response = api.get(CM.collection(ns), params={"limit": 1, "continue": "not-a-token"})
    assert response.status_code in (400, 410), response.text
    assert response.json()["kind"] == "Status"


# --- resourceVersion on lists -----------------------------------------------------------------------------


def test_exact_resource_version_returns_old_state(api, ns):
    created = create(api, CM, "cm", ns, body=configmap("cm", data={"v": "old"}))
    updated = expect(api.patch(CM.item("cm", ns), {"data": {"v": "new"}}))
    create(api, CM, "later", ns)

    old = expect(api.get(CM.collection(ns), params={"resourceVersion": created["metadata"]["resourceVersion"],
                                                     "resourceVersionMatch": "Exact"}))
    assert names(old) == ["cm"] and old["items"][0]["data"] == {"v": "old"}
    assert old["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]

    current = expect(api.get(CM.collection(ns)))
    assert names(current) == ["cm", "later"]
    assert next(i for i in current["items"] if i["metadata"]["name"] == "cm")["data"] == {"v": "new"}
    assert rv(current) > rv(updated)


def test_not_older_than_resource_version(api, ns):
    created = create(api, CM, "cm", ns)
    body = expect(api.get(CM.collection(ns), params={"resourceVersion": created["metadata"]["resourceVersion"],
                                                      "resourceVersionMatch": "NotOlderThan"}))
    assert names(body) == ["cm"] and rv(body) >= rv(created)
    assert names(expect(api.get(CM.collection(ns), params={"resourceVersion": "0"}))) == ["cm"]


def test_resource_version_match_without_resource_version_is_rejected(api, ns):
    response = api.get(CM.collection(ns), params={"resourceVersionMatch": "Exact"})
    assert response.status_code in (400, 422), response.text


def test_unparseable_list_resource_version_is_400(api, ns):
    expect_status(api.get(CM.collection(ns), params={"resourceVersion": "abc", "resourceVersionMatch": "Exact"}),
                  400)


def test_expired_continue_token_is_410(start_server):
    server = start_server(extra_args=["--watch-history", "5"])
    for index in range(4):
        create(server, CM, f"cm{index}", "default")
    first = expect(server.get(CM.collection("default"), params={"limit": 2}))
    for index in range(4, 24):
        create(server, CM, f"cm{index}", "default")
    response = server.get(CM.collection("default"), params={"limit": 2, "continue": first["metadata"]["continue"]})
    expect_status(response, 410, "Expired")


def test_exact_read_of_compacted_resource_version_is_410(start_server):
    server = start_server(extra_args=["--watch-history", "5"])
    first = create(server, CM, "cm0", "default")
    for index in range(1, 20):
        create(server, CM, f"cm{index}", "default")
    response = server.get(CM.collection("default"), params={"resourceVersion": first["metadata"]["resourceVersion"],
                                                            "resourceVersionMatch": "Exact"})
    expect_status(response, 410, "Expired", contains=f"too old resource version: {rv(first)}")
