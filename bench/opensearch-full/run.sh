#!/usr/bin/env bash
# "OpenSearch doing Sandiq's work", by itself, one round (the shape of the harness's opensearch/run.sh):
# start a fresh node, bulk-index the enriched corpus, refresh, flush, measure the index, drive the queries
# with the harness's protocol (Java client c=1/c=8, wrk c=8), take one sample answer, stop the node by PID,
# print the report.
#
#   bench/opensearch-full/run.sh [CORPUS.jsonl QUERIES.txt OUT_DIR]
#
# Defaults: the harness corpus in $BENCH_WORK/corpus (build it with bench/compare.sh or bench/run.sh) and
# $BENCH_WORK/runs/osfull-<UTC id>. The harness is copied to $BENCH_WORK/harness and built when missing.
# For the interleaved comparison with plain OpenSearch and Sandiq use bench/compare.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
export BENCH_WORK
H="$BENCH_WORK/harness"
if [ ! -f "$H/env.sh" ]; then
  mkdir -p "$BENCH_WORK" && cp -r "${SHARED_BENCH:-$REPO/../shared/bench}" "$H"
  "$H/build.sh" > /dev/null
fi
# shellcheck disable=SC1091
source "$H/env.sh"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
CORPUS=${1:-$BENCH_WORK/corpus/corpus.jsonl}
QUERIES=${2:-$BENCH_WORK/corpus/queries.txt}
OUT=${3:-$BENCH_WORK/runs/osfull-$(date -u +%Y%m%dT%H%M%SZ)}
[ -f "$CORPUS" ] && [ -f "$QUERIES" ] || { echo "opensearch-full: no $CORPUS or $QUERIES" >&2; exit 1; }
mkdir -p "$OUT"
cp "$QUERIES" "$OUT/queries.txt"
trap 'osf_stop "$OUT"' EXIT
osf_prepare "$OUT" "$CORPUS"
osf_start "$OUT"
osf_index "$OUT" r1
osf_query "$OUT" r1 "$QUERIES"
osf_sample "$OUT" "$(head -1 "$QUERIES")"
osf_stop "$OUT"
python3 "$HERE/../report_full.py" "$OUT" --harness "$H" | tee "$OUT/report.md"
