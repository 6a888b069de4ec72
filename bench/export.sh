#!/usr/bin/env bash
# Export and histogram figures on the harness corpus (200,000 documents), rerunnable:
#
#   bench/export.sh            (needs $BENCH_WORK/corpus/corpus.jsonl: run bench/run.sh once first)
#   DOCS=5000 bench/export.sh  (a quick check on the first 5,000 documents)
#
# 1. Copies the corpus with a date per document (deterministic, from its id: 2000-2024, more
#    documents in later years, as an archive grows; the harness corpus has no dates, and a
#    histogram over undated documents measures nothing), and indexes it with this checkout's
#    ./sandiq reindex --full (the full multilingual analysis).
# 2. Serves it and exports every document as JSON Lines (GET /api/export?q=&format=jsonl), ROUNDS
#    times: documents per second (an export on its own), and the live heap after a full GC (jcmd
#    GC.class_histogram) before a second export, every 2 s while it runs, and after it.
# 3. Histogram cost: the harness's 200 queries through GET /api/facets without and with
#    interval=year, interleaved, ROUNDS times, at c=1: p50 and p99 of each and their ratio.
# Output: $BENCH_WORK/export/<run id>/{export.json,histogram.json,report.md} and the logs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
ROUNDS=${ROUNDS:-3}
DOCS=${DOCS:-0}
CORPUS="$BENCH_WORK/corpus/corpus.jsonl"
QUERIES="$BENCH_WORK/corpus/queries.txt"
[ -f "$CORPUS" ] || { echo "export bench: no $CORPUS: run bench/run.sh first" >&2; exit 1; }
# shellcheck disable=SC1091
. "$REPO/bin/select-jdk.sh"
JCMD="$JAVA_HOME/bin/jcmd"
RUN="$BENCH_WORK/export/$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$BENCH_WORK/export-work${DOCS/#0/}"
mkdir -p "$RUN" "$WORK"
git -C "$REPO" rev-parse --short HEAD > "$RUN/commit.txt"
log() { echo "[export-bench $(date -u +%H:%M:%S)] $*" | tee -a "$RUN/bench.log" >&2; }

if [ ! -f "$WORK/index.done" ] || [ "$(cat "$WORK/index.done")" != "$(cat "$RUN/commit.txt") $DOCS" ]; then
  log "dated copy of the corpus (DOCS=$DOCS; 0 = all)"
  rm -rf "$WORK/corpus" "$WORK/index" && mkdir -p "$WORK/corpus/harness"
  python3 "$HERE/export_bench.py" dated "$CORPUS" "$DOCS" > "$WORK/corpus/harness/corpus.jsonl"
  log "reindex --full ($(wc -l < "$WORK/corpus/harness/corpus.jsonl") documents)"
  /usr/bin/time -f '%e s' -o "$RUN/reindex.time" "$REPO/sandiq" reindex --full \
    --corpus "$WORK/corpus" --index "$WORK/index" > "$RUN/reindex.log" 2>&1 || true
  tail -1 "$RUN/reindex.log" | tee -a "$RUN/bench.log"
  echo "$(cat "$RUN/commit.txt") $DOCS" > "$WORK/index.done"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$REPO/sandiq" serve --no-reindex --corpus "$WORK/corpus" --index "$WORK/index" \
  --host 127.0.0.1 --port "$port" > "$RUN/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
  kill -0 "$pid" 2>/dev/null || { log "serve exited"; tail "$RUN/server.log"; exit 1; }
  sleep 0.2
done
# The JVM that serves is the java child of the launcher.
jpid=$(pgrep -P "$pid" java || echo "$pid")
log "serving on $port (java pid $jpid): $(curl -s "http://127.0.0.1:$port/api/health")"
# Live heap: GC.class_histogram runs a full GC and counts what survives. (GC.heap_info after
# GC.run would also count what the export allocated between the two commands.)
heap() { "$JCMD" "$jpid" GC.class_histogram | python3 "$HERE/export_bench.py" heap; }

python3 "$HERE/export_bench.py" warm "http://127.0.0.1:$port" "$QUERIES"
for r in $(seq 1 "$ROUNDS"); do
  # Speed: an export on its own, timed by curl (the transfer itself).
  curl -sf "http://127.0.0.1:$port/api/export?q=&format=jsonl" -o "$WORK/export.jsonl" \
    -w '%{time_starttransfer} %{time_total}\n' > "$WORK/export.time"
  read -r _ total < "$WORK/export.time"
  # Memory: a second export, with the live heap sampled before, every 2 s during, and after (each
  # sample is a full GC, which pauses the export: so this one is not timed).
  before=$(heap)
  curl -sf "http://127.0.0.1:$port/api/export?q=&format=jsonl" -o "$WORK/export.jsonl" &
  cpid=$!
  during=""
  for _ in 1 2 3; do
    sleep 2
    kill -0 "$cpid" 2>/dev/null && during="$during $(heap)"
  done
  wait "$cpid"
  after=$(heap)
  lines=$(wc -l < "$WORK/export.jsonl")
  bytes=$(stat -c %s "$WORK/export.jsonl")
  python3 "$HERE/export_bench.py" export-round "$r" "$lines" "$bytes" 0 "$total" "$before" "$after" $during \
    | tee -a "$RUN/export.jsonl.rounds" >&2
done
python3 "$HERE/export_bench.py" histogram "http://127.0.0.1:$port" "$QUERIES" "$ROUNDS" > "$RUN/histogram.json"
python3 "$HERE/export_bench.py" report "$RUN" > "$RUN/report.md"
cat "$RUN/report.md"
