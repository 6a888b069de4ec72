#!/usr/bin/env python3
"""Helpers of bench/export.sh: the dated corpus copy, heap parsing, the export rounds, the
histogram latency comparison and the report. Standard library only."""
import datetime
import hashlib
import http.client
import json
import os
import re
import statistics
import sys
import time
import urllib.parse


def dated(corpus, docs):
    """The corpus with a deterministic date per document: 2000-2024, later years fuller."""
    limit = int(docs)
    with open(corpus, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            doc = json.loads(line)
            h = int.from_bytes(hashlib.sha1(doc["id"].encode()).digest()[:8], "big")
            # Square root of a uniform draw: more documents in later years (archive growth).
            year = 2000 + int(25 * ((h % 10_000) / 10_000) ** 0.5)
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=(h >> 16) % 365)
            doc["date"] = day.isoformat() + "T12:00:00Z"
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


def heap():
    """Live heap in MB: the Total line of `jcmd PID GC.class_histogram` on stdin."""
    text = sys.stdin.read()
    m = re.search(r"^Total\s+\d+\s+(\d+)", text, re.M)
    print(round(int(m.group(1)) / 1048576, 1) if m else -1)


def export_round(r, lines, size, t0, t1, before, after, *during):
    seconds = float(t1) - float(t0)
    print(json.dumps({
        "round": int(r), "documents": int(lines), "bytes": int(size),
        "seconds": round(seconds, 2), "docs_per_s": round(int(lines) / seconds),
        "heap_mb_before": float(before), "heap_mb_during": [float(d) for d in during],
        "heap_mb_after": float(after)}))


def _get(conn, path):
    t = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    resp.read()
    if resp.status != 200:
        raise SystemExit(f"{path}: {resp.status}")
    return (time.perf_counter() - t) * 1000


def _queries(path):
    with open(path, encoding="utf-8") as f:
        return [q.strip() for q in f if q.strip()]


def warm(base, queries):
    host = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    for q in _queries(queries):
        _get(conn, "/api/facets?interval=year&q=" + urllib.parse.quote(q))


def _pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def histogram(base, queries, rounds):
    """/api/facets without and with interval=year, interleaved (order alternating), c=1."""
    host = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    plain, with_histogram = [], []
    qs = _queries(queries)
    for r in range(int(rounds)):
        for i, q in enumerate(qs):
            path = "/api/facets?q=" + urllib.parse.quote(q)
            pair = [(plain, path), (with_histogram, path + "&interval=year")]
            if (i + r) % 2:
                pair.reverse()
            for sink, p in pair:
                sink.append(_get(conn, p))
    out = {"requests_each": len(plain)}
    for name, v in (("without", plain), ("with_histogram", with_histogram)):
        out[name] = {"p50_ms": round(_pct(v, 50), 2), "p99_ms": round(_pct(v, 99), 2),
                     "mean_ms": round(statistics.mean(v), 2)}
    out["p99_ratio"] = round(out["with_histogram"]["p99_ms"] / out["without"]["p99_ms"], 3)
    out["p50_ratio"] = round(out["with_histogram"]["p50_ms"] / out["without"]["p50_ms"], 3)
    print(json.dumps(out, indent=1))


def report(run):
    rounds = [json.loads(l) for l in open(os.path.join(run, "export.jsonl.rounds"))]
    hist = json.load(open(os.path.join(run, "histogram.json")))
    commit = open(os.path.join(run, "commit.txt")).read().strip()
    print(f"# Export and histogram, run {os.path.basename(run)}, commit {commit}\n")
    print("| round | documents | seconds | docs/s | MB | heap MB before / during / after (after full GC) |")
    print("|---|---|---|---|---|---|")
    for r in rounds:
        during = ", ".join(str(d) for d in r["heap_mb_during"]) or "-"
        print(f"| {r['round']} | {r['documents']} | {r['seconds']} | {r['docs_per_s']} |"
              f" {r['bytes'] / 1e6:.0f} | {r['heap_mb_before']} / {during} / {r['heap_mb_after']} |")
    print()
    print(f"Histogram ({hist['requests_each']} requests each, c=1): GET /api/facets p50 "
          f"{hist['without']['p50_ms']} ms, p99 {hist['without']['p99_ms']} ms without; "
          f"p50 {hist['with_histogram']['p50_ms']} ms, p99 {hist['with_histogram']['p99_ms']} ms "
          f"with interval=year; p99 ratio {hist['p99_ratio']}, p50 ratio {hist['p50_ratio']}.")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"dated": dated, "heap": heap, "export-round": export_round, "warm": warm,
     "histogram": histogram, "report": report}[cmd](*args)
