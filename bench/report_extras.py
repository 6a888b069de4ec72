#!/usr/bin/env python3
"""Helpers of bench/extras.sh.

  report_extras.py index-json TIME_FILE LOG CORPUS INDEX_DIR   one reindex as JSON (wall, CPU, docs/s...)
  report_extras.py report OUT_DIR                              the markdown tables of one extras run

Medians over rounds; each ratio is the median of the per-round ratios (the systems ran interleaved),
with the range of the per-round values in brackets.
"""
import glob
import json
import os
import re
import statistics
import sys

SUMMARY = re.compile(r"indexed (\d+), updated (\d+), deleted (\d+), skipped (\d+), failed (\d+) in ([0-9.]+) ?s")
# The summary counts files; the progress lines count documents ("reindex: 1/1 files, 200000 documents").
DOCUMENTS = re.compile(r"files, (\d+) documents")


def dir_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def index_json(time_file, log, corpus, index_dir):
    wall, user, sys_, rss = open(time_file).read().split()[-4:]
    m = None
    docs = 0
    for line in open(log, errors="replace"):
        m = SUMMARY.search(line) or m
        d = DOCUMENTS.search(line)
        if d:
            docs = int(d.group(1))
    size = os.path.getsize(corpus)
    wall = float(wall)
    print(json.dumps({
        "docs": docs, "wall_s": wall, "cpu_s": round(float(user) + float(sys_), 2),
        "max_rss_mb": round(int(rss) / 1024, 1), "docs_per_s": round(docs / wall, 1),
        "mb_per_s": round(size / 1e6 / wall, 2), "index_mb": round(dir_bytes(index_dir) / 1e6, 1),
        "failed": int(m.group(5)) if m else None}))


def load(path):
    try:
        with open(path) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def rounds(out, pattern):
    found = {}
    for f in glob.glob(os.path.join(out, pattern)):
        r = re.search(r"\.r(\d+)\.json$", f)
        if r:
            found[int(r.group(1))] = load(f)
    return found


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    if v is None:
        return "—"
    return f"{v:,.{digits}f}"


def ratio(a, b):
    """Median and range of per-round a/b."""
    rs = [a[r] / b[r] for r in a if r in b and a[r] and b[r]]
    if not rs:
        return "—"
    return f"{statistics.median(rs):.2f}× ({min(rs):.2f}–{max(rs):.2f})"


def report(out):
    lu_i = {r: d["index"] for r, d in rounds(out, "lucene-index.r*.json").items() if d}
    lu_q = {r: d["query"] for r, d in rounds(out, "lucene-query.r*.json").items() if d}
    rows = {}
    idx = {"lucene": {r: {"docs_per_s": d["docs_per_s"], "mb_per_s": d["mb_per_s"],
                          "index_mb": d["index_bytes"] / 1e6, "cpu_s": d.get("server_cpu_seconds")}
                      for r, d in lu_i.items()}}
    qry = {"lucene": {r: {"p50": d["c1"]["p50_ms"], "p95": d["c1"]["p95_ms"], "p99": d["c1"]["p99_ms"],
                          "qps8": d["c8"]["qps"], "wrk": d["c8"]["qps"],
                          "cpu8": d["c8"].get("server_cpu_ms_per_req")} for r, d in lu_q.items()}}
    for name in ("standard", "multilingual"):
        idx[name] = {r: d for r, d in rounds(out, f"{name}-index.r*.json").items() if d}
        q = rounds(out, f"{name}-query.r*.json")
        w = rounds(out, f"{name}-wrk.r*.json")
        qry[name] = {}
        for r, d in q.items():
            if not d or "c1" not in d:
                continue
            wd = w.get(r) or {}
            qry[name][r] = {"p50": d["c1"]["p50_ms"], "p95": d["c1"]["p95_ms"], "p99": d["c1"]["p99_ms"],
                            "qps8": d["c8"]["qps"], "wrk": wd.get("qps"),
                            "cpu8": wd.get("server_cpu_ms_per_req")}
    label = {"lucene": "raw Lucene 10.6 (in-process, StandardAnalyzer)",
             "standard": "Sandiq `--analyzer standard`, from JSONL, over HTTP",
             "multilingual": "Sandiq multilingual, from JSONL, over HTTP"}
    print("| system | index docs/s | MB/s | index MB | index CPU s | p50 ms c=1 | p95 ms c=1 | p99 ms c=1 "
          "| QPS c=8 (Java client) | QPS c=8 (wrk) | CPU ms/query c=8 (wrk) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in ("lucene", "standard", "multilingual"):
        i, q = idx.get(name, {}), qry.get(name, {})
        col = lambda src, k: med([v.get(k) for v in src.values()])
        print(f"| {label[name]} | {fmt(col(i, 'docs_per_s'), 0)} | {fmt(col(i, 'mb_per_s'), 2)} "
              f"| {fmt(col(i, 'index_mb'))} | {fmt(col(i, 'cpu_s'))} | {fmt(col(q, 'p50'), 2)} "
              f"| {fmt(col(q, 'p95'), 2)} | {fmt(col(q, 'p99'), 2)} | {fmt(col(q, 'qps8'), 0)} "
              f"| {fmt(col(q, 'wrk'), 0)} | {fmt(col(q, 'cpu8'), 3)} |")
    print()
    print("Ratios, per round then median (range):")
    print()
    print("| ratio | index docs/s | p99 c=1 | QPS c=8 (wrk; raw Lucene: in-process) | CPU ms/query c=8 |")
    print("|---|---:|---:|---:|---:|")
    pick = lambda src, k: {r: v.get(k) for r, v in src.items()}
    for name in ("standard", "multilingual"):
        print(f"| {name} / raw Lucene | {ratio(pick(idx[name], 'docs_per_s'), pick(idx['lucene'], 'docs_per_s'))} "
              f"| {ratio(pick(qry[name], 'p99'), pick(qry['lucene'], 'p99'))} "
              f"| {ratio(pick(qry[name], 'wrk'), pick(qry['lucene'], 'wrk'))} "
              f"| {ratio(pick(qry[name], 'cpu8'), pick(qry['lucene'], 'cpu8'))} |")
    extra = {k: load(os.path.join(out, f)) for k, f in
             (("suggest", "multilingual-suggest.json"), ("heap", "multilingual-heap.json"),
              ("process", "multilingual-process.json"))}
    starts = [d["startup_seconds"] for d in rounds(out, "*-start.r*.json").values() if d]
    print()
    if extra["suggest"]:
        print(f"- autocomplete (`/api/suggest`, one client, 3,000 requests): {json.dumps(extra['suggest'])}")
    if extra["heap"]:
        print(f"- heap in use after the queries (multilingual server): {extra['heap']['heap_used_mb']} MB")
    if extra["process"]:
        p = extra["process"]
        print(f"- server RSS after the queries: {p.get('VmRSS', 0) / 1024:,.0f} MB, peak {p.get('VmHWM', 0) / 1024:,.0f} MB"
              f" (max heap {p.get('max_heap_mb', p.get('MaxHeapSize', '?'))})")
    if starts:
        print(f"- server start-up on an existing index (launch to first /api/health): "
              f"{min(starts):.2f}–{max(starts):.2f} s")


if __name__ == "__main__":
    if sys.argv[1] == "index-json":
        index_json(*sys.argv[2:6])
    elif sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        raise SystemExit(__doc__)
