"""Nesting and expansion limits on request bodies: JSON or YAML nested past 256 levels (YAML as written or
through aliases) and YAML whose aliases expand exponentially (the "billion laughs") get a 400 Status
error, and the server keeps answering other clients while such bodies arrive. Bodies just inside the limits go
through decoding, validation, patching and storage without exhausting a request thread's stack."""
import concurrent.futures

import pytest

from support import CM, create, expect, expect_status

JSON_LIMIT = 256
YAML_LIMIT = 256


def nested_json(depth):
    return "[" * depth + "]" * depth


def billion_laughs():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "json-arrays": ("application/json", "[" * 100_000, "exceeded max depth"),
    "json-objects": ("application/json", '{"a":' * 100_000, "exceeded max depth"),
    "yaml-flow": ("application/yaml", "[" * 100_000, "exceeded max depth"),
    "yaml-block": ("application/yaml", "- " * 50_000 + "x", "exceeded max depth"),
    "yaml-billion-laughs": ("application/yaml", billion_laughs(), "excessive aliasing"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_body_is_400_on_create(api, ns, name):
    content_type, body, fragment = HOSTILE[name]
    expect_status(api.post(CM.collection(ns), body, content_type=content_type), 400, "BadRequest", contains=fragment)
    assert expect(api.get(CM.collection(ns)))["items"] == []


def test_deep_patches_are_400_and_change_nothing(api, ns):
    created = create(api, CM, "cm", ns)
    deep = '{"data":' * 100_000
    for content_type in ("application/merge-patch+json", "application/strategic-merge-patch+json"):
        expect_status(api.patch(CM.item("cm", ns), deep, content_type=content_type), 400, "BadRequest",
                      contains="exceeded max depth")
    expect_status(api.patch(CM.item("cm", ns), "[" * 100_000, content_type="application/json-patch+json"),
                  400, "BadRequest", contains="exceeded max depth")
    expect_status(api.patch(CM.item("cm", ns), "a: " + "[" * 100_000, content_type="application/apply-patch+yaml"),
                  400, "BadRequest", contains="exceeded max depth")
    assert expect(api.get(CM.item("cm", ns)))["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]


def test_nesting_just_inside_the_limits_is_served(api, ns):
    """An unknown field nested to the limit is decoded, walked by validation and dropped."""
    depth = JSON_LIMIT - 2
    body = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "deep"}, "extra": ' + nested_json(depth) + "}"
    response = api.post(CM.collection(ns), body, params={"fieldValidation": "Ignore"})
    assert response.status_code == 201, response.text[:500]
    expect_status(api.post(CM.collection(ns), body.replace('"deep"', '"strict"'), params={"fieldValidation": "Strict"}),
                  400, "BadRequest", contains="extra")
    patch = '{"metadata": {"annotations": {"a": "b"}}, "extra": ' + nested_json(depth) + "}"
    for content_type in ("application/merge-patch+json", "application/strategic-merge-patch+json"):
        response = api.patch(CM.item("deep", ns), patch, content_type=content_type)
        assert response.status_code == 200, response.text[:500]
    yaml_body = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: yaml-deep}\nextra: " + nested_json(YAML_LIMIT - 2) + "\n"
    response = api.post(CM.collection(ns), yaml_body, content_type="application/yaml")
    assert response.status_code == 201, response.text[:500]


def test_server_answers_others_while_hostile_bodies_arrive(api, ns):
    def hostile(index):
        content_type, body, _ = list(HOSTILE.values())[index % len(HOSTILE)]
        return api.request("POST", CM.collection(ns), body, content_type=content_type).status_code

    def ordinary(index):
        return create(api, CM, f"cm-{index}", ns)["metadata"]["name"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        attacks = [pool.submit(hostile, index) for index in range(20)]
        names = [pool.submit(ordinary, index) for index in range(20)]
        assert sorted(future.result() for future in names) == sorted(f"cm-{index}" for index in range(20))
        assert [future.result() for future in attacks] == [400] * 20
    assert api.get("/healthz").status_code == 200
