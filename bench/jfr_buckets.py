#!/usr/bin/env python3
# bench/jfr_buckets.py FILE.jfr: share of a recording's execution samples per component of a reindex,
# each sample given to the innermost frame that belongs to a known component (the table of
# BENCHMARKS.md "Reindexing"). Needs `jfr` (the JDK's) on PATH.
import re, sys, collections, subprocess
rules = [
 ("Lingua language detection", lambda f: "lingua" in f),
 ("duplicate keys (SHA-256, MinHash)", lambda f: "DuplicateKeys" in f or "MessageDigest" in f or "sun.security.provider" in f),
 ("analysis: tokenizers, stemmers, ICU folding, name keys", lambda f: f.startswith("org.apache.lucene.analysis") or f.startswith("org.sandiq.analysis") or f.startswith("com.ibm.icu") or f.startswith("org.tartarus")),
 ("Lucene inversion, postings, stored fields, doc values, flush, merge", lambda f: f.startswith("org.apache.lucene")),
 ("reading and cleaning (ingest, Jsoup)", lambda f: f.startswith("org.sandiq.ingest") or f.startswith("org.jsoup")),
 ("preparation, mapping (index, reindex)", lambda f: f.startswith("org.sandiq.index") or f.startswith("org.sandiq.reindex")),
]
out = subprocess.run(["jfr","print","--events","jdk.ExecutionSample","--stack-depth","96",sys.argv[1]],capture_output=True,text=True).stdout
counts=collections.Counter(); total=0
for ev in out.split("jdk.ExecutionSample")[1:]:
    frames=re.findall(r"^\s+([\w$.]+)\(", ev, re.M)
    if not frames: continue
    total+=1
    cat="other (JDK, GC-free JVM work, I/O)"
    for f in frames:
        hit=[n for n,p in rules if p(f)]
        if hit: cat=hit[0]; break
    counts[cat]+=1
print("samples",total)
for k,v in counts.most_common(): print(f"| {k} | {100*v/total:.1f} % |")
