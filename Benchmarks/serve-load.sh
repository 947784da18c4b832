#!/usr/bin/env bash
# Load check of the web workbench on a national period (a benchmark, not a test):
#
#   Benchmarks/run.sh            # first: makes the national store in Benchmarks/.cache/
#   Benchmarks/serve-load.sh     # then: 20 concurrent clients on loopback, wrk from Debian
#
# Starts `statguard serve` (release build) on the benchmark's store, signs in as a county
# user and as an admin over the whole area, warms each page once (the first request of a
# period groups its ~50,000 findings and reads the charted columns), then runs wrk for
# DURATION seconds per page with 20 connections: the case queue (paged, 50 cases per page,
# over the first 20 pages) and the enterprise page (200 enterprises of the top cases).
# Prints requests, errors and latency percentiles. Target: p95 ≤ 200 ms for each page.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
command -v wrk >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null; }

ENTERPRISES="${ENTERPRISES:-500000}"
DURATION="${DURATION:-20}"
PERIOD=2024-12
CACHE="Benchmarks/.cache"
STORE="$CACHE/store-mixed-$ENTERPRISES.sqlite"  # the main row of Benchmarks/run.sh
[ -f "$STORE" ] || { echo "error: no store at $STORE; run Benchmarks/run.sh first" >&2; exit 2; }

swift build -c release --product statguard >&2
BIN="$(swift build -c release --show-bin-path)/statguard"
PIPELINE=Pipelines/monthly-industry.yaml
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The benchmark's own accounts, with a random password kept (mode 600) beside the cached store, never printed.
county="$("$BIN" cases --pipeline "$PIPELINE" --store "$STORE" --period "$PERIOD" --format json | python3 -c '
import json, sys; lines = json.load(sys.stdin); print(lines[0]["region_code"][:6])')"
secret="$CACHE/serve-load-password-mixed-$ENTERPRISES"
if [ ! -s "$secret" ]; then (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$secret"); fi
password="$(cat "$secret")"
for user in "bench-county:county:$county" "bench-admin:admin:${county:0:2}"; do
  IFS=: read -r name role region <<< "$user"
  "$BIN" users list --pipeline "$PIPELINE" --store "$STORE" | grep -q "^$name	" ||
    printf '%s\n' "$password" | "$BIN" users add "$name" --pipeline "$PIPELINE" --store "$STORE" --role "$role" --region "$region" --password-stdin >&2
done

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" serve --pipeline "$PIPELINE" --store "$STORE" --listen "127.0.0.1:$PORT" 2>"$WORK/serve.log" &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

for name in bench-county bench-admin; do
  curl -sf -c "$WORK/jar" -H 'Content-Type: application/json' \
    -d "{\"user\":\"$name\",\"password\":\"$password\"}" "http://127.0.0.1:$PORT/api/login" >/dev/null ||
    { echo "error: cannot sign in as $name; see $WORK/serve.log" >&2; exit 1; }
  export SESSION_COOKIE="sg_session=$(awk '$6 == "sg_session" {print $7}' "$WORK/jar")"
  for page in 1 $(seq 2 20); do echo "/cases?period=$PERIOD&page=$page"; done > "$WORK/queue.txt"
  curl -sf -b "$WORK/jar" "http://127.0.0.1:$PORT/api/cases?period=$PERIOD&limit=400" | python3 -c '
import json, sys
codes = []
for line in json.load(sys.stdin):
    if line["credit_code"] and line["credit_code"] not in codes: codes.append(line["credit_code"])
for code in codes[:200]: print(f"/enterprises/{code}?period='"$PERIOD"'")' > "$WORK/enterprises.txt"
  echo "== $name ($(wc -l < "$WORK/enterprises.txt") enterprises) =="
  for list in queue enterprises; do
    warm_start=$(date +%s.%N)
    while read -r path; do curl -sf -o /dev/null -b "$WORK/jar" "http://127.0.0.1:$PORT$path"; done < <(head -3 "$WORK/$list.txt")
    warm_end=$(date +%s.%N)
    printf '%-12s warm-up of 3 requests %.2f s; ' "$list" "$(echo "$warm_end - $warm_start" | bc)"
    PATHS="$WORK/$list.txt" wrk -t2 -c20 -d"${DURATION}s" -s Benchmarks/serve-load.lua "http://127.0.0.1:$PORT" | tail -1
  done
done
echo "server peak RSS: $(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MB"}')"
