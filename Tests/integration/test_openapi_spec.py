"""The committed OpenAPI spec (openapi/) is what the server serves, and it is complete enough for clients:
full apps/v1 schemas, core/v1 kinds in depth, lists, Status, WatchEvent, DeleteOptions and Scale, and an
inline fieldValidation parameter on every PATCH (kubectl's test for server-side field validation).

If the first two tests fail, the schemas changed without regenerating the spec: run
    swift build && $(swift build --show-bin-path)/ordinal-apiserver openapi --output-dir openapi
and commit the result."""
import json
import os
import pathlib
import subprocess

import pytest

from conftest import BIN_DIR
from support import expect

SPEC_DIR = pathlib.Path(__file__).resolve().parents[2] / "openapi"
REFRESH = "run `$(swift build --show-bin-path)/ordinal-apiserver openapi --output-dir openapi` and commit openapi/"

# Every field of the apps/v1 specs and statuses in Kubernetes 1.32.
APPS_FIELDS = {
    "StatefulSet": {
        "spec": {"replicas", "selector", "template", "volumeClaimTemplates", "serviceName", "podManagementPolicy",
                 "updateStrategy", "revisionHistoryLimit", "minReadySeconds", "persistentVolumeClaimRetentionPolicy",
                 "ordinals"},
        "status": {"observedGeneration", "replicas", "readyReplicas", "currentReplicas", "updatedReplicas",
                   "currentRevision", "updateRevision", "collisionCount", "conditions", "availableReplicas"},
    },
    "Deployment": {
        "spec": {"replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit", "paused",
                 "progressDeadlineSeconds"},
        "status": {"observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas",
                   "unavailableReplicas", "conditions", "collisionCount"},
    },
    "ReplicaSet": {
        "spec": {"replicas", "minReadySeconds", "selector", "template"},
        "status": {"replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration",
                   "conditions"},
    },
    "DaemonSet": {
        "spec": {"selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit"},
        "status": {"currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady",
                   "observedGeneration", "updatedNumberScheduled", "numberAvailable", "numberUnavailable",
                   "collisionCount", "conditions"},
    },
}
META = "io.k8s.apimachinery.pkg.apis.meta.v1."


def committed_files():
    return sorted(path for path in SPEC_DIR.rglob("*.json"))


def served_path(file):
    return "/openapi/" + str(file.relative_to(SPEC_DIR))[:-len(".json")]


def load(file):
    return json.loads(file.read_text())


def document(path):
    return load(SPEC_DIR / (path + ".json"))


def test_committed_spec_is_what_the_server_serves(api):
    files = committed_files()
    assert files, f"openapi/ is empty: {REFRESH}"
    index = expect(api.get("/openapi/v3"))
    served = {"/openapi/v3"} | {"/openapi/v3/" + path for path in index["paths"]}
    assert {served_path(f) for f in files} == served, f"openapi/ holds other documents than the server serves: {REFRESH}"
    for file in files:
        assert expect(api.get(served_path(file))) == load(file), f"{file.name} differs from {served_path(file)}: {REFRESH}"


def test_generator_writes_the_committed_bytes(tmp_path):
    out = tmp_path / "openapi"
    subprocess.run([os.path.join(BIN_DIR, "ordinal-apiserver"), "openapi", "--output-dir", str(out)],
                   check=True, capture_output=True, timeout=60)
    generated = sorted(p.relative_to(out) for p in out.rglob("*.json"))
    assert generated == [p.relative_to(SPEC_DIR) for p in committed_files()], REFRESH
    for relative in generated:
        assert (out / relative).read_bytes() == (SPEC_DIR / relative).read_bytes(), f"{relative} is stale: {REFRESH}"


def all_documents():
    return [(served_path(f), load(f)) for f in committed_files() if served_path(f) != "/openapi/v3"]


def operations(doc):
    for path, item in doc["paths"].items():
        for method in ("get", "put", "post", "patch", "delete"):
            if method in item:
                yield path, method, item[method]


def test_every_patch_has_an_inline_field_validation_parameter():
    patches = 0
    for name, doc in all_documents():
        for path, method, op in operations(doc):
            assert op.get("x-kubernetes-group-version-kind"), (name, path, method)
            if method == "patch":
                patches += 1
                parameter = [p for p in op["parameters"] if p.get("name") == "fieldValidation"]
                assert parameter and parameter[0]["in"] == "query", (name, path)
    assert patches >= 30          # every kind, its /status and /scale


def test_every_reference_resolves_and_operation_ids_are_unique():
    for name, doc in all_documents():
        schemas = doc["components"]["schemas"]
        text = json.dumps(doc)
        for ref in set(part.split('"')[0] for part in text.split('"$ref": "')[1:]):
            assert ref.startswith("#/components/schemas/") and ref.split("/")[-1] in schemas, (name, ref)
        ids = [op["operationId"] for _, _, op in operations(doc)]
        assert len(ids) == len(set(ids)), name


def undescribed(schema, path):
    """Properties below `schema` without a description, as dotted paths."""
    missing = []
    for key, child in schema.get("properties", {}).items():
        if not child.get("description") and "$ref" not in child:
            missing.append(f"{path}.{key}")
        missing += undescribed(child, f"{path}.{key}")
        if "items" in child:
            missing += undescribed(child["items"], f"{path}.{key}[]")
    return missing


@pytest.mark.parametrize("kind", [*APPS_FIELDS, "ControllerRevision"])
def test_apps_kinds_are_complete_tagged_and_described(kind):
    schemas = document("v3/apis/apps/v1")["components"]["schemas"]
    schema = schemas["io.k8s.api.apps.v1." + kind]
    assert schema["x-kubernetes-group-version-kind"] == [{"group": "apps", "version": "v1", "kind": kind}]
    assert schema["description"]
    for part, fields in APPS_FIELDS.get(kind, {}).items():
        assert set(schema["properties"][part]["properties"]) == fields, (kind, part)
    if kind == "ControllerRevision":
        assert {"metadata", "data", "revision"} <= set(schema["properties"])
    assert undescribed(schema, kind) == []
    listed = schemas[f"io.k8s.api.apps.v1.{kind}List"]
    assert listed["properties"]["items"]["items"] == {"$ref": f"#/components/schemas/io.k8s.api.apps.v1.{kind}"}
    assert listed["x-kubernetes-group-version-kind"][0]["kind"] == kind + "List"


def test_shared_meta_schemas_are_present():
    for name, doc in all_documents():
        schemas = doc["components"]["schemas"]
        for meta_kind in ("Status", "ListMeta", "WatchEvent", "DeleteOptions"):
            assert schemas[META + meta_kind]["properties"], (name, meta_kind)
    apps = document("v3/apis/apps/v1")
    scale = apps["components"]["schemas"]["io.k8s.api.autoscaling.v1.Scale"]
    assert set(scale["properties"]["spec"]["properties"]) == {"replicas"}
    assert set(scale["properties"]["status"]["properties"]) == {"replicas", "selector"}
    patch = apps["paths"]["/apis/apps/v1/namespaces/{namespace}/statefulsets/{name}/scale"]["patch"]
    assert patch["x-kubernetes-group-version-kind"] == {"group": "autoscaling", "version": "v1", "kind": "Scale"}
    listing = apps["paths"]["/apis/apps/v1/namespaces/{namespace}/statefulsets"]["get"]["responses"]["200"]["content"]
    assert listing["application/json;stream=watch"]["schema"]["$ref"].endswith("WatchEvent")


def test_core_kinds_have_the_depth_clients_read():
    schemas = document("v3/api/v1")["components"]["schemas"]
    pod = schemas["io.k8s.api.core.v1.Pod"]["properties"]
    container = pod["spec"]["properties"]["containers"]["items"]["properties"]
    assert {"name", "image", "ports", "env", "resources", "volumeMounts", "readinessProbe", "command"} <= set(container)
    assert {"phase", "conditions", "containerStatuses", "podIP", "hostIP", "startTime"} <= set(pod["status"]["properties"])
    for kind in ("Pod", "Service", "PersistentVolumeClaim", "PersistentVolume", "Namespace", "Node", "ConfigMap",
                 "Secret", "Endpoints", "Event"):
        schema = schemas["io.k8s.api.core.v1." + kind]
        assert schema["x-kubernetes-group-version-kind"] == [{"group": "", "version": "v1", "kind": kind}]
        assert {"apiVersion", "kind", "metadata"} <= set(schema["properties"]), kind
    service = schemas["io.k8s.api.core.v1.Service"]["properties"]["spec"]["properties"]
    assert {"selector", "ports", "clusterIP", "type"} <= set(service)


def test_kubectl_explain_reads_the_served_schemas(kubectl):
    out = kubectl("explain", "statefulsets.spec.updateStrategy.rollingUpdate").stdout
    assert "partition" in out and "maxUnavailable" in out, out
    out = kubectl("explain", "pods.spec.containers.ports").stdout
    assert "containerPort" in out, out
