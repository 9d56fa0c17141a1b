#!/usr/bin/env bash
# Measures ordinal-apiserver (release build): start-up to /readyz 200, idle RSS, and requests per second with
# wrk at 50 connections for a GET of one StatefulSet, a LIST of 100 ConfigMaps, and durable creates;
# plus the same GET against ordinal-bare-responder serving a body of the same size, for the ratio.
#   swift build -c release && bench/apiserver.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
port=18181
bare_port=18182
data=$(mktemp -d)
trap 'kill $api ${bare:-} 2>/dev/null || true; rm -rf "$data"' EXIT

start=$(date +%s%N)
"$bin/ordinal-apiserver" --port $port --data-dir "$data" >/dev/null 2>&1 &
api=$!
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.001; done
echo "start-up to /readyz: $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 1
echo "idle RSS: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$api/status)"

url=http://127.0.0.1:$port
kubectl --server "$url" --cache-dir "$data/kube" apply -f examples/web.yaml >/dev/null
for i in $(seq 1 100); do
    curl -fs -XPOST -H 'Content-Type: application/json' "$url/api/v1/namespaces/default/configmaps" \
        -d "{\"metadata\":{\"name\":\"cm-$i\"},\"data\":{\"k\":\"v\"}}" >/dev/null
done
get="$url/apis/apps/v1/namespaces/default/statefulsets/web"
size=$(curl -fs "$get" | wc -c)
"$bin/ordinal-bare-responder" --port $bare_port --body-bytes "$size" >/dev/null 2>&1 &
bare=$!
sleep 0.5

rate() { wrk -t2 -c50 -d5s "$@" | awk '/Requests\/sec/ {print $2}'; }
script=$(mktemp --suffix=.lua)
cat > "$script" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"metadata":{"generateName":"bench-"},"data":{"k":"v"}}'
LUA
get_rate=$(rate "$get")
bare_rate=$(rate "http://127.0.0.1:$bare_port/")
echo "GET one StatefulSet ($size bytes): $get_rate req/s; bare responder: $bare_rate req/s; ratio $(awk "BEGIN {printf \"%.2f\", $get_rate / $bare_rate}")"
echo "LIST 100 ConfigMaps: $(rate "$url/api/v1/namespaces/default/configmaps") req/s"
echo "create (durable, 50 clients): $(rate -s "$script" "$url/api/v1/namespaces/default/configmaps") req/s"
rm -f "$script"
