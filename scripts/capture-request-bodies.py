#!/usr/bin/env python3
"""A recording HTTP proxy: forwards every request to an API server and saves each protobuf request body.

Used to capture the bytes real kubectl sends (e.g. for Tests/KubeProtobufTests/Fixtures):

    scripts/capture-request-bodies.py --upstream http://127.0.0.1:8080 --port 8090 --out /tmp/bodies &
    kubectl --server http://127.0.0.1:8090 create namespace x

Each body whose Content-Type is application/vnd.kubernetes.protobuf is written as
NNN-METHOD-<last path segment>.pb in --out, and a line per request goes to stderr.
"""
import argparse
import http.client
import http.server
import os
import threading
import urllib.parse

PROTOBUF = "application/vnd.kubernetes.protobuf"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


def make_handler(upstream, out_dir):
    target = urllib.parse.urlsplit(upstream)
    counter = {"n": 0}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            content_type = self.headers.get("Content-Type", "")
            if body and content_type.split(";")[0].strip() == PROTOBUF:
                with lock:
                    counter["n"] += 1
                    number = counter["n"]
                segment = urllib.parse.urlsplit(self.path).path.rstrip("/").rsplit("/", 1)[-1]
                name = "%03d-%s-%s.pb" % (number, self.command, segment)
                with open(os.path.join(out_dir, name), "wb") as handle:
                    handle.write(body)
            self.log_message("%s %s %s (%d bytes)", self.command, self.path, content_type, len(body))
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            connection.close()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="the API server's URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--out", required=True, help="folder for the captured bodies")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args.upstream, args.out))
    server.serve_forever()


if __name__ == "__main__":
    main()
