"""Schema migrations: a v1 database (foundation tables) opens with the current code."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest
from fixtures_store import corpus, skips

from warta.db import V1_DDL, Store, StoreError


def write_v1(path, docs, skip_rows) -> None:
    """Create a v1 database exactly as the v1 code wrote it (DDL + rows)."""
    con = duckdb.connect(str(path))
    for stmt in V1_DDL:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP, 'v1')")
    for ca in docs:
        a = ca.article
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
            [a.id, a.title, a.url, a.outlet, a.published, date.fromisoformat(a.published[:10]),
             a.published_source, a.dateline_place, a.source_path, a.external_id, a.ingested,
             a.language, a.text, len(ca.sentences), len(ca.events)],
        )
        for s in ca.sentences:
            con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                        [a.id, s.index, s.start, s.end, s.text])
        for m in ca.actors:
            con.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [a.id, m.text, m.start, m.end, m.code, m.role, m.name, m.resolved_by,
                         m.entity])
        for i, e in enumerate(ca.events):
            ev, p, d = e.evidence, e.place, e.date
            actors = [[{"text": x.text, "start": x.start, "end": x.end, "code": x.code,
                        "role": x.role, "name": x.name, "resolved_by": x.resolved_by,
                        "entity": x.entity} for x in side] for side in (e.source, e.target)]
            con.execute(
                "INSERT INTO events VALUES (" + ", ".join(["?"] * 33) + ")",
                [f"{a.id}:{i}", a.id, i, ev.sentence_index, ev.sentence_text, ev.sentence_start,
                 ev.sentence_end, ev.trigger_start, ev.trigger_end, e.source_code,
                 e.source[0].role, e.target_code, e.target[0].role, json.dumps(actors[0]),
                 json.dumps(actors[1]), e.cameo, e.root, e.quad_class, e.goldstein, e.plover,
                 e.mode, e.trigger, d.value if d else None, d.precision if d else None,
                 d.source if d else None, p.name if p else None, p.country if p else None,
                 p.admin1 if p else None, p.lat if p else None, p.lon if p else None,
                 p.geo_type if p else None, e.confidence, json.dumps(e.explanation)],
            )
    for s in skip_rows:
        con.execute("INSERT INTO skips VALUES (?, ?, now())", [s.source, s.reason])
    con.close()


EVENT_KEYS = ("id", "ekey", "date_value", "date_precision", "date_start", "source_code",
              "target_code", "cameo", "mode", "num_mentions", "num_sources", "num_articles",
              "num_duplicate_mentions", "avg_tone", "rep_article_id", "place_name")


def test_v1_database_migrates_to_current(tmp_path):
    db = tmp_path / "v1.duckdb"
    write_v1(db, corpus(), skips())
    with Store(db) as s:
        assert s.schema_version() == Store.SCHEMA_VERSION
        versions = [r[0] for r in s.con.execute(
            "SELECT version FROM schema_version ORDER BY version").fetchall()]
        assert versions == [1, 2, 3]
        migrated = [{k: e[k] for k in EVENT_KEYS} for e in s.events()]
        ms = s.mentions()
        assert len(ms) == 9 and all(m["date_start"] is not None for m in ms)
        assert all(m["tone"] is not None and m["event_id"] is not None for m in ms)
        assert s.duplicates()[0]["article_id"] == "wartasampel-xi"
        assert {a["id"]: a["tone"] is not None for a in s.articles()} == {
            d.article.id: True for d in corpus()}
        assert len(s.skips()) == 2
        # the migrated database keeps working: re-adding is a no-op, new data clusters in
        st = s.add_batch(corpus())
        assert (st.added, st.already_present) == (0, 7)
    with Store() as fresh:
        fresh.add_batch(corpus(), skips())
        want = [{k: e[k] for k in EVENT_KEYS} for e in fresh.events()]
    assert migrated == want


def test_partial_v1_then_new_batch(tmp_path):
    db = tmp_path / "v1b.duckdb"
    docs = corpus()
    write_v1(db, docs[:2], [])
    with Store(db) as s:
        s.add_batch(docs[2:])
        ev = s.events(dyad=("CHN", "RUS"), mode="asserted")[0]
        assert (ev["num_mentions"], ev["num_duplicate_mentions"]) == (4, 1)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "future.duckdb"
    with Store(db) as s:
        s.con.execute("INSERT INTO schema_version VALUES (99, now()::TIMESTAMP, 'future')")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_read_only_old_schema_is_refused(tmp_path):
    db = tmp_path / "old.duckdb"
    write_v1(db, corpus()[:1], [])
    with pytest.raises(StoreError, match="migrate"):
        Store(db, read_only=True)
    with Store(db) as s:
        assert s.schema_version() == Store.SCHEMA_VERSION
    with Store(db, read_only=True) as ro:
        assert len(ro.mentions()) == 1


class StoreV2(Store):
    """The store as the v2 code left a database (migrations 1 and 2 only)."""

    SCHEMA_VERSION = 2

    def migrations(self):  # type: ignore[no-untyped-def]
        return super().migrations()[:2]


def test_v2_database_with_first_pair_clusters_migrates_to_pairs(tmp_path):
    from test_pairs import joint_corpus

    db = tmp_path / "v2.duckdb"
    docs = joint_corpus()
    write_v1(db, docs, [])
    with StoreV2(db) as s:
        assert s.schema_version() == 2
        tables = {r[0] for r in s.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        assert "event_mentions" not in tables
        # what the v2 code stored: every mention clustered on its first source and target
        for mid, src, tgt, key in (
                ("kompas-meet:0", "CHN", "CHN", "CHN|CHN|04|asserted|2024-10-22"),
                ("tempo-condemn:0", "CHN", "WST", "CHN|WST|11|asserted|2024-10-23")):
            s.con.execute("INSERT INTO events (id, ekey, source_code, target_code, num_mentions) "
                          "VALUES (hash(?) >> 1, ?, ?, ?, 1)", [key, key, src, tgt])
            s.con.execute("UPDATE mentions SET event_id = hash(?) >> 1 WHERE id = ?", [key, mid])
    with Store(db) as s:
        assert [r[0] for r in s.con.execute(
            "SELECT version FROM schema_version ORDER BY version").fetchall()] == [1, 2, 3]
        got = sorted((e["source_code"], e["target_code"], e["num_mentions"], e["num_sources"])
                     for e in s.events())
        assert got == [("CHN", "RUS", 3, 3), ("CHN", "WST", 1, 1), ("RUS", "CHN", 3, 3),
                       ("RUS", "WST", 1, 1)]
        links = s.query("SELECT * FROM event_mentions ORDER BY mention_id, pair_index")
        assert len(links) == 8 and all(r["event_id"] is not None for r in links)
        migrated = sorted(tuple(e[k] for k in EVENT_KEYS) for e in s.events())
        assert s.count_events(dyad="CHN~RUS") == 2
    with Store() as fresh:
        fresh.add_batch(docs)
        assert migrated == sorted(tuple(e[k] for k in EVENT_KEYS) for e in fresh.events())
