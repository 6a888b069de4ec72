#!/usr/bin/env python3
# bench/jfr_buckets.py FILE.jfr: share of a recording's execution samples per component of a reindex,
# each sample given to the innermost frame that belongs to a known component (the table of
# BENCHMARKS.md "Reindexing"), then the parts of Lucene's share, each the share of samples whose stack
# contains it (they overlap: the analysis runs inside the inversion). Needs `jfr` (the JDK's) on PATH.
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
lucene_parts = [
 ("inversion, with the analysis it drives (IndexingChain)", r"IndexingChain\$PerField\.invert|IndexingChain\.processField"),
 ("  of which adding each token to its field's term hash", r"TermsHashPerField\.add|BytesRefHash"),
 ("  of which writing positions and offsets to the buffers", r"FreqProxTermsWriterPerField\.(writeProx|writeOffsets|addTerm|newTerm)"),
 ("flushing segments", r"DocumentsWriterPerThread\.flush|IndexingChain\.flush"),
 ("merging (the compaction included)", r"SegmentMerger|IndexWriter\.merge|forceMerge"),
 ("stored fields", r"StoredFieldsWriter|StoredFieldsConsumer"),
 ("doc values and facets", r"DocValuesWriter|FacetsConfig"),
]
parts=collections.Counter()
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
    stack="\n".join(frames)
    for name, pattern in lucene_parts:
        if re.search(pattern, stack): parts[name]+=1
print("samples",total)
for k,v in counts.most_common(): print(f"| {k} | {100*v/total:.1f} % |")
print()
for name, _ in lucene_parts: print(f"| {name} | {100*parts[name]/total:.1f} % |")
