"""Limits on what one client can ask of the API server (the --max-* and --idle-timeout-seconds flags): past
each, that client gets the right error and the server keeps serving everyone else.

- request body (--max-request-body-bytes, 3 MiB by default): 413 RequestEntityTooLarge Status;
- request head (--max-header-bytes, 64 KiB): 431 from the HTTP layer;
- open connections (--max-connections, 4096): the connection over the limit gets 429 TooManyRequests with
  Retry-After: 1 and is closed, the connections within it are served;
- silent connections (--idle-timeout-seconds, 60): closed, so clients that open connections and send
  nothing (or half a request) cannot hold the server's connections;
- open watches (--max-watches, 2048): 429 TooManyRequests with Retry-After until a watch ends;
- list pages (--max-list-limit, 10000): a larger limit= is lowered, the rest comes through continue.
"""
import json
import socket
import time

from support import CM, Watch, configmap, create, expect, expect_status, wait_for


def raw_connection(server):
    host, port = server.url.replace("http://", "").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def read_response(sock, timeout=10):
    """Reads one HTTP/1.1 response with a Content-Length body: (status, headers, body bytes)."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"connection closed after {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body[:length]


def get_over(sock, path="/healthz", extra_headers=""):
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: test\r\n{extra_headers}\r\n".encode())
    return read_response(sock)


def closed_by_server(sock, timeout):
    """True when the server closes `sock` within `timeout` seconds."""
    sock.settimeout(timeout)
    try:
        while True:
            if not sock.recv(4096):
                return True
    except socket.timeout:
        return False
    except OSError:
        return True


def status_body(body):
    status = json.loads(body)
    assert status["kind"] == "Status" and status["status"] == "Failure", status
    return status


def test_body_limit_flag(start_server):
    server = start_server(extra_args=["--max-request-body-bytes", "20000"])
    big = configmap("big", data={"blob": "x" * 30000})
    big["metadata"]["namespace"] = "default"
    expect_status(server.post(CM.collection("default"), big), 413, "RequestEntityTooLarge", contains="20000")
    expect_status(server.get(CM.item("big", "default")), 404)
    create(server, CM, "small", "default", body=configmap("small", data={"blob": "x" * 10000}))


def test_oversized_head_is_431_and_others_are_served(start_server):
    server = start_server()
    sock = raw_connection(server)
    try:
        status, _, _ = get_over(sock, extra_headers=f"X-Padding: {'a' * 70 * 1024}\r\n")
        assert status == 431, status
    finally:
        sock.close()
    # Well under the default 64 KiB is fine, and the server answers others as usual.
    sock = raw_connection(server)
    try:
        status, _, body = get_over(sock, extra_headers=f"X-Padding: {'a' * 48 * 1024}\r\n")
        assert (status, body) == (200, b"ok")
    finally:
        sock.close()
    assert server.get("/healthz").text == "ok"


def test_header_limit_flag(start_server):
    server = start_server(extra_args=["--max-header-bytes", "16384"])
    response = server.get("/healthz", headers={"X-Padding": "a" * 24000})
    assert response.status_code == 431, response.status_code
    assert server.get("/healthz", headers={"X-Padding": "a" * 8000}).text == "ok"


def test_connection_over_the_limit_gets_429_and_the_others_are_served(start_server):
    server = start_server(extra_args=["--max-connections", "8"])
    held = [raw_connection(server) for _ in range(8)]
    try:
        time.sleep(0.3)  # let the server register them
        extra = raw_connection(server)
        status, headers, body = get_over(extra)
        assert status == 429, (status, body)
        assert headers.get("retry-after") == "1", headers
        assert status_body(body)["reason"] == "TooManyRequests"
        assert closed_by_server(extra, 5), "the connection over the limit is closed after its 429"
        extra.close()
        # Every connection within the limit is served, more than once (keep-alive).
        for sock in held:
            assert get_over(sock)[0] == 200
            assert get_over(sock, "/api/v1/namespaces/default")[0] == 200
    finally:
        for sock in held:
            sock.close()
    # Once they are gone, new clients are served again.
    wait_for(lambda: server.get("/healthz").status_code == 200, timeout=5)
    assert all(server.get("/healthz").status_code == 200 for _ in range(5))


def test_silent_and_half_sent_connections_are_closed_after_the_idle_timeout(start_server):
    server = start_server(extra_args=["--max-connections", "6", "--idle-timeout-seconds", "2"])
    attackers = [raw_connection(server) for _ in range(6)]
    for index, sock in enumerate(attackers):
        if index % 2:  # half of them start a request and never finish it
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\nX-Slow: ")
    try:
        time.sleep(0.3)
        probe = raw_connection(server)
        assert get_over(probe)[0] == 429  # the server is full of silent clients...
        probe.close()
        started = time.monotonic()
        for sock in attackers:
            assert closed_by_server(sock, 10), "a silent connection outlived the idle timeout"
        assert time.monotonic() - started < 6
    finally:
        for sock in attackers:
            sock.close()
    # ...until the idle timeout frees their places.
    wait_for(lambda: server.get("/healthz").status_code == 200, timeout=5)


def test_watches_over_the_limit_get_429_until_one_ends(start_server):
    server = start_server(extra_args=["--max-watches", "3"])
    watches = [Watch(server, CM.collection("default")) for _ in range(3)]
    try:
        assert [w.status_code for w in watches] == [200, 200, 200]
        refused = server.get(CM.collection("default"), params={"watch": "true"})
        body = expect_status(refused, 429, "TooManyRequests")
        assert refused.headers.get("Retry-After") == "1", refused.headers
        assert body["details"]["retryAfterSeconds"] == 1, body
        # Other requests are unaffected, and the open watches still deliver.
        create(server, CM, "seen", "default")
        for watch in watches:
            watch.expect("ADDED", "seen")
        watches[0].close()

        def admitted():
            attempt = Watch(server, CM.collection("default"))
            if attempt.status_code == 200:
                watches.append(attempt)
                return True
            assert attempt.status_code == 429
            return False
        wait_for(admitted, timeout=10, interval=0.3)
    finally:
        for watch in watches:
            watch.close()


def test_page_size_is_capped_and_the_rest_comes_through_continue(start_server):
    server = start_server(extra_args=["--max-list-limit", "5"])
    for index in range(12):
        create(server, CM, f"cm-{index:02d}", "default")
    page = expect(server.get(CM.collection("default"), params={"limit": "1000"}))
    assert len(page["items"]) == 5
    seen = [item["metadata"]["name"] for item in page["items"]]
    while page["metadata"].get("continue"):
        page = expect(server.get(CM.collection("default"), params={"limit": "1000",
                                                                   "continue": page["metadata"]["continue"]}))
        assert len(page["items"]) <= 5
        seen += [item["metadata"]["name"] for item in page["items"]]
    assert seen == [f"cm-{index:02d}" for index in range(12)]
    # A list without limit= is whole.
    assert len(expect(server.get(CM.collection("default")))["items"]) == 12


def test_limit_flags_reject_nonsense(start_server):
    import subprocess
    from conftest import BIN_DIR
    import os
    result = subprocess.run([os.path.join(BIN_DIR, "ordinal-apiserver"), "--port", "0", "--storage", "memory",
                             "--max-watches", "0"], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "--max-watches must be positive" in result.stderr, result.stderr
