#!/usr/bin/env bash
# The performance run, one command: Sandiq beside raw Lucene, bare Javalin and OpenSearch on this
# machine, in one run, on the shared harness's corpus (200,000 documents) and 200 queries.
#
#   bench/run.sh [--scale] [--no-harness] [--no-extras]      (about 45 min; 60+ with --scale)
#
# 1. Copies ../shared/bench (read-only) to $BENCH_WORK/harness, and a clean clone of this
#    checkout's HEAD to $BENCH_WORK/checkout, whose jar it builds: editing this tree during the run
#    changes nothing in it (commit first what you want measured).
# 2. bench/compare.sh (the harness's run-all.sh step for step, plus "OpenSearch doing Sandiq's work",
#    bench/opensearch-full/) with SANDIQ_DIR=that clone: ROUNDS interleaved rounds of indexing
#    (Sandiq end to end from 200,000 .txt files, full multilingual analysis) and of querying
#    (c=1, c=8 with the harness's Java client, c=8 with wrk), with the harness's report and the
#    Sandiq / plain OpenSearch and Sandiq / OpenSearch-full ratios (bench/report_full.py).
# 3. bench/extras.sh: ROUNDS interleaved rounds of raw Lucene / Sandiq --analyzer standard from the
#    JSONL / Sandiq multilingual from the JSONL (index docs/s, MB/s, size; queries for the two
#    Sandiq indexes), autocomplete p99, heap and RSS.
# 4. With --scale, bench/scale.sh: 1,000,000 documents (the corpus five times, new ids) at -Xmx1g.
# Everything large stays in $BENCH_WORK (default /tmp/sandiq-bench), never in the repository.
# Needs root for the corpus packages (apt) and wrk; OpenSearch runs as a system user.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
BENCH_WORK=${BENCH_WORK:-/tmp/sandiq-bench}
export BENCH_WORK
harness=1 extras=1 scale=0
for a in "$@"; do
  case $a in
    --scale) scale=1 ;;
    --no-harness) harness=0 ;;
    --no-extras) extras=0 ;;
    *) echo "usage: bench/run.sh [--scale] [--no-harness] [--no-extras]" >&2; exit 2 ;;
  esac
done
[ -d "$SHARED_BENCH" ] || { echo "bench: no harness at $SHARED_BENCH (set SHARED_BENCH)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$BENCH_WORK"
echo "[bench] harness copy -> $BENCH_WORK/harness"
rm -rf "$BENCH_WORK/harness" && cp -r "$SHARED_BENCH" "$BENCH_WORK/harness"
"$BENCH_WORK/harness/build.sh" > /dev/null   # its clients and the raw Lucene bench (Java 25)
echo "[bench] clean clone of $(git -C "$REPO" rev-parse --short HEAD) -> $BENCH_WORK/checkout"
rm -rf "$BENCH_WORK/checkout" && git clone -q "$REPO" "$BENCH_WORK/checkout"
(cd "$BENCH_WORK/checkout" && ./sandiq --help > /dev/null)   # builds the jar, untimed
export SANDIQ_DIR="$BENCH_WORK/checkout"
if [ "$harness" = 1 ]; then
  echo "[bench] harness systems + OpenSearch-full, bench/compare.sh (log: $BENCH_WORK/run-all.log)"
  SHARED_DATA=${SHARED_DATA:-$REPO/../shared/data} "$HERE/compare.sh" > "$BENCH_WORK/run-all.log" 2>&1
  sed -n '/^Medians over/,$p' "$BENCH_WORK/run-all.log"
fi
if [ "$extras" = 1 ]; then
  "$HERE/extras.sh"
fi
if [ "$scale" = 1 ]; then
  "$HERE/scale.sh"
fi
