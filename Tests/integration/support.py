"""Helpers shared by the integration tests: object builders, the table of served resources, Status
assertions and a line-by-line watch-stream reader."""
import json
import queue
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Callable, Optional

import requests

from conftest import wait_for  # noqa: F401  (re-exported for the test modules)

# ---------------------------------------------------------------------------------------------------------
# Names and paths


def unique(prefix="x"):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def api_root(group_version):
    return "/api/v1" if group_version == "v1" else f"/apis/{group_version}"


def collection_path(group_version, plural, namespace=None):
    scope = f"/namespaces/{namespace}" if namespace else ""
    return f"{api_root(group_version)}{scope}/{plural}"


def item_path(group_version, plural, name, namespace=None, subresource=None):
    path = f"{collection_path(group_version, plural, namespace)}/{name}"
    return f"{path}/{subresource}" if subresource else path


def rv(obj):
    """An object's (or list's) resourceVersion as an integer."""
    return int(obj["metadata"]["resourceVersion"])


# ---------------------------------------------------------------------------------------------------------
# Object builders


def meta(name, labels=None, **extra):
    metadata = {"name": name}
    if labels:
        metadata["labels"] = dict(labels)
    metadata.update(extra)
    return metadata


def pod_template(labels, containers=None, **spec):
    containers = containers or [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
                                 "ports": [{"containerPort": 80, "name": "web"}]}]
    return {"metadata": {"labels": dict(labels)}, "spec": {"containers": containers, **spec}}


def statefulset(name="web", labels=None, template_labels=None, containers=None, **spec):
    labels = labels or {"app": name}
    body = {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta(name),
            "spec": {"selector": {"matchLabels": dict(labels)}, "serviceName": "nginx",
                     "template": pod_template(template_labels or labels, containers)}}
    body["spec"].update(spec)
    return body


def workload(kind, name, labels=None, **spec):
    """A Deployment, ReplicaSet or DaemonSet."""
    labels = labels or {"app": name}
    body = {"apiVersion": "apps/v1", "kind": kind, "metadata": meta(name),
            "spec": {"selector": {"matchLabels": dict(labels)}, "template": pod_template(labels)}}
    body["spec"].update(spec)
    return body


def pod(name, labels=None, node_name=None, **spec):
    body = {"apiVersion": "v1", "kind": "Pod", "metadata": meta(name, labels),
            "spec": {"containers": [{"name": "c", "image": "busybox:1.36"}], **spec}}
    if node_name:
        body["spec"]["nodeName"] = node_name
    return body


def configmap(name, data=None, labels=None, **metadata):
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta(name, labels, **metadata),
            "data": dict(data or {"key": "value"})}


def namespace(name):
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}


# ---------------------------------------------------------------------------------------------------------
# The served resources


@dataclass
class Resource:
    """One served resource: how to build a valid object, and which subresources it has."""
    plural: str
    group_version: str
    kind: str
    namespaced: bool
    build: Callable[[str], dict]
    status: Optional[dict] = None       # a valid status to write through /status, if it has one
    scale: bool = False

    @property
    def cluster_scoped(self):
        return not self.namespaced

    def new(self, name):
        body = self.build(name)
        body.setdefault("apiVersion", self.group_version)
        body.setdefault("kind", self.kind)
        body.setdefault("metadata", {}).setdefault("name", name)
        return body

    def collection(self, namespace=None):
        return collection_path(self.group_version, self.plural, namespace if self.namespaced else None)

    def item(self, name, namespace=None, subresource=None):
        return item_path(self.group_version, self.plural, name, namespace if self.namespaced else None, subresource)

    def __str__(self):
        return self.plural


CONDITION = {"type": "Ready", "status": "True", "reason": "Tested", "message": "set by a test",
             "lastTransitionTime": "2025-01-01T00:00:00Z"}

RESOURCES = [
    Resource("statefulsets", "apps/v1", "StatefulSet", True, lambda n: statefulset(n),
             status={"replicas": 1, "readyReplicas": 1, "currentReplicas": 1, "updatedReplicas": 1,
                     "availableReplicas": 1, "observedGeneration": 1}, scale=True),
    Resource("deployments", "apps/v1", "Deployment", True, lambda n: workload("Deployment", n),
             status={"replicas": 1, "updatedReplicas": 1, "readyReplicas": 1, "availableReplicas": 1,
                     "observedGeneration": 1}, scale=True),
    Resource("replicasets", "apps/v1", "ReplicaSet", True, lambda n: workload("ReplicaSet", n),
             status={"replicas": 1, "fullyLabeledReplicas": 1, "readyReplicas": 1, "availableReplicas": 1,
                     "observedGeneration": 1}, scale=True),
    Resource("daemonsets", "apps/v1", "DaemonSet", True, lambda n: workload("DaemonSet", n),
             status={"currentNumberScheduled": 1, "numberMisscheduled": 0, "desiredNumberScheduled": 1,
                     "numberReady": 1, "observedGeneration": 1}),
    Resource("controllerrevisions", "apps/v1", "ControllerRevision", True,
             lambda n: {"metadata": meta(n), "data": {"spec": {"template": {"metadata": {"labels": {"a": "b"}}}}},
                        "revision": 1}),
    Resource("namespaces", "v1", "Namespace", False, lambda n: {"metadata": meta(n)},
             status={"phase": "Active", "conditions": [{"type": "NamespaceContentRemaining", "status": "False",
                                                         "reason": "ContentRemoved", "message": "none",
                                                         "lastTransitionTime": "2025-01-01T00:00:00Z"}]}),
    Resource("nodes", "v1", "Node", False, lambda n: {"metadata": meta(n), "spec": {}},
             status={"capacity": {"cpu": "4", "pods": "110"}, "allocatable": {"cpu": "4", "pods": "110"}}),
    Resource("pods", "v1", "Pod", True, lambda n: pod(n), status={"phase": "Running"}),
    Resource("persistentvolumeclaims", "v1", "PersistentVolumeClaim", True,
             lambda n: {"metadata": meta(n), "spec": {"accessModes": ["ReadWriteOnce"],
                                                      "resources": {"requests": {"storage": "1Gi"}}}},
             status={"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "1Gi"}}),
    Resource("persistentvolumes", "v1", "PersistentVolume", False,
             lambda n: {"metadata": meta(n), "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                                                      "hostPath": {"path": "/tmp/" + n}}},
             status={"phase": "Available"}),
    Resource("services", "v1", "Service", True,
             lambda n: {"metadata": meta(n), "spec": {"ports": [{"port": 80}], "selector": {"app": n}}},
             status={"conditions": [CONDITION]}),
    Resource("endpoints", "v1", "Endpoints", True,
             lambda n: {"metadata": meta(n), "subsets": [{"addresses": [{"ip": "10.0.0.1"}], "ports": [{"port": 80}]}]}),
    Resource("events", "v1", "Event", True,
             lambda n: {"metadata": meta(n), "involvedObject": {"kind": "Pod", "name": "web-0", "apiVersion": "v1"},
                        "reason": "Tested", "message": "hello", "type": "Normal"}),
    Resource("configmaps", "v1", "ConfigMap", True, lambda n: configmap(n)),
    Resource("secrets", "v1", "Secret", True,
             lambda n: {"metadata": meta(n), "type": "Opaque", "data": {"password": "c2VjcmV0"}}),
    Resource("storageclasses", "storage.k8s.io/v1", "StorageClass", False,
             lambda n: {"metadata": meta(n), "provisioner": "example.com/test"}),
    Resource("endpointslices", "discovery.k8s.io/v1", "EndpointSlice", True,
             lambda n: {"metadata": meta(n), "addressType": "IPv4",
                        "endpoints": [{"addresses": ["10.0.0.1"]}],
                        "ports": [{"name": "http", "port": 80, "protocol": "TCP"}]}),
    Resource("roles", "rbac.authorization.k8s.io/v1", "Role", True,
             lambda n: {"metadata": meta(n), "rules": [{"apiGroups": ["apps"], "resources": ["statefulsets"],
                                                        "verbs": ["get", "list"]}]}),
    Resource("clusterroles", "rbac.authorization.k8s.io/v1", "ClusterRole", False,
             lambda n: {"metadata": meta(n), "rules": [{"nonResourceURLs": ["/healthz"], "verbs": ["get"]}]}),
    Resource("rolebindings", "rbac.authorization.k8s.io/v1", "RoleBinding", True,
             lambda n: {"metadata": meta(n), "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                                         "name": "view"},
                        "subjects": [{"kind": "User", "name": "alice"}]}),
    Resource("clusterrolebindings", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", False,
             lambda n: {"metadata": meta(n), "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                                         "name": "view"},
                        "subjects": [{"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "readers"}]}),
]

RESOURCE = {resource.plural: resource for resource in RESOURCES}
STS = RESOURCE["statefulsets"]
CM = RESOURCE["configmaps"]
POD = RESOURCE["pods"]


def create(server, resource, name=None, namespace=None, body=None, **params):
    """POSTs a new object of `resource` and returns the created object (asserting 201)."""
    name = name or unique(resource.plural[:5])
    if body is None:
        body = resource.new(name)
    if namespace and resource.namespaced:
        body["metadata"]["namespace"] = namespace
        if "involvedObject" in body:  # an Event's subject must be in the Event's namespace
            body["involvedObject"]["namespace"] = namespace
    return expect(server.post(resource.collection(namespace), body, params=params), 201)


# ---------------------------------------------------------------------------------------------------------
# Response assertions


def describe(response):
    return f"{response.request.method} {response.url} -> {response.status_code}: {response.text[:2000]}"


def expect(response, code=200):
    """Asserts the status code and returns the JSON body."""
    assert response.status_code == code, describe(response)
    return response.json()


def expect_status(response, code, reason=None, message=None, contains=None):
    """Asserts a `Status` failure body with the given code, reason and (exact or partial) message."""
    assert response.status_code == code, describe(response)
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    body = response.json()
    assert body.get("kind") == "Status" and body.get("apiVersion") == "v1", body
    assert body.get("status") == "Failure", body
    assert body.get("code") == code, body
    if reason is not None:
        assert body.get("reason") == reason, body
    if message is not None:
        assert body.get("message") == message, body
    for fragment in ([contains] if isinstance(contains, str) else contains or []):
        assert fragment in body.get("message", ""), body
    return body


def causes(status_body):
    return status_body.get("details", {}).get("causes", [])


def cause_fields(status_body):
    return [cause.get("field") for cause in causes(status_body)]


def expect_invalid(response, kind, name, field_path, group=None):
    """Asserts a 422 Invalid Status naming `field_path` in details.causes."""
    body = expect_status(response, 422, "Invalid")
    details = body.get("details", {})
    assert details.get("kind") == kind and details.get("name") == name, body
    if group is not None:
        assert details.get("group") == group, body
    assert field_path in cause_fields(body), body
    qualified = f"{kind}.{group}" if group else kind
    assert body["message"].startswith(f'{qualified} "{name}" is invalid: '), body
    return body


def subset(expected, actual):
    """True when every key of `expected` is in `actual` with an equal (recursively subset) value."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and subset(v, actual[k]) for k, v in expected.items())
    return expected == actual


def names(list_body):
    items = list_body["items"]
    assert items is not None
    return sorted(item["metadata"]["name"] for item in items)


def list_names(server, path, **params):
    return names(expect(server.get(path, params=params)))


# ---------------------------------------------------------------------------------------------------------
# Watch streams

_END = object()


class Watch:
    """A watch request read line by line in a background thread.

    `next()` returns the next parsed event (failing after a timeout), `expect(type, name)` asserts it,
    `quiet()` asserts nothing arrives for a while, `ended()` waits for the server to close the stream.
    """

    def __init__(self, server, path, params=None, headers=None, read_timeout=30):
        params = dict(params or {})
        params.setdefault("watch", "true")
        self.response = requests.get(server.url + path, params=params, headers=headers or {}, stream=True,
                                     timeout=(5, read_timeout))
        self.status_code = self.response.status_code
        self.events = queue.Queue()
        self.error = None
        self.finished = threading.Event()
        if self.status_code == 200:
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            chunked = "chunked" in self.response.headers.get("Transfer-Encoding", "").lower()
            for line in self.response.iter_lines(chunk_size=None if chunked else 1):
                if line.strip():
                    self.events.put(json.loads(line))
        except Exception as error:  # a closed socket or a malformed line
            self.error = error
        finally:
            self.finished.set()
            self.events.put(_END)

    def next(self, timeout=10.0):
        try:
            event = self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no watch event within {timeout}s") from None
        if event is _END:
            self.events.put(_END)
            raise AssertionError(f"the watch stream ended (error: {self.error!r})")
        return event

    def expect(self, event_type, name=None, timeout=10.0):
        event = self.next(timeout)
        assert event["type"] == event_type, event
        if name is not None:
            assert event["object"]["metadata"]["name"] == name, event
        return event

    def take(self, count, timeout=10.0):
        return [self.next(timeout) for _ in range(count)]

    def quiet(self, seconds=0.5):
        """Asserts no event arrives within `seconds`."""
        try:
            event = self.events.get(timeout=seconds)
        except queue.Empty:
            return
        if event is _END:
            self.events.put(_END)
            return
        raise AssertionError(f"unexpected watch event: {event}")

    def ended(self, timeout=5.0):
        """Waits for the stream to end; returns the events that came before the end."""
        assert self.finished.wait(timeout), f"the watch stream did not end within {timeout}s"
        events = []
        while True:
            event = self.events.get(timeout=1)
            if event is _END:
                self.events.put(_END)
                return events
            events.append(event)

    def close(self):
        try:
            connection = getattr(self.response.raw, "_connection", None)
            sock = getattr(connection, "sock", None)
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.response.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def timed(action):
    """Runs `action` and returns (result, seconds)."""
    start = time.monotonic()
    result = action()
    return result, time.monotonic() - start


# ---------------------------------------------------------------------------------------------------------
# StatefulSet scenarios against a whole cluster (the `cluster` fixture: API server + controller manager)

NGINX_LABELS = {"app": "nginx"}
NGINX_IMAGE = "registry.k8s.io/nginx-slim:0.24"


def pods_path(namespace="default"):
    return f"/api/v1/namespaces/{namespace}/pods"


def pvcs_path(namespace="default"):
    return f"/api/v1/namespaces/{namespace}/persistentvolumeclaims"


def sts_path(name="web", namespace="default", subresource=None):
    return STS.item(name, namespace, subresource)


def headless_service(name="nginx", labels=None, publish_not_ready=False):
    body = {"apiVersion": "v1", "kind": "Service", "metadata": meta(name, labels or NGINX_LABELS),
            "spec": {"clusterIP": "None", "selector": dict(labels or NGINX_LABELS),
                     "ports": [{"port": 80, "name": "web"}]}}
    if publish_not_ready:
        body["spec"]["publishNotReadyAddresses"] = True
    return body


def web_set(name="web", replicas=2, storage=False, annotations=None, image=NGINX_IMAGE, grace=10, **spec):
    """examples/web.yaml's StatefulSet (`storage=True`: web-with-storage.yaml's, with the `www` claim
    template); `annotations` go on the pod template (e.g. {"ordinal.dev/simulate": "fail"})."""
    container = {"name": "nginx", "image": image, "ports": [{"containerPort": 80, "name": "web"}]}
    if storage:
        container["volumeMounts"] = [{"name": "www", "mountPath": "/usr/share/nginx/html"}]
    body = statefulset(name, labels=NGINX_LABELS, containers=[container], replicas=replicas, **spec)
    body["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] = grace
    if annotations:
        body["spec"]["template"]["metadata"]["annotations"] = dict(annotations)
    if storage:
        body["spec"]["volumeClaimTemplates"] = [{
            "metadata": {"name": "www"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]
    return body


def create_web(cluster, namespace="default", service=True, publish_not_ready=False, **set_options):
    """Creates the headless Service `nginx` (unless service=False) and the StatefulSet; returns the set."""
    if service:
        expect(cluster.post(f"/api/v1/namespaces/{namespace}/services",
                            headless_service(publish_not_ready=publish_not_ready)), 201)
    body = web_set(**set_options)
    body["metadata"]["namespace"] = namespace
    return expect(cluster.post(STS.collection(namespace), body), 201)


def get_or_none(server, path):
    response = server.get(path)
    if response.status_code == 404:
        return None
    return expect(response)


def is_ready(pod_body):
    if not pod_body or pod_body.get("status", {}).get("phase") != "Running":
        return False
    return any(c.get("type") == "Ready" and c.get("status") == "True"
               for c in pod_body.get("status", {}).get("conditions") or [])


def ordinal(name):
    return int(name.rsplit("-", 1)[1])


def list_pods(server, namespace="default", **params):
    """The pods of the namespace, by ordinal-ish name order."""
    items = expect(server.get(pods_path(namespace), params=params))["items"] or []
    return sorted(items, key=lambda p: (p["metadata"]["name"].rsplit("-", 1)[0], ordinal(p["metadata"]["name"])
                                        if p["metadata"]["name"].rsplit("-", 1)[-1].isdigit() else 0))


def wait_set_settled(server, replicas, name="web", namespace="default", timeout=12.0):
    """Waits until the set's status says `replicas` pods are ready and up to date at one revision, and its
    pods are exactly <name>-0 … <name>-(replicas-1), all Running+Ready; returns the set."""
    def settled():
        body = get_or_none(server, sts_path(name, namespace))
        if body is None:
            return None
        status = body.get("status") or {}
        if not (status.get("observedGeneration") == body["metadata"]["generation"]
                and status.get("replicas") == replicas and status.get("readyReplicas") == replicas
                and status.get("updatedReplicas") == replicas and status.get("currentReplicas") == replicas
                and status.get("currentRevision") and status.get("currentRevision") == status.get("updateRevision")):
            return None
        pods = [p for p in list_pods(server, namespace) if p["metadata"]["name"].startswith(name + "-")]
        if [p["metadata"]["name"] for p in pods] != [f"{name}-{i}" for i in range(replicas)]:
            return None
        if not all(is_ready(p) and not p["metadata"].get("deletionTimestamp") for p in pods):
            return None
        return body
    return wait_for(settled, timeout=timeout, interval=0.1)


class EventLog:
    """A Watch whose events are collected into `events` as they come (`drain()` takes what has arrived)."""

    def __init__(self, server, path, params=None):
        params = dict(params or {})
        if "resourceVersion" not in params:  # start from now: no synthetic ADDED events for existing objects
            params["resourceVersion"] = expect(server.get(path, params=params))["metadata"]["resourceVersion"]
        self.watch = Watch(server, path, params=params, read_timeout=120)
        assert self.watch.status_code == 200, self.watch.response.text
        self.events = []

    def drain(self):
        while True:
            try:
                event = self.watch.events.get_nowait()
            except queue.Empty:
                return self.events
            if event is _END:
                self.watch.events.put(_END)
                return self.events
            self.events.append(event)

    def of(self, event_type=None, name=None):
        return [e for e in self.drain()
                if (event_type is None or e["type"] == event_type)
                and (name is None or e["object"]["metadata"]["name"] == name)]

    def names(self, event_type):
        return [e["object"]["metadata"]["name"] for e in self.of(event_type)]

    def close(self):
        self.watch.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def assert_one_object_per_name(events):
    """Over a pod watch: a name is never ADDED while a previous object of that name still exists."""
    alive = {}
    for event in events:
        name, uid = event["object"]["metadata"]["name"], event["object"]["metadata"]["uid"]
        if event["type"] == "ADDED":
            assert name not in alive, f"{name} (uid {uid}) created while uid {alive.get(name)} still existed"
            alive[name] = uid
        elif event["type"] == "DELETED":
            alive.pop(name, None)
