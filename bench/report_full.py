#!/usr/bin/env python3
"""Report of one bench/compare.sh (or opensearch-full/run.sh) run: the harness's report.py tables, then
"OpenSearch doing Sandiq's work" beside plain OpenSearch and Sandiq, with the ratios the issue asks for
(Sandiq / plain OpenSearch, Sandiq / OpenSearch-full, and OpenSearch-full / plain OpenSearch).

usage: report_full.py RUN_DIR [--harness HARNESS_DIR]   (default harness: $BENCH_WORK/harness)

Medians over the rounds; a ratio is the median ratio with the range of the per-round ratios (each round's
systems ran next to each other in time), the harness's method.
"""
import argparse
import contextlib
import importlib.util
import io
import json
import os


def harness_report(harness):
    spec = importlib.util.spec_from_file_location("harness_report", os.path.join(harness, "report.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def collect(hr, run):
    """The harness's metrics per system, plus "osfull" read like its "opensearch"."""
    S = hr.collect(run)
    S["osfull"] = {}

    def put(metric, r, v):
        S["osfull"].setdefault(metric, {})[r] = v

    info_path = os.path.join(run, "osfull-corpus-info.json")
    source_bytes = hr.load(info_path)["size"] if os.path.exists(info_path) else None
    for r, d in hr.rounds(run, "osfull-index").items():
        put("dps", r, d["docs_per_s"])
        # MB/s on the harness corpus's bytes (the bulk file carries three more fields per document)
        put("mbs", r, source_bytes / 1e6 / d["seconds_incl_refresh"] if source_bytes else None)
        put("isecs", r, d["seconds_incl_refresh"])
        put("ifail", r, d["failed_requests"] + d["failed_items"])
        put("icpu", r, d.get("server_cpu_seconds"))
        put("icpu_client", r, d.get("client_cpu_seconds"))
    for r, d in hr.rounds(run, "osfull-stats").items():
        p = d["_all"]["primaries"]
        put("imb", r, p["store"]["size_in_bytes"] / 1e6)
        put("seg", r, p["segments"]["count"])
        put("docs", r, p["docs"]["count"])
    for r, d in hr.rounds(run, "osfull-query").items():
        for c in ("c1", "c8"):
            for k in ("p50_ms", "p95_ms", "p99_ms", "qps", "server_cpu_ms_per_req", "client_cpu_ms_per_req"):
                put(f"{c}_{k}", r, d[c].get(k))
        put("errors", r, d["warmup"]["errors"] + d["c1"]["errors"] + d["c8"]["errors"])
        put("sanity", r, d["sanity"]["sum_min_total_10000"])
        put("zero", r, d["sanity"]["zero_hit_queries"])
        put("resp", r, d.get("avg_response_chars"))
    for r, d in hr.rounds(run, "osfull-wrk").items():
        if "qps" in d:
            put("wrk_qps", r, d["qps"])
            put("wrk_p50", r, d["p50_ms"])
            put("wrk_p99", r, d["p99_ms"])
            put("wrk_err", r, d.get("non2xx", 0) + d.get("socket_errors", 0))
            put("wrk_cpu", r, d.get("server_cpu_ms_per_req"))
    return S


METRICS = (  # label, key, digits
    ("index docs/s", "dps", 1), ("index MB/s", "mbs", 2), ("index MB", "imb", 1), ("index CPU s", "icpu", 1),
    ("p50 ms c=1", "c1_p50_ms", 2), ("p99 ms c=1", "c1_p99_ms", 2),
    ("QPS c=8 (wrk)", "wrk_qps", 1), ("QPS c=8 (Java client)", "c8_qps", 1),
    ("CPU ms/query c=1", "c1_server_cpu_ms_per_req", 3), ("CPU ms/query c=8 (wrk)", "wrk_cpu", 3),
    ("CPU ms/query c=8 (Java client)", "c8_server_cpu_ms_per_req", 3),
)


def section(hr, run):
    S = collect(hr, run)
    here = [s for s in ("opensearch", "osfull", "sandiq") if any(S[s].values())]
    if "osfull" not in here:
        return "\n(no OpenSearch-full figures in this run)\n"

    def m(s, k):
        return hr.med(S[s].get(k, {}).values())

    def ratio(s, k, ref):
        a, b = m(s, k), m(ref, k)
        if a is None or not b:
            return "—"
        per = [S[s][k][r] / S[ref][k][r] for r in S[s].get(k, {})
               if r in S[ref].get(k, {}) and S[ref][k][r] and S[s][k][r] is not None]
        rng = f" ({min(per):.2f}–{max(per):.2f})" if len(per) > 1 else ""
        return f"{a / b:.2f}×{rng}"

    name = {"opensearch": "OpenSearch (plain: harness query)", "osfull": "OpenSearch doing Sandiq's work",
            "sandiq": "Sandiq"}
    o = ["", "## OpenSearch doing Sandiq's work", ""]
    o.append("Plain OpenSearch: the harness's node and query (`simple_query_string` over title^2, text, any word, "
             "top 10, unified highlight of 5 text fragments, no aggregations). OpenSearch-full: a second node "
             "of the same build with `bench/opensearch-full/mapping.json` (title and text each with english, "
             "russian, turkish and ASCII-folded sub-fields; lang, site, date, text_hash) and "
             "`query-template.json` (every word required across those fields, terms aggregations on lang and "
             "site, a per-year date histogram, highlighting of the title and 3 text fragments, collapse on "
             "text_hash, top 10, exact total). Same clients and protocol. Medians over the rounds; MB/s on "
             "the harness corpus's bytes for all.")
    o.append("")
    o.append("| system | " + " | ".join(label for label, _, _ in METRICS) + " |")
    o.append("|---|" + "---:|" * len(METRICS))
    for s in here:
        o.append(f"| {name[s]} | " + " | ".join(hr.fmt(m(s, k), d) for _, k, d in METRICS) + " |")
    o.append("")
    o.append("Ratios: median (range of the per-round ratios). Throughput: higher is better; size, latency, CPU: "
             "lower is better.")
    o.append("")
    cols = [("OpenSearch-full / plain OpenSearch", "osfull", "opensearch")]
    if "sandiq" in here:
        cols += [("Sandiq / plain OpenSearch", "sandiq", "opensearch"), ("Sandiq / OpenSearch-full", "sandiq", "osfull")]
    cols = [c for c in cols if c[1] in here and c[2] in here]
    if cols:
        o.append("| metric | " + " | ".join(c[0] for c in cols) + " |")
        o.append("|---|" + "---:|" * len(cols))
        for label, k, _ in METRICS:
            o.append(f"| {label} | " + " | ".join(ratio(a, k, b) for _, a, b in cols) + " |")
        o.append("")
    o.append("Details (medians; errors over all rounds):")
    o.append("")
    o.append("| system | docs | segments | p95 ms c=1 | p50 / p99 ms c=8 (Java) | wrk p50 / p99 ms c=8 | errors | "
             "sum of min(total,10000) | zero-hit queries | avg response chars |")
    o.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in here:
        errs = sum(S[s].get("errors", {}).values()) + sum(S[s].get("wrk_err", {}).values()) + \
            sum(S[s].get("ifail", {}).values())
        sanity = sorted(set(S[s].get("sanity", {}).values()))
        o.append(f"| {name[s]} | {hr.fmt(m(s, 'docs'), 0)} | {hr.fmt(m(s, 'seg'), 0)} | {hr.fmt(m(s, 'c1_p95_ms'), 2)} | "
                 f"{hr.fmt(m(s, 'c8_p50_ms'), 2)} / {hr.fmt(m(s, 'c8_p99_ms'), 2)} | "
                 f"{hr.fmt(m(s, 'wrk_p50'), 2)} / {hr.fmt(m(s, 'wrk_p99'), 2)} | {errs} | "
                 f"{', '.join(f'{v:,}' for v in sanity)} | {hr.fmt(m(s, 'zero'), 0)} | {hr.fmt(m(s, 'resp'), 0)} |")
    o.append("")
    o.append("Per round (index docs/s | index MB | p99 ms c=1 | QPS c=8 wrk):")
    o.append("")
    o.append("| round | " + " | ".join(name[s] for s in here) + " |")
    o.append("|---|" + "---|" * len(here))
    nrounds = max((max(v) for s in here for v in S[s].values() if v), default=0)
    for r in range(1, nrounds + 1):
        cells = []
        for s in here:
            g = lambda k: S[s].get(k, {}).get(r)  # noqa: E731
            cells.append(f"{hr.fmt(g('dps'))} / {hr.fmt(g('imb'))} / {hr.fmt(g('c1_p99_ms'), 2)} / {hr.fmt(g('wrk_qps'))}")
        o.append(f"| r{r} | " + " | ".join(cells) + " |")
    info = os.path.join(run, "osfull-corpus-info.json")
    if os.path.exists(info):
        ci = hr.load(info)
        o.append("")
        o.append(f"OpenSearch-full's bulk file: {ci.get('docs', 0):,} documents, {ci.get('bytes', 0) / 1e6:,.1f} MB "
                 f"(the corpus's {ci.get('size', 0) / 1e6:,.1f} MB plus site, pseudo-date and text_hash), "
                 f"{ci.get('distinct_text_hashes', 0):,} distinct text hashes (collapse groups).")
    return "\n".join(o)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("--harness", default=os.path.join(os.environ.get("BENCH_WORK", "/tmp/sandiq-bench"), "harness"))
    a = ap.parse_args()
    hr = harness_report(a.harness)
    S = hr.collect(a.run)
    if any(any(S[s].values()) for s in S):  # the harness's tables, when this run has any of its systems
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            hr.main(a.run)
        print(buf.getvalue().rstrip())
    print(section(hr, a.run))


if __name__ == "__main__":
    main()
