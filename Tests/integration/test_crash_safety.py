"""Crash safety of the SQLite store: writers create and update objects as fast as the server answers while the
server is killed with SIGKILL at random (seeded) moments, over and over. After every restart on the same data
folder:

- every acknowledged write is there, with the resourceVersion it was acknowledged with (or, for an object
  whose last write was in flight at the kill, that write: it either committed or did not, never half);
- no resourceVersion goes backwards: the store's revision is at least every one acknowledged, and the next
  write gets a higher one;
- the store opens without repair (the server starts and its integrity check passes; at the end SQLite's own
  integrity_check on the file says ok);
- a watch resumed from the last resourceVersion a watching client saw before the kill delivers every later
  event exactly once, in order.
"""
import os
import random
import shutil
import sqlite3
import tempfile
import threading
import time

import requests

from support import CM, Watch, expect, rv

KILLS = 22
SEED = int(os.environ.get("ORDINAL_CRASH_SEED", "20261207"))
WRITERS = 3
NAMESPACE = "default"


class Writer(threading.Thread):
    """Creates and updates its own config maps until told to stop or the server goes away. Remembers, per
    object, the last acknowledged (resourceVersion, value) and the write in flight when the connection broke."""

    def __init__(self, url, number, rng, state):
        super().__init__(daemon=True)
        self.url, self.number, self.rng = url, number, rng
        self.state = state  # name -> {"acked": (rv, value) or None, "inflight": value or None}
        self.stop = threading.Event()
        self.session = requests.Session()
        self.acks = []  # (resourceVersion, name, value) of every acknowledged write
        self.failure = None  # an unexpected answer, which fails the test

    def run(self):
        names = [name for name in self.state if name.startswith(f"w{self.number}-")]
        counter = 0
        while not self.stop.is_set():
            counter += 1
            if not names or self.rng.random() < 0.3:
                name = f"w{self.number}-{len(names):04d}"
                value = f"{name}:create:{counter}"
                entry = self.state.setdefault(name, {"acked": None, "inflight": None})
                body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": {"v": value}}
                method, path = "POST", CM.collection(NAMESPACE)
                names.append(name)
            else:
                name = self.rng.choice(names)
                entry = self.state[name]
                if entry["acked"] is None:
                    continue
                value = f"{name}:update:{counter}"
                body = {"apiVersion": "v1", "kind": "ConfigMap",
                        "metadata": {"name": name, "resourceVersion": str(entry["acked"][0])}, "data": {"v": value}}
                method, path = "PUT", CM.item(name, NAMESPACE)
            entry["inflight"] = value
            try:
                response = self.session.request(method, self.url + path, json=body, timeout=10)
            except requests.RequestException:
                return  # the server is gone; this write may or may not have committed
            if response.status_code not in (200, 201):
                self.failure = f"{method} {path}: {response.status_code} {response.text[:500]}"
                return
            entry["acked"] = (rv(response.json()), value)
            entry["inflight"] = None
            self.acks.append((entry["acked"][0], name, value))


def settle(state, server):
    """Checks every object against what was acknowledged and settles its state for the next round. Returns
    the store's revision and the in-flight writes found committed, as (resourceVersion, name, value)."""
    listed = expect(server.get(CM.collection(NAMESPACE)))
    current = {item["metadata"]["name"]: item for item in listed["items"]}
    committed_in_flight = []
    for name, entry in state.items():
        item = current.get(name)
        acked, inflight = entry["acked"], entry["inflight"]
        if item is None:
            assert acked is None, f"{name}: acknowledged at {acked} but missing after the restart"
            entry["inflight"] = None
            continue
        value, version = item["data"]["v"], rv(item)
        if acked is not None and version == acked[0]:
            assert value == acked[1], f"{name}: resourceVersion {version} now holds {value!r}, acked {acked[1]!r}"
        else:
            assert acked is None or version > acked[0], f"{name}: resourceVersion went back {acked} -> {version}"
            assert value == inflight, f"{name}: holds {value!r} at {version}; acked {acked}, in flight {inflight!r}"
            entry["acked"] = (version, value)
            committed_in_flight.append((version, name, value))
        entry["inflight"] = None
    return int(listed["metadata"]["resourceVersion"]), committed_in_flight


def test_acknowledged_writes_survive_repeated_sigkill(server):
    rng = random.Random(SEED)
    state = {}
    history = {}  # resourceVersion -> (name, value) of every committed config-map write
    highest_acked = 0
    total_acked = 0
    resumed_events = 0
    for round_number in range(KILLS):
        watch = Watch(server, CM.collection(NAMESPACE),
                      {"resourceVersion": str(max(highest_acked, 1)) if history else "0"}, read_timeout=60)
        assert watch.status_code == 200
        writers = [Writer(server.url, number, random.Random(rng.random()), state) for number in range(WRITERS)]
        for writer in writers:
            writer.start()
        time.sleep(rng.uniform(0.05, 0.6))
        server.process.kill()
        server.process.wait()
        for writer in writers:
            writer.stop.set()
            writer.join(timeout=15)
            assert not writer.is_alive()
            assert writer.failure is None, writer.failure
        acks = [ack for writer in writers for ack in writer.acks]
        total_acked += len(acks)
        # The last resourceVersion this watching client saw before the kill.
        seen = [event for event in _drain(watch)]
        watch.close()
        last_seen = max([rv(event["object"]) for event in seen if event["type"] != "ERROR"], default=0)

        server.start()
        revision, committed_in_flight = settle(state, server)
        for version, name, value in acks + committed_in_flight:
            assert history.setdefault(version, (name, value)) == (name, value), f"resourceVersion {version} reused"
            highest_acked = max(highest_acked, version)
        assert revision >= highest_acked, f"round {round_number}: store revision {revision} < acknowledged {highest_acked}"
        # Resume from what the watching client last saw, and from what a writer saw in a response midway.
        starts = [last_seen] + ([rng.choice(acks)[0]] if acks else [])
        for start in starts:
            if start:
                resumed_events += _check_resumed_watch(server, start, history, round_number)
    print(f"{KILLS} kills: {total_acked} writes acknowledged, {len(history)} committed, "
          f"{resumed_events} events checked on resumed watches")
    assert total_acked >= KILLS * 5, f"only {total_acked} writes acknowledged: the writers barely ran"
    assert resumed_events > 0, "no resumed watch had anything to deliver"

    # The next write gets a higher resourceVersion than any before.
    fresh = expect(server.post(CM.collection(NAMESPACE), {"apiVersion": "v1", "kind": "ConfigMap",
                                                          "metadata": {"name": "after-all"}}), 201)
    assert rv(fresh) > highest_acked
    server.process.kill()
    server.process.wait()
    copy = tempfile.mkdtemp(prefix="ordinal-crash-copy-")
    try:
        for name in os.listdir(server.data_dir):
            shutil.copy(os.path.join(server.data_dir, name), copy)
        connection = sqlite3.connect(os.path.join(copy, "ordinal.db"))
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def _drain(watch):
    events = []
    while True:
        try:
            event = watch.events.get(timeout=0.2)
        except Exception:
            return events
        if not isinstance(event, dict):
            return events
        events.append(event)


def _check_resumed_watch(server, last_seen, history, round_number):
    """A watch resumed after `last_seen` delivers exactly the committed writes after it, each once, in order."""
    expected = sorted(version for version in history if version > last_seen)
    watch = Watch(server, CM.collection(NAMESPACE), {"resourceVersion": str(last_seen)}, read_timeout=30)
    try:
        assert watch.status_code == 200, watch.response.text
        got = []
        if expected:
            while not got or got[-1] < expected[-1]:
                event = watch.next(timeout=10)
                assert event["type"] in ("ADDED", "MODIFIED"), (round_number, event)
                got.append(rv(event["object"]))
                name, value = history.get(got[-1], (None, None))
                assert event["object"]["metadata"]["name"] == name, (round_number, event, name)
                assert event["object"]["data"]["v"] == value, (round_number, event, value)
        watch.quiet(0.3)
        assert got == expected, f"round {round_number}: resumed after {last_seen}: got {got}, expected {expected}"
        return len(got)
    finally:
        watch.close()
