"""Kubeconfig for users: `ordinal-apiserver serve` on the SQLite store writes <data-dir>/kubeconfig, and
`ordinal-apiserver kubeconfig` prints one for any server URL, so kubectl works with no --server flag."""
import os
import stat
import subprocess

import yaml

from conftest import BIN_DIR
from support import configmap, expect
from test_auth import pki  # noqa: F401  (the test CA, server certificate and token file)

APISERVER = os.path.join(BIN_DIR, "ordinal-apiserver")


def kubectl_with(kubeconfig, tmp_path, *args):
    env = {key: value for key, value in os.environ.items() if key != "KUBECONFIG"}
    env["KUBECONFIG"] = str(kubeconfig)
    env["HOME"] = str(tmp_path)          # no ~/.kube/config to fall back on
    result = subprocess.run(["kubectl", "--cache-dir", str(tmp_path / "cache"), *args], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0, f"kubectl {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def write_configmap(tmp_path, name, data):
    """A manifest without a namespace, so the kubeconfig's context decides where it goes."""
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": data}))
    return str(path)


def test_serve_writes_a_kubeconfig_kubectl_uses(server, tmp_path):
    path = os.path.join(server.data_dir, "kubeconfig")
    config = yaml.safe_load(open(path))
    assert config["kind"] == "Config" and config["current-context"] == "ordinal"
    assert config["clusters"][0]["cluster"]["server"] == server.url
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    assert kubectl_with(path, tmp_path, "config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}") == server.url
    expect(server.post("/api/v1/namespaces/default/configmaps", configmap("from-api")), 201)
    assert "from-api" in kubectl_with(path, tmp_path, "get", "configmaps")
    kubectl_with(path, tmp_path, "apply", "-f", write_configmap(tmp_path, "from-kubectl", {"a": "b"}))
    assert expect(server.get("/api/v1/namespaces/default/configmaps/from-kubectl"))["data"] == {"a": "b"}


def test_restart_rewrites_the_kubeconfig_for_the_new_port(server):
    path = os.path.join(server.data_dir, "kubeconfig")
    server.restart(signal_kill=False)
    assert yaml.safe_load(open(path))["clusters"][0]["cluster"]["server"] == server.url


def test_memory_storage_writes_no_kubeconfig(memory_server):
    assert not os.path.exists(os.path.join(memory_server.data_dir, "kubeconfig"))


def test_kubeconfig_command_prints_and_writes_with_a_namespace(server, tmp_path):
    printed = subprocess.run([APISERVER, "kubeconfig", "--server", server.url], capture_output=True, text=True,
                             check=True, timeout=30).stdout
    config = yaml.safe_load(printed)
    assert config["clusters"] == [{"name": "ordinal", "cluster": {"server": server.url}}]
    assert config["contexts"] == [{"name": "ordinal", "context": {"cluster": "ordinal", "user": "ordinal"}}]

    expect(server.post("/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team"}}), 201)
    path = tmp_path / "team.kubeconfig"
    subprocess.run([APISERVER, "kubeconfig", "--server", server.url, "--namespace", "team", "-o", str(path)],
                   check=True, timeout=30)
    kubectl_with(path, tmp_path, "apply", "-f", write_configmap(tmp_path, "in-team", {"color": "blue"}))
    expect(server.get("/api/v1/namespaces/team/configmaps/in-team"))
    assert "in-team" in kubectl_with(path, tmp_path, "get", "cm", "-o", "name")


def test_kubeconfig_command_rejects_a_bad_url():
    result = subprocess.run([APISERVER, "kubeconfig", "--server", "localhost:8080"], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode != 0 and "--server must be an http" in result.stderr


def test_https_with_tokens_kubeconfigs(start_server, pki, tmp_path):
    """Over HTTPS the written kubeconfig trusts the serving certificate; `kubeconfig --token
    --certificate-authority` makes one that authenticates too."""
    server = start_server(extra_args=["--tls-cert-file", pki["server.crt"], "--tls-private-key-file", pki["server.key"],
                                      "--token-auth-file", pki["tokens.csv"]])
    written = os.path.join(server.data_dir, "kubeconfig")
    cluster = yaml.safe_load(open(written))["clusters"][0]["cluster"]
    assert cluster["server"] == server.url and server.url.startswith("https://")
    assert os.path.samefile(cluster["certificate-authority"], pki["server.crt"])
    assert "default" in kubectl_with(written, tmp_path, "get", "namespaces", "--token", "admin-token")

    path = tmp_path / "admin.kubeconfig"
    subprocess.run([APISERVER, "kubeconfig", "--server", server.url, "--token", "admin-token",
                    "--certificate-authority", pki["ca.crt"], "-o", str(path)], check=True, timeout=30)
    assert yaml.safe_load(open(path))["users"] == [{"name": "ordinal", "user": {"token": "admin-token"}}]
    assert "kube-system" in kubectl_with(path, tmp_path, "get", "namespaces")
