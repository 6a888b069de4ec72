#!/usr/bin/env bash
# Sandiq's own rows beside raw Lucene, in one run on this machine (bench/run.sh calls it after the
# harness; it reuses the harness's corpus, clients and JVM settings from $BENCH_WORK/harness).
# ROUNDS interleaved rounds (order rotated) of:
#   lucene        raw Lucene 10.6, the harness's in-process indexer and query driver
#   standard      ./sandiq reindex --analyzer standard from the JSONL, then serve + the same queries
#   multilingual  ./sandiq reindex (full multilingual analysis) from the JSONL, then serve + queries
# and, on the last multilingual server, autocomplete latency, heap in use and RSS.
# Output: $BENCH_WORK/extras/<run id>/*.json and report.md (bench/report_extras.py).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
H="$BENCH_WORK/harness"
# shellcheck disable=SC1091
source "$H/env.sh"
# shellcheck disable=SC1091
source "$H/lucene/lib.sh"
: "${SANDIQ_DIR:?set SANDIQ_DIR to a Sandiq checkout (bench/run.sh does)}"
ROUNDS=${EXTRA_ROUNDS:-$ROUNDS}
CORPUS="$BENCH_WORK/corpus/corpus.jsonl"
QUERIES="$BENCH_WORK/corpus/queries.txt"
[ -f "$CORPUS" ] || { echo "extras: no $CORPUS: run the harness first (bench/run.sh)" >&2; exit 1; }
OUT="$BENCH_WORK/extras/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
JDIR="$BENCH_WORK/jsonl-corpus"
mkdir -p "$JDIR" && ln -sfn "$CORPUS" "$JDIR/corpus.jsonl"
git -C "$SANDIQ_DIR" rev-parse --short HEAD > "$OUT/commit.txt"
sandiq() { (cd "$SANDIQ_DIR" && JAVA_HOME=$JAVA25 exec ./sandiq "$@"); }

sq_reindex() { # NAME INDEX_DIR ANALYZER ROUND -> OUT/NAME-index.rN.json
  rm -rf "$2"
  log "extras: $1: reindex --analyzer $3 from the JSONL"
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$1-index.r$4.time" \
    env JAVA_HOME="$JAVA25" SANDIQ_JAVA_OPTS="${SANDIQ_JAVA_OPTS:-}" "$SANDIQ_DIR/sandiq" reindex \
    --corpus "$JDIR" --index "$2" --full --analyzer "$3" > "$OUT/$1-index.r$4.log" 2>&1 \
    || log "extras: $1: reindex exited $? (1: some documents or files were reported; see the log)"
  python3 "$HERE/report_extras.py" index-json "$OUT/$1-index.r$4.time" "$OUT/$1-index.r$4.log" \
    "$CORPUS" "$2" > "$OUT/$1-index.r$4.json"
  log "extras: $1: $(cat "$OUT/$1-index.r$4.json")"
}

sq_query() { # NAME INDEX_DIR ROUND [full] -> OUT/NAME-query.rN.json, NAME-wrk.rN.json (+ suggest, memory)
  local port pid t0 t1
  port=$(free_port)
  t0=$(date +%s.%N)
  (cd "$SANDIQ_DIR" && JAVA_HOME=$JAVA25 SANDIQ_JAVA_OPTS="${SANDIQ_JAVA_OPTS:-}" exec ./sandiq serve \
    --no-reindex --index "$2" --host 127.0.0.1 --port "$port") > "$OUT/$1-server.r$3.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { log "extras: $1: serve exited"; tail "$OUT/$1-server.r$3.log"; return 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  echo "{\"startup_seconds\": $(python3 -c "print(round($t1 - $t0, 3))")}" > "$OUT/$1-start.r$3.json"
  log "extras: $1: serving after $(cat "$OUT/$1-start.r$3.json")"
  # shellcheck disable=SC2086
  "$JAVA25/bin/java" $CLIENT_JVM_OPTS -cp "$CLIENT_CP" bench.client.HttpMain query --target sandiq \
    --url "http://127.0.0.1:$port/api/search" --queries "$QUERIES" --server-pid "$pid" \
    --clk-tck "$CLK_TCK" --warmup "$WARMUP" --c1 "$C1_REQUESTS" --c8 "$C8_REQUESTS" \
    --out "$OUT/$1-query.r$3.json" > /dev/null || log "extras: $1: query client failed"
  wrk_c8 "sandiq-$1" "http://127.0.0.1:$port" /api/search "$QUERIES" "$OUT/$1-wrk.r$3.json" "$pid"
  if [ "${4:-}" = full ]; then
    python3 "$SANDIQ_DIR/bench/suggest_latency.py" "http://127.0.0.1:$port" --requests 3000 \
      > "$OUT/$1-suggest.json" || true
    log "extras: $1: autocomplete $(cat "$OUT/$1-suggest.json")"
    python3 "$H/sandiq/sq.py" describe "$pid" --vm-flags > "$OUT/$1-process.json" || true
    curl -s "http://127.0.0.1:$port/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF}
      END {printf "{\"heap_used_mb\": %.1f}\n", s/1048576}' > "$OUT/$1-heap.json"
    log "extras: $1: $(cat "$OUT/$1-heap.json")"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

SYSTEMS=(lucene standard multilingual)
for r in $(seq 1 "$ROUNDS"); do
  log "=== extras round $r/$ROUNDS"
  echo "$(date -u +%H:%M:%S) round $r loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/loadavg.txt"
  for k in 0 1 2; do
    s=${SYSTEMS[$(( (k + r - 1) % 3 ))]}
    case $s in
      lucene)
        lu_index "$BENCH_WORK/lucene-index" "$OUT/lucene-index.r$r.json" "$CORPUS"
        lu_search "$BENCH_WORK/lucene-index" "$OUT/lucene-query.r$r.json" "$QUERIES" ;;
      standard)
        sq_reindex standard "$BENCH_WORK/sandiq-standard-index" standard "$r"
        sq_query standard "$BENCH_WORK/sandiq-standard-index" "$r" ;;
      multilingual)
        sq_reindex multilingual "$BENCH_WORK/sandiq-jsonl-index" multilingual "$r"
        if [ "$r" = "$ROUNDS" ]; then
          sq_query multilingual "$BENCH_WORK/sandiq-jsonl-index" "$r" full
        else
          sq_query multilingual "$BENCH_WORK/sandiq-jsonl-index" "$r"
        fi ;;
    esac
  done
done
python3 "$HERE/report_extras.py" report "$OUT" | tee "$OUT/report.md"
log "extras: $OUT/report.md"
