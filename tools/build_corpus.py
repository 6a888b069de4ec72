#!/usr/bin/env python3
"""Builds the sample corpus shipped in corpus/ from the public data sets in ../shared/data.

Run from the repository root:  python3 tools/build_corpus.py [--shared ../shared]

What it writes (see corpus/ATTRIBUTION.md for sources and licenses):
  corpus/ntrex/<lang>/<doc-id>.txt   NTREX-128 news, az/en/ru/tr (CC BY-SA 4.0): headline, blank line, body
  corpus/seed/<name>.txt             the raw seed document, byte for byte
  corpus/html/scrapinghub/<id>.html  pages of the Zyte article-extraction benchmark (MIT), gunzipped
  corpus/html/trafilatura/<id>.html  pages of the trafilatura evaluation set (Apache-2.0), gunzipped
  corpus/warc/*.warc.gz              WARC samples from jwarc and warcio (Apache-2.0), byte for byte
The choice of pages is deterministic (sorted ids, size-capped), so a rerun gives the same corpus.
No GPL-licensed file (webarchive-discovery) is copied.
"""
import argparse
import gzip
import json
import os
import shutil

HTML_PER_SET = 20
MAX_HTML_BYTES = 250_000


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as f:
        f.write(data)


def ntrex(shared, out):
    n = 0
    with open(os.path.join(shared, "data/ntrex-news-az-ru-tr-en/corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            lang, docid = doc["lang"], doc["parallel_id"]
            write(os.path.join(out, "ntrex", lang, docid + ".txt"), doc["title"].strip() + "\n\n" + doc["text"].strip() + "\n")
            n += 1
    return n


def html_pages(src_dir, ids, out_dir):
    n = 0
    for name in ids:
        with gzip.open(os.path.join(src_dir, name), "rb") as f:
            data = f.read()
        if len(data) > MAX_HTML_BYTES:
            continue
        write(os.path.join(out_dir, name[: -len(".html.gz")] + ".html"), data, "wb")
        n += 1
        if n == HTML_PER_SET:
            break
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="corpus")
    args = ap.parse_args()
    shared, out = args.shared, args.out
    for sub in ("ntrex", "seed", "html", "warc"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)

    counts = {"ntrex": ntrex(shared, out)}
    seed_dir = os.path.join(shared, "seed")
    for name in sorted(os.listdir(seed_dir)):
        os.makedirs(os.path.join(out, "seed"), exist_ok=True)
        shutil.copyfile(os.path.join(seed_dir, name), os.path.join(out, "seed", name))
    sh = os.path.join(shared, "data/scrapinghub-article-extraction/html")
    counts["scrapinghub"] = html_pages(sh, sorted(os.listdir(sh)), os.path.join(out, "html/scrapinghub"))
    tr = os.path.join(shared, "data/trafilatura-eval/html")
    counts["trafilatura"] = html_pages(tr, sorted(os.listdir(tr)), os.path.join(out, "html/trafilatura"))
    os.makedirs(os.path.join(out, "warc"), exist_ok=True)
    for rel in ("data/warc-samples/jwarc/cc.warc.gz", "data/warc-samples/warcio/example.warc.gz",
                "data/warc-samples/warcio/example-resource.warc.gz"):
        src = os.path.join(shared, rel)
        prefix = rel.split("/")[2]
        shutil.copyfile(src, os.path.join(out, "warc", prefix + "-" + os.path.basename(src)))
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
