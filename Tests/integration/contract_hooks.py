"""Schemathesis hooks for test_contract.py (loaded through SCHEMATHESIS_HOOKS).

- Generated lists never set `watch`: a watch streams until its timeout, which would turn each example into a
  long wait without testing anything the watch tests do not.
- Namespaced paths use the `default` namespace, which exists, so generated requests reach validation and
  storage instead of all stopping at "namespace not found"."""
import schemathesis


@schemathesis.hook
def map_query(context, query):
    if query:
        query.pop("watch", None)
    return query


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    if path_parameters and "namespace" in path_parameters:
        path_parameters["namespace"] = "default"
    return path_parameters
