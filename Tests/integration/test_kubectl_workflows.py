"""Every everyday kubectl workflow against a whole cluster (API server + controller manager), each asserting
what kubectl prints and what it did. A workflow that fails because the server is wrong or lacks a feature is
marked `xfail(strict=True)` with the exact kubectl error, so the gap stays recorded (and an unexpected pass
fails the suite, prompting removal of the mark).

Not covered: `logs`, `exec`, `port-forward`, `attach`, `cp` (no container runtime behind the simulated kubelet)."""
import json
import os
import subprocess

import pytest
import yaml

from support import (create_web, expect, get_or_none, list_pods, pod, pods_path, sts_path, wait_for,
                     wait_set_settled)

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "web.yaml")
OLD_IMAGE = "registry.k8s.io/nginx-slim:0.24"
NEW_IMAGE = "registry.k8s.io/nginx-slim:0.25"
DELETE_TIMEOUT = "--timeout=15s"


# ---------------------------------------------------------------------------------------------------------
# Helpers


def example_documents():
    with open(EXAMPLE) as handle:
        return list(yaml.safe_load_all(handle))


def write_manifest(tmp_path, name, documents):
    path = tmp_path / name
    path.write_text(yaml.safe_dump_all(documents))
    return str(path)


def web_manifest(tmp_path, name, replicas=2, image=OLD_IMAGE, labels=None, service=True):
    """examples/web.yaml with the set's replicas, image and metadata.labels changed."""
    service_doc, web = example_documents()
    web["spec"]["replicas"] = replicas
    web["spec"]["template"]["spec"]["containers"][0]["image"] = image
    if labels:
        web["metadata"]["labels"] = dict(labels)
    return write_manifest(tmp_path, name, [service_doc, web] if service else [web])


def kubectl_with_env(cluster, env, *args, timeout=60):
    """cluster.kubectl with extra environment variables (e.g. KUBE_EDITOR)."""
    command = ["kubectl", "--server", cluster.api.url, "--cache-dir", str(cluster.kube_cache), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env={**os.environ, **env})


def web_object(cluster):
    return expect(cluster.get(sts_path()))


def web_pods(cluster):
    return [p for p in list_pods(cluster) if p["metadata"]["name"].startswith("web-")]


def images_of_pods(cluster):
    return {p["metadata"]["name"]: p["spec"]["containers"][0]["image"] for p in web_pods(cluster)}


def table(output):
    """A kubectl table as a list of whitespace-split rows (header first)."""
    return [line.split() for line in output.splitlines() if line.strip()]


@pytest.fixture
def web(cluster):
    """examples/web.yaml applied with kubectl and settled at two Running+Ready pods."""
    result = cluster.kubectl("apply", "-f", EXAMPLE)
    assert "statefulset.apps/web created" in result.stdout, result.stdout
    wait_set_settled(cluster, 2)
    return cluster


def change_image(cluster, image=NEW_IMAGE):
    result = cluster.kubectl("set", "image", "sts/web", f"nginx={image}")
    assert result.stdout.strip() == "statefulset.apps/web image updated", result.stdout
    wait_set_settled(cluster, 2)
    assert set(images_of_pods(cluster).values()) == {image}


# ---------------------------------------------------------------------------------------------------------
# apply (client-side, three-way strategic merge), apply --server-side, diff


def test_apply_created_unchanged_configured_three_way(cluster, tmp_path):
    k = cluster.kubectl
    first = web_manifest(tmp_path, "v1.yaml", labels={"team": "a"})
    out = k("apply", "-f", first).stdout
    assert "service/nginx created" in out and "statefulset.apps/web created" in out, out

    out = k("apply", "-f", first).stdout
    assert "service/nginx unchanged" in out and "statefulset.apps/web unchanged" in out, out

    # A live-only change made by someone else: not in last-applied, so the three-way merge must keep it.
    assert k("annotate", "sts", "web", "owner=ops").stdout.strip() == "statefulset.apps/web annotated"

    # The second manifest drops metadata.labels.team (in last-applied: must be removed), changes replicas
    # and the image (containers merge by name: the ports stay).
    second = web_manifest(tmp_path, "v2.yaml", replicas=3, image=NEW_IMAGE)
    out = k("apply", "-f", second).stdout
    assert "service/nginx unchanged" in out and "statefulset.apps/web configured" in out, out

    web = web_object(cluster)
    assert web["spec"]["replicas"] == 3
    container = web["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == NEW_IMAGE and container["ports"] == [{"containerPort": 80, "name": "web",
                                                                        "protocol": "TCP"}], container
    assert "team" not in (web["metadata"].get("labels") or {}), web["metadata"]
    annotations = web["metadata"]["annotations"]
    assert annotations["owner"] == "ops", annotations
    last_applied = json.loads(annotations["kubectl.kubernetes.io/last-applied-configuration"])
    assert last_applied["spec"]["replicas"] == 3 and "labels" not in last_applied["metadata"], last_applied
    assert web["metadata"]["generation"] == 2

    out = k("apply", "-f", second).stdout
    assert "statefulset.apps/web unchanged" in out, out
    wait_set_settled(cluster, 3)


def test_apply_server_side(cluster, tmp_path):
    k = cluster.kubectl
    out = k("apply", "--server-side", "-f", EXAMPLE).stdout
    assert "service/nginx serverside-applied" in out and "statefulset.apps/web serverside-applied" in out, out
    assert web_object(cluster)["spec"]["replicas"] == 2

    out = k("apply", "--server-side", "-f", web_manifest(tmp_path, "three.yaml", replicas=3)).stdout
    assert "statefulset.apps/web serverside-applied" in out, out
    web = web_object(cluster)
    assert web["spec"]["replicas"] == 3 and web["metadata"]["generation"] == 2
    assert "kubectl.kubernetes.io/last-applied-configuration" not in (web["metadata"].get("annotations") or {})
    wait_set_settled(cluster, 3)


def test_apply_server_side_conflict_without_force(cluster, tmp_path):
    k = cluster.kubectl
    k("apply", "--server-side", "--field-manager=other", "-f", web_manifest(tmp_path, "four.yaml", replicas=4))
    result = k("apply", "--server-side", "-f", web_manifest(tmp_path, "three.yaml", replicas=3), check=False)
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Apply failed with 1 conflict" in result.stderr, result.stderr
    assert 'conflict with "other"' in result.stderr and ".spec.replicas" in result.stderr, result.stderr
    assert web_object(cluster)["spec"]["replicas"] == 4
    # kubectl hides managed fields unless asked for them.
    assert "managedFields" not in k("get", "sts", "web", "-o", "yaml").stdout
    shown = json.loads(k("get", "sts", "web", "-o", "json", "--show-managed-fields").stdout)
    owners = {(e["manager"], e["operation"]) for e in shown["metadata"]["managedFields"]}
    assert ("other", "Apply") in owners, shown["metadata"]["managedFields"]


def test_apply_server_side_force_conflicts(cluster, tmp_path):
    k = cluster.kubectl
    k("apply", "--server-side", "--field-manager=other", "-f", web_manifest(tmp_path, "four.yaml", replicas=4))
    out = k("apply", "--server-side", "--force-conflicts", "-f",
            web_manifest(tmp_path, "three.yaml", replicas=3)).stdout
    assert "statefulset.apps/web serverside-applied" in out, out
    assert web_object(cluster)["spec"]["replicas"] == 3


def test_apply_server_side_removes_fields_dropped_from_manifest(cluster, tmp_path):
    k = cluster.kubectl
    base = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ssa", "labels": {"team": "a"}},
            "data": {"a": "1", "b": "2"}}
    k("apply", "--server-side", "-f", write_manifest(tmp_path, "cm1.yaml", [base]))
    smaller = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ssa"}, "data": {"a": "1"}}
    out = k("apply", "--server-side", "-f", write_manifest(tmp_path, "cm2.yaml", [smaller])).stdout
    assert "configmap/ssa serverside-applied" in out, out
    live = expect(cluster.get("/api/v1/namespaces/default/configmaps/ssa"))
    assert live["data"] == {"a": "1"}, live
    assert "team" not in (live["metadata"].get("labels") or {}), live["metadata"]


def test_diff(web, tmp_path):
    k = web.kubectl
    same = k("diff", "-f", EXAMPLE, check=False)
    assert same.returncode == 0 and same.stdout == "", (same.returncode, same.stdout, same.stderr)

    changed = k("diff", "-f", web_manifest(tmp_path, "three.yaml", replicas=3), check=False)
    assert changed.returncode == 1, (changed.returncode, changed.stdout, changed.stderr)
    assert "apps.v1.StatefulSet.default.web" in changed.stdout, changed.stdout
    assert "-  replicas: 2" in changed.stdout and "+  replicas: 3" in changed.stdout, changed.stdout
    assert "v1.Service.default.nginx" not in changed.stdout, changed.stdout
    # diff is a server-side dry run: nothing was written.
    web_body = web_object(web)
    assert web_body["spec"]["replicas"] == 2 and web_body["metadata"]["generation"] == 1


# ---------------------------------------------------------------------------------------------------------
# scale, rollout


def test_scale(web):
    k = web.kubectl
    assert k("scale", "sts/web", "--replicas=3").stdout.strip() == "statefulset.apps/web scaled"
    wait_set_settled(web, 3)

    wrong = k("scale", "sts/web", "--current-replicas=2", "--replicas=1", check=False)
    assert wrong.returncode == 1, (wrong.stdout, wrong.stderr)
    assert "Expected replicas to be 2, was 3" in wrong.stderr, wrong.stderr

    assert k("scale", "sts/web", "--current-replicas=3", "--replicas=1").stdout.strip() == "statefulset.apps/web scaled"
    wait_set_settled(web, 1)


def test_rollout_status(web):
    k = web.kubectl
    done = k("rollout", "status", "sts/web", "--timeout=10s").stdout
    assert done.strip().splitlines()[-1] == "partitioned roll out complete: 2 new pods have been updated...", done

    assert k("set", "image", "sts/web", f"nginx={NEW_IMAGE}").stdout.strip() == "statefulset.apps/web image updated"
    out = k("rollout", "status", "sts/web", "--timeout=15s").stdout
    assert out.strip().splitlines()[-1] == "partitioned roll out complete: 2 new pods have been updated...", out
    status = web_object(web)["status"]
    assert status["updatedReplicas"] == 2 and status["readyReplicas"] == 2, status
    assert status["currentRevision"] == status["updateRevision"], status
    wait_for(lambda: set(images_of_pods(web).values()) == {NEW_IMAGE}, timeout=5)


def test_rollout_history(web):
    k = web.kubectl
    assert table(k("rollout", "history", "sts/web").stdout) == [
        ["statefulset.apps/web"], ["REVISION", "CHANGE-CAUSE"], ["1", "<none>"]]

    k("annotate", "sts", "web", "kubernetes.io/change-cause=nginx 0.25")
    change_image(web)
    rows = table(k("rollout", "history", "sts/web").stdout)
    assert rows == [["statefulset.apps/web"], ["REVISION", "CHANGE-CAUSE"], ["1", "<none>"],
                    ["2", "nginx", "0.25"]], rows

    detail = k("rollout", "history", "sts/web", "--revision=1").stdout
    assert "statefulset.apps/web with revision #1" in detail and f"Image:\t{OLD_IMAGE}" in detail, detail


def test_rollout_undo(web):
    k = web.kubectl
    change_image(web)
    assert k("rollout", "undo", "sts/web").stdout.strip() == "statefulset.apps/web rolled back"
    wait_set_settled(web, 2)
    assert web_object(web)["spec"]["template"]["spec"]["containers"][0]["image"] == OLD_IMAGE
    assert set(images_of_pods(web).values()) == {OLD_IMAGE}
    # Revision 1 is reused as revision 3.
    rows = table(k("rollout", "history", "sts/web").stdout)
    assert [row[0] for row in rows[2:]] == ["2", "3"], rows

    assert k("rollout", "undo", "sts/web", "--to-revision=2").stdout.strip() == "statefulset.apps/web rolled back"
    wait_set_settled(web, 2)
    assert set(images_of_pods(web).values()) == {NEW_IMAGE}


def test_rollout_restart(web):
    k = web.kubectl
    before = {p["metadata"]["name"]: p["metadata"]["uid"] for p in web_pods(web)}
    assert k("rollout", "restart", "sts/web").stdout.strip() == "statefulset.apps/web restarted"
    annotations = web_object(web)["spec"]["template"]["metadata"].get("annotations") or {}
    assert "kubectl.kubernetes.io/restartedAt" in annotations, annotations
    k("rollout", "status", "sts/web", "--timeout=15s")
    wait_set_settled(web, 2)
    after = {p["metadata"]["name"]: p["metadata"]["uid"] for p in web_pods(web)}
    assert after.keys() == before.keys() and all(after[n] != before[n] for n in before), (before, after)


# ---------------------------------------------------------------------------------------------------------
# describe, wait


def test_describe_statefulset_shows_events(web):
    out = web.kubectl("describe", "sts", "web").stdout
    assert out.startswith("Name:") and "Namespace:" in out, out
    assert "Replicas:" in out and "2 desired | 2 total" in out, out
    assert "2 Running / 0 Waiting / 0 Succeeded / 0 Failed" in out, out
    assert ["Image:", OLD_IMAGE] in [line.split() for line in out.splitlines()], out
    events = out.split("Events:", 1)[1]
    assert "SuccessfulCreate" in events and "create Pod web-0 in StatefulSet web successful" in events, events
    assert "create Pod web-1 in StatefulSet web successful" in events, events
    assert "ordinal-controller-manager" in events, events


def test_wait_for_jsonpath_ready_replicas(cluster):
    create_web(cluster)
    result = cluster.kubectl("wait", "--for=jsonpath={.status.readyReplicas}=2", "sts/web", "--timeout=10s")
    assert result.stdout.strip() == "statefulset.apps/web condition met", result.stdout
    assert web_object(cluster)["status"]["readyReplicas"] == 2


def test_wait_for_condition_ready(cluster):
    create_web(cluster)
    wait_for(lambda: get_or_none(cluster, pods_path() + "/web-0"), timeout=5)
    result = cluster.kubectl("wait", "--for=condition=Ready", "pod/web-0", "--timeout=10s")
    assert result.stdout.strip() == "pod/web-0 condition met", result.stdout
    conditions = expect(cluster.get(pods_path() + "/web-0"))["status"]["conditions"]
    assert {"type": "Ready", "status": "True"}.items() <= next(c for c in conditions if c["type"] == "Ready").items()


def test_wait_for_delete(cluster):
    k = cluster.kubectl
    for name in ("x", "y"):
        body = pod(name)
        body["spec"]["terminationGracePeriodSeconds"] = 60  # 3s at --time-scale 0.05: still there when wait starts
        expect(cluster.post(pods_path(), body), 201)
    k("wait", "--for=condition=Ready", "pod/x", "pod/y", "--timeout=10s")

    assert k("delete", "pod", "x", "--wait=false").stdout.strip() == 'pod "x" deleted'
    result = k("wait", "--for=delete", "pod/x", "--timeout=10s")
    assert result.stdout.strip() == "pod/x condition met", (result.stdout, result.stderr)
    assert cluster.get(pods_path() + "/x").status_code == 404

    # (client-go logs its own cancelled watch — "context deadline exceeded" — before the error line)
    timed_out = k("wait", "--for=delete", "pod/y", "--timeout=2s", check=False)
    assert timed_out.returncode == 1, (timed_out.stdout, timed_out.stderr)
    assert timed_out.stderr.strip().splitlines()[-1] == "error: timed out waiting for the condition on pods/y", \
        timed_out.stderr

    gone = k("wait", "--for=delete", "pod/never-existed", "--timeout=2s")
    assert gone.returncode == 0


# ---------------------------------------------------------------------------------------------------------
# delete --cascade


def test_delete_cascade_background(web):
    out = web.kubectl("delete", "sts", "web", "--cascade=background", DELETE_TIMEOUT).stdout
    assert out.strip() == 'statefulset.apps "web" deleted', out
    assert web.get(sts_path()).status_code == 404
    wait_for(lambda: web_pods(web) == [], timeout=10)


def test_delete_cascade_foreground(web):
    k = web.kubectl
    out = k("delete", "sts", "web", "--cascade=foreground", "--wait=false").stdout
    assert out.strip() == 'statefulset.apps "web" deleted', out
    # While the dependents go, the owner stays with a deletionTimestamp and the foregroundDeletion finalizer.
    deleting = get_or_none(web, sts_path())
    assert deleting is not None and deleting["metadata"].get("deletionTimestamp"), deleting
    assert "foregroundDeletion" in deleting["metadata"].get("finalizers", []), deleting["metadata"]

    k("wait", "--for=delete", "sts/web", "--timeout=15s")
    assert web_pods(web) == []  # the owner went only after its pods were gone


def test_delete_cascade_foreground_waits(web):
    out = web.kubectl("delete", "sts", "web", "--cascade=foreground", DELETE_TIMEOUT).stdout
    assert out.strip() == 'statefulset.apps "web" deleted', out
    assert web.get(sts_path()).status_code == 404
    assert web_pods(web) == []


def test_delete_cascade_orphan(web):
    uids = {p["metadata"]["name"]: p["metadata"]["uid"] for p in web_pods(web)}
    out = web.kubectl("delete", "sts", "web", "--cascade=orphan", DELETE_TIMEOUT).stdout
    assert out.strip() == 'statefulset.apps "web" deleted', out
    assert web.get(sts_path()).status_code == 404

    def orphaned():
        pods = web_pods(web)
        return pods if all(not p["metadata"].get("ownerReferences") for p in pods) else None
    pods = wait_for(orphaned, timeout=5)
    assert {p["metadata"]["name"]: p["metadata"]["uid"] for p in pods} == uids
    assert all(p["status"]["phase"] == "Running" and not p["metadata"].get("deletionTimestamp") for p in pods)
    rows = table(web.kubectl("get", "pods").stdout)
    assert [row[:3] for row in rows[1:]] == [["web-0", "1/1", "Running"], ["web-1", "1/1", "Running"]], rows


# ---------------------------------------------------------------------------------------------------------
# get variants


def test_get_all_namespaces(cluster):
    expect(cluster.post("/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace",
                                               "metadata": {"name": "other"}}), 201)
    create_web(cluster)
    create_web(cluster, namespace="other", service=False)
    rows = table(cluster.kubectl("get", "sts", "-A").stdout)
    assert rows[0] == ["NAMESPACE", "NAME", "READY", "AGE"], rows
    assert sorted(row[:2] for row in rows[1:]) == [["default", "web"], ["other", "web"]], rows

    rows = table(cluster.kubectl("get", "svc", "--all-namespaces").stdout)
    assert rows[0][:2] == ["NAMESPACE", "NAME"] and ["default", "nginx"] in [r[:2] for r in rows[1:]], rows


def test_get_wide(web):
    rows = table(web.kubectl("get", "sts", "-o", "wide").stdout)
    assert rows == [["NAME", "READY", "AGE", "CONTAINERS", "IMAGES"], ["web", "2/2", rows[1][2], "nginx", OLD_IMAGE]], rows

    rows = table(web.kubectl("get", "pods", "-o", "wide").stdout)
    assert rows[0] == ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED", "NODE",
                       "READINESS", "GATES"], rows
    nodes = {p["metadata"]["name"]: (p["status"]["podIP"], p["spec"]["nodeName"]) for p in web_pods(web)}
    for row in rows[1:]:
        assert row[:3] == [row[0], "1/1", "Running"] and (row[5], row[6]) == nodes[row[0]], (row, nodes)
    assert sorted(row[0] for row in rows[1:]) == ["web-0", "web-1"], rows


def test_get_show_labels(web):
    rows = table(web.kubectl("get", "pods", "--show-labels").stdout)
    assert rows[0][-1] == "LABELS", rows
    labels = {row[0]: set(row[-1].split(",")) for row in rows[1:]}
    for name in ("web-0", "web-1"):
        assert {"app=nginx", f"statefulset.kubernetes.io/pod-name={name}"} <= labels[name], labels


# ---------------------------------------------------------------------------------------------------------
# label, annotate, edit


def test_label(web):
    k = web.kubectl
    assert k("label", "sts", "web", "tier=frontend").stdout.strip() == "statefulset.apps/web labeled"
    assert web_object(web)["metadata"]["labels"]["tier"] == "frontend"

    refused = k("label", "sts", "web", "tier=backend", check=False)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "error: 'tier' already has a value (frontend), and --overwrite is false"

    k("label", "sts", "web", "tier=backend", "--overwrite")
    assert table(k("get", "sts", "-l", "tier=backend").stdout)[1][0] == "web"
    assert k("get", "sts", "-l", "tier=frontend").stdout == ""

    assert k("label", "sts", "web", "tier-").stdout.strip() == "statefulset.apps/web unlabeled"
    assert "tier" not in (web_object(web)["metadata"].get("labels") or {})


def test_annotate(web):
    k = web.kubectl
    assert k("annotate", "sts", "web", "note=hello").stdout.strip() == "statefulset.apps/web annotated"
    assert web_object(web)["metadata"]["annotations"]["note"] == "hello"
    refused = k("annotate", "sts", "web", "note=bye", check=False)
    assert refused.returncode == 1 and "--overwrite is false" in refused.stderr, refused.stderr
    k("annotate", "sts", "web", "note=bye", "--overwrite")
    assert k("get", "sts", "web", "-o", "jsonpath={.metadata.annotations.note}").stdout == "bye"
    k("annotate", "sts", "web", "note-")
    assert "note" not in web_object(web)["metadata"]["annotations"]


def test_edit_with_scripted_editor(web):
    # The editor string runs through `sh -c`, so the sed expression (it has spaces) must be quoted.
    result = kubectl_with_env(web, {"KUBE_EDITOR": "sed -i 's/replicas: 2/replicas: 3/'"}, "edit", "sts/web")
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert result.stdout.strip() == "statefulset.apps/web edited", result.stdout
    assert web_object(web)["spec"]["replicas"] == 3
    wait_set_settled(web, 3)

    unchanged = kubectl_with_env(web, {"KUBE_EDITOR": "true"}, "edit", "sts/web")
    assert unchanged.returncode == 0 and "Edit cancelled, no changes made." in unchanged.stderr, unchanged.stderr


# ---------------------------------------------------------------------------------------------------------
# explain, discovery, raw, create


def test_explain(cluster):
    out = cluster.kubectl("explain", "statefulset.spec.updateStrategy").stdout
    assert "GROUP:      apps" in out and "KIND:       StatefulSet" in out and "VERSION:    v1" in out, out
    assert "FIELD: updateStrategy <Object>" in out, out
    assert "How pods are replaced when the template changes." in out, out
    assert "rollingUpdate\t<Object>" in out and "type\t<string>" in out, out
    assert "enum: RollingUpdate, OnDelete" in out, out
    assert "RollingUpdate or OnDelete; RollingUpdate when absent." in out, out

    missing = cluster.kubectl("explain", "statefulset.spec.nope", check=False)
    assert missing.returncode == 1 and 'field "nope" does not exist' in missing.stderr, missing.stderr


def test_api_resources(cluster):
    rows = table(cluster.kubectl("api-resources").stdout)
    assert rows[0] == ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"], rows
    assert ["statefulsets", "sts", "apps/v1", "true", "StatefulSet"] in rows, rows
    assert ["pods", "po", "v1", "true", "Pod"] in rows and ["nodes", "no", "v1", "false", "Node"] in rows, rows
    assert ["controllerrevisions", "apps/v1", "true", "ControllerRevision"] in rows, rows

    names = cluster.kubectl("api-resources", "--api-group=apps", "-o", "name").stdout.split()
    assert "statefulsets.apps" in names and "controllerrevisions.apps" in names and "pods" not in names, names
    cluster_scoped = cluster.kubectl("api-resources", "--namespaced=false", "-o", "name").stdout.split()
    assert {"nodes", "namespaces", "persistentvolumes"} <= set(cluster_scoped), cluster_scoped


def test_api_versions(cluster):
    versions = cluster.kubectl("api-versions").stdout.split()
    assert {"v1", "apps/v1", "discovery.k8s.io/v1", "storage.k8s.io/v1"} <= set(versions), versions
    assert versions == sorted(versions), versions


def test_get_raw(cluster):
    body = json.loads(cluster.kubectl("get", "--raw", "/apis/apps/v1").stdout)
    assert body["kind"] == "APIResourceList" and body["groupVersion"] == "apps/v1", body
    by_name = {r["name"]: r for r in body["resources"]}
    assert by_name["statefulsets"]["kind"] == "StatefulSet" and by_name["statefulsets"]["namespaced"] is True
    assert {"statefulsets/status", "statefulsets/scale"} <= by_name.keys(), by_name.keys()

    version = json.loads(cluster.kubectl("get", "--raw", "/version").stdout)
    assert version["major"] == "1", version
    assert cluster.kubectl("get", "--raw", "/healthz").stdout == "ok"


def test_create_dry_run_server(cluster, tmp_path):
    manifest = web_manifest(tmp_path, "web-only.yaml", service=False)
    out = cluster.kubectl("create", "-f", manifest, "--dry-run=server").stdout
    assert out.strip() == "statefulset.apps/web created (server dry run)", out
    defaulted = cluster.kubectl("create", "-f", manifest, "--dry-run=server", "-o",
                                "jsonpath={.spec.podManagementPolicy} {.metadata.uid}").stdout.split()
    assert defaulted[0] == "OrderedReady" and len(defaulted) == 2, defaulted  # defaulted and given a uid
    assert cluster.get(sts_path()).status_code == 404
    assert web_pods(cluster) == []


def test_create_namespace_generator(cluster):
    out = cluster.kubectl("create", "namespace", "other").stdout
    assert out.strip() == "namespace/other created", out
    assert cluster.get("/api/v1/namespaces/other").status_code == 200


def test_create_configmap_generator(cluster):
    out = cluster.kubectl("create", "configmap", "c1", "--from-literal=a=b").stdout
    assert out.strip() == "configmap/c1 created", out
    assert expect(cluster.get("/api/v1/namespaces/default/configmaps/c1"))["data"] == {"a": "b"}
