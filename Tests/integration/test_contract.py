"""Contract tests: schemathesis generates requests from the OpenAPI documents the server serves (a bounded
number of examples per operation, valid and invalid) and checks every answer: no 5xx, a documented status
code and content type, and a body that matches the documented schema (the object, its list, Scale or
Status). Hooks: contract_hooks.py."""
import os
import pathlib
import subprocess
import sys

import pytest

HOOKS = pathlib.Path(__file__).parent / "contract_hooks.py"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
DOCUMENTS = ["apis/apps/v1", "api/v1", "apis/storage.k8s.io/v1", "apis/discovery.k8s.io/v1"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_served_api_keeps_its_openapi_contract(server, document, tmp_path):
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi/v3/{document}",
               "--url", server.url, "--checks", CHECKS, "--max-examples", "5", "--phases", "examples,coverage,fuzzing",
               "--seed", "20261207", "--workers", "1", "--request-timeout", "10", "--no-shrink",
               "--suppress-health-check", "all", "--generation-deterministic", "--output-truncate", "false",
               "--report", "junit", "--report-dir", str(tmp_path)]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "NO_COLOR": "1"}
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:] + "\n--- server log ---\n" + server.log_tail()
    assert server.alive(), server.log_tail()
