"""Starting and stopping the real binaries, and reading what the kernel says about them."""
import http.client
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time
import urllib.request

COMMANDS = []  # every distinct command line the suite ran, in order, for the report
BIN_DIR = [None]  # the binaries' folder, shown as BIN in the report


def record(args):
    """Notes a command line for the report, with the binaries' folder shown as BIN, run numbers in names as
    RUN and process ids as PID, so repeated runs of one command appear once."""
    line = " ".join(shlex.quote(str(a)) for a in args)
    if BIN_DIR[0]:
        line = line.replace(BIN_DIR[0] + "/", "BIN/")
    line = re.sub(r"--prefix (\S*?)\d+(?=\s|$)", lambda m: f"--prefix {m.group(1)}RUN", line)
    line = re.sub(r"--server-pid \d+", "--server-pid PID", line)
    if line not in COMMANDS:
        COMMANDS.append(line)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def wait_ready(port, timeout=120.0):
    """Polls /readyz until it answers 200; returns the time it did (time.monotonic)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                connection.close()
                return time.monotonic()
            connection.close()
        except OSError:
            pass
        time.sleep(0.001)
    raise RuntimeError(f"no /readyz 200 on port {port} within {timeout}s")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class APIServer:
    """An ordinal-apiserver on a free port; `start()` returns milliseconds from spawn to /readyz 200."""

    def __init__(self, bin_dir, storage="sqlite", data_dir=None):
        self.bin_dir = bin_dir
        self.storage = storage
        self.owns_data = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="ordinal-bench-")
        self.process = None
        self.port = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self):
        return self.process.pid

    def start(self):
        self.port = free_port()
        args = [os.path.join(self.bin_dir, "ordinal-apiserver"), "--port", str(self.port),
                "--storage", self.storage, "--data-dir", self.data_dir, "--log-level", "warning"]
        record([args[0], "--port", "PORT", "--storage", self.storage, "--data-dir", "DIR", "--log-level", "warning"])
        began = time.monotonic()
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ready = wait_ready(self.port)
        return (ready - began) * 1000

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def remove(self):
        self.stop()
        if self.owns_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class ControllerManager:
    """An ordinal-controller-manager with zero simulated start-up delay and DNS off."""

    def __init__(self, bin_dir, server_url, extra=()):
        args = [os.path.join(bin_dir, "ordinal-controller-manager"), "--server", server_url,
                "--start-delay", "0", "--time-scale", "0", "--dns-port", "0", "--log-level", "warning", *extra]
        record([args[0], "--server", "URL"] + args[3:])
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if "running" not in line:
            raise RuntimeError(f"controller manager did not start: {line!r}")

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def loadgen(bin_dir, *args):
    """Runs ordinal-loadgen with `args` and returns the JSON object it printed."""
    command = [os.path.join(bin_dir, "ordinal-loadgen"), *map(str, args)]
    record([re.sub(r"http://127\.0\.0\.1:\d+", "URL", str(a)) for a in command])
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"ordinal-loadgen {' '.join(map(str, args))} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def wrk(url, seconds=5, connections=50, threads=2):
    """Requests per second wrk sustains against `url`."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", url]
    record([re.sub(r"http://127\.0\.0\.1:\d+", "URL", a) for a in command])
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not match:
        raise RuntimeError(f"wrk printed no rate: {out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"wrk saw {errors.group(1)} error responses from {url}")
    return float(match.group(1))


def request(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as response:
        return json.load(response)


def fetch_bytes(url):
    with urllib.request.urlopen(url, timeout=300) as response:
        return response.read()
