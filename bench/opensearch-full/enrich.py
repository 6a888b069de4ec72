#!/usr/bin/env python3
"""Writes the harness corpus (JSONL: id,title,text,lang,url) once more with the fields that OpenSearch
needs to do Sandiq's work, computed here, before any timing (as a pipeline in front of an index would):

  site       the host of the URL (lower case, no "www."); for a URL without a host, its scheme
             (Sandiq files loose documents under their collection the same way)
  date       the harness corpus has no dates, so a deterministic pseudo-date is derived from the id
             (SHA-256 of the id -> a day in 1996..2025), only so that the per-year date histogram has
             the work it would have on an archive; the same id always gets the same day
  text_hash  16 hex digits of SHA-256 over the normalised text, the normalisation of Sandiq's
             DuplicateKeys.exact (NFKD, marks removed, lower case, letter/digit runs joined by one space)

usage: enrich.py CORPUS.jsonl OUT.jsonl    (prints OUT.jsonl; rewrites it only when the corpus or this
script changed, recorded in OUT.jsonl.info.json)
"""
import datetime
import hashlib
import json
import os
import re
import sys
import unicodedata
import urllib.parse

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits (Sandiq: [\p{L}\p{N}]+)
FIRST_DAY = datetime.date(1996, 1, 1)
DAYS = (datetime.date(2026, 1, 1) - FIRST_DAY).days


def site(url):
    parts = urllib.parse.urlsplit(url or "")
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or parts.scheme or "none"


def pseudo_date(doc_id):
    h = int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:8], "big")
    return (FIRST_DAY + datetime.timedelta(days=h % DAYS)).isoformat()


def text_hash(text):
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()
    words = " ".join(WORD.findall(folded))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def stamp(corpus):
    st = os.stat(corpus)
    with open(__file__, "rb") as fh:
        me = hashlib.sha256(fh.read()).hexdigest()[:16]
    return {"corpus": os.path.abspath(corpus), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "script": me}


def main(corpus, out):
    info_path = out + ".info.json"
    want = stamp(corpus)
    if os.path.exists(out) and os.path.exists(info_path):
        with open(info_path) as fh:
            have = json.load(fh)
        if {k: have.get(k) for k in want} == want:
            print(out)
            return
    docs = hashes = 0
    seen = set()
    tmp = out + ".tmp"
    with open(corpus, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            d = json.loads(line)
            d["site"] = site(d.get("url"))
            d["date"] = pseudo_date(str(d["id"]))
            d["text_hash"] = text_hash(d.get("text") or "")
            seen.add(d["text_hash"])
            dst.write(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n")
            docs += 1
    os.replace(tmp, out)
    hashes = len(seen)
    with open(info_path, "w") as fh:
        json.dump(dict(want, docs=docs, distinct_text_hashes=hashes, bytes=os.path.getsize(out)), fh)
    print(f"enrich: {docs} docs, {hashes} distinct text hashes -> {out}", file=sys.stderr)
    print(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
