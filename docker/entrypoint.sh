#!/bin/sh
# Starts the API server, waits for /readyz, then runs the controller manager beside it; either exiting ends both.
set -eu
ordinal-apiserver --bind-address 0.0.0.0 --port 8080 --data-dir /var/lib/ordinal "$@" &
apiserver=$!
until curl -fs http://127.0.0.1:8080/readyz >/dev/null 2>&1; do sleep 0.1; done
ordinal-controller-manager --server http://127.0.0.1:8080 ${ORDINAL_CONTROLLER_ARGS:-} &
manager=$!
trap 'kill $apiserver $manager 2>/dev/null' INT TERM
while kill -0 $apiserver 2>/dev/null && kill -0 $manager 2>/dev/null; do sleep 1; done
kill $apiserver $manager 2>/dev/null || true
