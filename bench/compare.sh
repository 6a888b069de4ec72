#!/usr/bin/env bash
# One interleaved run of the harness's systems plus "OpenSearch doing Sandiq's work" (opensearch-full/):
# the harness's run-all.sh, step for step (same build, corpus, machine record, warm-ups, rounds with the
# order rotated, clients, samples and report), with one more system. bench/run.sh calls it; alone:
#
#   bench/compare.sh                                    every system (Sandiq when SANDIQ_DIR is set)
#   COMPARE_SYSTEMS="opensearch osfull" bench/compare.sh   plain OpenSearch and OpenSearch-full only
#   CORPUS=cut.jsonl QUERIES=q.txt bench/compare.sh      another corpus (a cut for a quick end-to-end try)
#
# Systems: lucene (raw Lucene, the limit), javalin (over Lucene's index, so it brings lucene), opensearch
# (the harness's plain node: simple_query_string, any word, no aggregations), osfull (OpenSearch doing
# Sandiq's work) and sandiq. Uses the harness copied to $BENCH_WORK/harness (copied from SHARED_BENCH and
# built when missing). Output: $BENCH_WORK/runs/<UTC id>/ with every raw JSON and report.md
# (the harness's report.py, then report_full.py's OpenSearch-full tables and ratios).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
export BENCH_WORK
H="$BENCH_WORK/harness"
if [ ! -f "$H/env.sh" ]; then
  SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
  mkdir -p "$BENCH_WORK" && cp -r "$SHARED_BENCH" "$H"
  "$H/build.sh" > /dev/null
fi
cd "$H"
# shellcheck disable=SC1091
source ./env.sh
# shellcheck disable=SC1091
source lucene/lib.sh
# shellcheck disable=SC1091
source javalin/lib.sh
# shellcheck disable=SC1091
source opensearch/lib.sh
# shellcheck disable=SC1091
source sandiq/lib.sh
# shellcheck source=opensearch-full/lib.sh
source "$HERE/opensearch-full/lib.sh"
# The harness's os_start gives the node 20 s (100 x 0.2 s) to write its PID file, then takes it for dead
# and leaves it running unstopped; on this shared 2-core machine under load the JVM takes longer. Widen that
# one wait to 240 s (the harness's own limit for "green") in this process only; the harness stays as it is.
if [ "$(declare -f os_start | grep -c 'seq 1 100)')" = 1 ]; then
  eval "$(declare -f os_start | sed 's/seq 1 100)/seq 1 1200)/')"
else
  log "compare: the harness's os_start changed; its PID-file wait is used as it is"
fi

want=" ${COMPARE_SYSTEMS:-lucene javalin opensearch osfull sandiq} "
for s in $want; do
  case $s in lucene|javalin|opensearch|osfull|sandiq) ;; *) echo "compare: unknown system $s" >&2; exit 2 ;; esac
done
has() { [[ "$want" == *" $1 "* ]]; }
has javalin && ! has lucene && want="$want lucene "   # Javalin serves the raw Lucene index
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$BENCH_WORK/runs/$RUN_ID"
mkdir -p "$OUT"
log "run $RUN_ID -> $OUT (systems:$want)"
SANDIQ=0
if has sandiq; then
  if sq_available; then SANDIQ=1; log "sandiq: included, checkout $SANDIQ_DIR"
  else log "sandiq: skipped ($SQ_WHY)"; fi
fi

log "build (Java 25)"
./build.sh >&2

if [ -n "${CORPUS:-}" ]; then
  log "corpus: $CORPUS (given), queries: ${QUERIES:?set QUERIES with CORPUS}"
  python3 -c 'import json,sys; n=sum(1 for l in open(sys.argv[1], encoding="utf-8") if l.strip())
print(json.dumps({"corpus": sys.argv[1], "docs": n, "bytes": __import__("os").path.getsize(sys.argv[1])}))' \
    "$CORPUS" > "$OUT/corpus-info.json"
else
  log "corpus"
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then corpus/install-sources.sh >&2; fi
  python3 corpus/build_corpus.py ${SHARED_DATA:+--shared "$SHARED_DATA"} --out "$BENCH_WORK/corpus" \
    --min-docs "${CORPUS_MIN_DOCS:-200000}" --min-mb "${CORPUS_MIN_MB:-300}" 2> >(grep -v '^skip ' >&2)
  CORPUS="$BENCH_WORK/corpus/corpus.jsonl"
  QUERIES="$BENCH_WORK/corpus/queries.txt"
  cp "$BENCH_WORK/corpus/corpus-info.json" "$OUT/"
fi
cp "$QUERIES" "$OUT/queries.txt"
if [ "$SANDIQ" = 1 ]; then
  sq_corpus "$CORPUS" || { log "sandiq: could not write the .txt corpus: skipped"; SANDIQ=0; }
fi

log "fetch OpenSearch $OS_VERSION (before any timing)"
opensearch/fetch.sh >/dev/null
if has osfull; then osf_prepare "$OUT" "$CORPUS"; fi
if [ "$SANDIQ" = 1 ]; then
  sq_prepare "$OUT" || { log "sandiq: ./sandiq --help failed: skipped"; SANDIQ=0; }
fi

{
  echo "date_utc: $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -g | awk '/^Mem:/{print $2 " GiB total, " $7 " GiB available"}')"
  echo "kernel: $(uname -r)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "default java: $(java -version 2>&1 | head -1)"
  echo "bench java: $("$JAVA25/bin/java" -version 2>&1 | head -1) ($("$JAVA25/bin/java" -version 2>&1 | sed -n 3p))"
  echo "maven: $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "server JVM opts: $SERVER_JVM_OPTS"
  echo "client JVM opts: $CLIENT_JVM_OPTS"
  echo "protocol: rounds=$ROUNDS warmup=$WARMUP (c=2) c1=$C1_REQUESTS c8=$C8_REQUESTS wrk_c8=${WRK_SECONDS}s index_threads=$INDEX_THREADS ram_buffer_mb=$RAM_BUFFER_MB bulk_docs=$BULK_DOCS index_warmup_docs=$INDEX_WARMUP_DOCS os_heap=$OS_HEAP"
  echo "systems:$want"
  echo "bench commit: $(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"
  if [ "$SANDIQ" = 1 ]; then
    echo "sandiq: $(cat "$OUT/sandiq-info.json") (JVM options: its own launcher's; JAVA_HOME=$SQ_JAVA_HOME)"
  fi
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

loadavg() { echo "$(date -u +%H:%M:%S) $1 loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/loadavg.txt"; }

trap 'jv_stop; os_stop "$OUT"; osf_stop "$OUT"; sq_stop' EXIT
has opensearch && os_start "$OUT"
has osfull && osf_start "$OUT"

LIDX="$BENCH_WORK/lucene-index"
index_sys() {
  case $1 in
    lucene) lu_index "$LIDX" "$OUT/lucene-index.r$2.json" "$CORPUS" ;;
    opensearch) os_index "$OUT" "r$2" "$CORPUS" ;;
    osfull) osf_index "$OUT" "r$2" || log "opensearch-full: indexing round $2 failed" ;;
    sandiq) sq_index "$OUT" "r$2" || log "sandiq: reindex round $2 failed (see $OUT/sandiq-reindex.r$2.log)" ;;
  esac
}
INDEXERS=()
for s in lucene opensearch osfull; do has $s && INDEXERS+=("$s"); done
[ "$SANDIQ" = 1 ] && INDEXERS+=(sandiq)
for r in $(seq 1 "$ROUNDS"); do
  log "=== indexing round $r/$ROUNDS"
  loadavg "index r$r start"
  for k in $(seq 0 $(( ${#INDEXERS[@]} - 1 ))); do index_sys "${INDEXERS[$(( (k + r - 1) % ${#INDEXERS[@]} ))]}" "$r"; done
done

has javalin && jv_start "$LIDX" "$OUT/javalin-server.log"
if [ "$SANDIQ" = 1 ]; then
  sq_start "$OUT" || { log "sandiq: the server did not come up: no Sandiq query rows"; SANDIQ=0; }
fi
run_sys() {
  case $1 in
    lucene) lu_search "$LIDX" "$OUT/lucene-query.r$2.json" "$QUERIES" ;;
    javalin) jv_query "$OUT" "r$2" "$QUERIES" ;;
    opensearch) os_query "$OUT" "r$2" "$QUERIES" ;;
    osfull) osf_query "$OUT" "r$2" "$QUERIES" || true ;;
    sandiq) sq_query "$OUT" "r$2" "$QUERIES" ;;
  esac
}
SYSTEMS=()
for s in lucene javalin opensearch osfull; do has $s && SYSTEMS+=("$s"); done
[ "$SANDIQ" = 1 ] && SYSTEMS+=(sandiq)
for r in $(seq 1 "$ROUNDS"); do
  log "=== query round $r/$ROUNDS"
  loadavg "query r$r start"
  for k in $(seq 0 $(( ${#SYSTEMS[@]} - 1 ))); do run_sys "${SYSTEMS[$(( (k + r - 1) % ${#SYSTEMS[@]} ))]}" "$r"; done
done
loadavg "end"
Q1=$(head -1 "$QUERIES")
has javalin && jv_sample "$OUT/javalin-sample-response.json" "$Q1"
has opensearch && os_sample "$OUT" "$Q1"
has osfull && osf_sample "$OUT" "$Q1"
[ "$SANDIQ" = 1 ] && sq_sample "$OUT" "$Q1"
jv_stop
os_stop "$OUT"
osf_stop "$OUT"
sq_stop

python3 "$HERE/report_full.py" "$OUT" --harness "$H" | tee "$OUT/report.md"
log "run $RUN_ID complete: $OUT/report.md"
