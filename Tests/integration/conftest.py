"""Fixtures that start the real ordinal-apiserver on a free port and talk to it over HTTP.

- `server`: a fresh server per test (SQLite store in a temporary folder) — for tests that need a pristine
  store or count resourceVersions.
- `memory_server`: the same with `--storage memory`.
- `start_server`: a factory for servers with extra flags (e.g. `--watch-history 5`).
- `api` + `ns`: one shared server for the whole session and a fresh namespace per test, so most tests
  stay fast while staying independent of each other.
- `kubectl`: the machine's kubectl against `server`, with a fresh discovery cache.
- `Watch` (in support.py) reads a watch stream line by line in a thread.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
import requests

BIN_DIR = os.environ.get("ORDINAL_BIN_DIR") or os.path.join(
    os.path.dirname(__file__), "..", "..", ".build", "debug")

URL_PATTERN = re.compile(r"(https?://\S+)")


class Server:
    """A running ordinal-apiserver process with helpers for JSON requests."""

    def __init__(self, data_dir, storage="sqlite", extra_args=()):
        self.data_dir = data_dir
        self.storage = storage
        self.extra_args = list(extra_args)
        self.process = None
        self.url = None
        self.first_line = None
        self.session = requests.Session()
        # The server's log goes to a file: a never-read pipe would fill up and stall the server.
        self.log_path = tempfile.mktemp(prefix="ordinal-log-", suffix=".txt")

    def start(self):
        args = [os.path.join(BIN_DIR, "ordinal-apiserver"), "--port", "0", "--storage", self.storage,
                "--data-dir", self.data_dir, *self.extra_args]
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, text=True)
        log.close()
        line = self.process.stdout.readline()
        self.first_line = line
        match = URL_PATTERN.search(line)
        if not match:
            self.process.kill()
            self.process.wait()
            raise RuntimeError("server did not start: " + line + self.log_tail())
        self.url = match.group(1).rstrip("/")
        threading.Thread(target=self._drain_stdout, args=(self.process,), daemon=True).start()
        return self

    @staticmethod
    def _drain_stdout(process):
        for _ in process.stdout:
            pass

    def stop(self, signal_kill=False):
        if self.process and self.process.poll() is None:
            if signal_kill:
                self.process.kill()
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self, signal_kill=True):
        """Stops the process (kill -9 by default) and starts a new one on the same data folder."""
        self.stop(signal_kill=signal_kill)
        self.session = requests.Session()
        return self.start()

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log_tail(self, size=4000):
        return file_tail(self.log_path, size)

    def request(self, method, path, body=None, content_type="application/json", headers=None, **kwargs):
        all_headers = {"Content-Type": content_type} if body is not None else {}
        all_headers.update(headers or {})
        data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
        kwargs.setdefault("timeout", 30)
        return self.session.request(method, self.url + path, data=data, headers=all_headers, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, body, **kwargs):
        return self.request("POST", path, body, **kwargs)

    def put(self, path, body, **kwargs):
        return self.request("PUT", path, body, **kwargs)

    def patch(self, path, body, content_type="application/merge-patch+json", **kwargs):
        return self.request("PATCH", path, body, content_type=content_type, **kwargs)

    def delete(self, path, body=None, **kwargs):
        return self.request("DELETE", path, body, **kwargs)

    def cleanup(self):
        self.stop()
        try:
            os.remove(self.log_path)
        except OSError:
            pass


def _new_data_dir():
    return tempfile.mkdtemp(prefix="ordinal-test-")


@pytest.fixture
def data_dir():
    path = _new_data_dir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def start_server():
    """A factory: start_server(storage="sqlite", extra_args=(), data_dir=None) -> a started Server."""
    started, folders = [], []

    def start(storage="sqlite", extra_args=(), data_dir=None):
        if data_dir is None:
            data_dir = _new_data_dir()
            folders.append(data_dir)
        instance = Server(data_dir, storage=storage, extra_args=extra_args).start()
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.cleanup()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(data_dir):
    """A fresh server on the durable SQLite store in a temporary folder."""
    instance = Server(data_dir).start()
    yield instance
    instance.cleanup()


@pytest.fixture
def memory_server(start_server):
    """A fresh server on the in-memory store."""
    return start_server(storage="memory")


@pytest.fixture(scope="session")
def api():
    """One server shared by the whole session; tests isolate themselves with the `ns` fixture."""
    folder = _new_data_dir()
    instance = Server(folder).start()
    yield instance
    instance.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def ns(api):
    """A fresh namespace on the shared server."""
    name = "t-" + uuid.uuid4().hex[:10]
    response = api.post("/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})
    assert response.status_code == 201, response.text
    return name


@pytest.fixture
def kubectl(server, tmp_path):
    """Runs the machine's kubectl against the server with a fresh discovery cache."""
    def run(*args, input=None, check=True, timeout=60):
        command = ["kubectl", *kubectl_flags(server, tmp_path), *args]
        result = subprocess.run(command, input=input, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result
    return run


def kubectl_flags(server, tmp_path):
    return ["--server", server.url, "--cache-dir", str(tmp_path / "kube-cache")]


def file_tail(path, size):
    """The last `size` characters of a log file, or "" when it cannot be read."""
    try:
        with open(path) as handle:
            return handle.read()[-size:]
    except OSError:
        return ""


def wait_for(predicate, timeout=10.0, interval=0.05):
    """Polls `predicate` until it returns a truthy value or `timeout` seconds pass."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met within %.1fs" % timeout)


# ---------------------------------------------------------------------------------------------------------
# A whole cluster: the API server plus the controller manager (StatefulSet controller, simulated kubelet,
# scheduler and nodes, volume provisioner, garbage collector, endpoints).


class Cluster:
    """An API server and a controller manager running against it. Request helpers (get, post, put, patch,
    delete, url, ...) are the API server's; `kubectl(...)` runs the machine's kubectl against it."""

    def __init__(self, api, kube_cache, time_scale=0.05, nodes=3, extra_args=()):
        self.api = api
        self.kube_cache = kube_cache
        self.time_scale = time_scale
        self.nodes = nodes
        self.extra_args = list(extra_args)
        self.process = None
        self.log_path = tempfile.mktemp(prefix="ordinal-cm-log-", suffix=".txt")

    def __getattr__(self, name):
        return getattr(self.api, name)

    def start_controllers(self):
        args = [os.path.join(BIN_DIR, "ordinal-controller-manager"), "--server", self.api.url,
                "--nodes", str(self.nodes), "--time-scale", str(self.time_scale), "--log-level", "info",
                *self.extra_args]
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, text=True)
        return self

    def stop_controllers(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def controllers_alive(self):
        return self.process is not None and self.process.poll() is None

    def controller_log_tail(self, size=6000):
        return file_tail(self.log_path, size)

    def kubectl(self, *args, input=None, check=True, timeout=60):
        command = ["kubectl", "--server", self.api.url, "--cache-dir", str(self.kube_cache), *args]
        result = subprocess.run(command, input=input, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def cleanup(self):
        self.stop_controllers()
        try:
            os.remove(self.log_path)
        except OSError:
            pass


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remembers each phase's report on the test item, so fixtures can tell whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


@pytest.fixture
def start_cluster(start_server, tmp_path, request):
    """A factory: start_cluster(storage="memory", time_scale=0.05, nodes=3, extra_args=()) -> a started
    Cluster. On failure the tails of both processes' logs are printed (shown in the test report)."""
    clusters = []

    def start(storage="memory", time_scale=0.05, nodes=3, extra_args=()):
        api = start_server(storage=storage)
        cluster = Cluster(api, tmp_path / f"kube-cache-{len(clusters)}", time_scale=time_scale, nodes=nodes,
                          extra_args=extra_args)
        clusters.append(cluster)
        return cluster.start_controllers()

    yield start
    failed = any(getattr(getattr(request.node, "rep_" + phase, None), "failed", False)
                 for phase in ("setup", "call"))
    for cluster in clusters:
        if failed:
            print("\n===== ordinal-apiserver log (tail) =====\n" + cluster.api.log_tail())
            print("\n===== ordinal-controller-manager log (tail) =====\n" + cluster.controller_log_tail())
            if cluster.process is not None and cluster.process.poll() is not None:
                print(f"(the controller manager had exited with {cluster.process.returncode})")
        cluster.cleanup()


@pytest.fixture
def cluster(start_cluster):
    """A fresh API server (in-memory store) with the controller manager running against it, at
    --time-scale 0.05 so simulated pods start and terminate within a fraction of a second."""
    return start_cluster()
