"""Cost of date and place resolution per 1,000 words.

Runs DateResolver.find (+ publication_date) and Gazetteer.find over the first N articles of the
bench corpus (default /work/shared/data/bench/articles.jsonl.gz, N=1000), anchoring dates on each
article's ``published`` field, and reports load time, ms per 1,000 words and mention counts.

    .venv/bin/python benchmarks/bench_dates_places.py [--n 1000] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

from warta.dates import DateResolver
from warta.lang import load_lang
from warta.places import Gazetteer

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "articles.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="best of R timing runs")
    args = ap.parse_args()

    articles = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            articles.append(json.loads(line))
            if len(articles) >= args.n:
                break
    anchors = []
    for a in articles:
        try:
            anchors.append(dt.date.fromisoformat(str(a.get("published") or "")[:10]))
        except ValueError:
            anchors.append(dt.date(2024, 1, 1))
    texts = [a.get("text") or "" for a in articles]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)

    lang = load_lang("id")
    t0 = time.perf_counter()
    dates = DateResolver.load(lang)
    t1 = time.perf_counter()
    gaz = Gazetteer.load(lang)
    t2 = time.perf_counter()

    def run_dates() -> tuple[float, list[int], collections.Counter[str]]:
        rules: collections.Counter[str] = collections.Counter()
        counts = []
        start = time.perf_counter()
        for text, anchor in zip(texts, anchors, strict=True):
            ms = dates.find(text, anchor)
            dates.publication_date(text, anchor)
            counts.append(len(ms))
            rules.update(m.rule.split(":", 1)[0] for m in ms)
        return time.perf_counter() - start, counts, rules

    def run_places() -> tuple[float, list[int], collections.Counter[int]]:
        types: collections.Counter[int] = collections.Counter()
        counts = []
        start = time.perf_counter()
        for text in texts:
            ps = gaz.find(text)
            counts.append(len(ps))
            types.update(p.geo_type for p in ps)
        return time.perf_counter() - start, counts, types

    d_best = p_best = float("inf")
    d_counts: list[int] = []
    p_counts: list[int] = []
    rules: collections.Counter[str] = collections.Counter()
    types: collections.Counter[int] = collections.Counter()
    for _ in range(max(1, args.repeat)):
        d_t, d_counts, rules = run_dates()
        p_t, p_counts, types = run_places()
        d_best, p_best = min(d_best, d_t), min(p_best, p_t)

    per_kw = 1000.0 / words
    out = sys.stdout.write
    out(f"articles: {len(texts)}  words: {words}  chars: {chars}\n")
    out(f"load: DateResolver {1000 * (t1 - t0):.0f} ms, Gazetteer {1000 * (t2 - t1):.0f} ms\n")
    out(
        f"dates : {1000 * d_best * per_kw:.3f} ms / 1000 words  ({d_best:.2f} s total, "
        f"{sum(d_counts)} mentions, {sum(d_counts) * per_kw:.2f} per 1000 words)\n"
    )
    out(
        f"places: {1000 * p_best * per_kw:.3f} ms / 1000 words  ({p_best:.2f} s total, "
        f"{sum(p_counts)} mentions, {sum(p_counts) * per_kw:.2f} per 1000 words)\n"
    )
    out(f"both  : {1000 * (d_best + p_best) * per_kw:.3f} ms / 1000 words\n")
    out(f"date rules: {dict(rules.most_common())}\n")
    out(f"place geo types: {dict(sorted(types.items()))}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
