#!/usr/bin/env python3
"""A soak: mixed load against the release binaries for a fixed time, sampling both processes as it goes.

The API server (SQLite store) and the controller manager run while worker threads create, update and delete
ConfigMaps, list collections (whole and paged), hold watches that end and reopen, and scale StatefulSets up
and down (so the controller manager creates and deletes pods and claims all along). Every `--interval`
seconds it samples the resident memory and open file descriptors of both processes and the requests done so
far; at the end it prints the table, the totals, and the error responses by kind. Everything goes to
127.0.0.1 only, and every loop stops at the deadline.

    swift build -c release && python3 bench/soak.py [--minutes 20] [--bin .build/release]

Exits non-zero if either process died or any request got an unexpected error.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import requests

NAMESPACE = "default"


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = collections.Counter()
        self.errors = collections.Counter()
        self.watch_events = 0

    def record(self, kind, response=None, error=None, expected=(200, 201)):
        with self.lock:
            self.requests[kind] += 1
            if error is not None:
                self.errors[f"{kind}: {type(error).__name__}"] += 1
            elif response.status_code not in expected:
                self.errors[f"{kind}: HTTP {response.status_code}"] += 1

    def total(self):
        with self.lock:
            return sum(self.requests.values()), sum(self.errors.values())


def call(session, counters, kind, method, url, expected=(200, 201), **kwargs):
    kwargs.setdefault("timeout", 30)
    try:
        response = session.request(method, url, **kwargs)
    except requests.RequestException as error:
        counters.record(kind, error=error)
        return None
    counters.record(kind, response, expected=expected)
    return response


def crud_worker(url, counters, deadline, seed, pool=150):
    """Creates, updates and deletes its own ConfigMaps, keeping at most `pool` of them."""
    rng = random.Random(seed)
    session = requests.Session()
    base = f"{url}/api/v1/namespaces/{NAMESPACE}/configmaps"
    live = {}  # name -> resourceVersion
    counter = 0
    while time.time() < deadline:
        counter += 1
        choice = rng.random()
        if not live or (choice < 0.4 and len(live) < pool):
            name = f"soak-{seed}-{counter}"
            body = {"metadata": {"name": name}, "data": {"v": "x" * rng.randint(10, 4000)}}
            response = call(session, counters, "create", "POST", base, json=body)
            if response is not None and response.status_code == 201:
                live[name] = response.json()["metadata"]["resourceVersion"]
        elif choice < 0.8:
            name = rng.choice(list(live))
            body = {"metadata": {"name": name, "resourceVersion": live[name]}, "data": {"v": str(counter)}}
            response = call(session, counters, "update", "PUT", f"{base}/{name}", json=body)
            if response is not None and response.status_code == 200:
                live[name] = response.json()["metadata"]["resourceVersion"]
        else:
            name = rng.choice(list(live))
            response = call(session, counters, "delete", "DELETE", f"{base}/{name}")
            if response is not None and response.status_code == 200:
                del live[name]


def list_worker(url, counters, deadline, seed):
    rng = random.Random(seed)
    session = requests.Session()
    paths = ["/api/v1/namespaces/default/configmaps", "/api/v1/pods", "/apis/apps/v1/statefulsets",
             "/api/v1/persistentvolumeclaims", "/api/v1/namespaces"]
    while time.time() < deadline:
        path = rng.choice(paths)
        if rng.random() < 0.5:
            response = call(session, counters, "list", "GET", url + path)
        else:  # paged, following continue to the end
            token = None
            while time.time() < deadline:
                params = {"limit": "50", **({"continue": token} if token else {})}
                response = call(session, counters, "list", "GET", url + path, params=params)
                if response is None or response.status_code != 200:
                    break
                token = response.json()["metadata"].get("continue")
                if not token:
                    break
        time.sleep(0.02)


def watch_worker(url, counters, deadline, seed):
    """Holds one watch at a time; each ends after a few seconds (timeoutSeconds) and is reopened."""
    rng = random.Random(seed)
    paths = ["/api/v1/namespaces/default/configmaps", "/api/v1/pods", "/apis/apps/v1/statefulsets"]
    while time.time() < deadline:
        params = {"watch": "true", "timeoutSeconds": str(rng.randint(3, 15)), "allowWatchBookmarks": "true"}
        try:
            with requests.get(url + rng.choice(paths), params=params, stream=True, timeout=(10, 60)) as response:
                counters.record("watch", response, expected=(200,))
                for line in response.iter_lines(chunk_size=None):
                    if line:
                        event = json.loads(line)
                        if event.get("type") == "ERROR":
                            counters.record("watch-error-event", error=RuntimeError(event))
                        with counters.lock:
                            counters.watch_events += 1
                    if time.time() >= deadline:
                        break
        except requests.RequestException as error:
            counters.record("watch", error=error)
            time.sleep(0.5)


def statefulset_worker(url, counters, deadline, seed, sets=3):
    """Creates `sets` StatefulSets with claim templates and keeps scaling them between 0 and 5 replicas."""
    rng = random.Random(seed)
    session = requests.Session()
    base = f"{url}/apis/apps/v1/namespaces/{NAMESPACE}/statefulsets"
    for index in range(sets):
        name = f"soak-set-{index}"
        body = {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": name},
                "spec": {"replicas": 1, "serviceName": name, "selector": {"matchLabels": {"app": name}},
                         "template": {"metadata": {"labels": {"app": name}},
                                      "spec": {"containers": [{"name": "c", "image": "nginx"}],
                                               "terminationGracePeriodSeconds": 2}},
                         "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {
                             "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}],
                         "persistentVolumeClaimRetentionPolicy": {"whenScaled": "Delete", "whenDeleted": "Delete"}}}
        call(session, counters, "statefulset", "POST", base, json=body)
    while time.time() < deadline:
        name = f"soak-set-{rng.randrange(sets)}"
        call(session, counters, "scale", "PATCH", f"{base}/{name}/scale",
             headers={"Content-Type": "application/merge-patch+json"},
             data=json.dumps({"spec": {"replicas": rng.randint(0, 5)}}))
        time.sleep(rng.uniform(2, 8))


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def open_fds(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=".build/release")
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--interval", type=float, default=30, help="seconds between samples")
    parser.add_argument("--crud-workers", type=int, default=3)
    parser.add_argument("--list-workers", type=int, default=1)
    parser.add_argument("--watch-workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    data = tempfile.mkdtemp(prefix="ordinal-soak-")
    logs = {name: open(os.path.join(data, f"{name}.log"), "w") for name in ("apiserver", "controller-manager")}
    api = subprocess.Popen([os.path.join(options.bin, "ordinal-apiserver"), "--port", "0",
                            "--data-dir", os.path.join(data, "store")],
                           stdout=subprocess.PIPE, stderr=logs["apiserver"], text=True)
    match = re.search(r"(http://\S+)", api.stdout.readline())
    if not match:
        sys.exit("ordinal-apiserver did not start")
    url = match.group(1)
    threading.Thread(target=lambda: [None for _ in api.stdout], daemon=True).start()
    manager = subprocess.Popen([os.path.join(options.bin, "ordinal-controller-manager"), "--server", url,
                                "--time-scale", "0.2", "--dns-port", "0"],
                               stdout=logs["controller-manager"], stderr=subprocess.STDOUT)
    counters = Counters()
    began = time.time()
    deadline = began + options.minutes * 60
    workers = [threading.Thread(target=statefulset_worker, args=(url, counters, deadline, options.seed))]
    workers += [threading.Thread(target=crud_worker, args=(url, counters, deadline, options.seed * 100 + i))
                for i in range(options.crud_workers)]
    workers += [threading.Thread(target=list_worker, args=(url, counters, deadline, options.seed * 200 + i))
                for i in range(options.list_workers)]
    workers += [threading.Thread(target=watch_worker, args=(url, counters, deadline, options.seed * 300 + i))
                for i in range(options.watch_workers)]
    for worker in workers:
        worker.daemon = True
        worker.start()

    header = "| t (s) | apiserver RSS (MiB) | apiserver fds | controller-manager RSS (MiB) | controller-manager fds | requests | req/s (interval) | errors |"
    print(header)
    print("|" + "---|" * 8, flush=True)
    rows, last_total, last_time = [], 0, began
    died = False

    def sample():
        nonlocal last_total, last_time
        now = time.time()
        total, errors = counters.total()
        rate = (total - last_total) / max(now - last_time, 1e-9)
        last_total, last_time = total, now
        row = (f"| {now - began:5.0f} | {rss_mib(api.pid):6.1f} | {open_fds(api.pid)} | {rss_mib(manager.pid):6.1f} | "
               f"{open_fds(manager.pid)} | {total} | {rate:.0f} | {errors} |")
        rows.append(row)
        print(row, flush=True)

    sample()
    while time.time() < deadline:
        time.sleep(min(options.interval, max(deadline - time.time(), 0)))
        if api.poll() is not None or manager.poll() is not None:
            died = True
            break
        sample()
    for worker in workers:
        worker.join(timeout=90)
    sample()
    alive = api.poll() is None and manager.poll() is None
    pods = requests.get(url + "/api/v1/namespaces/default/pods", timeout=30).json()["items"] if alive else []

    print()
    print(f"duration: {time.time() - began:.0f} s; requests: {sum(counters.requests.values())} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(counters.requests.items()))}); watch events received: "
          f"{counters.watch_events}; pods at the end: {len(pods)}")
    print("errors: " + (", ".join(f"{k}: {v}" for k, v in sorted(counters.errors.items())) or "none"))
    print(f"processes alive at the end: apiserver {api.poll() is None}, controller-manager {manager.poll() is None}")
    for process in (manager, api):
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    for log in logs.values():
        log.close()
    if died or not alive or counters.errors:
        print(f"logs kept in {data}")
        sys.exit(1)
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
