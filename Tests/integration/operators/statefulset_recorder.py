"""A small kopf operator: for every StatefulSet it sees created or changed, it records the replica count it
observed in an annotation (`ordinal.dev/observed-replicas`) and which handler wrote it
(`ordinal.dev/observed-by`), by patching the object through the API.

Run it with `kopf run --standalone --namespace default Tests/integration/operators/statefulset_recorder.py`
and KUBECONFIG pointing at the server (e.g. <data-dir>/kubeconfig)."""
import kopf

OBSERVED = "ordinal.dev/observed-replicas"
OBSERVED_BY = "ordinal.dev/observed-by"


@kopf.on.startup()
def configure(settings: kopf.OperatorSettings, **_):
    # Keep what kopf itself writes to annotations, so the objects' status stays the controller's.
    settings.persistence.progress_storage = kopf.AnnotationsProgressStorage()
    settings.persistence.diffbase_storage = kopf.AnnotationsDiffBaseStorage()
    settings.watching.server_timeout = 60


def record(spec, patch, handler):
    patch.metadata.annotations[OBSERVED] = str(spec.get("replicas", 1))
    patch.metadata.annotations[OBSERVED_BY] = handler


@kopf.on.create("apps", "v1", "statefulsets")
def created(spec, patch, logger, **_):
    record(spec, patch, "create")
    logger.info("recorded %s replicas", spec.get("replicas", 1))


@kopf.on.update("apps", "v1", "statefulsets", field="spec.replicas")
def replicas_changed(old, new, spec, patch, logger, **_):
    record(spec, patch, "update")
    logger.info("replicas changed from %s to %s", old, new)
