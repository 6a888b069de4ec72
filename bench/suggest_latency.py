#!/usr/bin/env python3
"""Latency of GET /api/suggest (autocomplete) against a running Sandiq, one client, keep-alive.

usage: suggest_latency.py BASE_URL [--requests N] [--warmup N]
Prefixes (2 to 5 letters) are cut from the words of the archive's own titles, so they hit real
completions. Prints p50/p95/p99/max in ms as one JSON line.
"""
import argparse
import http.client
import json
import random
import re
import time
import urllib.parse


def get(conn, path):
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=300)
    args = ap.parse_args()
    url = urllib.parse.urlparse(args.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    titles = [h["title"] for h in json.loads(get(conn, "/api/search?q=&size=100"))["hits"]]
    words = [w for t in titles for w in re.findall(r"\w{3,}", t)]
    rng = random.Random(42)
    prefixes = [w[: rng.randint(2, min(5, len(w)))] for w in words]
    paths = ["/api/suggest?" + urllib.parse.urlencode({"q": rng.choice(prefixes)})
             for _ in range(args.warmup + args.requests)]
    for path in paths[: args.warmup]:
        get(conn, path)
    times = []
    for path in paths[args.warmup:]:
        t0 = time.perf_counter()
        get(conn, path)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    q = lambda p: round(times[min(len(times) - 1, int(p * len(times)))], 2)
    print(json.dumps({"requests": len(times), "p50_ms": q(0.50), "p95_ms": q(0.95),
                      "p99_ms": q(0.99), "max_ms": round(times[-1], 2), "prefixes": len(set(prefixes))}))


if __name__ == "__main__":
    main()
