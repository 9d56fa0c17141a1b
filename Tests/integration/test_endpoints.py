"""Endpoints and EndpointSlices of the headless Service (scenario 8)."""
from support import create_web, expect, get_or_none, is_ready, list_pods, wait_for, wait_set_settled

ENDPOINTS = "/api/v1/namespaces/default/endpoints/nginx"
SLICES = "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices"
SERVICE = "/api/v1/namespaces/default/services/nginx"


def _addresses(endpoints, key="addresses"):
    return sorted((a.get("hostname"), a["targetRef"]["name"]) for s in endpoints.get("subsets") or []
                  for a in s.get(key) or [])


def test_ready_pods_are_published_with_hostnames(cluster):
    create_web(cluster, replicas=2)
    wait_set_settled(cluster, 2)
    pods = {p["metadata"]["name"]: p for p in list_pods(cluster)}

    def published():
        body = get_or_none(cluster, ENDPOINTS)
        return body if body and _addresses(body) == [("web-0", "web-0"), ("web-1", "web-1")] else None
    endpoints = wait_for(published, timeout=10)
    subset = endpoints["subsets"][0]
    assert subset["ports"] == [{"name": "web", "port": 80, "protocol": "TCP"}]
    for address in subset["addresses"]:
        pod = pods[address["targetRef"]["name"]]
        assert address["ip"] == pod["status"]["podIP"]
        assert address["nodeName"] == pod["spec"]["nodeName"]
        assert address["targetRef"] == {"kind": "Pod", "namespace": "default", "name": pod["metadata"]["name"],
                                        "uid": pod["metadata"]["uid"]}
    assert not subset.get("notReadyAddresses")

    service = expect(cluster.get(SERVICE))
    slices = expect(cluster.get(SLICES, params={"labelSelector": "kubernetes.io/service-name=nginx"}))["items"]
    assert len(slices) == 1
    piece = slices[0]
    assert piece["metadata"]["name"].startswith("nginx-")
    assert piece["metadata"]["labels"]["endpointslice.kubernetes.io/managed-by"] == "endpointslice-controller.k8s.io"
    assert piece["metadata"]["labels"].get("service.kubernetes.io/headless") == ""
    assert piece["metadata"]["ownerReferences"][0]["uid"] == service["metadata"]["uid"]
    assert piece["addressType"] == "IPv4"
    entries = sorted(piece["endpoints"], key=lambda e: e["targetRef"]["name"])
    assert [(e.get("hostname"), e["targetRef"]["name"], e["addresses"]) for e in entries] == \
        [(n, n, [pods[n]["status"]["podIP"]]) for n in ("web-0", "web-1")]
    assert all(e["conditions"]["ready"] is True for e in entries)


def test_not_ready_pods_and_publish_not_ready_addresses(cluster):
    create_web(cluster, replicas=1, annotations={"ordinal.dev/simulate": "never-ready"})
    wait_for(lambda: (get_or_none(cluster, "/api/v1/namespaces/default/pods/web-0") or {})
             .get("status", {}).get("podIP"), timeout=10)

    def not_ready():
        body = get_or_none(cluster, ENDPOINTS)
        return body if body and _addresses(body, "notReadyAddresses") == [("web-0", "web-0")] else None
    endpoints = wait_for(not_ready, timeout=10)
    assert _addresses(endpoints) == []
    piece = wait_for(lambda: [s for s in expect(cluster.get(SLICES))["items"]
                              if [e["targetRef"]["name"] for e in s.get("endpoints") or []] == ["web-0"]], timeout=10)[0]
    assert piece["endpoints"][0]["conditions"]["ready"] is False

    expect(cluster.patch(SERVICE, {"spec": {"publishNotReadyAddresses": True}}))
    wait_for(lambda: _addresses(get_or_none(cluster, ENDPOINTS) or {}) == [("web-0", "web-0")], timeout=10)
    assert not is_ready(expect(cluster.get("/api/v1/namespaces/default/pods/web-0")))
