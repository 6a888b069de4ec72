#!/usr/bin/env python3
# bench/jfr_search.py FILE.jfr: where a search server's time goes (BENCHMARKS.md "Where the time goes",
# "Searching"): the share of a recording's execution samples whose stack contains a frame of each
# part. Parts overlap (a sample inside the highlighter's phrase spans counts for "snippets" and for
# "phrase spans"; everything a request does runs under Jetty). Needs `jfr` (the JDK's) on PATH.
# Record with: jcmd PID JFR.start settings=profile filename=F.jfr ... jcmd PID JFR.stop
import collections, re, subprocess, sys

PARTS = [
    ("snippets and marked titles (`Snippets.Marker`)", r"org\.sandiq\.search\.Snippets"),
    ("  of which offsets enums (term seeks, postings, advance per field per hit)", r"FieldOffsetStrategy|OffsetsEnum"),
    ("  of which phrase spans (`PhraseHelper`)", r"PhraseHelper"),
    ("  of which passage scoring and formatting", r"FieldHighlighter\.highlightOffsetsEnums"),
    ("ranked search: scoring and collecting (`IndexSearcher.searchLeaf`)", r"IndexSearcher\.searchLeaf"),
    ("term lookups for weights (`createWeight`)", r"IndexSearcher\.createWeight"),
    ("page keys, copy and capture counts (`HitPage`, `CollapseKeys`)", r"org\.sandiq\.search\.(HitPage|CollapseKeys)"),
    ("stored fields of the hits", r"StoredFieldsReader|storedFields"),
    ("query plan (parse, letter rules, detection)", r"org\.sandiq\.search\.(QueryBuilder|QueryPlan|SearchPlanner)"),
    ("  of which the query parser's analysis", r"QueryParserBase\.parse"),
    ("query language detection (Lingua)", r"lingua"),
    ("did-you-mean (`Suggestions`)", r"org\.sandiq\.search\.Suggestions"),
    ("JSON (Jackson)", r"com\.fasterxml\.jackson"),
    ("HTTP (Jetty; every request runs under it)", r"org\.eclipse\.jetty"),
]

out = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", sys.argv[1]],
    capture_output=True, text=True, check=True).stdout
counts, total = collections.Counter(), 0
for event in out.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.]+)\(", event, re.M)
    if not frames:
        continue
    total += 1
    stack = "\n".join(frames)
    for name, pattern in PARTS:
        if re.search(pattern, stack):
            counts[name] += 1
print(f"samples {total}")
for name, _ in PARTS:
    print(f"| {name} | {100 * counts[name] / max(total, 1):.1f} % |")
