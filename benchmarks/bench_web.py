"""Page load times of the dashboard over a synthetic store of N events (default 100,000).

    .venv/bin/python benchmarks/bench_web.py [--events 100000] [--db /tmp/warta_bench_web.duckdb]
        [--browser] [--screenshot docs/screenshots/dyad.png]

Builds the database once (synthetic CodedArticle records through ``Store.add_batch``; reused
if the file exists), then times each page and API route with httpx against uvicorn on
127.0.0.1 (median of 3 after one warm-up); ``--browser`` also times full page loads
(scripts and charts drawn) in headless Chromium.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from warta.codebook import Codebook
from warta.db import Store
from warta.filters import EventFilter
from warta.model import (
    ActorMention,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Place,
    Sentence,
)
from warta.web.live import LiveServer, launch_chromium, screenshot

ACTORS = ["IDN", "CHN", "RUS", "USA", "AUS", "JPN", "MYS", "SGP", "PHL", "THA", "VNM", "KOR",
          "PRK", "IND", "PAK", "ISR", "PSE", "IRN", "SAU", "TUR", "GBR", "FRA", "DEU", "UKR",
          "IGO:UN", "IGO:ASN", "EUR", "BRA", "EGY", "QAT"]
PLACES = [Place(name=n, country=c, lat=la, lon=lo, geo_type=4) for n, c, la, lo in [
    ("Jakarta", "IDN", -6.2, 106.85), ("Beijing", "CHN", 39.9, 116.4), ("Moskow", "RUS", 55.75, 37.62),
    ("Washington", "USA", 38.9, -77.04), ("Canberra", "AUS", -35.28, 149.13), ("Gaza", "PSE", 31.5, 34.47),
    ("Tokyo", "JPN", 35.68, 139.69), ("Kyiv", "UKR", 50.45, 30.52), ("Teheran", "IRN", 35.69, 51.39)]]
EVENTS_PER_ARTICLE = 4


def synth(n_events: int, seed: int = 7) -> list[CodedArticle]:
    rnd = random.Random(seed)
    cb = Codebook.load()
    codes = [e for e in cb if len(e.code) == 3]
    start = date(2023, 1, 1)
    out = []
    for i in range(n_events // EVENTS_PER_ARTICLE):
        sents, events, actors = [], [], []
        parts = []
        pos = 0
        day = start + timedelta(days=rnd.randrange(730))
        for j in range(EVENTS_PER_ARTICLE):
            a, b = rnd.sample(ACTORS, 2)
            code = rnd.choice(codes)
            s_text = f"Pihak {a} melakukan tindakan {code.code} terhadap {b} nomor {i}-{j}."
            s = Sentence(index=j, start=pos, end=pos + len(s_text), text=s_text)
            src = ActorMention(text=a, start=pos + 6, end=pos + 6 + len(a), code=a, name=f"{a} name")
            toff = s_text.index(" terhadap ") + 10
            tgt = ActorMention(text=b, start=pos + toff, end=pos + toff + len(b), code=b)
            trig_off = s_text.index("tindakan")
            events.append(Event(
                source=[src], target=[tgt], cameo=code.code, root=code.root,
                quad_class=code.quad_class, goldstein=code.goldstein, plover=code.plover,
                mode="asserted", trigger="tindakan",
                evidence=Evidence(article_id=f"bench-{i}", sentence_index=j, sentence_text=s_text,
                                  sentence_start=pos, sentence_end=pos + len(s_text),
                                  trigger_start=pos + trig_off, trigger_end=pos + trig_off + 8),
                date=EventDate(value=(day - timedelta(days=j)).isoformat(), precision="day",
                               source="sentence"),
                place=rnd.choice(PLACES) if rnd.random() < 0.4 else None))
            sents.append(s)
            actors += [src, tgt]
            parts.append(s_text)
            pos += len(s_text) + 1
        text = " ".join(parts)
        art = Article(id=f"bench-{i}", text=text, title=f"Artikel uji {i}", outlet=f"outlet{i % 12}.id",
                      published=day.isoformat() + "T08:00:00+07:00", published_source="field")
        out.append(CodedArticle(article=art, sentences=sents, actors=actors, dates=[], places=[],
                                events=events))
    return out


def build(path: Path, n_events: int) -> None:
    t0 = time.perf_counter()
    arts = synth(n_events)
    with Store(path) as s:
        step = 5000
        for k in range(0, len(arts), step):
            s.add_batch(arts[k: k + step])
        stats = s.stats()
    sys.stderr.write(f"built {path}: {stats['events']} events, {stats['articles']} articles "
                     f"in {time.perf_counter() - t0:.1f}s\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/warta_bench_web.duckdb"))
    ap.add_argument("--browser", action="store_true")
    ap.add_argument("--screenshot", type=Path)
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.events)
    pages = ["/", "/events", "/events?actor=IDN", "/events?q=tindakan%20190&limit=50",
             "/events?dyad=IDN~CHN&since=2024-01", "/dyad?a=IDN&b=CHN", "/dyad?a=IDN&b=CHN&by=week",
             "/network", "/map", "/actors", "/articles", "/articles/bench-1"]
    with LiveServer(args.db) as srv:
        first = srv.app.state.queries.events(EventFilter(), limit=1)["items"][0]["id"]
        pages.append(f"/events/{first}")
        sys.stdout.write(f"{'route':45s} {'html ms':>9s} {'json ms':>9s} {'KB':>7s}\n")
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            for p in pages:
                row = []
                for fmt in ("html", "json"):
                    sep = "&" if "?" in p else "?"
                    url = f"{p}{sep}format={fmt}"
                    c.get(url).raise_for_status()
                    ts = []
                    for _ in range(3):
                        t0 = time.perf_counter()
                        r = c.get(url)
                        ts.append((time.perf_counter() - t0) * 1000)
                    row.append(statistics.median(ts))
                sys.stdout.write(f"{p:45s} {row[0]:9.1f} {row[1]:9.1f} {len(r.content) / 1024:7.1f}\n")
        if args.browser:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                b = launch_chromium(pw)
                pg = b.new_page(viewport={"width": 1200, "height": 900})
                for p, ready in (("/", "#latest"), ("/events?actor=IDN", "table.events"),
                                 ("/dyad?a=IDN&b=CHN", "#chart-quad[data-ready='1']"),
                                 (f"/events/{first}", "blockquote.evidence"),
                                 ("/articles/bench-1", "#article-text"),
                                 ("/network", "#network[data-ready='1']"), ("/map", "#map[data-land='1']")):
                    pg.goto(srv.url + p)
                    t0 = time.perf_counter()
                    pg.goto(srv.url + p)
                    pg.wait_for_selector(ready)
                    sys.stdout.write(f"browser {p:37s} {(time.perf_counter() - t0) * 1000:9.1f} ms\n")
                b.close()
    if args.screenshot:
        screenshot(args.db, args.screenshot)


if __name__ == "__main__":
    main()
