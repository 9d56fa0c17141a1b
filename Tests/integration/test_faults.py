"""Faults around the data directory:

- the disk fills up: writes fail with a 500 InternalError Status that says so, nothing half-written shows
  up, reads keep working, and writes work again once space returns (and everything acknowledged survives
  a kill -9 after that);
- a second server on the same data directory refuses to start, with a message naming the lock;
- a corrupted database file (truncated, garbage header, garbage pages) is detected at start: a clear message
  and a non-zero exit, never a crash.
"""
import os
import random
import shutil
import subprocess
import tempfile

import pytest

from conftest import BIN_DIR, Server
from support import CM, configmap, create, expect, expect_status, rv


@pytest.fixture
def small_disk():
    """A 6 MiB tmpfs of its own (we run as root), unmounted afterwards."""
    folder = tempfile.mkdtemp(prefix="ordinal-disk-")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", folder], capture_output=True, text=True)
    if result.returncode != 0:
        os.rmdir(folder)
        pytest.skip("cannot mount a tmpfs here: " + result.stderr.strip())
    yield folder
    subprocess.run(["umount", "-l", folder], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def fill(path):
    """Fills the file system of `path` with a file; returns its path."""
    filler = os.path.join(path, "filler")
    with open(filler, "wb") as handle:
        block = b"\0" * 65536
        try:
            while True:
                handle.write(block)
                handle.flush()
        except OSError:
            pass
    return filler


def run_apiserver(data_dir, timeout=30):
    return subprocess.run([os.path.join(BIN_DIR, "ordinal-apiserver"), "--port", "0", "--data-dir", data_dir],
                          capture_output=True, text=True, timeout=timeout)


def test_disk_full_fails_writes_cleanly_and_recovers(small_disk):
    data_dir = os.path.join(small_disk, "data")
    server = Server(data_dir).start()
    try:
        kept = [create(server, CM, f"kept-{i}", "default", body=configmap(f"kept-{i}", data={"v": "x" * 20000}))
                for i in range(5)]
        edited = expect(server.patch(CM.item("kept-0", "default"), {"data": {"v": "edited"}}))
        filler = fill(small_disk)

        failures, squeezed_in = 0, set()
        for i in range(20):
            body = configmap(f"doomed-{i}", data={"v": "y" * 100000})
            body["metadata"]["namespace"] = "default"
            response = server.post(CM.collection("default"), body)
            if response.status_code == 201:
                squeezed_in.add(f"doomed-{i}")  # what little room was left
                continue
            status = expect_status(response, 500, "InternalError")
            assert "full" in status["message"], status
            failures += 1
            expect_status(server.get(CM.item(f"doomed-{i}", "default")), 404)
        assert failures >= 15, "writes kept succeeding on a full disk"
        update = server.patch(CM.item("kept-1", "default"), {"data": {"v": "z" * 100000}})
        expect_status(update, 500, "InternalError")

        # Reads keep working and show only what was acknowledged.
        assert expect(server.get(CM.item("kept-0", "default")))["data"]["v"] == "edited"
        assert expect(server.get(CM.item("kept-1", "default")))["data"]["v"] == "x" * 20000
        assert rv(expect(server.get(CM.item("kept-0", "default")))) == rv(edited)
        listed = expect(server.get(CM.collection("default")))
        assert {item["metadata"]["name"] for item in listed["items"]} >= {f"kept-{i}" for i in range(5)}
        assert server.get("/healthz").text == "ok"

        # Space comes back: writes work again, with resourceVersions above all before.
        os.remove(filler)
        after = create(server, CM, "after-space", "default")
        assert rv(after) > rv(edited)
        patched = expect(server.patch(CM.item("kept-1", "default"), {"data": {"v": "back"}}))
        assert rv(patched) > rv(after)

        server.restart(signal_kill=True)
        assert expect(server.get(CM.item("kept-1", "default")))["data"]["v"] == "back"
        assert expect(server.get(CM.item("after-space", "default")))["metadata"]["uid"] == after["metadata"]["uid"]
        for item in kept[2:]:
            assert expect(server.get(CM.item(item["metadata"]["name"], "default")))["metadata"]["uid"] == \
                item["metadata"]["uid"]
        names = {item["metadata"]["name"] for item in expect(server.get(CM.collection("default")))["items"]}
        assert {name for name in names if name.startswith("doomed-")} == squeezed_in
    finally:
        server.cleanup()


def test_second_server_on_the_same_data_directory_refuses_to_start(server):
    create(server, CM, "mine", "default")
    result = run_apiserver(server.data_dir)
    assert result.returncode != 0
    assert "in use by another ordinal-apiserver" in result.stderr, result.stderr
    assert "LOCK" in result.stderr, result.stderr
    assert "listening" not in result.stdout
    # The first server is untouched.
    expect(server.get(CM.item("mine", "default")))
    create(server, CM, "still-mine", "default")


def _database_with_data(data_dir):
    server = Server(data_dir).start()
    for i in range(40):
        create(server, CM, f"cm-{i}", "default", body=configmap(f"cm-{i}", data={"v": "%d" % i * 3000}))
    server.stop()  # graceful: the WAL is checkpointed into ordinal.db
    server.cleanup()
    return os.path.join(data_dir, "ordinal.db")


def _truncate(path):
    size = os.path.getsize(path)
    with open(path, "r+b") as handle:
        handle.truncate(size // 2 + 100)


def _garbage_header(path):
    with open(path, "r+b") as handle:
        handle.write(random.Random(1).randbytes(100))


def _garbage_pages(path):
    page_size = int.from_bytes(open(path, "rb").read(18)[16:18], "big") or 65536
    pages = os.path.getsize(path) // page_size
    rng = random.Random(2)
    with open(path, "r+b") as handle:
        for page in range(1, pages):  # every page but the header's
            handle.seek(page * page_size)
            handle.write(rng.randbytes(page_size))


@pytest.mark.parametrize("damage", [_truncate, _garbage_header, _garbage_pages],
                         ids=["truncated", "garbage-header", "garbage-pages"])
def test_corrupted_database_is_refused_at_start(data_dir, damage):
    path = _database_with_data(data_dir)
    assert not os.path.exists(path + "-wal") or os.path.getsize(path + "-wal") == 0
    damage(path)
    result = run_apiserver(data_dir)
    assert result.returncode == 1, (result.returncode, result.stderr)  # an orderly exit, not a signal
    assert "cannot open the store" in result.stderr, result.stderr
    assert path in result.stderr, result.stderr
    assert any(word in result.stderr for word in ("corrupt", "malformed", "not a database")), result.stderr
    assert "listening" not in result.stdout
