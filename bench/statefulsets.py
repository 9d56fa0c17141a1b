#!/usr/bin/env python3
"""Times StatefulSets from create to all pods Ready against the release binaries, with zero simulated start-up
delay, and reports the resident memory of both processes at that point.

    swift build -c release && python3 bench/statefulsets.py [--bin .build/release]
"""
import argparse
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request


def start(args, pattern):
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(pattern, line)
    if not match:
        raise RuntimeError(f"{args[0]} did not start: {line}")
    return process, match


def request(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as response:
        return json.load(response)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def statefulset(name, replicas, policy):
    return {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": name},
            "spec": {"replicas": replicas, "podManagementPolicy": policy, "serviceName": name,
                     "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}


def time_until_ready(url, name, replicas, policy, timeout=600):
    sets = f"{url}/apis/apps/v1/namespaces/default/statefulsets"
    began = time.time()
    request(sets, "POST", statefulset(name, replicas, policy))
    while time.time() - began < timeout:
        status = request(f"{sets}/{name}").get("status", {})
        if status.get("readyReplicas", 0) == replicas:
            return time.time() - began
        time.sleep(0.05)
    raise RuntimeError(f"{name} not ready within {timeout}s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release")
    options = parser.parse_args()
    data = tempfile.mkdtemp(prefix="ordinal-bench-")
    api, match = start([os.path.join(options.bin, "ordinal-apiserver"), "--port", "0", "--data-dir", data], r"(http://\S+)")
    url = match.group(1)
    manager, _ = start([os.path.join(options.bin, "ordinal-controller-manager"), "--server", url,
                        "--start-delay", "0", "--time-scale", "0"], r"running")
    try:
        time.sleep(1)
        results = [
            ("100 replicas, OrderedReady", time_until_ready(url, "ordered", 100, "OrderedReady")),
            ("1000 replicas, Parallel", time_until_ready(url, "parallel", 1000, "Parallel")),
        ]
        for label, seconds in results:
            replicas = 100 if "100 " in label else 1000
            print(f"{label}: all Ready in {seconds:.2f} s ({replicas / seconds:.0f} pods/s)")
        print(f"RSS: ordinal-apiserver {rss_mib(api.pid):.1f} MiB, ordinal-controller-manager {rss_mib(manager.pid):.1f} MiB")
    finally:
        manager.terminate()
        api.terminate()
        manager.wait()
        api.wait()


if __name__ == "__main__":
    main()
