"""Actor recognition cost: ms per 1,000 words over the first N bench articles.

Usage: .venv/bin/python benchmarks/bench_actors.py [--n 1000] [--path ../shared/data/bench/articles.jsonl.gz]
Measures tokenisation (blank id + sentencizer), ActorResolver.find (bare titles kept, as in the
pipeline), Gazetteer.find (the places coref reads) and coref.resolve separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from warta.actors import ActorResolver
from warta.coref import resolve
from warta.places import Gazetteer

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--path", type=Path,
                    default=REPO.parent / "shared" / "data" / "bench" / "articles.jsonl.gz")
    args = ap.parse_args()
    t0 = time.perf_counter()
    r = ActorResolver.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    _ = r.nlp  # the private blank 'id' pipeline is built on first use (not needed by Warta's pipeline)
    nlp_s = time.perf_counter() - t0
    arts = []
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        for line in f:
            arts.append(json.loads(line))
            if len(arts) >= args.n:
                break
    gaz = Gazetteer.load()  # coref reads the text's places, as in the pipeline
    words = mentions = corefs = 0
    t_tok = t_find = t_coref = t_places = 0.0
    for a in arts:
        text = a.get("text") or ""
        when = None
        if a.get("published"):
            try:
                when = dt.date.fromisoformat(str(a["published"])[:10])
            except ValueError:
                when = None
        words += len(text.split())
        t = time.perf_counter()
        doc = r.nlp(text)
        t_tok += time.perf_counter() - t
        t = time.perf_counter()
        ms = r.find(doc, when, bare=True)
        t_find += time.perf_counter() - t
        t = time.perf_counter()
        places = gaz.find(text)
        t_places += time.perf_counter() - t
        t = time.perf_counter()
        out = resolve(text, r.sentences(doc), ms, r, when, places)
        t_coref += time.perf_counter() - t
        mentions += len(ms)
        corefs += len(out) - len(ms)
    k = words / 1000
    print(json.dumps({
        "articles": len(arts), "words": words, "load_s": round(load_s, 2), "own_nlp_s": round(nlp_s, 2),
        "mentions": mentions, "coref_mentions": corefs,
        "ms_per_1k_words": {
            "tokenise": round(1000 * t_tok / k, 2),
            "find": round(1000 * t_find / k, 2),
            "coref": round(1000 * t_coref / k, 2),
            "find+coref": round(1000 * (t_find + t_coref) / k, 2),
            "gazetteer_find": round(1000 * t_places / k, 2),
        },
    }, indent=1))


if __name__ == "__main__":
    main()
