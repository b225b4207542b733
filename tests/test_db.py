"""The DuckDB store: batches, idempotency, crash safety, clustering, queries."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fixtures_store import corpus, skips, snapshot

from warta.db import Store, StoreError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs():
    return corpus()


@pytest.fixture(scope="module")
def store(docs):
    s = Store()
    s.add_batch(docs, skips())
    yield s
    s.close()


def xi_event(store):
    evs = store.events(dyad=("CHN", "RUS"), mode="asserted")
    assert len(evs) == 1
    return evs[0]


def test_batch_stats_and_idempotency(docs):
    with Store() as s:
        st = s.add_batch(docs, skips())
        assert (st.added, st.already_present, st.skipped, st.events, st.duplicates) == (
            7, 0, 2, 9, 1)
        before = snapshot(s)
        again = s.add_batch(docs, skips())
        assert (again.added, again.already_present, again.skipped, again.events) == (0, 7, 0, 0)
        assert snapshot(s) == before
        # the same article twice in one batch is stored once
        with Store() as t:
            st2 = t.add_batch([docs[0], docs[0]])
            assert (st2.added, st2.already_present) == (1, 1)


def test_three_outlets_one_event(docs):
    with Store() as s:
        s.add_batch([d for d in docs if d.article.id != "wartasampel-xi"])
        ev = xi_event(s)
        assert (ev["num_mentions"], ev["num_sources"], ev["num_articles"]) == (3, 3, 3)
        assert ev["num_duplicate_mentions"] == 0
        # the month-precision Antara mention joined the 2 October cluster
        assert (ev["date_value"], ev["date_precision"]) == ("2024-10-02", "day")
        assert ev["cameo"] == "040" and ev["quad_class"] == 1
        assert ev["rep_article_id"] == "kompas-xi"  # earliest published original
        assert ev["source_url"] == "https://kompas.com/read/kompas-xi"


def test_syndicated_copy_counts_but_is_flagged(store):
    ev = xi_event(store)
    assert (ev["num_mentions"], ev["num_sources"], ev["num_articles"]) == (4, 4, 4)
    assert ev["num_duplicate_mentions"] == 1
    assert (ev["num_original_articles"], ev["num_original_sources"]) == (3, 3)
    full = store.event(ev["id"])
    assert [m["is_duplicate"] for m in full["mentions"]] == [False, False, False, True]
    assert full["mentions"][-1]["duplicate_of"] == "antara-xi"


def test_negated_mention_is_its_own_event(store):
    evs = store.events(dyad="RUS-CHN")
    assert [(e["cameo"], e["mode"]) for e in evs] == [("190", "negated")]
    assert store.events(dyad="RUS-CHN", mode="asserted") == []


def test_evidence_offsets_point_into_text(store, docs):
    texts = {d.article.id: d.article.text for d in docs}
    ms = store.mentions()
    assert len(ms) == 9
    for m in ms:
        t = texts[m["article_id"]]
        assert t[m["trigger_start"]:m["trigger_end"]] == m["trigger"]
        assert t[m["sentence_start"]:m["sentence_end"]] == m["sentence_text"]
        assert m["sources"][0]["code"] == m["source_code"]
        assert isinstance(m["tone"], float)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 6),
        ({"actor": "CHN"}, 3),
        ({"actor": "CHNGOV"}, 3),
        ({"actor": "IDNMIL"}, 1),
        ({"actor": ["AUS", "PSE"]}, 2),
        ({"dyad": ("CHN", "RUS")}, 1),
        ({"dyad": "IDN,ISR"}, 1),
        ({"since": "2024-10-02"}, 3),  # 02 Oct (day), Oct (month), 04 Oct
        ({"since": "2024-10-01", "until": "2024-10-01"}, 3),  # two on 1 Oct + October
        ({"until": "2024-09-30"}, 1),
        ({"root": "04"}, 1),
        ({"root": ["19", "11"]}, 3),
        ({"quad": 4}, 2),
        ({"quad": [1, 3]}, 4),
        ({"code": "05"}, 1),
        ({"code": "0571"}, 0),
        ({"outlet": "detik.com"}, 1),
        ({"outlet": ["tempo.co", "cnnindonesia.com"]}, 3),
        ({"q": "telepon"}, 1),
        ({"q": "mengecam keras"}, 1),
        ({"mode": "negated"}, 1),
        ({"limit": 2}, 2),
        ({"limit": 10, "offset": 5}, 1),
    ],
)
def test_event_filters(store, filters, expected):
    assert len(store.events(**filters)) == expected


def test_event_dates_fall_back_to_article_date(docs):
    d = corpus()[4]  # tempo-riaus
    d.events[0].date = None
    with Store() as s:
        s.add_batch([d])
        (m,) = s.mentions()
        assert str(m["date_start"]) == "2024-08-29" and m["date_value"] is None
        assert len(s.events(since="2024-08-29", until="2024-08-29")) == 1


def test_event_detail_and_missing(store):
    ev = xi_event(store)
    full = store.event(ev["id"])
    assert full is not None and len(full["mentions"]) == 4
    assert {m["outlet"] for m in full["mentions"]} == {
        "kompas.com", "detik.com", "antaranews.com", "wartasampel.id"}
    assert store.event(123) is None and store.event("nope") is None


def test_dyad_series(store):
    rows = store.dyad_series("CHN", "RUS", by="month")
    assert len(rows) == 1
    r = rows[0]
    assert (str(r["period"]), r["events"], r["mentions"], r["q1_verbal_coop"]) == (
        "2024-10-01", 1, 4, 1)
    assert r["goldstein"] == 1.0
    # undirected by default; negated RUS→CHN is excluded unless asked for
    both = store.dyad_series("RUS", "CHN", by="day", mode=None)
    assert [(str(x["period"]), x["events"]) for x in both] == [
        ("2024-10-02", 1), ("2024-10-03", 0), ("2024-10-04", 1)]
    assert both[0]["q4_material_conflict"] == 0 and both[2]["q4_material_conflict"] == 1
    assert store.dyad_series("RUS", "CHN", directed=True) == []
    assert [x["events"] for x in store.dyad_series("IDN", "ISR", by="year")] == [1]
    with pytest.raises(StoreError):
        store.dyad_series("CHN", "RUS", by="fortnight")


def test_actors_articles_article_skips_stats(store):
    actors = {(a["code"], a["role"]): a for a in store.actors()}
    assert actors[("CHN", "GOV")]["events_as_source"] == 2
    assert actors[("RUS", "GOV")]["events_as_target"] == 1
    assert "XI JINPING" in actors[("CHN", "GOV")]["names"]
    arts = store.articles()
    assert len(arts) == 7 and arts[0]["id"] == "rbc-neg"  # newest first
    assert {a["id"]: a["duplicate_of"] for a in arts}["wartasampel-xi"] == "antara-xi"
    assert [a["id"] for a in store.articles(outlet="tempo.co")] == ["tempo-riaus"]
    assert len(store.articles(since="2024-10-03")) == 4
    assert len(store.articles(q="Canberra")) == 1
    art = store.article("antara-xi")
    assert art is not None and art["text"].startswith("Presiden Xi Jinping")
    assert [len(s["events"]) for s in art["sentences"]] == [1, 0, 1, 0, 0]
    assert art["copies"] == [{"article_id": "wartasampel-xi", "similarity": pytest.approx(
        art["copies"][0]["similarity"])}]
    assert store.article("missing") is None
    assert [s["reason"] for s in store.skips()] == ["undecodable bytes", "empty text"]
    st = store.stats()
    assert (st["articles"], st["mentions"], st["events"], st["skips"], st["duplicates"]) == (
        7, 9, 6, 2, 1)
    assert st["schema_version"] == Store.SCHEMA_VERSION


def test_shuffled_order_and_batching_give_same_database(docs):
    with Store() as ref:
        ref.add_batch(docs, skips())
        want = snapshot(ref)
    rng = random.Random(7)
    for _ in range(4):
        order = list(corpus())
        rng.shuffle(order)
        cut = rng.randint(1, len(order) - 1)
        with Store() as s:
            s.add_batch(order[:cut])
            s.add_batch(order[cut:], skips())
            assert snapshot(s) == want
            s.rebuild_events()
            assert snapshot(s) == want


def test_exception_mid_batch_rolls_back(docs):
    def boom():
        yield from docs[:3]
        raise RuntimeError("disk on fire")

    with Store() as s:
        s.add_batch(docs[3:4])
        before = snapshot(s)
        with pytest.raises(RuntimeError):
            s.add_batch(boom(), chunk_size=1)
        assert snapshot(s) == before
        s.add_batch(docs, skips())
        with Store() as ref:
            ref.add_batch(docs, skips())
            assert snapshot(s) == snapshot(ref)


def test_read_only(tmp_path, docs):
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        s.add_batch(docs[:2])
    with Store(db, read_only=True) as ro:
        assert len(ro.events()) == 1
        with pytest.raises(StoreError):
            ro.add_batch(docs)
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError):
        Store(":memory:", read_only=True)


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{repo!r}, {tests!r}]
    from fixtures_store import corpus, skips
    from warta.db import Store

    def slow():
        for i, ca in enumerate(corpus()):
            yield ca
            if i == 4:
                open({marker!r}, "w").close()
                time.sleep(120)

    with Store({db!r}) as s:
        s.add_batch(slow(), skips(), chunk_size=2)
""")


def run_and_kill(script: str, marker: Path) -> None:
    """Run ``script`` in a subprocess, SIGKILL it once it has created ``marker`` (mid-batch)."""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "ingest subprocess never reached the batch"
            time.sleep(0.05)
        time.sleep(0.2)  # rows of the first chunks are written, uncommitted
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def test_kill_during_ingest_then_rerun_equals_clean_run(tmp_path, docs):
    db = tmp_path / "killed.duckdb"
    marker = tmp_path / "marker"
    with Store(db) as s:
        s.add_batch(docs[4:6])  # an earlier, committed batch
        committed = snapshot(s)
    script = KILL_SCRIPT.format(repo=str(REPO), tests=str(REPO / "tests"), marker=str(marker),
                                db=str(db))
    run_and_kill(script, marker)
    with Store(db) as s:
        assert snapshot(s) == committed  # the killed batch left nothing behind
        st = s.add_batch(corpus(), skips())  # re-run
        assert (st.added, st.already_present) == (5, 2)
        rerun = snapshot(s)
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.add_batch(corpus(), skips())
        assert rerun == snapshot(clean)
