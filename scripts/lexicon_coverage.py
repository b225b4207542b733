"""Lexicon coverage on gold events, and match speed on the bench corpus.

Coverage: for each gold event (cameo != 010) in a gold JSONL file, does the sentence have a lexicon
match whose words fall inside the gold ``trigger`` text, with the same CAMEO root (and the exact
code)?  Misses are listed to find vocabulary gaps (fix them with general entries, not per sentence).

Per root: gold events, share with a lexicon match of the right root / exact code inside the
trigger, and how many have only a wrong-root match there (a wrong code rather than a gap).

Speed: tokens/s of ``Lexicon.match`` over the first N bench articles, tokenised with
``spacy.blank("id")``.

Frequency review (``--freq N``): the N most frequent entries on the bench articles with two
contexts each -- the place to spot non-event senses (fix them with stop entries, 00.tsv).

    .venv/bin/python scripts/lexicon_coverage.py [--gold ../shared/gold/dev.jsonl]
        [--bench ../shared/data/bench/articles.jsonl.gz --articles 500] [--misses] [--freq 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

from warta.lang import load_lang
from warta.lexicon import Lexicon

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text)]


def coverage(lex: Lexicon, gold: Path, show_misses: bool) -> dict[str, float]:
    n = root_hits = code_hits = 0
    misses: list[str] = []
    by_root: dict[str, list[int]] = {}  # root -> [events, root hit, code hit, wrong code only]
    for line in gold.open(encoding="utf-8"):
        rec = json.loads(line)
        words = tokens(rec["text"])
        matches = lex.match(words)
        for ev in rec["events"]:
            if ev["cameo"] == "010":
                continue
            n += 1
            trig = {w for w in tokens(ev.get("trigger", "")) if w != "..."}
            inside = [m for m in matches if any(w in trig for w in words[m.start : m.end])]
            roots = {m.entry.cameo[:2] for m in inside}
            codes = {m.entry.cameo for m in inside}
            row = by_root.setdefault(ev["cameo"][:2], [0, 0, 0, 0])
            row[0] += 1
            if ev["cameo"][:2] in roots:
                root_hits += 1
                code_hits += ev["cameo"] in codes
                row[1] += 1
                row[2] += ev["cameo"] in codes
            else:
                row[3] += bool(inside)
                got = ", ".join(f"{m.entry.cameo}:{' '.join(words[m.start:m.end])}" for m in inside)
                misses.append(f"{rec['id']}\t{ev['cameo']}\t{ev.get('trigger', '')}\t[{got}]")
    if show_misses:
        for m in misses:
            print(m)  # noqa: T201 - script output
    print("root  events  root-hit  code-hit  wrong-code")  # noqa: T201
    for root in sorted(by_root):
        ev_n, rh, ch, wc = by_root[root]
        print(f"{root}    {ev_n:6d}  {rh / ev_n:8.0%}  {ch / ev_n:8.0%}  {wc:10d}")  # noqa: T201
    return {"events": n, "root": root_hits / max(n, 1), "code": code_hits / max(n, 1)}


def frequent(lex: Lexicon, bench: Path, articles: int, top: int) -> None:
    """Print the most frequent entries on the bench articles with two contexts each."""
    import spacy

    nlp = spacy.blank("id")
    counts: dict[int, int] = {}
    examples: dict[int, list[str]] = {}
    with gzip.open(bench, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= articles:
                break
            rec = json.loads(line)
            toks = [t.text for t in nlp(rec.get("text") or rec.get("body") or "")]
            for m in lex.match([t.lower() for t in toks]):
                eid = m.entry.id
                counts[eid] = counts.get(eid, 0) + 1
                ex = examples.setdefault(eid, [])
                if len(ex) < 2:
                    ex.append(" ".join(toks[max(0, m.start - 6) : m.end + 5]))
    for eid in sorted(counts, key=lambda e: -counts[e])[:top]:
        e = lex.entries[eid]
        flags = ",".join(sorted(e.flags))
        print(f"{counts[eid]:5d}  {e.cameo:5s} {e.pattern!r} [{flags}]  "  # noqa: T201
              + " || ".join(examples[eid]))


def speed(lex: Lexicon, bench: Path, articles: int) -> dict[str, float]:
    import spacy

    nlp = spacy.blank("id")
    docs: list[list[str]] = []
    with gzip.open(bench, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= articles:
                break
            rec = json.loads(line)
            text = rec.get("text") or rec.get("body") or ""
            docs.append([t.text.lower() for t in nlp(text)])
    # sentence-sized chunks: split on full stops
    sents: list[list[str]] = []
    for d in docs:
        cur: list[str] = []
        for t in d:
            cur.append(t)
            if t in (".", "!", "?"):
                sents.append(cur)
                cur = []
        if cur:
            sents.append(cur)
    ntok = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    nmatch = sum(len(lex.match(s)) for s in sents)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sents:
        lex.match(s)
    warm = time.perf_counter() - t0
    return {"tokens": ntok, "matches": nmatch, "cold_tok_s": ntok / cold, "warm_tok_s": ntok / warm}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    ap.add_argument("--bench", type=Path, default=SHARED / "data" / "bench" / "articles.jsonl.gz")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--freq", type=int, default=0, help="list the N most frequent entries")
    args = ap.parse_args()
    t0 = time.perf_counter()
    lex = Lexicon.load(load_lang("id"))
    print(f"entries: {len(lex)}  load: {time.perf_counter() - t0:.2f}s")  # noqa: T201
    cov = coverage(lex, args.gold, args.misses)
    print(  # noqa: T201
        f"gold events: {cov['events']}  root coverage: {cov['root']:.1%}  "
        f"exact code: {cov['code']:.1%}"
    )
    if args.freq and args.bench.exists():
        frequent(lex, args.bench, args.articles, args.freq)
    if not args.no_speed and args.bench.exists():
        sp = speed(lex, args.bench, args.articles)
        print(  # noqa: T201
            f"speed: {sp['tokens']} tokens, {sp['matches']} matches, "
            f"cold {sp['cold_tok_s']:,.0f} tok/s, warm {sp['warm_tok_s']:,.0f} tok/s"
        )


if __name__ == "__main__":
    main()
