"""Bad input: each bad request gets a Status error with the right code and reason, nothing is created or
changed, and the server keeps answering afterwards. Covers malformed JSON, YAML bodies, kind/apiVersion not
fitting the URL, namespace and name mismatches, oversized bodies (413), unsupported media types (415),
invalid selectors, unknown paths (404) and wrong methods (405)."""
import pytest
import yaml

from support import CM, STS, configmap, create, expect, expect_status, list_names, statefulset

NOT_FOUND_MESSAGE = "the server could not find the requested resource"


@pytest.fixture(autouse=True)
def server_survives(api):
    """After every test here: the server still answers."""
    yield
    response = api.get("/healthz")
    assert response.status_code == 200 and response.text == "ok"


def assert_nothing_created(api, ns):
    assert list_names(api, CM.collection(ns)) == []
    assert list_names(api, STS.collection(ns)) == []


@pytest.mark.parametrize("body", ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}',
                                  "not json at all", "[1, 2, 3]", '"a string"', ""],
                         ids=["truncated", "garbage", "array", "string", "empty"])
def test_malformed_json_is_400(api, ns, body):
    expect_status(api.post(CM.collection(ns), body), 400, "BadRequest")
    assert_nothing_created(api, ns)


def test_malformed_json_on_update_changes_nothing(api, ns):
    created = create(api, CM, "cm", ns)
    expect_status(api.put(CM.item("cm", ns), '{"data": '), 400, "BadRequest")
    assert expect(api.get(CM.item("cm", ns)))["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]


def test_yaml_body_is_accepted(api, ns):
    text = yaml.safe_dump(statefulset("web"))
    created = expect(api.post(STS.collection(ns), text, content_type="application/yaml"), 201)
    assert created["spec"]["serviceName"] == "nginx" and created["metadata"]["namespace"] == ns
    created["spec"]["replicas"] = 2
    updated = expect(api.put(STS.item("web", ns), yaml.safe_dump(created), content_type="application/yaml"))
    assert updated["spec"]["replicas"] == 2


def test_missing_kind_and_api_version_are_filled_from_the_url(api, ns):
    created = expect(api.post(CM.collection(ns), {"metadata": {"name": "bare"}, "data": {"a": "b"}}), 201)
    assert created["kind"] == "ConfigMap" and created["apiVersion"] == "v1"


@pytest.mark.parametrize("api_version,kind", [("v1", "Pod"), ("v1", "StatefulSet"), ("apps/v2", "StatefulSet"),
                                              ("apps/v1", "Deployment")])
def test_kind_or_api_version_not_fitting_the_url_is_400(api, ns, api_version, kind):
    body = statefulset("web")
    body["apiVersion"], body["kind"] = api_version, kind
    expect_status(api.post(STS.collection(ns), body), 400, "BadRequest")
    assert_nothing_created(api, ns)


def test_namespace_mismatch_is_400(api, ns):
    body = configmap("cm")
    body["metadata"]["namespace"] = "default"
    expect_status(api.post(CM.collection(ns), body), 400, "BadRequest",
                  message="the namespace of the provided object does not match the namespace sent on the request")
    assert_nothing_created(api, ns)
    assert api.get(CM.item("cm", "default")).status_code == 404


def test_namespace_mismatch_on_update_is_400(api, ns):
    created = create(api, CM, "cm", ns)
    created["metadata"]["namespace"] = "default"
    expect_status(api.put(CM.item("cm", ns), created), 400, "BadRequest",
                  message="the namespace of the provided object does not match the namespace sent on the request")


def test_name_mismatch_on_update_is_400(api, ns):
    created = create(api, CM, "cm", ns)
    created["metadata"]["name"] = "other"
    created["data"] = {"changed": "yes"}
    expect_status(api.put(CM.item("cm", ns), created), 400, "BadRequest")
    assert expect(api.get(CM.item("cm", ns)))["data"] == {"key": "value"}
    assert api.get(CM.item("other", ns)).status_code == 404


def test_body_over_three_mebibytes_is_413(api, ns):
    body = configmap("huge", data={"blob": "x" * (3 * 1024 * 1024 + 1024)})
    expect_status(api.post(CM.collection(ns), body), 413, "RequestEntityTooLarge")
    assert_nothing_created(api, ns)


def test_body_just_under_the_limit_is_not_413(api, ns):
    body = configmap("big", data={"blob": "x" * (2 * 1024 * 1024)})
    response = api.post(CM.collection(ns), body)
    assert response.status_code != 413, response.text[:300]


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml"])
def test_unsupported_media_type_is_415(api, ns, content_type):
    expect_status(api.post(CM.collection(ns), configmap("cm"), content_type=content_type), 415,
                  "UnsupportedMediaType")
    assert_nothing_created(api, ns)


def test_json_sent_as_protobuf_is_400(api, ns):
    """Protobuf bodies are accepted (kubectl's generators send them); JSON labelled as protobuf lacks the
    k8s envelope and is a malformed body, as Kubernetes answers it."""
    expect_status(api.post(CM.collection(ns), configmap("cm"), content_type="application/vnd.kubernetes.protobuf"),
                  400, "BadRequest")
    assert_nothing_created(api, ns)


def test_invalid_selector_is_400(api, ns):
    expect_status(api.get(CM.collection(ns), params={"labelSelector": "a in (b"}), 400, "BadRequest")
    expect_status(api.delete(CM.collection(ns), params={"labelSelector": "a in (b"}), 400, "BadRequest")


@pytest.mark.parametrize("path", ["/apis/nope.example.com/v1/widgets", "/api/v1/namespaces/default/widgets",
                                  "/apis/apps/v1/namespaces/default/widgets/x", "/nothing/here", "/api/v2/pods"])
def test_unknown_path_is_404_status(api, path):
    expect_status(api.get(path), 404, "NotFound", message=NOT_FOUND_MESSAGE)


@pytest.mark.parametrize("method,path", [
    ("PUT", "/api/v1/namespaces/{ns}/configmaps"),
    ("PATCH", "/api/v1/namespaces/{ns}/configmaps"),
    ("POST", "/api/v1/namespaces/{ns}/configmaps/cm"),
    ("POST", "/apis/apps/v1/namespaces/{ns}/statefulsets/web/scale"),
    ("DELETE", "/apis/apps/v1/namespaces/{ns}/statefulsets/web/status"),
])
def test_wrong_method_is_405(api, ns, method, path):
    create(api, STS, "web", ns)
    create(api, CM, "cm", ns)
    response = api.request(method, path.format(ns=ns), configmap("cm"), content_type="application/merge-patch+json"
                           if method == "PATCH" else "application/json")
    expect_status(response, 405, "MethodNotAllowed")
    expect(api.get(STS.item("web", ns)))
    expect(api.get(CM.item("cm", ns)))


def test_create_in_missing_namespace_is_404(api):
    expect_status(api.post(CM.collection("no-such-ns"), configmap("cm")), 404, "NotFound",
                  message='namespaces "no-such-ns" not found')


def test_server_keeps_working_after_a_burst_of_bad_requests(api, ns):
    for body in ("{", "[]", "null", "\x00\x01", '{"metadata": 5}'):
        response = api.post(CM.collection(ns), body)
        assert 400 <= response.status_code < 500, response.text
    create(api, CM, "ok", ns)
    assert list_names(api, CM.collection(ns)) == ["ok"]
