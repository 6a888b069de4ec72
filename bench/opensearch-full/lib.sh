# shellcheck shell=bash
# "OpenSearch doing Sandiq's work": node lifecycle + measurement steps (sourced after the harness's env.sh,
# whose JAVA25, OS_VERSION, OS_HEAP, CLIENT_CP, CLIENT_JVM_OPTS, INDEX_THREADS, BULK_DOCS, INDEX_WARMUP_DOCS,
# WARMUP, C1_REQUESTS, C8_REQUESTS, WRK_SECONDS, free_port, log and proc_cpu_ticks it uses).
#
# The node is the harness's OpenSearch node (opensearch/lib.sh: same Maven Central integ-test zip through the
# harness's opensearch/fetch.sh, same opensearch.yml apart from names and paths, same heap, 127.0.0.1, free
# ports, run as the system user osbench when root, stopped by its PID), in its own folder
# ($BENCH_WORK/osfull) so that it runs beside the harness's plain node in one interleaved run.
# What differs is the work: mapping.json (per-language, folded and facet fields), the corpus written once
# more with site / pseudo-date / text hash (enrich.py, untimed), and query-template.json (every word
# required, three aggregations, highlighting, collapse), sent by QueryMain.java and wrk-full.lua.
OSF_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OSF_WORK="$BENCH_WORK/osfull"
OSF_INDEX=osfull
OSF_PID=
OSF_BASE=
OSF_CORPUS=

osf_prepare() { # osf_prepare OUT_DIR CORPUS.jsonl : untimed: enriched corpus (cached), query client, template
  local out=$1
  mkdir -p "$OSF_WORK"
  log "opensearch-full: corpus with site, pseudo-date and text hash (cached in $OSF_WORK)"
  OSF_CORPUS=$(python3 "$OSF_HERE/enrich.py" "$2" "$OSF_WORK/corpus-full.jsonl") || return 1
  cp "$OSF_CORPUS.info.json" "$out/osfull-corpus-info.json"
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))' \
    "$OSF_HERE/query-template.json" > "$OSF_WORK/query-template.min.json"
  cp "$OSF_HERE/mapping.json" "$out/osfull-mapping.json"
  cp "$OSF_HERE/query-template.json" "$out/osfull-query-template.json"
  rm -rf "$OSF_WORK/client" && mkdir -p "$OSF_WORK/client"
  "$JAVA25/bin/javac" -nowarn -d "$OSF_WORK/client" -cp "$CLIENT_CP" "$OSF_HERE/QueryMain.java"
}

osf_start() { # osf_start OUT_DIR : unpack a fresh node from the harness's zip and start it on 127.0.0.1
  local out=$1 zip home port tport t0 user run_as=()
  zip=$("$BENCH_ROOT/opensearch/fetch.sh")
  home="$OSF_WORK/opensearch-$OS_VERSION"
  rm -rf "$home" "$OSF_WORK/data" "$OSF_WORK/logs"
  unzip -q -o "$zip" -d "$OSF_WORK"
  [ -x "$home/bin/opensearch" ] || { echo "opensearch-full: unexpected zip layout" >&2; return 1; }
  port=$(free_port)
  tport=$(free_port)
  mkdir -p "$OSF_WORK/data" "$OSF_WORK/logs"
  cat > "$home/config/opensearch.yml" <<YML
cluster.name: bench-full
node.name: bench-full-node
network.host: 127.0.0.1
http.port: $port
transport.port: $tport
discovery.type: single-node
path.data: $OSF_WORK/data
path.logs: $OSF_WORK/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: true
YML
  printf -- '-Xms%s\n-Xmx%s\n' "$OS_HEAP" "$OS_HEAP" > "$home/config/jvm.options.d/heap.options"
  rm -f "$OSF_WORK/opensearch.pid"
  if [ "$(id -u)" = "0" ]; then # OpenSearch refuses to run as root: the harness's unprivileged user
    user=${OS_USER:-osbench}
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    chown -R "$user" "$home" "$OSF_WORK/data" "$OSF_WORK/logs"
    touch "$OSF_WORK/opensearch.pid"; chown "$user" "$OSF_WORK/opensearch.pid"
    run_as=(runuser -u "$user" --)
  fi
  log "opensearch-full: starting on 127.0.0.1:$port (heap $OS_HEAP)"
  "${run_as[@]}" env OPENSEARCH_JAVA_HOME="$JAVA25" "$home/bin/opensearch" -d -p "$OSF_WORK/opensearch.pid" \
    > "$out/osfull-start.log" 2>&1
  t0=$(date +%s)
  # the harness waits 20 s for the PID file; on a loaded machine the JVM takes longer to write it
  until [ -s "$OSF_WORK/opensearch.pid" ]; do
    [ $(( $(date +%s) - t0 )) -lt 240 ] || { echo "opensearch-full: no PID file after 240s" >&2; return 1; }
    sleep 0.2
  done
  OSF_PID=$(cat "$OSF_WORK/opensearch.pid")
  OSF_BASE="http://127.0.0.1:$port"
  until curl -sf "$OSF_BASE/_cluster/health?wait_for_status=green&timeout=5s" >/dev/null 2>&1; do
    kill -0 "$OSF_PID" 2>/dev/null || { echo "opensearch-full died" >&2; tail -50 "$OSF_WORK/logs/bench-full.log" >&2; return 1; }
    [ $(( $(date +%s) - t0 )) -lt 240 ] || { echo "opensearch-full not green after 240s" >&2; return 1; }
    sleep 1
  done
  log "opensearch-full: green after $(( $(date +%s) - t0 ))s (pid $OSF_PID)"
  curl -sf "$OSF_BASE/" > "$out/osfull-info.json"
}

osf_bulk() { # osf_bulk INDEX [bulk options...] : the harness's bulk loader on the enriched corpus
  # shellcheck disable=SC2086
  "$JAVA25/bin/java" $CLIENT_JVM_OPTS -cp "$CLIENT_CP" bench.client.HttpMain bulk --url "$OSF_BASE" --index "$1" \
    --file "$OSF_CORPUS" --batch-docs "$BULK_DOCS" --concurrency "$INDEX_THREADS" "${@:2}"
}

osf_index() { # osf_index OUT_DIR TAG : (re)create the index, bulk-load, refresh, flush, wait for merges (as os_index)
  local ij="$1/osfull-index.$2.json" sj="$1/osfull-stats.$2.json" cur
  curl -s -X DELETE "$OSF_BASE/$OSF_INDEX" >/dev/null 2>&1 || true
  if [ "${INDEX_WARMUP_DOCS:-0}" -gt 0 ]; then # JIT warm-up on a throwaway index, as the harness does
    curl -s -X DELETE "$OSF_BASE/warmup" >/dev/null 2>&1 || true
    curl -sf -X PUT "$OSF_BASE/warmup" -H 'Content-Type: application/json' --data-binary "@$OSF_HERE/mapping.json" >/dev/null
    osf_bulk warmup --max-docs "$INDEX_WARMUP_DOCS" > /dev/null 2> >(sed 's/^/warm-up /' >&2)
    curl -sf -X DELETE "$OSF_BASE/warmup" >/dev/null
  fi
  curl -sf -X PUT "$OSF_BASE/$OSF_INDEX" -H 'Content-Type: application/json' --data-binary "@$OSF_HERE/mapping.json" >/dev/null \
    || { echo "opensearch-full: the mapping was refused" >&2; return 1; }
  log "opensearch-full: bulk indexing ($INDEX_THREADS concurrent _bulk requests of $BULK_DOCS docs)"
  osf_bulk "$OSF_INDEX" --server-pid "$OSF_PID" --clk-tck "$CLK_TCK" --out "$ij" > /dev/null
  curl -sf -X POST "$OSF_BASE/$OSF_INDEX/_flush?wait_if_ongoing=true" >/dev/null
  for _ in $(seq 1 600); do
    cur=$(curl -sf "$OSF_BASE/$OSF_INDEX/_stats/merge" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["primaries"]["merges"]["current"])')
    [ "$cur" = "0" ] && break
    sleep 1
  done
  curl -sf -X POST "$OSF_BASE/$OSF_INDEX/_flush?wait_if_ongoing=true" >/dev/null
  curl -sf "$OSF_BASE/$OSF_INDEX/_stats/docs,store,segments,indexing,merge,refresh,flush" > "$sj"
  log "opensearch-full: $(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["_all"]["primaries"]; print("docs", p["docs"]["count"], "store MB %.1f" % (p["store"]["size_in_bytes"]/1e6), "segments", p["segments"]["count"])' "$sj")"
}

osf_query() { # osf_query OUT_DIR TAG QUERIES -> osfull-query.TAG.json (Java client), osfull-wrk.TAG.json (wrk)
  log "opensearch-full: queries"
  # shellcheck disable=SC2086
  "$JAVA25/bin/java" $CLIENT_JVM_OPTS -cp "$OSF_WORK/client:$CLIENT_CP" bench.osfull.QueryMain \
    --url "$OSF_BASE/$OSF_INDEX/_search" --template "$OSF_WORK/query-template.min.json" --queries "$3" \
    --server-pid "$OSF_PID" --clk-tck "$CLK_TCK" --warmup "$WARMUP" --c1 "$C1_REQUESTS" --c8 "$C8_REQUESTS" \
    --out "$1/osfull-query.$2.json" > /dev/null || { log "opensearch-full: query client failed"; return 1; }
  osf_wrk "$3" "$1/osfull-wrk.$2.json"
}

osf_wrk() { # osf_wrk QUERIES OUT_JSON : the harness's wrk_c8 with wrk-full.lua
  local c0 c1 out=$2
  if [ "$WRK_SECONDS" = "0" ] || ! command -v wrk >/dev/null; then echo '{"skipped":true}' > "$out"; return 0; fi
  c0=$(proc_cpu_ticks "$OSF_PID")
  WRK_QUERIES=$1 WRK_TEMPLATE="$OSF_WORK/query-template.min.json" WRK_PATH="/$OSF_INDEX/_search" \
    wrk -t2 -c8 -d"${WRK_SECONDS}s" --timeout 10s -s "$OSF_HERE/wrk-full.lua" "$OSF_BASE" > "$out.txt" 2>&1 || true
  c1=$(proc_cpu_ticks "$OSF_PID")
  grep '^{' "$out.txt" | tail -1 | python3 -c 'import json,sys
d = json.loads(sys.stdin.read() or "{}")
if d.get("requests"):
    d["server_cpu_ms_per_req"] = round((int(sys.argv[2]) - int(sys.argv[1])) * 1000.0 / int(sys.argv[3]) / d["requests"], 4)
print(json.dumps(d))' "$c0" "$c1" "$CLK_TCK" > "$out" || true
  grep -q requests "$out" 2>/dev/null || echo '{"failed":true}' > "$out"
  log "wrk c=8 opensearch-full: $(cat "$out")"
}

osf_sample() { # osf_sample OUT_DIR QUERY : one request and its answer, for the record
  python3 - "$OSF_WORK/query-template.min.json" "$2" > "$1/osfull-sample-request.json" <<'PY'
import json, sys
template = open(sys.argv[1], encoding="utf-8").read().strip()
print(template.replace('"{{query}}"', json.dumps(sys.argv[2], ensure_ascii=False)))
PY
  curl -s "$OSF_BASE/$OSF_INDEX/_search" -H 'Content-Type: application/json' \
    --data-binary "@$1/osfull-sample-request.json" > "$1/osfull-sample-response.json" || true
}

osf_stop() { # osf_stop [OUT_DIR]
  if [ -n "$OSF_PID" ] && kill -0 "$OSF_PID" 2>/dev/null; then
    [ -n "${1:-}" ] && cp "$OSF_WORK/logs/bench-full.log" "$1/osfull-node.log" 2>/dev/null
    log "opensearch-full: stopping pid $OSF_PID"
    kill "$OSF_PID"
    for _ in $(seq 1 150); do kill -0 "$OSF_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$OSF_PID" 2>/dev/null && kill -9 "$OSF_PID"
  fi
  OSF_PID=
}
