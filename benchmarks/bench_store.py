#!/usr/bin/env python3
"""Store benchmark: size per 100,000 events, ingest speed, dedup cost per 1,000 articles.

Synthetic coded articles: filler sentences from the bench corpus (real Indonesian news
sentences, ``shared/data/bench/articles.jsonl.gz``) plus event sentences from hand-made templates
(actors × CAMEO codes), ~3 events per article; ``--joint`` of the events have two sources
("A dan C mengecam B"), half of those reciprocal (targets = both sources, "A dan C bertemu"), so
the source × target pair expansion is measured too.  Run:

    .venv/bin/python benchmarks/bench_store.py --events 100000
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from fixtures_store import Ev, make_article  # noqa: E402

from warta.codebook import Codebook  # noqa: E402
from warta.db import Store  # noqa: E402
from warta.model import ActorMention  # noqa: E402

BENCH = REPO.parent / "shared" / "data" / "bench" / "articles.jsonl.gz"
ACTORS = [("Presiden Joko Widodo", "IDN", "GOV"), ("Xi Jinping", "CHN", "GOV"),
          ("Vladimir Putin", "RUS", "GOV"), ("Militer Israel", "ISR", "MIL"),
          ("Menteri Luar Negeri Australia", "AUS", "GOV"), ("Polri", "IDN", "COP"),
          ("Pemerintah Malaysia", "MYS", "GOV"), ("Joe Biden", "USA", "GOV"),
          ("Kelompok Hamas", "PSE", "REB"), ("PBB", "IGO:UN", None)]
TEMPLATES = [("{a} {t} {b} di ibu kota pada {d}.", "040", "bertemu"),
             ("{a} {t} {b} terkait sengketa perbatasan.", "111", "mengecam"),
             ("{a} {t} perjanjian kerja sama dengan {b}.", "057", "menandatangani"),
             ("{a} {t} {b} dengan rudal dan artileri.", "190", "menyerang"),
             ("{a} {t} {b} untuk memperkuat hubungan dagang.", "036", "mengajak"),
             ("{a} {t} bantuan kemanusiaan kepada {b}.", "070", "mengirimkan")]
_SENT = re.compile(r"(?<=[.!?])\s+")


def filler(n: int) -> list[str]:
    out: list[str] = []
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for line in f:
            out += [s for s in _SENT.split(json.loads(line)["text"]) if 40 < len(s) < 300]
            if len(out) >= n:
                break
    return out


def synthetic(n_events: int, seed: int = 1, joint: float = 0.2):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    cb = Codebook.load()
    fill = filler(60000)
    made = 0
    k = 0
    while made < n_events:
        k += 1
        n_ev = min(rng.randint(1, 5), n_events - made)
        day = rng.randint(1, 28)
        month = rng.randint(1, 12)
        sents: list[str] = []
        evs: list[Ev] = []
        extra: list[tuple[int, tuple[str, str, str | None], bool]] = []
        for i in range(n_ev):
            a, b, c = rng.sample(ACTORS, 3)
            tpl, code, trig = rng.choice(TEMPLATES)
            both = rng.random() < joint
            first = f"{a[0]} dan {c[0]}" if both else a[0]
            sents.append(tpl.format(a=first, b=b[0], t=trig, d=f"{day} Juni"))
            evs.append(Ev(0, a, b, code, trig, date=(f"2024-{month:02d}-{day:02d}", "day")))
            if both:
                extra.append((i, c, rng.random() < 0.5))
        body = rng.sample(fill, rng.randint(6, 14))
        order = list(range(len(sents)))
        text_sents = sents + body
        text = " ".join(s.strip() for s in text_sents)
        for i, e in enumerate(evs):
            e.sentence = order[i]
        ca = make_article(f"syn-{k:07d}", f"outlet{rng.randint(1, 40)}.id",
                          f"2024-{month:02d}-{day:02d}T08:00:00+07:00", text, evs, codebook=cb)
        for i, c, reciprocal in extra:
            ev = ca.events[i]
            start = ev.evidence.sentence_start + ev.evidence.sentence_text.index(f" dan {c[0]}") + 5
            m = ActorMention(text=c[0], start=start, end=start + len(c[0]), code=c[1], role=c[2],
                             name=c[0].upper())
            ev.source.append(m)
            ca.actors.append(m)
            if reciprocal:
                ev.target = list(ev.source)
        yield ca
        made += n_ev


def bench_size(n_events: int, batch: int, joint: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        totals = {"added": 0, "events": 0, "dedup": 0.0, "cluster": 0.0}
        with Store(path) as s:
            buf = []
            for ca in synthetic(n_events, joint=joint):
                buf.append(ca)
                if len(buf) >= batch:
                    st = s.add_batch(buf)
                    buf = []
                    totals["added"] += st.added
                    totals["events"] += st.events
                    totals["dedup"] += st.seconds_dedup
                    totals["cluster"] += st.seconds_cluster
            if buf:
                st = s.add_batch(buf)
                totals["added"] += st.added
                totals["events"] += st.events
                totals["dedup"] += st.seconds_dedup
                totals["cluster"] += st.seconds_cluster
            s.con.execute("CHECKPOINT")
            n_clusters = s.stats()["events"]
            n_pairs = s.query("SELECT count(*) AS n FROM event_mentions")[0]["n"]
        dt = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    per100k = size * 100000 / max(1, totals["events"])
    print(f"synthetic: {totals['added']} articles, {totals['events']} event mentions, "
          f"{n_clusters} clustered events, {n_pairs} mention-event links "
          f"({joint:.0%} joint/reciprocal mentions)")
    print(f"  database size {size:.1f} MB → {per100k:.1f} MB per 100,000 events "
          f"(articles with full text included)")
    print(f"  wall time {dt:.1f} s (incl. building the synthetic records); "
          f"dedup {totals['dedup']:.1f} s, clustering {totals['cluster']:.1f} s")


def bench_dedup(n_articles: int, batch: int) -> None:
    docs = []
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            docs.append(make_article(a["id"], a.get("outlet") or "x", a["published"], a["text"],
                                     []))
            if len(docs) >= n_articles:
                break
    with Store() as s:
        s.tone_model  # load once, outside the timing  # noqa: B018
        dedup = total = 0.0
        dups = 0
        for i in range(0, len(docs), batch):
            st = s.add_batch(docs[i:i + batch])
            dedup += st.seconds_dedup
            total += st.seconds
            dups += st.duplicates
    print(f"dedup on {len(docs)} bench articles (batches of {batch}): "
          f"{dedup / len(docs) * 1000:.2f} s per 1,000 articles "
          f"(whole add_batch {total / len(docs) * 1000:.2f} s per 1,000); {dups} duplicates")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--articles", type=int, default=5000, help="bench articles for dedup cost")
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--joint", type=float, default=0.2,
                    help="share of event mentions with two sources (half of them reciprocal)")
    args = ap.parse_args()
    bench_dedup(args.articles, min(args.batch, 1000))
    bench_size(args.events, args.batch, args.joint)


if __name__ == "__main__":
    main()
