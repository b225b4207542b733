#!/usr/bin/env python3
"""Throughput of `warta ingest` vs spaCy's bare tokenizer on the shared bench corpus.

Usage: python benchmarks/bench_ingest.py [--n 1000] [--processes 1] [--corpus PATH]
                                         [--pythonpath TREE] [--json]

Writes the first N articles of shared/data/bench/articles.jsonl.gz to a temporary JSONL file,
runs `warta ingest` on it into a fresh DuckDB file (a separate process, so peak RSS is its own),
then tokenises the same texts with `spacy.blank("id")` as the yardstick. Reports articles/s
(wall clock, model loading included), articles per CPU second of the ingest process (less
sensitive to other load on a shared machine) and peak RSS (MiB) for both, and their ratio.

``--pythonpath TREE`` puts TREE first on the children's PYTHONPATH, so the `warta` of another
checkout (e.g. a ``git worktree`` of an older commit) is measured with this same script.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "data" / "bench" / "articles.jsonl.gz"

TOKENIZER = """
import json, sys, time, resource, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.blank("id")
t = time.perf_counter()
n_tok = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
el = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": el, "tokens": n_tok, "peak_rss_mib": rss}))
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of the child ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    el = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return el, cpu, max(after.ru_maxrss, before.ru_maxrss) / 1024, out.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pythonpath", type=Path, default=None,
                    help="checkout whose warta package the children import (default: installed)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    env = dict(os.environ)
    if a.pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(a.pythonpath.resolve()), env.get("PYTHONPATH", "")) if p)
    if not a.corpus.exists():
        sys.exit(f"bench corpus not found: {a.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.jsonl"
        n_words = 0
        with gzip.open(a.corpus, "rt", encoding="utf-8") as f, open(src, "w", encoding="utf-8") as o:
            for i, line in enumerate(f):
                if i >= a.n:
                    break
                n_words += len(json.loads(line)["text"].split())
                o.write(line)
        warta = str(Path(sys.executable).with_name("warta"))
        el, cpu, rss, _ = run([warta, "ingest", str(src), "--db", str(Path(tmp) / "b.duckdb"),
                               "--processes", str(a.processes), "--quiet"], env)
        tok = json.loads(subprocess.run([sys.executable, "-c", TOKENIZER, str(src)], check=True,
                                        capture_output=True, text=True, env=env).stdout)
    res = {
        "articles": a.n,
        "words": n_words,
        "processes": a.processes,
        "pythonpath": str(a.pythonpath) if a.pythonpath else "",
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "ingest_seconds": round(el, 2),
        "ingest_cpu_seconds": round(cpu, 2),
        "ingest_articles_per_s": round(a.n / el, 1),
        "ingest_articles_per_cpu_s": round(a.n / cpu, 1),
        "ingest_peak_rss_mib": round(rss, 1),
        "tokenizer_seconds": round(tok["seconds"], 3),
        "tokenizer_articles_per_s": round(a.n / tok["seconds"], 1),
        "tokenizer_peak_rss_mib": round(tok["peak_rss_mib"], 1),
        "ratio_tokenizer_over_ingest": round((a.n / tok["seconds"]) / (a.n / el), 1),
    }
    if a.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:30s} {v}")


if __name__ == "__main__":
    main()
