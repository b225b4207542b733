"""Near-duplicate articles (MinHash LSH) and event clustering across articles."""

from __future__ import annotations

import gzip
import itertools
import json
import random
import re
from dataclasses import replace

import pytest
from fixtures_store import corpus, make_article

from warta.db import Store
from warta.dedup import (
    DEFAULT_THRESHOLD,
    Deduper,
    DocRef,
    cluster_mentions,
    find_duplicates,
    shingles,
    stable_event_id,
)

_SENT = re.compile(r"(?<=[.!?])\s+")


def test_shingles():
    assert shingles("Satu dua tiga empat lima enam.", k=5) == {
        b"satu dua tiga empat lima", b"dua tiga empat lima enam"}
    assert shingles("Dua kata", k=5) == {b"dua kata"}
    assert shingles("", k=5) == set()


def test_signature_is_deterministic_and_similarity_sane():
    d1, d2 = Deduper(), Deduper()
    text = corpus()[0].article.text
    assert (d1.signature(text) == d2.signature(text)).all()
    assert d1.band_keys(d1.signature(text)) == d2.band_keys(d2.signature(text))
    other = corpus()[4].article.text
    assert Deduper.similarity(d1.signature(text), d1.signature(other)) < 0.1
    sig = d1.signature(text)
    assert (Deduper.from_bytes(Deduper.to_bytes(sig)) == sig).all()
    with pytest.raises(ValueError):
        Deduper(threshold=1.5)


def test_fixture_syndicated_copy_is_linked():
    docs = [DocRef(c.article.id, c.article.published, c.article.text) for c in corpus()]
    assert find_duplicates(docs) == {"wartasampel-xi": ("antara-xi", pytest.approx(0.75,
                                                                                  abs=0.15))}


def _jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / max(1, len(a | b))


@pytest.fixture(scope="module")
def planted(shared):
    """Real-sentence articles + planted lightly edited copies + heavily edited non-copies."""
    rng = random.Random(20240101)
    base = []
    with gzip.open(shared / "data" / "bench" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, 320):
            a = json.loads(line)
            base.append(DocRef(a["id"], a["published"], a["text"]))
    # drop base articles that already overlap another base article (the bench corpus has some)
    sh = {d.id: shingles(d.text) for d in base}
    clash = {x.id for x, y in itertools.combinations(base, 2)
             if _jaccard(sh[x.id], sh[y.id]) > 0.2 for x in (x, y)}
    base = [d for d in base if d.id not in clash][:240]
    pool = [s for d in base[200:] for s in _SENT.split(d.text)]
    docs = list(base)
    truth: dict[str, str] = {}
    boiler = [("JAKARTA, KORAN SAMPEL - ", " (ant/red)"), ("", " Baca juga: berita pilihan."),
              ("Warta Sampel, Bandung - ", " Simak berita lainnya di Google News.")]
    for k, d in enumerate(base[:120]):
        sents = _SENT.split(d.text)
        for _ in range(max(1, len(sents) // 10)):  # ~10% of the sentences edited
            if k % 3 == 0:
                sents.pop(rng.randrange(len(sents)))
            elif k % 3 == 1:
                sents[rng.randrange(len(sents))] = rng.choice(pool)
            else:
                sents.pop(rng.randrange(len(sents)))
                sents[rng.randrange(len(sents))] = rng.choice(pool)
        pre, post = boiler[k % 3]
        cid = f"copy-{k:03d}"
        docs.append(DocRef(cid, "2100-01-01T00:00:00", pre + " ".join(sents) + post))
        truth[cid] = d.id
    for k, d in enumerate(base[120:160]):  # half the article rewritten: not a copy
        sents = _SENT.split(d.text)
        h = len(sents) // 2
        docs.append(DocRef(f"half-{k:03d}", "2100-01-01T00:00:00",
                           " ".join(sents[:h] + [rng.choice(pool) for _ in sents[h:]])))
    return docs, truth


def _precision_recall(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    tp = sum(1 for c, o in found.items() if truth.get(c) == o)
    return tp / max(1, len(found)), tp / max(1, len(truth))


def test_planted_copies_precision_recall(planted):
    docs, truth = planted
    found = {c: o for c, (o, _) in find_duplicates(docs, Deduper(DEFAULT_THRESHOLD)).items()}
    p, r = _precision_recall(found, truth)
    print(f"planted copies: n={len(truth)} found={len(found)} precision={p:.3f} recall={r:.3f}")
    assert p >= 0.95 and r >= 0.9
    assert not any(c.startswith("half-") for c in found)


def test_store_dedup_matches_batch_dedup_in_any_order(planted):
    docs, truth = planted
    want = {c: o for c, (o, _) in find_duplicates(docs).items()}
    sub = [d for d in docs if d.id in want or d.id in set(want.values())][:80]
    sub_want = {c: o for c, o in want.items() if c in {d.id for d in sub}
                and o in {d.id for d in sub}}
    coded = [make_article(d.id, "sampel.id", d.published or "2025-01-01", d.text, [])
             for d in sub]
    rng = random.Random(3)
    results = []
    for _ in range(2):
        rng.shuffle(coded)
        with Store() as s:
            for i in range(0, len(coded), 25):
                s.add_batch(coded[i:i + 25])
            results.append({r["article_id"]: r["original_id"] for r in s.duplicates()})
    assert results[0] == results[1] == sub_want


def test_original_is_earliest_even_when_added_later():
    docs = corpus()
    antara, synd = docs[2], docs[3]
    with Store() as s:
        s.add_batch([synd])
        assert s.duplicates() == []
        s.add_batch([antara])
        assert [(d["article_id"], d["original_id"]) for d in s.duplicates()] == [
            ("wartasampel-xi", "antara-xi")]
        ev = s.events(dyad=("CHN", "RUS"))[0]
        assert (ev["num_duplicate_mentions"], ev["rep_article_id"]) == (1, "antara-xi")


# ------------------------------------------------------------------ clustering


def _m(i, src="CHN", tgt="RUS", root="04", mode="asserted", value="2024-10-02",
       prec="day", place=""):
    return {"id": f"m{i}", "source_code": src, "target_code": tgt, "root": root, "mode": mode,
            "date_value": value, "date_precision": prec, "place": place}


@pytest.mark.parametrize(
    ("mentions", "groups"),
    [
        # same day → one event
        ([_m(1), _m(2)], [{"m1", "m2"}]),
        # month joins the day cluster of that month
        ([_m(1), _m(2, value="2024-10", prec="month")], [{"m1", "m2"}]),
        # month joins the bigger day cluster, then the earlier one on ties
        ([_m(1, value="2024-10-05"), _m(2, value="2024-10-09"), _m(3, value="2024-10-09"),
          _m(4, value="2024-10", prec="month")], [{"m1"}, {"m2", "m3", "m4"}]),
        ([_m(1, value="2024-10-05"), _m(2, value="2024-10-09"),
          _m(3, value="2024-10", prec="month")], [{"m1", "m3"}, {"m2"}]),
        # month of another month does not join
        ([_m(1), _m(2, value="2024-11", prec="month")], [{"m1"}, {"m2"}]),
        # year joins the largest cluster in the year
        ([_m(1), _m(2, value="2024", prec="year")], [{"m1", "m2"}]),
        ([_m(1, value="2024", prec="year"), _m(2, value="2024", prec="year")], [{"m1", "m2"}]),
        # different day, mode, root or direction → different events
        ([_m(1), _m(2, value="2024-10-03")], [{"m1"}, {"m2"}]),
        ([_m(1), _m(2, mode="negated")], [{"m1"}, {"m2"}]),
        ([_m(1), _m(2, root="19")], [{"m1"}, {"m2"}]),
        ([_m(1), _m(2, src="RUS", tgt="CHN")], [{"m1"}, {"m2"}]),
        # undated mentions share one undated cluster per group
        ([_m(1, value=None, prec=None), _m(2, value=None, prec=None)], [{"m1", "m2"}]),
    ],
)
def test_cluster_rules(mentions, groups):
    assign = cluster_mentions(mentions)
    got: dict[int, set[str]] = {}
    for a in assign:
        got.setdefault(a.event_id, set()).add(a.mention_id)
    assert sorted(got.values(), key=min) == sorted(groups, key=min)
    # any input order gives the same assignment
    for perm in itertools.islice(itertools.permutations(mentions), 6):
        assert cluster_mentions(list(perm)) == assign


def test_cluster_by_place_is_optional():
    ms = [_m(1, place="Jakarta"), _m(2, place="Bandung")]
    assert len({a.event_id for a in cluster_mentions(ms)}) == 1
    assert len({a.event_id for a in cluster_mentions(ms, by_place=True)}) == 2


def test_stable_ids():
    key = "CHN|RUS|04|asserted|2024-10-02"
    assert stable_event_id(key) == stable_event_id(key) > 0
    assert stable_event_id(key) < 2**63
    a = cluster_mentions([_m(1)])[0]
    assert a.key == key and a.event_id == stable_event_id(key)


def test_three_outlets_one_event_after_shuffles():
    docs = [d for d in corpus() if d.article.id != "wartasampel-xi"]
    seen = set()
    for seed in range(3):
        order = list(docs)
        random.Random(seed).shuffle(order)
        with Store() as s:
            for d in order:
                s.add_batch([replace(d)])
            ev = s.events(dyad=("CHN", "RUS"))[0]
            seen.add((ev["id"], ev["num_mentions"], ev["num_sources"], ev["num_articles"],
                      ev["date_value"]))
    assert seen == {(stable_event_id("CHN|RUS|04|asserted|2024-10-02"), 3, 3, 3, "2024-10-02")}
