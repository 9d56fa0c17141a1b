"""Fixtures that start the real ordinal-apiserver on a free port and talk to it over HTTP."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
import requests

BIN_DIR = os.environ.get("ORDINAL_BIN_DIR") or os.path.join(
    os.path.dirname(__file__), "..", "..", ".build", "debug")


class Server:
    """A running ordinal-apiserver process with helpers for JSON requests."""

    def __init__(self, data_dir, storage="sqlite", extra_args=()):
        self.data_dir = data_dir
        self.storage = storage
        self.extra_args = list(extra_args)
        self.process = None
        self.url = None
        self.session = requests.Session()

    def start(self):
        args = [os.path.join(BIN_DIR, "ordinal-apiserver"), "--port", "0", "--storage", self.storage,
                "--data-dir", self.data_dir, *self.extra_args]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError("server did not start: " + line + self.process.stderr.read())
        self.url = match.group(1)
        return self

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

    def request(self, method, path, body=None, content_type="application/json", headers=None, **kwargs):
        all_headers = {"Content-Type": content_type} if body is not None else {}
        all_headers.update(headers or {})
        data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
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


@pytest.fixture
def data_dir():
    path = tempfile.mkdtemp(prefix="ordinal-test-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def server(data_dir):
    """A fresh server on the durable SQLite store in a temporary folder."""
    instance = Server(data_dir).start()
    yield instance
    instance.stop()


@pytest.fixture
def kubectl(server, tmp_path):
    """Runs the machine's kubectl against the server with a fresh discovery cache."""
    def run(*args, input=None, check=True, timeout=60):
        command = ["kubectl", "--server", server.url, "--cache-dir", str(tmp_path / "kube-cache"), *args]
        result = subprocess.run(command, input=input, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result
    return run


def wait_for(predicate, timeout=10.0, interval=0.05):
    """Polls `predicate` until it returns a truthy value or `timeout` seconds pass."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met within %.1fs" % timeout)
