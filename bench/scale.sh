#!/usr/bin/env bash
# Scale run: 1,000,000 documents (the harness corpus five times over, each copy with new ids) indexed
# from JSONL and served at -Xmx1g, beside the same commands on the 200,000-document corpus, so the
# growth of index time, size, latency and memory shows. Called by bench/run.sh --scale.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
H="$BENCH_WORK/harness"
# shellcheck disable=SC1091
source "$H/env.sh"
: "${SANDIQ_DIR:?set SANDIQ_DIR to a Sandiq checkout (bench/run.sh does)}"
CORPUS="$BENCH_WORK/corpus/corpus.jsonl"
QUERIES="$BENCH_WORK/corpus/queries.txt"
OUT="$BENCH_WORK/scale/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT" "$BENCH_WORK/scale-1m" "$BENCH_WORK/scale-200k"
ln -sfn "$CORPUS" "$BENCH_WORK/scale-200k/corpus.jsonl"
BIG="$BENCH_WORK/scale-1m/corpus.jsonl"
if [ ! -s "$BIG" ] || [ "$BIG" -ot "$CORPUS" ]; then
  log "scale: writing 1,000,000 documents to $BIG"
  python3 - "$CORPUS" "$BIG.tmp" <<'PY'
import json, sys
src, dst = sys.argv[1:3]
n = 0
with open(dst, "w", encoding="utf-8") as out:
    for copy in range(5):
        with open(src, encoding="utf-8") as inp:
            for line in inp:
                doc = json.loads(line)
                doc["id"] = f'{doc["id"]}~x{copy}'
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
print(n, "documents", file=sys.stderr)
PY
  mv "$BIG.tmp" "$BIG"
fi
export SANDIQ_JAVA_OPTS="-Xmx1g"
for size in 200k 1m; do
  idx="$BENCH_WORK/scale-index-$size"
  rm -rf "$idx"
  log "scale: reindex $size at -Xmx1g"
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$size-index.time" env JAVA_HOME="$JAVA25" \
    "$SANDIQ_DIR/sandiq" reindex --corpus "$BENCH_WORK/scale-$size" --index "$idx" --full \
    > "$OUT/$size-index.log" 2>&1 || log "scale: reindex exited $? (1: some input was reported)"
  python3 "$HERE/report_extras.py" index-json "$OUT/$size-index.time" "$OUT/$size-index.log" \
    "$BENCH_WORK/scale-$size/corpus.jsonl" "$idx" > "$OUT/$size-index.json"
  log "scale: $size: $(cat "$OUT/$size-index.json")"
  port=$(free_port)
  t0=$(date +%s.%N)
  (cd "$SANDIQ_DIR" && JAVA_HOME=$JAVA25 exec ./sandiq serve --no-reindex --index "$idx" \
    --host 127.0.0.1 --port "$port") > "$OUT/$size-server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail "$OUT/$size-server.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  python3 -c "import json; print(json.dumps({'startup_seconds': round($t1 - $t0, 3)}))" > "$OUT/$size-start.json"
  log "scale: $size: up after $(cat "$OUT/$size-start.json")"
  # shellcheck disable=SC2086
  "$JAVA25/bin/java" $CLIENT_JVM_OPTS -cp "$CLIENT_CP" bench.client.HttpMain query --target sandiq \
    --url "http://127.0.0.1:$port/api/search" --queries "$QUERIES" --server-pid "$pid" \
    --clk-tck "$CLK_TCK" --warmup 4000 --c1 4000 --c8 4000 --out "$OUT/$size-query.json" > /dev/null
  python3 "$H/sandiq/sq.py" describe "$pid" > "$OUT/$size-process.json" || true
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF}
    END {printf "{\"heap_used_mb\": %.1f}\n", s/1048576}' > "$OUT/$size-heap.json"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
python3 - "$OUT" <<'PY' | tee "$OUT/report.md"
import json, os, sys
out = sys.argv[1]
j = lambda f: json.load(open(os.path.join(out, f)))
print("| corpus | docs | reindex s | docs/s | index MB | reindex peak RSS MB | start-up s | p50 / p95 / p99 ms c=1 | QPS c=8 | heap used MB | server RSS MB |")
print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|")
for size in ("200k", "1m"):
    i, s, q, h, p = (j(f"{size}-{k}.json") for k in ("index", "start", "query", "heap", "process"))
    c1, c8 = q["c1"], q["c8"]
    print(f"| {size} | {i['docs']:,} | {i['wall_s']:.0f} | {i['docs_per_s']:,.0f} | {i['index_mb']:,.0f} | {i['max_rss_mb']:,.0f} "
          f"| {s['startup_seconds']:.2f} | {c1['p50_ms']:.2f} / {c1['p95_ms']:.2f} / {c1['p99_ms']:.2f} | {c8['qps']:,.0f} "
          f"| {h['heap_used_mb']} | {p.get('VmRSS', 0) / 1024:,.0f} |")
a, b = j("200k-index.json"), j("1m-index.json")
print(f"\nreindex time 1M / 200k: {b['wall_s'] / a['wall_s']:.2f}× for {b['docs'] / max(1, a['docs']):.2f}× the documents")
PY
