"""kubectl's generator commands against the real server.

`kubectl create namespace|configmap|secret|deployment|service …` build typed objects and send them with
Content-Type application/vnd.kubernetes.protobuf (client-go's typed clients prefer protobuf for built-in
kinds). Each test runs the real kubectl, then reads the stored object back over JSON and checks every field
the generator set. All tests share one server (`api`) and isolate themselves in a fresh namespace (`ns`).
"""
import base64
import json
import subprocess
import uuid

import pytest
import requests

from support import expect

PROTOBUF = "application/vnd.kubernetes.protobuf"


@pytest.fixture
def k(api, ns, tmp_path):
    """kubectl against the shared server, in the test's namespace."""
    def run(*args, check=True):
        command = ["kubectl", "--server", api.url, "--cache-dir", str(tmp_path / "kube-cache"), "-n", ns, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if check and result.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result
    return run


def get(api, path):
    return expect(api.get(path))


def field(number, payload):
    """One length-delimited protobuf field (payloads here are all shorter than 128 bytes)."""
    assert len(payload) < 128
    return bytes([number << 3 | 2, len(payload)]) + payload


def envelope(api_version, kind, raw):
    """Kubernetes' protobuf envelope: k8s\\0 + runtime.Unknown{typeMeta{apiVersion, kind}, raw}."""
    type_meta = field(1, api_version.encode()) + field(2, kind.encode())
    return b"k8s\x00" + field(1, type_meta) + field(2, raw)


def test_kubectl_sends_protobuf_for_generators(api, ns, k):
    """Guards the premise: kubectl 1.32 really sends protobuf bodies (so the tests below exercise the decoder)."""
    result = k("create", "configmap", "probe", "--from-literal=a=b", "-v=8")
    assert "Request Headers" in result.stderr, result.stderr[-2000:]
    assert "Content-Type: " + PROTOBUF in result.stderr, result.stderr[-2000:]


def test_create_namespace(api, k):
    name = "gen-" + uuid.uuid4().hex[:10]
    out = k("create", "namespace", name).stdout
    assert out.strip() == f"namespace/{name} created", out
    stored = get(api, f"/api/v1/namespaces/{name}")
    assert stored["metadata"]["name"] == name and stored["status"]["phase"] == "Active", stored
    assert stored["spec"]["finalizers"] == ["kubernetes"], stored
    expect(api.delete(f"/api/v1/namespaces/{name}"))


def test_create_configmap_from_literals_and_files(api, ns, k, tmp_path):
    (tmp_path / "app.properties").write_text("color=blue\nsize=2\n")
    (tmp_path / "blob.bin").write_bytes(bytes([0, 255, 16, 128]))
    out = k("create", "configmap", "c1", "--from-literal=a=b", "--from-literal=empty=",
            f"--from-file={tmp_path / 'app.properties'}", f"--from-file=raw={tmp_path / 'blob.bin'}").stdout
    assert out.strip() == "configmap/c1 created", out
    stored = get(api, f"/api/v1/namespaces/{ns}/configmaps/c1")
    assert stored["data"] == {"a": "b", "empty": "", "app.properties": "color=blue\nsize=2\n"}, stored
    assert base64.b64decode(stored["binaryData"]["raw"]) == bytes([0, 255, 16, 128]), stored


def test_create_secret_generic(api, ns, k):
    out = k("create", "secret", "generic", "s1", "--from-literal=password=hunter2", "--from-literal=user=admin").stdout
    assert out.strip() == "secret/s1 created", out
    stored = get(api, f"/api/v1/namespaces/{ns}/secrets/s1")
    assert stored["type"] == "Opaque", stored
    decoded = {key: base64.b64decode(value).decode() for key, value in stored["data"].items()}
    assert decoded == {"password": "hunter2", "user": "admin"}, stored


def test_create_secret_tls(api, ns, k, tmp_path):
    key, cert = tmp_path / "tls.key", tmp_path / "tls.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=example.test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    out = k("create", "secret", "tls", "t1", f"--cert={cert}", f"--key={key}").stdout
    assert out.strip() == "secret/t1 created", out
    stored = get(api, f"/api/v1/namespaces/{ns}/secrets/t1")
    assert stored["type"] == "kubernetes.io/tls", stored
    assert base64.b64decode(stored["data"]["tls.crt"]) == cert.read_bytes(), stored
    assert base64.b64decode(stored["data"]["tls.key"]) == key.read_bytes(), stored


def test_create_secret_docker_registry(api, ns, k):
    out = k("create", "secret", "docker-registry", "r1", "--docker-server=registry.example.test",
            "--docker-username=bob", "--docker-password=s3cret", "--docker-email=bob@example.test").stdout
    assert out.strip() == "secret/r1 created", out
    stored = get(api, f"/api/v1/namespaces/{ns}/secrets/r1")
    assert stored["type"] == "kubernetes.io/dockerconfigjson", stored
    config = json.loads(base64.b64decode(stored["data"][".dockerconfigjson"]))
    entry = config["auths"]["registry.example.test"]
    assert (entry["username"], entry["password"], entry["email"]) == ("bob", "s3cret", "bob@example.test"), config
    assert base64.b64decode(entry["auth"]).decode() == "bob:s3cret", config


def test_create_deployment(api, ns, k):
    out = k("create", "deployment", "web", "--image=registry.k8s.io/nginx-slim:0.24", "--replicas=0", "--port=80").stdout
    assert out.strip() == "deployment.apps/web created", out
    stored = get(api, f"/apis/apps/v1/namespaces/{ns}/deployments/web")
    spec = stored["spec"]
    assert spec["replicas"] == 0, spec  # an explicit zero survives the trip (a pointer field in Go)
    assert spec["selector"] == {"matchLabels": {"app": "web"}}, spec
    assert spec["template"]["metadata"]["labels"] == {"app": "web"}, spec
    container = spec["template"]["spec"]["containers"][0]
    assert container["name"] == "nginx-slim" and container["image"] == "registry.k8s.io/nginx-slim:0.24", container
    assert container["ports"] == [{"containerPort": 80, "protocol": "TCP"}], container


def test_create_service_clusterip(api, ns, k):
    out = k("create", "service", "clusterip", "svc", "--tcp=8080:80", "--tcp=9090:9000").stdout
    assert out.strip() == "service/svc created", out
    stored = get(api, f"/api/v1/namespaces/{ns}/services/svc")
    ports = sorted((p["name"], p["port"], p["targetPort"], p["protocol"]) for p in stored["spec"]["ports"])
    assert ports == [("8080-80", 8080, 80, "TCP"), ("9090-9000", 9090, 9000, "TCP")], stored
    assert stored["spec"]["selector"] == {"app": "svc"}, stored
    assert stored["spec"]["type"] == "ClusterIP" and stored["spec"]["clusterIP"], stored


def test_invalid_generated_object_is_rejected_by_validation(api, ns, k):
    """A protobuf body goes through the same validation as JSON: an invalid name is 422 Invalid."""
    result = k("create", "configmap", "Bad_Name", "--from-literal=a=b", check=False)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "is invalid" in result.stderr, result.stderr
    assert api.get(f"/api/v1/namespaces/{ns}/configmaps/Bad_Name").status_code == 404


def test_malformed_and_unknown_protobuf_bodies(api, ns):
    """Malformed bytes are 400 BadRequest; a kind with no schema here is 415; neither stores anything."""
    url = api.url + f"/api/v1/namespaces/{ns}/configmaps"
    headers = {"Content-Type": PROTOBUF}
    whole = envelope("v1", "ConfigMap", field(1, field(1, b"c1")))
    truncated = whole[:-2]
    response = requests.post(url, data=truncated, headers=headers, timeout=10)
    assert response.status_code == 400, response.text
    assert response.json()["reason"] == "BadRequest", response.text
    no_magic = requests.post(url, data=b"\x0a\x00", headers=headers, timeout=10)
    assert no_magic.status_code == 400 and no_magic.json()["kind"] == "Status", no_magic.text
    unknown = envelope("policy/v1", "Eviction", field(1, field(1, b"p")))
    response = requests.post(url, data=unknown, headers=headers, timeout=10)
    assert response.status_code == 415, response.text
    assert response.json()["reason"] == "UnsupportedMediaType", response.text
    assert get(api, f"/api/v1/namespaces/{ns}/configmaps")["items"] == [], "nothing may be stored"
    # The intact body is accepted: the failures above are about the damage, not the framing.
    # Responses stay JSON even when the client would take protobuf, as kubectl asks.
    created = requests.post(url, data=whole, timeout=10,
                            headers={**headers, "Accept": PROTOBUF + ",application/json"})
    assert created.status_code == 201 and created.json()["metadata"]["name"] == "c1", created.text
    assert created.headers["Content-Type"].startswith("application/json"), created.headers


def test_drain_without_eviction_deletes_with_protobuf_delete_options(api, ns, k):
    """The server has no eviction subresource, so `kubectl drain --disable-eviction` deletes each pod; the
    typed client sends DeleteOptions as protobuf. gracePeriodSeconds=0 must arrive, or the pods would only
    be marked Terminating (no kubelet runs here) and the drain would time out."""
    node = "drain-" + ns
    expect(api.post("/api/v1/nodes", {"apiVersion": "v1", "kind": "Node", "metadata": {"name": node}}), 201)
    for name in ("a", "b"):
        expect(api.post(f"/api/v1/namespaces/{ns}/pods", {
            "apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
            "spec": {"nodeName": node, "containers": [{"name": "c", "image": "nginx"}]}}), 201)
    out = k("drain", node, "--force", "--disable-eviction", "--grace-period=0", "--timeout=20s").stdout
    assert f"node/{node} drained" in out, out
    assert get(api, f"/api/v1/namespaces/{ns}/pods")["items"] == [], "pods remain after drain"
    assert get(api, f"/api/v1/nodes/{node}")["spec"]["unschedulable"] is True
    expect(api.delete(f"/api/v1/nodes/{node}"))
