"""Authentication, TLS and authorization: HTTPS with a certificate signed by a test CA (made with openssl),
bearer tokens from a kube-apiserver token file (401 without a valid one, health endpoints open), and RBAC
(system:masters may do everything; Roles, ClusterRoles and their bindings grant the rest; 403 otherwise,
worded as kube-apiserver words it). kubectl with a kubeconfig and the controller manager run over TLS too."""
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import Cluster, Server
from support import expect, expect_status, is_ready, statefulset, unique, wait_for

RBAC = "/apis/rbac.authorization.k8s.io/v1"
TOKENS = """# token,user,uid,groups
admin-token,admin,1,system:masters
alice-token,alice,1001
bob-token,bob,1002,"dev,readers"
cm-token,system:kube-controller-manager,2,"system:masters"
"""


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def pki():
    """A CA and a server certificate for 127.0.0.1 it signed (EC P-256 keys: quick to make)."""
    folder = tempfile.mkdtemp(prefix="ordinal-pki-")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=ordinal-test-ca",
            cwd=folder)
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", cwd=folder)
    with open(os.path.join(folder, "san.ext"), "w") as handle:
        handle.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.crt", "-days", "2", "-extfile", "san.ext", cwd=folder)
    with open(os.path.join(folder, "tokens.csv"), "w") as handle:
        handle.write(TOKENS)
    yield {name: os.path.join(folder, name) for name in ("ca.crt", "server.crt", "server.key", "tokens.csv")}
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def secure(pki):
    """One API server with HTTPS, token authentication and RBAC for this module."""
    folder = tempfile.mkdtemp(prefix="ordinal-test-")
    instance = Server(folder, storage="memory", extra_args=[
        "--tls-cert-file", pki["server.crt"], "--tls-private-key-file", pki["server.key"],
        "--token-auth-file", pki["tokens.csv"]]).start()
    instance.ca = pki["ca.crt"]
    yield instance
    instance.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def call(server, method, path, token, body=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Passed per request: requests lets REQUESTS_CA_BUNDLE override a session's `verify`.
    return server.request(method, path, body, headers=headers, verify=server.ca, **kwargs)


def admin(server, method, path, body=None, code=200):
    return expect(call(server, method, path, "admin-token", body), code)


def new_namespace(server):
    name = unique("auth")
    admin(server, "POST", "/api/v1/namespaces", {"metadata": {"name": name}}, 201)
    return name


def sets_path(namespace=None):
    return f"/apis/apps/v1/namespaces/{namespace}/statefulsets" if namespace else "/apis/apps/v1/statefulsets"


def forbidden_message(user, verb, namespace=None):
    scope = f'in the namespace "{namespace}"' if namespace else "at the cluster scope"
    return f'statefulsets.apps is forbidden: User "{user}" cannot {verb} resource "statefulsets" in API group "apps" {scope}'


def test_serves_https_with_its_certificate(secure, pki):
    assert secure.url.startswith("https://127.0.0.1:")
    ok = subprocess.run(["curl", "-sS", "--fail", "--cacert", pki["ca.crt"], "-H", "Authorization: Bearer admin-token",
                         secure.url + "/api/v1/namespaces/default"], capture_output=True, text=True, timeout=20)
    assert ok.returncode == 0, ok.stderr
    assert '"name":"default"' in ok.stdout
    untrusted = subprocess.run(["curl", "-sS", secure.url + "/healthz"], capture_output=True, text=True, timeout=20)
    assert untrusted.returncode == 60, (untrusted.returncode, untrusted.stderr)  # peer certificate not trusted
    plain = subprocess.run(["curl", "-sS", secure.url.replace("https://", "http://") + "/healthz"],
                           capture_output=True, text=True, timeout=20)
    assert plain.returncode != 0 or plain.stdout != "ok"


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_requests_without_a_valid_token_get_401(secure, token):
    for path in ("/api/v1/namespaces", "/apis", "/version", sets_path("default")):
        expect_status(call(secure, "GET", path, token), 401, "Unauthorized", "Unauthorized")
    expect_status(call(secure, "POST", "/api/v1/namespaces", token, {"metadata": {"name": unique("no")}}), 401)


def test_health_endpoints_stay_open(secure):
    for path in ("/healthz", "/readyz", "/livez", "/readyz?verbose"):
        response = call(secure, "GET", path, None)
        assert response.status_code == 200 and response.text.startswith(("ok", "[+]")), response.text


def test_system_masters_may_do_everything(secure):
    namespace = new_namespace(secure)
    admin(secure, "POST", sets_path(namespace), statefulset("web", replicas=0), 201)
    admin(secure, "GET", "/api/v1/nodes")
    admin(secure, "GET", "/openapi/v3")
    roles = admin(secure, "GET", f"{RBAC}/clusterroles")
    assert {"cluster-admin", "admin", "edit", "view", "system:discovery"} <= {r["metadata"]["name"] for r in roles["items"]}
    admin(secure, "DELETE", f"{sets_path(namespace)}/web")


def test_a_role_binding_grants_its_role_in_one_namespace(secure):
    granted, other = new_namespace(secure), new_namespace(secure)
    admin(secure, "POST", f"{RBAC}/namespaces/{granted}/roles", {
        "metadata": {"name": "sts-reader"},
        "rules": [{"apiGroups": ["apps"], "resources": ["statefulsets"], "verbs": ["get", "list", "watch"]}]}, 201)
    binding = admin(secure, "POST", f"{RBAC}/namespaces/{granted}/rolebindings", {
        "metadata": {"name": "alice-reads"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "sts-reader"},
        "subjects": [{"kind": "User", "name": "alice"}]}, 201)
    assert binding["subjects"][0]["apiGroup"] == "rbac.authorization.k8s.io"

    wait_for(lambda: call(secure, "GET", sets_path(granted), "alice-token").status_code == 200)
    expect_status(call(secure, "GET", sets_path(other), "alice-token"), 403, "Forbidden",
                  forbidden_message("alice", "list", other))
    expect_status(call(secure, "POST", sets_path(granted), "alice-token", statefulset("web")), 403, "Forbidden",
                  forbidden_message("alice", "create", granted))
    body = expect_status(call(secure, "GET", sets_path(), "alice-token"), 403, "Forbidden",
                         forbidden_message("alice", "list"))
    assert body["details"] == {"group": "apps", "kind": "statefulsets"}, body
    # Discovery is open to every authenticated user, so kubectl can find its way.
    expect(call(secure, "GET", "/apis/apps/v1", "alice-token"))

    # Changing the binding takes effect without a restart: removing it takes the access away, and back.
    admin(secure, "DELETE", f"{RBAC}/namespaces/{granted}/rolebindings/alice-reads")
    wait_for(lambda: call(secure, "GET", sets_path(granted), "alice-token").status_code == 403)
    admin(secure, "POST", f"{RBAC}/namespaces/{granted}/rolebindings", {
        "metadata": {"name": "alice-edits"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"},
        "subjects": [{"kind": "User", "name": "alice"}]}, 201)
    wait_for(lambda: call(secure, "POST", sets_path(granted), "alice-token", statefulset("web", replicas=0)).status_code == 201)
    expect_status(call(secure, "DELETE", f"{sets_path(other)}/web", "alice-token"), 403, "Forbidden",
                  'statefulsets.apps "web" is forbidden: User "alice" cannot delete resource "statefulsets" '
                  f'in API group "apps" in the namespace "{other}"')


def test_a_cluster_role_binding_grants_everywhere(secure):
    first, second = new_namespace(secure), new_namespace(secure)
    expect_status(call(secure, "GET", sets_path(first), "bob-token"), 403)
    name = unique("readers-view")
    admin(secure, "POST", f"{RBAC}/clusterrolebindings", {
        "metadata": {"name": name},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
        "subjects": [{"kind": "Group", "name": "readers", "apiGroup": "rbac.authorization.k8s.io"}]}, 201)
    wait_for(lambda: call(secure, "GET", sets_path(), "bob-token").status_code == 200)
    for namespace in (first, second):
        expect(call(secure, "GET", sets_path(namespace), "bob-token"))
    expect_status(call(secure, "POST", sets_path(first), "bob-token", statefulset("web")), 403,
                  message=forbidden_message("bob", "create", first))
    expect_status(call(secure, "GET", f"/api/v1/namespaces/{first}/secrets", "bob-token"), 403)  # view skips secrets
    expect_status(call(secure, "GET", "/api/v1/nodes", "alice-token"), 403)                      # bob's group only
    admin(secure, "DELETE", f"{RBAC}/clusterrolebindings/{name}")
    wait_for(lambda: call(secure, "GET", sets_path(), "bob-token").status_code == 403)


def kubeconfig(tmp_path, server, ca, token):
    path = tmp_path / f"kubeconfig-{token}"
    path.write_text(f"""apiVersion: v1
kind: Config
clusters:
- name: ordinal
  cluster: {{server: "{server.url}", certificate-authority: "{ca}"}}
users:
- name: someone
  user: {{token: "{token}"}}
contexts:
- name: ordinal
  context: {{cluster: ordinal, user: someone}}
current-context: ordinal
""")
    return str(path)


def run_kubectl(tmp_path, config, *args, input=None):
    return subprocess.run(["kubectl", "--kubeconfig", config, "--cache-dir", str(tmp_path / "cache"), *args],
                          input=input, capture_output=True, text=True, timeout=60)


def test_kubectl_with_a_kubeconfig(secure, pki, tmp_path):
    namespace = new_namespace(secure)
    good = kubeconfig(tmp_path, secure, pki["ca.crt"], "admin-token")
    # kubectl sends the binding as protobuf.
    created = run_kubectl(tmp_path, good, "-n", namespace, "create", "rolebinding", "alice-view",
                          "--clusterrole=view", "--user=alice")
    assert created.returncode == 0, created.stderr
    listed = run_kubectl(tmp_path, good, "-n", namespace, "get", "rolebindings")
    assert listed.returncode == 0, listed.stderr
    assert "alice-view" in listed.stdout and "ClusterRole/view" in listed.stdout, listed.stdout

    alice = kubeconfig(tmp_path, secure, pki["ca.crt"], "alice-token")
    wait_for(lambda: run_kubectl(tmp_path, alice, "-n", namespace, "get", "sts").returncode == 0, timeout=20)
    denied = run_kubectl(tmp_path, alice, "get", "sts", "-A")
    assert denied.returncode != 0
    assert "Forbidden" in denied.stderr and 'User "alice" cannot list resource "statefulsets"' in denied.stderr, denied.stderr

    wrong = run_kubectl(tmp_path, kubeconfig(tmp_path, secure, pki["ca.crt"], "wrong-token"), "get", "ns")
    assert wrong.returncode != 0
    assert "Unauthorized" in wrong.stderr or "must be logged in" in wrong.stderr, wrong.stderr


def test_controller_manager_runs_over_tls_with_a_token(secure, pki, tmp_path):
    namespace = new_namespace(secure)
    cluster = Cluster(secure, tmp_path / "cache", extra_args=[
        "--token", "cm-token", "--certificate-authority", pki["ca.crt"], "--dns-port", "0"])
    cluster.start_controllers()
    try:
        admin(secure, "POST", sets_path(namespace), statefulset("web", replicas=2), 201)

        def both_ready():
            pods = admin(secure, "GET", f"/api/v1/namespaces/{namespace}/pods")["items"]
            return sorted(p["metadata"]["name"] for p in pods if is_ready(p)) == ["web-0", "web-1"]
        wait_for(both_ready, timeout=20)
        assert cluster.controllers_alive(), cluster.controller_log_tail()
    except AssertionError:
        print(cluster.controller_log_tail())
        raise
    finally:
        cluster.cleanup()
