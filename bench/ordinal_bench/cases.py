"""The benchmark cases. Each takes the suite's context and adds figures to its results."""
import os
import subprocess
import time

from .processes import (APIServer, ControllerManager, fetch_bytes, free_port, loadgen, record, request, rss_kib,
                        wrk)

PODS = "/api/v1/namespaces/default/pods"
SETS = "/apis/apps/v1/namespaces/default/statefulsets"


class Context:
    def __init__(self, bin_dir, runs, quick, results):
        self.bin_dir = bin_dir
        self.runs = runs
        self.quick = quick
        self.results = results
        self.empty_rss_kib = None


def settle_rss(pid, seconds=0.5):
    time.sleep(seconds)
    return rss_kib(pid)


def startup(ctx):
    """Case 1 (empty store): process start to /readyz 200, and idle RSS."""
    times, rss = [], []
    for _ in range(ctx.runs):
        with APIServer(ctx.bin_dir) as server:
            times.append(server.start())
            rss.append(settle_rss(server.pid) / 1024)
    r = ctx.results
    r.add("1. Start-up", "start to /readyz 200, empty store", times, "ms", "< 100 ms", lambda m: m < 100)
    r.add("1. Start-up", "idle RSS, empty store", rss, "MiB")
    ctx.empty_rss_kib = sorted(rss)[len(rss) // 2] * 1024


def statefulset(name, replicas, policy):
    return {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": name},
            "spec": {"replicas": replicas, "podManagementPolicy": policy, "serviceName": name,
                     "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27",
                                                           "ports": [{"containerPort": 80, "name": "web"}]}]}}}}


def start_bare(ctx, size):
    port = free_port()
    args = [os.path.join(ctx.bin_dir, "ordinal-bare-responder"), "--port", str(port), "--body-bytes", str(size)]
    record([args[0], "--port", "PORT", "--body-bytes", str(size)])
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    process.stdout.readline()
    return process, f"http://127.0.0.1:{port}/"


def http_ratio(ctx):
    """Case 2: wrk at 50 connections, GET one StatefulSet vs the bare responder with a body of the same size."""
    seconds = 3 if ctx.quick else 5
    with APIServer(ctx.bin_dir) as server:
        server.start()
        request(server.url + SETS, "POST", statefulset("web", 3, "OrderedReady"))
        url = f"{server.url}{SETS}/web"
        size = len(fetch_bytes(url))
        bare, bare_url = start_bare(ctx, size)
        try:
            gets, bares, ratios = [], [], []
            for _ in range(ctx.runs):
                get = wrk(url, seconds)
                base = wrk(bare_url, seconds)
                gets.append(get)
                bares.append(base)
                ratios.append(get / base)
        finally:
            bare.terminate()
            bare.wait()
    r = ctx.results
    r.add("2. HTTP", f"GET one StatefulSet ({size} bytes), 50 connections", gets, "req/s")
    r.add("2. HTTP", f"bare responder, same body size, 50 connections", bares, "req/s")
    r.add("2. HTTP", "ratio Ordinal / bare", ratios, "", ">= 0.6", lambda m: m >= 0.6)


def writes(ctx):
    """Case 3: creates/s and updates/s (merge patches) at 1 and 50 clients, durable and memory storage, of pods
    (defaulted and validated, ~1.3 KB stored) and of small ConfigMaps (what the write path itself costs)."""
    r = ctx.results
    for storage in ("sqlite", "memory"):
        with APIServer(ctx.bin_dir, storage=storage) as server:
            server.start()
            for kind in ("pods", "configmaps"):
                for clients, count in ((1, 1000 if ctx.quick else 2000), (50, 5000 if ctx.quick else 10000)):
                    creates, updates, errors = [], [], 0
                    for run in range(ctx.runs):
                        prefix = f"w{clients}-{run}"
                        made = loadgen(ctx.bin_dir, "writes", "--url", server.url, "--kind", kind, "--verb", "create",
                                       "--clients", clients, "--count", count, "--prefix", prefix)
                        changed = loadgen(ctx.bin_dir, "writes", "--url", server.url, "--kind", kind, "--verb", "update",
                                          "--clients", clients, "--count", count, "--objects", count, "--prefix", prefix)
                        creates.append(made["perSecond"])
                        updates.append(changed["perSecond"])
                        errors += made["errors"] + changed["errors"]
                        if made.get("firstError") or changed.get("firstError"):
                            r.note("3. Writes", f"{storage}, {kind}, {clients} clients: {made.get('firstError') or changed.get('firstError')}")
                    durable = "durable (sqlite)" if storage == "sqlite" else "memory"
                    target = (">= 10,000/s", lambda m: m >= 10_000) if storage == "sqlite" and clients == 50 else (None, None)
                    who = f"{kind}, {durable}, {clients} client{'s' if clients > 1 else ''}"
                    r.add("3. Writes", f"creates/s, {who}", creates, "/s", *target)
                    r.add("3. Writes", f"updates/s, {who}", updates, "/s")
                    if errors:
                        r.note("3. Writes", f"{errors} failed writes with {storage} storage and {clients} clients")


def timed_list(url, page=None):
    """Milliseconds and bytes to LIST pods whole, or in pages of `page` following `continue`, over one established
    keep-alive connection, as a client would. The token is read from the list's metadata, which comes first, so the client
    does not parse each page."""
    import http.client
    import re
    import urllib.parse
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=300)
    connection.request("GET", "/readyz")  # an established connection: the timing is the LIST's alone
    connection.getresponse().read()
    began = time.monotonic()
    total = 0
    token = ""
    while True:
        query = "" if page is None else f"?limit={page}" + (f"&continue={urllib.parse.quote(token)}" if token else "")
        connection.request("GET", PODS + query)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"LIST {PODS + query}: HTTP {response.status}")
        total += len(body)
        head = body[:body.find(b'"items"')] if b'"items"' in body else body
        match = re.search(rb'"continue":"([^"]*)"', head)
        token = match.group(1).decode() if match and page is not None else ""
        if not token:
            break
    elapsed = (time.monotonic() - began) * 1000
    connection.close()
    return elapsed, total


def growth(ctx):
    """Cases 1 (10k objects), 4, 7 and 8: one durable store grown to 1k, 10k and 100k pods; at each size a
    restart (start-up time, idle RSS), LISTs whole and paged, GET throughput, and the create rate while growing."""
    levels = [1000, 10000] if ctx.quick else [1000, 10000, 100000]
    r = ctx.results
    rows = []
    with APIServer(ctx.bin_dir) as server:
        server.start()
        stored = 0
        for level in levels:
            fill = loadgen(ctx.bin_dir, "writes", "--url", server.url, "--verb", "create", "--clients", 50,
                           "--count", level - stored, "--first", stored, "--prefix", "g")
            stored = level
            pod_bytes = len(fetch_bytes(f"{server.url}{PODS}/g-0"))
            starts, rss, whole, whole_rate, paged, paged_rate = [], [], [], [], [], []
            for _ in range(ctx.runs):
                server.stop()
                starts.append(server.start())
                rss.append(settle_rss(server.pid, 1.0))
            timed_list(server.url)  # warm-up, unmeasured: the first LIST after a start pays for cold caches
            for _ in range(ctx.runs):
                ms, size = timed_list(server.url)
                whole.append(ms)
                whole_rate.append(size / ms / 1000)
                ms, size = timed_list(server.url, 500)
                paged.append(ms)
                paged_rate.append(size / ms / 1000)
            get_rate = wrk(f"{server.url}{PODS}/g-1", 3)
            rss_mib = [k / 1024 for k in rss]
            per_pod = [(k - (ctx.empty_rss_kib or 0)) * 1024 / level - pod_bytes for k in rss]
            label = f"{level // 1000}k"
            if level == 10000:
                r.add("1. Start-up", "start to /readyz 200, 10k pods stored", starts, "ms", "< 1 s", lambda m: m < 1000)
                r.add("1. Start-up", "idle RSS, 10k pods stored", rss_mib, "MiB")
                r.add("4. Lists", "LIST 10k pods whole: latency", whole, "ms")
                r.add("4. Lists", "LIST 10k pods whole: throughput", whole_rate, "MB/s")
                r.add("4. Lists", "LIST 10k pods in pages of 500: total latency", paged, "ms")
                r.add("4. Lists", "LIST 10k pods in pages of 500: throughput", paged_rate, "MB/s")
            if level in (10000, 100000):
                r.add("7. Memory", f"RSS with {label} pods stored", rss_mib, "MiB")
                r.add("7. Memory", f"RSS per pod beyond its JSON ({pod_bytes} bytes), {label} pods", per_pod, "bytes",
                      "< 2 KB", lambda m: m < 2048)
            med = lambda values: sorted(values)[len(values) // 2]
            rows.append([label, f"{fill['perSecond']:,.0f}", f"{med(starts):,.0f}", f"{med(rss_mib):,.1f}",
                         f"{med(per_pod):,.0f}", f"{med(whole):,.0f}", f"{med(whole_rate):,.0f}", f"{med(paged):,.0f}",
                         f"{get_rate:,.0f}"])
            print(f"  growth {label}: {rows[-1]}", flush=True)
    r.table("8. Growth", "Medians of the runs at each size (one durable store, grown in place)",
            ["pods stored", "creates/s while growing (50 clients)", "start-up ms", "idle RSS MiB",
             "RSS/pod beyond JSON, bytes", "LIST whole ms", "LIST whole MB/s", "LIST pages of 500, total ms",
             "GET one pod req/s (wrk, 50 conn.)"], rows)


def watch(ctx):
    """Case 5: 1,000 watchers of pods while 1,000 creates/s happen."""
    seconds = 3 if ctx.quick else 5
    p50, p99, worst, missed, duplicated, peak, achieved, ended = [], [], [], [], [], [], [], []
    for run in range(ctx.runs):
        with APIServer(ctx.bin_dir) as server:
            server.start()
            out = loadgen(ctx.bin_dir, "watch", "--url", server.url, "--watchers", 1000, "--rate", 1000,
                          "--seconds", seconds, "--prefix", f"watch{run}", "--server-pid", server.pid)
        p50.append(out["deliveryLatencyMs"]["p50"])
        p99.append(out["deliveryLatencyMs"]["p99"])
        worst.append(out["deliveryLatencyMs"]["max"])
        missed.append(out["missed"])
        duplicated.append(out["duplicated"])
        peak.append(out["serverPeakRSSKiB"] / 1024)
        achieved.append(out["achievedRate"])
        ended.append(out["watchersEndedEarly"])
    r = ctx.results
    r.add("5. Watch fan-out", "write rate achieved (target 1,000/s)", achieved, "/s")
    r.add("5. Watch fan-out", "delivery latency p50", p50, "ms")
    r.add("5. Watch fan-out", "delivery latency p99", p99, "ms", "< 50 ms", lambda m: m < 50)
    r.add("5. Watch fan-out", "delivery latency max", worst, "ms")
    r.add("5. Watch fan-out", f"events missed (of {1000 * 1000 * seconds:,} deliveries)", missed, "", "0", lambda m: m == 0)
    r.add("5. Watch fan-out", "events duplicated", duplicated, "", "0", lambda m: m == 0)
    r.add("5. Watch fan-out", "watch streams the server ended early", ended, "")
    r.add("5. Watch fan-out", "server peak RSS", peak, "MiB")


def wait_sets_ready(url, wanted, timeout=600):
    """Seconds until every StatefulSet in `wanted` ({name: replicas}) reports that many ready replicas."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        items = request(url + SETS)["items"]
        ready = {s["metadata"]["name"]: s.get("status", {}).get("readyReplicas", 0) for s in items}
        if all(ready.get(name, 0) >= n for name, n in wanted.items()):
            return time.monotonic() - began
        time.sleep(0.02)
    raise RuntimeError(f"StatefulSets {sorted(wanted)} not Ready within {timeout}s")


def statefulsets(ctx):
    """Case 6: StatefulSets from create to all Ready with the controller manager at zero simulated delay."""
    scenarios = [("100 replicas, OrderedReady", {"ordered": (100, "OrderedReady")}),
                 ("1,000 replicas, Parallel", {"parallel": (1000, "Parallel")}),
                 ("10 sets of 100, OrderedReady, at once", {f"set{i}": (100, "OrderedReady") for i in range(10)})]
    r = ctx.results
    for label, sets in scenarios:
        rates, seconds, rss_api, rss_cm = [], [], [], []
        for _ in range(ctx.runs):
            with APIServer(ctx.bin_dir) as server:
                server.start()
                manager = ControllerManager(ctx.bin_dir, server.url)
                try:
                    time.sleep(0.5)
                    began = time.monotonic()
                    for name, (replicas, policy) in sets.items():
                        request(server.url + SETS, "POST", statefulset(name, replicas, policy))
                    wait_sets_ready(server.url, {n: rep for n, (rep, _) in sets.items()})
                    elapsed = time.monotonic() - began
                    pods = sum(rep for rep, _ in sets.values())
                    seconds.append(elapsed)
                    rates.append(pods / elapsed)
                    rss_api.append(rss_kib(server.pid) / 1024)
                    rss_cm.append(rss_kib(manager.pid) / 1024)
                finally:
                    manager.stop()
        parallel = "Parallel" in label
        target = (">= 500 pods/s", lambda m: m >= 500) if parallel else (None, None)
        r.add("6. StatefulSets", f"{label}: create to all Ready", seconds, "s")
        r.add("6. StatefulSets", f"{label}: pods/s", rates, "pods/s", *target)
        r.add("6. StatefulSets", f"{label}: RSS apiserver / controller manager",
              [a for a in rss_api], "MiB", note="controller manager: " + ", ".join(f"{c:.0f}" for c in rss_cm) + " MiB")


CASES = {"startup": startup, "http": http_ratio, "writes": writes, "growth": growth, "watch": watch,
         "statefulsets": statefulsets}
