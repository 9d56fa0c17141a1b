#!/usr/bin/env python3
"""Measures the cluster DNS served by the controller manager: how many UDP queries it answers per second, and
how long after a pod turns Ready (as a watcher sees it) or is deleted its record changes.

    swift build -c release && python3 bench/cluster_dns.py [--bin .build/release] [--samples 20] [--seconds 5]

Needs dnspython (Tests/integration/requirements.txt).
"""
import argparse
import json
import os
import re
import socket
import statistics
import struct
import subprocess
import tempfile
import threading
import time
import urllib.request

import dns.message
import dns.query
import dns.rcode
import dns.rdatatype

ZONE = "cluster.local"
PODS = "/api/v1/namespaces/default/pods"
SETS = "/apis/apps/v1/namespaces/default/statefulsets"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        return udp.getsockname()[1]


def start(args, pattern):
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(pattern, line)
    if not match:
        raise RuntimeError(f"{args[0]} did not start: {line}")
    return process, match


def request(url, method="GET", body=None, content_type="application/json"):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    with urllib.request.urlopen(req) as response:
        return json.load(response)


def is_ready(pod):
    return any(c["type"] == "Ready" and c["status"] == "True" for c in pod.get("status", {}).get("conditions", []))


def resolve(port, name):
    """The A addresses of `name`, or None for NXDOMAIN."""
    response = dns.query.udp(dns.message.make_query(name, "A"), "127.0.0.1", port=port, timeout=1)
    if response.rcode() == dns.rcode.NXDOMAIN:
        return None
    return sorted(item.address for rrset in response.answer if rrset.rdtype == dns.rdatatype.A for item in rrset)


def poll_until(port, name, expected, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if resolve(port, name) == expected:
            return time.monotonic()
        time.sleep(0.0005)
    raise RuntimeError(f"{name} did not become {expected}")


class PodWatch:
    """A watch of the default namespace's pods in a thread; `wait` returns the monotonic time an event
    matching a predicate arrived, and the pod it carried."""

    def __init__(self, url):
        self.events = []
        self.condition = threading.Condition()
        version = request(url + PODS)["metadata"]["resourceVersion"]
        self.response = urllib.request.urlopen(f"{url}{PODS}?watch=1&resourceVersion={version}")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.response:
            event = json.loads(line)
            with self.condition:
                self.events.append((time.monotonic(), event["type"], event["object"]))
                self.condition.notify_all()

    def wait(self, predicate, timeout=30.0):
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for index, (at, kind, pod) in enumerate(self.events):
                    if predicate(kind, pod):
                        del self.events[:index + 1]
                        return at, pod
                if not self.condition.wait(deadline - time.monotonic()):
                    raise RuntimeError("watch event did not arrive")


def query_rate(port, name, seconds, window=32):
    """UDP queries answered per second with `window` queries in flight from one socket."""
    labels = b"".join(bytes([len(part)]) + part.encode() for part in name.split(".")) + b"\0"
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(("127.0.0.1", port))
    sock.settimeout(1)
    sent = answered = 0

    def send():
        nonlocal sent
        sock.send(struct.pack("!HHHHHH", sent & 0xFFFF, 0x0100, 1, 0, 0, 0) + labels + struct.pack("!HH", 1, 1))
        sent += 1

    for _ in range(window):
        send()
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        try:
            sock.recv(512)
        except socket.timeout:
            for _ in range(window - (sent - answered)):
                send()
            continue
        answered += 1
        send()
    elapsed = time.monotonic() - began
    sock.close()
    return answered / elapsed


def millis(values):
    values = sorted(v * 1000 for v in values)
    return f"median {statistics.median(values):.1f} ms, min {values[0]:.1f}, max {values[-1]:.1f} (n={len(values)})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=5)
    options = parser.parse_args()
    dns_port = free_port()
    data = tempfile.mkdtemp(prefix="ordinal-bench-dns-")
    api, match = start([os.path.join(options.bin, "ordinal-apiserver"), "--port", "0", "--data-dir", data],
                       r"(http://\S+)")
    url = match.group(1)
    manager, _ = start([os.path.join(options.bin, "ordinal-controller-manager"), "--server", url,
                        "--start-delay", "0", "--time-scale", "0", "--dns-port", str(dns_port)], r"listening|running")
    try:
        request(url + "/api/v1/namespaces/default/services", "POST", {
            "apiVersion": "v1", "kind": "Service", "metadata": {"name": "nginx"},
            "spec": {"clusterIP": "None", "selector": {"app": "web"}, "ports": [{"name": "web", "port": 80}]}})
        watch = PodWatch(url)
        request(url + SETS, "POST", {
            "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web"},
            "spec": {"replicas": 3, "serviceName": "nginx", "selector": {"matchLabels": {"app": "web"}},
                     "template": {"metadata": {"labels": {"app": "web"}},
                                  "spec": {"containers": [{"name": "nginx", "image": "nginx",
                                                           "ports": [{"name": "web", "containerPort": 80}]}]}}}})
        for ordinal in range(3):
            _, pod = watch.wait(lambda kind, pod, o=ordinal: pod["metadata"]["name"] == f"web-{o}" and is_ready(pod))
            poll_until(dns_port, f"web-{ordinal}.nginx.default.svc.{ZONE}", [pod["status"]["podIP"]])

        rate = query_rate(dns_port, f"web-0.nginx.default.svc.{ZONE}", options.seconds)

        ready, gone = [], []
        name = f"web-1.nginx.default.svc.{ZONE}"
        while len(ready) < options.samples:
            old = request(f"{url}{PODS}/web-1")
            request(f"{url}{PODS}/web-1", "DELETE")
            watch.wait(lambda kind, pod: kind == "DELETED" and pod["metadata"]["name"] == "web-1")
            ready_at, pod = watch.wait(lambda kind, pod: pod["metadata"]["name"] == "web-1" and is_ready(pod)
                                       and pod["metadata"]["uid"] != old["metadata"]["uid"])
            answered_at = poll_until(dns_port, name, [pod["status"]["podIP"]])
            if pod["status"]["podIP"] != old["status"]["podIP"]:
                ready.append(answered_at - ready_at)

        request(f"{url}{SETS}/web", "PATCH", {"spec": {"replicas": 2}}, "application/merge-patch+json")
        deleted_at, _ = watch.wait(lambda kind, pod: pod["metadata"]["name"] == "web-2"
                                   and (kind == "DELETED" or "deletionTimestamp" in pod["metadata"]))
        gone.append(poll_until(dns_port, f"web-2.nginx.default.svc.{ZONE}", None) - deleted_at)

        print(f"UDP queries answered: {rate:,.0f}/s (one client, 32 in flight, {options.seconds:g} s)")
        print(f"pod Ready (watch event) -> its new address answers: {millis(ready)}")
        print(f"pod marked for deletion (watch event) -> NXDOMAIN: {millis(gone)}")
    finally:
        manager.terminate()
        api.terminate()
        manager.wait()
        api.wait()


if __name__ == "__main__":
    main()
