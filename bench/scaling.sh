#!/usr/bin/env bash
# Scaling run for SCALING.md: the shared harness corpus (200,000 documents, JSON Lines) indexed by
# `sandiq reindex --full` into (1) the embedded Lucene index, (2) a 1-node OpenSearch cluster
# (1 shard, 0 replicas) and (3) a 3-node OpenSearch cluster (3 shards, 1 replica), the last two
# with Sandiq's analysis plugin. Per system: wall time and docs/s, CPU seconds of the Sandiq JVM
# and of every OpenSearch node (from /proc), bytes on disk (primaries and total), heap per node
# (_nodes/stats) and peak RSS of the Sandiq JVM. Then, per system, `sandiq serve` over that index
# (`--backend opensearch` for the clusters) answers the harness's queries with wrk: a warm-up, QPS
# at c=8 and latency at c=1 (p50, p99) over QUERY_SECONDS each (default 30). Run at normal priority
# on a quiet machine.
#
#   bench/scaling.sh [CORPUS_DIR]    (default /tmp/sandiq-bench/jsonl-corpus: a folder with corpus.jsonl)
#
# Needs target/sandiq.jar and opensearch-plugin/target/*.zip (./mvnw -DskipTests package, and the
# same in opensearch-plugin/), the integ-test zip in ~/.m2 (./mvnw verify fetches it). Nodes run from
# one unpacked install with a config folder each, on random free loopback ports (never 9200/9300),
# as the system user sandiq-os when run as root (OpenSearch refuses root), stopped by their PIDs.
# Results: bench/results/scaling-<time>/ (summary.json, summary.md, raw outputs).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CORPUS=${1:-/tmp/sandiq-bench/jsonl-corpus}
WORK=${SCALING_WORK:-/tmp/sandiq-scaling}
OS_HEAP=${OS_HEAP:-1g}
SANDIQ_HEAP=${SANDIQ_HEAP:-2g}
ZIP=${OS_ZIP:-$HOME/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/3.6.0/opensearch-3.6.0.zip}
OUT="$ROOT/bench/results/scaling-$(date -u +%Y%m%dT%H%M%SZ)"
USER_OS=sandiq-os
CLK_TCK=$(getconf CLK_TCK)
# shellcheck disable=SC1091
. "$ROOT/bin/select-jdk.sh"
JAR="$ROOT/target/sandiq.jar"
PLUGIN=$(ls "$ROOT"/opensearch-plugin/target/*.zip 2>/dev/null | head -1 || true)
[ -f "$JAR" ] || { echo "scaling: no $JAR (./mvnw -DskipTests package)" >&2; exit 2; }
[ -n "$PLUGIN" ] || { echo "scaling: no opensearch-plugin/target/*.zip (cd opensearch-plugin && ../mvnw -DskipTests package)" >&2; exit 2; }
[ -f "$ZIP" ] || { echo "scaling: no $ZIP (./mvnw verify fetches it)" >&2; exit 2; }
[ -f "$CORPUS/corpus.jsonl" ] || { echo "scaling: no $CORPUS/corpus.jsonl (bench/run.sh builds it)" >&2; exit 2; }
mkdir -p "$OUT" "$WORK"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/log.txt" >&2; }
DOCS=$(wc -l < "$CORPUS/corpus.jsonl")
PIDS=()

cpu_ticks() { # utime+stime of one process (0 once it is gone)
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
free_port() {
  python3 -c 'import socket
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if p not in (9200, 9300): print(p); break'
}
stop_nodes() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_nodes EXIT

sandiq() { # sandiq TAG ARGS... : one timed reindex; writes TAG.time (wall s, user s, sys s, max RSS KB)
  local tag=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$tag.time" \
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    "-Xmx$SANDIQ_HEAP" -jar "$JAR" "$@" > "$OUT/$tag.out" 2> "$OUT/$tag.err"
}

SYSTEMS=${SYSTEMS:-embedded os1 os3} # a subset reruns only those
QUERIES=${QUERIES:-$CORPUS/queries.txt}
QUERY_SECONDS=${QUERY_SECONDS:-30}
WRK_LUA=${WRK_LUA:-$ROOT/../shared/bench/client/wrk-queries.lua}

queries() { # queries TAG SERVE_ARGS... : serve the index, warm up, wrk c=8 and c=1; TAG.wrk8/.wrk1
  local tag=$1; shift
  [ -f "$QUERIES" ] && [ -f "$WRK_LUA" ] && command -v wrk > /dev/null || { log "$tag: no queries (needs $QUERIES, $WRK_LUA, wrk)"; return 0; }
  local port spid t0
  port=$(free_port)
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    "-Xmx$SANDIQ_HEAP" -jar "$JAR" serve --no-reindex --host 127.0.0.1 --port "$port" "$@" > "$OUT/$tag.serve.log" 2>&1 &
  spid=$!
  t0=$(date +%s)
  until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null 2>&1; do
    [ $(($(date +%s) - t0)) -lt 300 ] || { log "$tag: serve did not answer"; kill "$spid"; return 1; }
    sleep 1
  done
  export WRK_TARGET=sandiq WRK_QUERIES="$QUERIES" WRK_PATH=/api/search
  wrk -t2 -c8 -d"${QUERY_SECONDS}s" -s "$WRK_LUA" "http://127.0.0.1:$port" > "$OUT/$tag.warmup.txt" 2>&1
  wrk -t2 -c8 -d"${QUERY_SECONDS}s" --latency -s "$WRK_LUA" "http://127.0.0.1:$port" > "$OUT/$tag.wrk8.txt" 2>&1
  wrk -t1 -c1 -d"${QUERY_SECONDS}s" --latency -s "$WRK_LUA" "http://127.0.0.1:$port" > "$OUT/$tag.wrk1.txt" 2>&1
  kill "$spid"; wait "$spid" 2> /dev/null || true
  log "$tag: c=8 $(grep Requests/sec "$OUT/$tag.wrk8.txt"); c=1 p99 $(grep ' 99%' "$OUT/$tag.wrk1.txt")"
}
wanted() { case " $SYSTEMS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- embedded -------------------------------------------------------------------------------------
if wanted embedded; then
  rm -rf "$WORK/embedded"
  log "embedded: reindex --full of $DOCS documents"
  sandiq embedded reindex --corpus "$CORPUS" --index "$WORK/embedded" --full
  du -sb "$WORK/embedded" | cut -f1 > "$OUT/embedded.bytes"
  log "embedded: $(tail -1 "$OUT/embedded.out"); $(cat "$OUT/embedded.time") ; $(cat "$OUT/embedded.bytes") bytes"
  queries embedded --index "$WORK/embedded"
fi

# --- OpenSearch -----------------------------------------------------------------------------------
HOME_OS="$WORK/opensearch-3.6.0"
if [ ! -x "$HOME_OS/bin/opensearch" ] || [ ! -d "$HOME_OS/plugins/sandiq-analysis" ] || [ "$PLUGIN" -nt "$HOME_OS/bin/opensearch" ]; then
  rm -rf "$HOME_OS"
  unzip -q -o "$ZIP" -d "$WORK"
  chmod +x "$HOME_OS"/bin/*
  OPENSEARCH_JAVA_HOME="$JAVA_HOME" "$HOME_OS/bin/opensearch-plugin" install --batch "file://$PLUGIN" > "$OUT/plugin-install.log" 2>&1
  touch "$HOME_OS/bin/opensearch"
fi
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  id "$USER_OS" > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$USER_OS"
  RUN_AS=(runuser -u "$USER_OS" --)
fi

cluster() { # cluster TAG NODES SHARDS REPLICAS
  local tag=$1 n=$2 shards=$3 replicas=$4 i base seeds="" managers="" urls="" t0
  local -a http tport
  rm -rf "$WORK/$tag"
  for i in $(seq 0 $((n - 1))); do http[i]=$(free_port); tport[i]=$(free_port); done
  for i in $(seq 0 $((n - 1))); do
    seeds+="${seeds:+, }\"127.0.0.1:${tport[i]}\""; managers+="${managers:+, }$tag-$i"
    urls+="${urls:+,}http://127.0.0.1:${http[i]}"
  done
  for i in $(seq 0 $((n - 1))); do
    base="$WORK/$tag/node-$i"
    mkdir -p "$base"; cp -r "$HOME_OS/config" "$base/config"
    printf -- '-Xms%s\n-Xmx%s\n' "$OS_HEAP" "$OS_HEAP" > "$base/config/jvm.options.d/heap.options"
    cat > "$base/config/opensearch.yml" <<YML
cluster.name: sandiq-scaling-$tag
node.name: $tag-$i
path.data: $base/data
path.logs: $base/logs
network.host: 127.0.0.1
http.port: ${http[i]}
transport.port: ${tport[i]}
discovery.seed_hosts: [$seeds]
cluster.initial_cluster_manager_nodes: [$managers]
cluster.routing.allocation.disk.threshold_enabled: false
YML
  done
  [ ${#RUN_AS[@]} -eq 0 ] || chown -R "$USER_OS" "$WORK/$tag" "$HOME_OS"
  for i in $(seq 0 $((n - 1))); do
    base="$WORK/$tag/node-$i"
    "${RUN_AS[@]}" env OPENSEARCH_PATH_CONF="$base/config" OPENSEARCH_JAVA_HOME="$JAVA_HOME" \
      "$HOME_OS/bin/opensearch" -d -p "$base/opensearch.pid" > "$base/start.log" 2>&1
  done
  t0=$(date +%s)
  for i in $(seq 0 $((n - 1))); do
    until [ -s "$WORK/$tag/node-$i/opensearch.pid" ]; do
      [ $(($(date +%s) - t0)) -lt 300 ] || { log "$tag: node $i wrote no PID"; exit 1; }
      sleep 0.5
    done
    PIDS+=("$(cat "$WORK/$tag/node-$i/opensearch.pid")")
  done
  local first="http://127.0.0.1:${http[0]}"
  until curl -sf "$first/_cluster/health?wait_for_status=green&wait_for_nodes=$n&timeout=5s" > /dev/null 2>&1; do
    [ $(($(date +%s) - t0)) -lt 300 ] || { log "$tag: not green with $n nodes after 300 s"; exit 1; }
    sleep 1
  done
  log "$tag: $n node(s) green after $(($(date +%s) - t0)) s"

  local pid c0=() c1=() sum=0
  for pid in "${PIDS[@]}"; do c0+=("$(cpu_ticks "$pid")"); done
  log "$tag: reindex --backend opensearch --full --shards $shards --replicas $replicas"
  sandiq "$tag" reindex --corpus "$CORPUS" --backend opensearch --opensearch "$urls" --full \
    --shards "$shards" --replicas "$replicas"
  local t1 green
  t1=$(date +%s)
  # The reindex returns once the alias points at the index (primaries ready); wait for the replicas,
  # then flush and let merges finish, so the store is what the cluster keeps.
  curl -sf "$first/_cluster/health?wait_for_status=green&timeout=600s" > /dev/null
  green=$(date +%s)
  echo "$((green - t1))" > "$OUT/$tag.green-after-s"
  curl -sf -X POST "$first/sandiq/_flush?wait_if_ongoing=true" > /dev/null
  for _ in $(seq 1 300); do
    [ "$(curl -sf "$first/sandiq/_stats/merge" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["total"]["merges"]["current"])')" = 0 ] && break
    sleep 1
  done
  for pid in "${PIDS[@]}"; do c1+=("$(cpu_ticks "$pid")"); done
  for i in "${!PIDS[@]}"; do sum=$((sum + c1[i] - c0[i])); done
  echo "$sum" > "$OUT/$tag.node-cpu-ticks"
  curl -sf "$first/sandiq/_stats/docs,store,indexing,merge,segments" > "$OUT/$tag.stats.json"
  curl -sf "$first/_nodes/stats/jvm,os,process" > "$OUT/$tag.nodes.json"
  curl -sf "$first/_cat/shards/sandiq?v&bytes=b" > "$OUT/$tag.shards.txt"
  log "$tag: $(tail -1 "$OUT/$tag.out"); $(cat "$OUT/$tag.time"); node CPU ticks $sum; replicas green after $((green - t1)) s"
  queries "$tag" --backend opensearch --opensearch "$urls"
  stop_nodes
}

if wanted os1; then cluster os1 1 1 0; fi
if wanted os3; then cluster os3 3 3 1; fi

python3 - "$OUT" "$DOCS" "$CLK_TCK" "$(nproc)" "$OS_HEAP" "$SANDIQ_HEAP" > "$OUT/summary.md" <<'PY'
import json, sys
out, docs, tck, cores, os_heap, sandiq_heap = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
def timing(tag):
    wall, user, sys_, rss = open(f"{out}/{tag}.time").read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) * 1024
rows, summary = [], {"documents": docs, "cores": cores, "opensearch_heap": os_heap, "sandiq_heap": sandiq_heap}
import os
tags = [t for t in ("embedded", "os1", "os3") if os.path.exists(f"{out}/{t}.time")]
if "embedded" in tags:
  wall, cpu, rss = timing("embedded")
  size = int(open(f"{out}/embedded.bytes").read())
  summary["embedded"] = dict(wall_s=wall, docs_per_s=docs / wall, sandiq_cpu_s=cpu, node_cpu_s=0, index_cpu_s=cpu,
                           sandiq_rss_mb=rss / 2**20, primary_bytes=size, total_bytes=size,
                           bytes_per_doc_primary=size / docs, bytes_per_doc_total=size / docs, heap_used_mb=[])
for tag in [t for t in tags if t != "embedded"]:
    wall, cpu, rss = timing(tag)
    node_cpu = int(open(f"{out}/{tag}.node-cpu-ticks").read()) / tck
    stats = json.load(open(f"{out}/{tag}.stats.json"))["_all"]
    nodes = json.load(open(f"{out}/{tag}.nodes.json"))["nodes"].values()
    prim, total = stats["primaries"]["store"]["size_in_bytes"], stats["total"]["store"]["size_in_bytes"]
    summary[tag] = dict(wall_s=wall, docs_per_s=docs / wall, sandiq_cpu_s=cpu, node_cpu_s=node_cpu,
                        index_cpu_s=cpu + node_cpu, sandiq_rss_mb=rss / 2**20,
                        lucene_docs=stats["primaries"]["docs"]["count"], primary_bytes=prim, total_bytes=total,
                        bytes_per_doc_primary=prim / docs, bytes_per_doc_total=total / docs,
                        heap_used_mb=[round(n["jvm"]["mem"]["heap_used_in_bytes"] / 2**20) for n in nodes],
                        heap_max_mb=[round(n["jvm"]["mem"]["heap_max_in_bytes"] / 2**20) for n in nodes],
                        segments=stats["primaries"]["segments"]["count"],
                        green_after_s=int(open(f"{out}/{tag}.green-after-s").read()))
import re
def wrk(path):
    if not os.path.exists(path):
        return None
    text = open(path).read()
    qps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    def ms(label):
        m = re.search(r"^\s+" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not m:
            return None
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return dict(qps=float(qps.group(1)) if qps else None, p50_ms=ms("50%"), p99_ms=ms("99%"),
                non_2xx=int(errors.group(1)) if errors else 0)
for tag in tags:
    summary[tag]["c8"] = wrk(f"{out}/{tag}.wrk8.txt")
    summary[tag]["c1"] = wrk(f"{out}/{tag}.wrk1.txt")
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
names = {"embedded": "embedded Lucene", "os1": "OpenSearch 1 node (1 shard, 0 replicas)", "os3": "OpenSearch 3 nodes (3 shards, 1 replica)"}
print(f"{docs} documents, {cores} cores shared by everything; OpenSearch heap {os_heap} per node, Sandiq -Xmx{sandiq_heap}\n")
print("| system | wall s | docs/s | Sandiq CPU s | nodes CPU s | index CPU s | CPU ms/doc | primary MB | total MB | bytes/doc primary | bytes/doc total | heap used per node MB | Sandiq peak RSS MB |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for tag, s in ((t, summary[t]) for t in tags):
    print(f"| {names[tag]} | {s['wall_s']:.1f} | {s['docs_per_s']:,.0f} | {s['sandiq_cpu_s']:.1f} | {s['node_cpu_s']:.1f} | {s['index_cpu_s']:.1f} "
          f"| {1000 * s['index_cpu_s'] / docs:.2f} | {s['primary_bytes'] / 1e6:.1f} | {s['total_bytes'] / 1e6:.1f} | {s['bytes_per_doc_primary']:,.0f} "
          f"| {s['bytes_per_doc_total']:,.0f} | {', '.join(map(str, s['heap_used_mb'])) or '-'} | {s['sandiq_rss_mb']:.0f} |")
print("\n| system | QPS c=8 | p50 c=8 ms | p99 c=8 ms | QPS c=1 | p50 c=1 ms | p99 c=1 ms | non-2xx |")
print("|---|---|---|---|---|---|---|---|")
for tag, s in ((t, summary[t]) for t in tags):
    c8, c1 = s.get("c8"), s.get("c1")
    if c8 and c1:
        print(f"| {names[tag]} | {c8['qps']:,.0f} | {c8['p50_ms']:.1f} | {c8['p99_ms']:.1f} | {c1['qps']:,.0f} | {c1['p50_ms']:.1f} | {c1['p99_ms']:.1f} | {c8['non_2xx'] + c1['non_2xx']} |")
PY
cat "$OUT/summary.md"
log "scaling: results in $OUT"
