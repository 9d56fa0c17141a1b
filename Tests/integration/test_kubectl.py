"""The real kubectl against the server with examples/web.yaml: `create -f`, `apply -f` (created, unchanged,
configured), `get` (-o yaml, -o json, plain table), `scale`, `get -w` printing an update, and `delete -f`."""
import json
import os
import queue
import subprocess
import threading
import time

import pytest
import yaml

from conftest import kubectl_flags
from support import STS, expect, wait_for

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "web.yaml")
SERVICE = "/api/v1/namespaces/default/services/nginx"
WEB = STS.item("web", "default")


@pytest.fixture
def web_created(kubectl):
    result = kubectl("create", "-f", EXAMPLE)
    assert "service/nginx created" in result.stdout and "statefulset.apps/web created" in result.stdout, result.stdout
    return result


def test_create_from_example(server, web_created):
    service = expect(server.get(SERVICE))
    assert service["spec"]["clusterIP"] == "None"
    web = expect(server.get(WEB))
    assert web["spec"]["replicas"] == 2 and web["spec"]["serviceName"] == "nginx"


def test_get_outputs(server, kubectl, web_created):
    as_yaml = yaml.safe_load(kubectl("get", "sts", "web", "-o", "yaml").stdout)
    assert as_yaml["kind"] == "StatefulSet" and as_yaml["metadata"]["name"] == "web"
    assert as_yaml["spec"]["podManagementPolicy"] == "OrderedReady"

    as_json = json.loads(kubectl("get", "statefulset", "web", "-o", "json").stdout)
    assert as_json["metadata"]["uid"] == expect(server.get(WEB))["metadata"]["uid"]

    table = kubectl("get", "sts").stdout.splitlines()
    assert table[0].split()[0] == "NAME" and table[1].split()[0] == "web", table

    services = json.loads(kubectl("get", "svc", "-o", "json").stdout)
    assert services["kind"] == "List" and "nginx" in [i["metadata"]["name"] for i in services["items"]]

    everything = kubectl("get", "all").stdout
    assert "statefulset.apps/web" in everything and "service/nginx" in everything, everything


def test_apply_created_unchanged_configured(server, kubectl, tmp_path):
    first = kubectl("apply", "-f", EXAMPLE).stdout
    assert "service/nginx created" in first and "statefulset.apps/web created" in first, first
    annotations = expect(server.get(WEB))["metadata"]["annotations"]
    assert "kubectl.kubernetes.io/last-applied-configuration" in annotations

    again = kubectl("apply", "-f", EXAMPLE).stdout
    assert "statefulset.apps/web unchanged" in again, again

    documents = list(yaml.safe_load_all(open(EXAMPLE)))
    documents[1]["spec"]["replicas"] = 4
    documents[1]["spec"]["template"]["spec"]["containers"][0]["image"] = "registry.k8s.io/nginx-slim:0.27"
    changed = tmp_path / "web.yaml"
    changed.write_text(yaml.safe_dump_all(documents))
    configured = kubectl("apply", "-f", str(changed)).stdout
    assert "statefulset.apps/web configured" in configured, configured
    web = expect(server.get(WEB))
    assert web["spec"]["replicas"] == 4
    assert [c["image"] for c in web["spec"]["template"]["spec"]["containers"]] == ["registry.k8s.io/nginx-slim:0.27"]
    assert web["metadata"]["generation"] == 2


def test_scale(server, kubectl, web_created):
    result = kubectl("scale", "sts/web", "--replicas=3")
    assert result.stdout.strip() == "statefulset.apps/web scaled", result.stdout
    assert expect(server.get(WEB))["spec"]["replicas"] == 3


class Background:
    """A subprocess whose stdout lines are collected by a thread."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, predicate, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.time()))
            except queue.Empty:
                break
            self.seen.append(line)
            if predicate(line):
                return line
        raise AssertionError(f"no matching line within {timeout}s; output so far: {self.seen}; "
                             f"stderr: {self.stderr()}")

    def quiet_for(self, seconds):
        """Asserts nothing is printed for `seconds` (so a later line is caused by what follows)."""
        try:
            line = self.lines.get(timeout=seconds)
        except queue.Empty:
            return
        raise AssertionError(f"unexpected output: {line!r} after {self.seen}")

    def stderr(self):
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)


def test_get_watch_prints_updates(server, kubectl, web_created, tmp_path):
    watcher = Background(["kubectl", *kubectl_flags(server, tmp_path), "get", "sts", "-w", "--request-timeout=30s"])
    try:
        watcher.wait_for_line(lambda line: line.startswith("web "))
        watcher.quiet_for(0.5)
        kubectl("scale", "sts/web", "--replicas=3")
        # A new row for web after the change (columns depend on whether the server serves Tables).
        watcher.wait_for_line(lambda line: line.startswith("web "))
    finally:
        watcher.stop()


def test_get_watch_by_name(server, kubectl, web_created, tmp_path):
    watcher = Background(["kubectl", *kubectl_flags(server, tmp_path), "get", "sts", "web", "-w",
                          "-o", "jsonpath={.spec.replicas}{\"\\n\"}", "--request-timeout=30s"])
    try:
        watcher.wait_for_line(lambda line: line.strip() == "2")
        expect(server.patch(WEB + "/scale", {"spec": {"replicas": 5}}))
        watcher.wait_for_line(lambda line: line.strip() == "5")
    finally:
        watcher.stop()


def test_delete_from_example(server, kubectl, web_created):
    result = kubectl("delete", "-f", EXAMPLE)
    assert 'service "nginx" deleted' in result.stdout, result.stdout
    assert 'statefulset.apps "web" deleted' in result.stdout, result.stdout
    wait_for(lambda: server.get(WEB).status_code == 404 and server.get(SERVICE).status_code == 404)
    missing = kubectl("get", "sts", "web", check=False)
    assert missing.returncode != 0
    assert 'statefulsets.apps "web" not found' in missing.stderr, missing.stderr


def test_server_side_dry_run(server, kubectl):
    result = kubectl("create", "-f", EXAMPLE, "--dry-run=server")
    assert "statefulset.apps/web created (server dry run)" in result.stdout, result.stdout
    assert server.get(WEB).status_code == 404


def test_strict_validation_error_is_reported(server, kubectl, tmp_path):
    documents = list(yaml.safe_load_all(open(EXAMPLE)))
    documents[1]["spec"]["foo"] = "bar"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(documents[1]))
    result = kubectl("create", "-f", str(broken), check=False)
    assert result.returncode != 0
    assert 'unknown field "spec.foo"' in result.stderr, result.stderr
    assert server.get(WEB).status_code == 404
