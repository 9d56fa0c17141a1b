"""Contract tests: schemathesis generates requests from the OpenAPI documents the server serves (a bounded
number of examples per operation, valid and invalid) and checks every answer: no 5xx, a documented status
code and content type, and a body that matches the documented schema (the object, its list, Scale or
Status). Hooks: contract_hooks.py."""
import json
import os
import pathlib
import re
import subprocess
import sys
import uuid

import pytest

HOOKS = pathlib.Path(__file__).parent / "contract_hooks.py"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
# Every group-version the committed index lists (test_openapi_spec.py checks it is the served one).
INDEX = pathlib.Path(__file__).resolve().parents[2] / "openapi" / "v3.json"
DOCUMENTS = sorted(json.loads(INDEX.read_text())["paths"])


@pytest.mark.parametrize("document", DOCUMENTS)
def test_served_api_keeps_its_openapi_contract(server, document, tmp_path):
    # The coverage phase is left out: over these schemas it runs for minutes per document. One worker:
    # with two threads, Python 3.11 can fail inside hypothesis (SystemError from ast.parse).
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi/v3/{document}",
               "--url", server.url, "--checks", CHECKS, "--max-examples", "5", "--phases", "examples,fuzzing",
               "--seed", "20261207", "--workers", "1", "--request-timeout", "10", "--no-shrink",
               "--suppress-health-check", "all", "--output-truncate", "false"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "NO_COLOR": "1"}
    # Run in a scratch folder: schemathesis keeps a cache (.schemathesis/) in its working directory.
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:] + "\n--- server log ---\n" + server.log_tail()
    generated = re.search(r"(\d+) generated, (\d+) passed", output)
    assert generated and int(generated.group(1)) >= 10 and generated.group(1) == generated.group(2), output[-5000:]
    assert server.alive(), server.log_tail()


@pytest.mark.parametrize("subresource", [None, "status"])
def test_a_put_without_status_never_stores_a_null_status(api, subresource):
    """Found by the contract run: an update whose body had no status, of an object stored without one (a
    Node registered bare), stored `"status": null`, which breaks the documented schema."""
    name = "node-" + uuid.uuid4().hex[:8]
    created = api.post("/api/v1/nodes", {"apiVersion": "v1", "kind": "Node", "metadata": {"name": name}})
    assert created.status_code == 201, created.text
    body = {key: value for key, value in created.json().items() if key != "status"}
    body["metadata"]["labels"] = {"zone": "a"}
    target = f"/api/v1/nodes/{name}" + (f"/{subresource}" if subresource else "")
    answered = api.put(target, body)
    assert answered.status_code == 200, answered.text
    for stored in (answered.json(), api.get(f"/api/v1/nodes/{name}").json()):
        assert stored.get("status", {}) is not None, stored
    api.delete(f"/api/v1/nodes/{name}")
