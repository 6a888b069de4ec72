#!/usr/bin/env bash
# Autocomplete latency on the shipped corpus: starts ./sandiq serve on a free loopback port over
# the existing index (run ./sandiq reindex first), measures GET /api/suggest, stops the server.
# usage: bench/suggest.sh [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
./sandiq serve --port 0 --no-reindex > "$log" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  url=$(grep -o 'http://[^ ]*' "$log" | head -n 1 || true)
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || { echo "serve exited" >&2; exit 1; }
  sleep 0.1
done
python3 bench/suggest_latency.py "${url%/}" "$@"
