#!/usr/bin/env bash
# Bounded soak: SECONDS (default 300) of mixed requests at concurrency 16 (wrk, loopback only)
# against ./sandiq serve on the shipped corpus, after WARMUP seconds (default 30) of the same load
# that are not counted (a cold JVM compiles for its first seconds; a soak measures steady state).
# Heap: old-generation use sampled from /metrics every 30 s, and the live heap (what a full
# collection leaves, via jcmd GC.run) just before and just after the measured run: the live heap
# not growing is what "no leak" means; the samples in between are a sawtooth. The server's access
# log (one line per request, with its time) is kept in /tmp/sandiq-soak-access.log.
# Needs wrk (apt-get install wrk) and an index (./sandiq reindex). usage: bench/soak.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
duration=${1:-300}
warmup=${WARMUP:-30}
log=$(mktemp)
./sandiq serve --port 0 --no-reindex > "$log" 2> /tmp/sandiq-soak-access.log &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  url=$(grep -o 'http://[^ ]*' "$log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
url=${url%/}
# Old-generation use is what survives collections: flat means no leak (eden is a sawtooth anyway).
# The value is the last field: the pool's name ("G1 Old Gen") has spaces in it.
heap() { curl -s "$url/metrics" | awk '/^jvm_memory_used_bytes\{area="heap",id="G1 Old Gen"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
live() { # heap in use right after a full collection, MB
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run > /dev/null
  curl -s "$url/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'
}
echo "soak: $url, ${warmup}s warm-up (not counted), then ${duration}s at c=16"
wrk -t2 -c16 -d"${warmup}s" -s bench/soak-queries.lua "$url" | grep SOAK | sed 's/^SOAK/warm-up:/'
live_start=$(live)
wrk -t2 -c16 -d"${duration}s" --latency -s bench/soak-queries.lua "$url" > /tmp/sandiq-soak-wrk.txt &
wrk_pid=$!
samples=""
while kill -0 $wrk_pid 2>/dev/null; do
  samples="$samples $(heap)"
  sleep 30
done
wait $wrk_pid
live_end=$(live)
grep SOAK /tmp/sandiq-soak-wrk.txt
echo "old_gen_mb:$samples"
echo "live_heap_mb: $live_start before the run, $live_end after it"
grep -E 'Socket errors' /tmp/sandiq-soak-wrk.txt || echo "socket errors: none"
curl -s "$url/metrics" | grep -E '^http_server_requests_seconds_count\{.*status="5' || echo "5xx counted by the server: none"
