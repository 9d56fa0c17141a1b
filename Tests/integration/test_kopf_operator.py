"""A kopf operator (operators/statefulset_recorder.py) runs unchanged against Ordinal: `kopf run --standalone`
as a separate process, finding the server through the kubeconfig the server writes into its data folder.
It lists and watches StatefulSets, handles create and update events, and patches the objects."""
import os
import pathlib
import signal
import subprocess
import sys
import tempfile

import pytest

from conftest import file_tail
from support import expect, sts_path, statefulset, wait_for

OPERATOR = pathlib.Path(__file__).parent / "operators" / "statefulset_recorder.py"
OBSERVED = "ordinal.dev/observed-replicas"
OBSERVED_BY = "ordinal.dev/observed-by"


@pytest.fixture
def operator(server):
    kubeconfig = os.path.join(server.data_dir, "kubeconfig")
    assert os.path.exists(kubeconfig), "the server wrote no kubeconfig"
    log_path = tempfile.mktemp(prefix="kopf-log-", suffix=".txt")
    env = {**os.environ, "KUBECONFIG": kubeconfig}
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "kopf", "run", "--standalone", "--namespace", "default",
                                    "--verbose", str(OPERATOR)], stdout=log, stderr=subprocess.STDOUT, env=env)
    process.log = lambda: file_tail(log_path, 6000)
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if os.environ.get("ORDINAL_SHOW_KOPF_LOG"):
        print(file_tail(log_path, 20000))
    os.remove(log_path)


def annotations(server, name):
    return (expect(server.get(sts_path(name))).get("metadata", {}).get("annotations") or {})


def test_operator_records_observed_replicas_on_create_and_update(server, operator):
    expect(server.post("/apis/apps/v1/namespaces/default/statefulsets", statefulset("db", replicas=2)), 201)
    try:
        wait_for(lambda: annotations(server, "db").get(OBSERVED) == "2", timeout=30, interval=0.2)
    except AssertionError:
        raise AssertionError("the operator did not annotate the set:\n" + operator.log())
    assert annotations(server, "db")[OBSERVED_BY] == "create"

    expect(server.patch(sts_path("db"), {"spec": {"replicas": 4}}))
    try:
        wait_for(lambda: annotations(server, "db").get(OBSERVED) == "4", timeout=30, interval=0.2)
    except AssertionError:
        raise AssertionError("the operator did not see the update:\n" + operator.log())
    assert annotations(server, "db")[OBSERVED_BY] == "update"
    assert operator.poll() is None, operator.log()

    # Stops cleanly on SIGINT, as under a process supervisor.
    operator.send_signal(signal.SIGINT)
    assert operator.wait(timeout=15) == 0, operator.log()
    log = operator.log()
    assert "Traceback" not in log, log
