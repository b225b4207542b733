"""Joint and reciprocal mentions: one event per source × target pair, with correct counts."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from fixtures_store import snapshot, split_sentences
from test_db import run_and_kill

from warta.codebook import Codebook
from warta.db import Store
from warta.dedup import ActorPair, mention_pairs
from warta.export import GDELT_COLUMNS, export
from warta.model import ActorMention, Article, CodedArticle, Event, EventDate, Evidence

REPO = Path(__file__).resolve().parent.parent

Spec = tuple[str, str, str | None]  # surface, code, role


def _actor(sent_start: int, sent_text: str, spec: Spec) -> ActorMention:
    surface, code, role = spec
    off = sent_text.index(surface)
    return ActorMention(text=surface, start=sent_start + off, end=sent_start + off + len(surface),
                        code=code, role=role, name=surface.upper())


def joint_article(aid: str, outlet: str, published: str, text: str, sources: list[Spec],
                  targets: list[Spec], cameo: str, trigger: str,
                  date: tuple[str, str] = ("2024-10-22", "day")) -> CodedArticle:
    """One coded event in the first sentence with any number of sources and targets."""
    cb = Codebook.load()
    s = split_sentences(text)[0]
    src = [_actor(s.start, s.text, x) for x in sources]
    tgt = [_actor(s.start, s.text, x) for x in targets]
    t_off = s.text.index(trigger)
    entry = cb.get(cameo)
    ev = Event(source=src, target=tgt, cameo=cameo, root=entry.root, quad_class=entry.quad_class,
               goldstein=entry.goldstein, plover=entry.plover, mode="asserted", trigger=trigger,
               evidence=Evidence(article_id=aid, sentence_index=s.index, sentence_text=s.text,
                                 sentence_start=s.start, sentence_end=s.end,
                                 trigger_start=s.start + t_off,
                                 trigger_end=s.start + t_off + len(trigger)),
               date=EventDate(value=date[0], precision=date[1], source="sentence"),  # type: ignore[arg-type]
               confidence=0.8, explanation={"rule": "fixture"})
    art = Article(id=aid, text=text, title=text.split(".")[0], url=f"https://{outlet}/{aid}",
                  outlet=outlet, published=published, published_source="field",
                  ingested=published[:19])
    return CodedArticle(article=art, sentences=split_sentences(text), actors=src + tgt, dates=[],
                        places=[], events=[ev])


XI = ("Xi Jinping", "CHN", "GOV")
PUTIN = ("Vladimir Putin", "RUS", "GOV")
CHINA = ("Tiongkok", "CHN", None)
RUSSIA = ("Rusia", "RUS", None)
WEST = ("Barat", "WST", None)

MEET = {
    "kompas.com": "Xi Jinping dan Vladimir Putin bertemu di Kazan pada Selasa (22/10/2024). "
                  "Keduanya membahas kerja sama BRICS.",
    "detik.com": "Di sela KTT BRICS, Xi Jinping dan Vladimir Putin bertemu empat mata. "
                 "Pertemuan berlangsung satu jam.",
    "antaranews.com": "Presiden Xi Jinping dan Presiden Vladimir Putin bertemu di Kazan, Rusia. "
                      "Kedua pemimpin memuji hubungan bilateral.",
}
CONDEMN = "Tiongkok dan Rusia mengecam Barat atas sanksi baru itu. Keduanya menyebut sanksi ilegal."


def meeting(outlet: str, hour: int) -> CodedArticle:
    return joint_article(f"{outlet.split('.')[0]}-meet", outlet, f"2024-10-22T{hour:02d}:00:00",
                         MEET[outlet], [XI, PUTIN], [XI, PUTIN], "040", "bertemu")


def joint_corpus() -> list[CodedArticle]:
    """Three outlets report a reciprocal Xi–Putin meeting; one joint-source condemnation."""
    return [meeting("kompas.com", 9), meeting("detik.com", 10), meeting("antaranews.com", 11),
            joint_article("tempo-condemn", "tempo.co", "2024-10-23T08:00:00", CONDEMN,
                          [CHINA, RUSSIA], [WEST], "111", "mengecam",
                          date=("2024-10-23", "day"))]


def _a(code: str, role: str | None = None) -> dict[str, str | None]:
    return {"code": code, "role": role, "name": None, "text": code.lower()}


@pytest.mark.parametrize(
    ("sources", "targets", "expected"),
    [
        ([_a("CHN")], [_a("RUS")], [("CHN", "RUS")]),
        ([_a("CHN"), _a("RUS")], [_a("WST")], [("CHN", "WST"), ("RUS", "WST")]),
        ([_a("CHN"), _a("RUS")], [_a("CHN"), _a("RUS")], [("CHN", "RUS"), ("RUS", "CHN")]),
        ([_a("CHN")], [_a("CHN"), _a("RUS")], [("CHN", "RUS")]),
        ([_a("CHN")], [], [("CHN", None)]),
        ([_a("CHN"), _a("RUS")], [], [("CHN", None), ("RUS", None)]),
        ([], [_a("RUS")], [(None, "RUS")]),
        ([], [], [(None, None)]),
        # one pair per code: the first mention of a code gives its role
        ([_a("CHN", "GOV"), _a("CHN", "MIL")], [_a("RUS")], [("CHN", "RUS")]),
        # only same-code pairs (a domestic event): kept, so the mention still has an event
        ([_a("IDN", "GOV")], [_a("IDN", "CVL")], [("IDN", "IDN")]),
        ([_a("---")], [_a("---"), _a("UKR")], [("---", "UKR")]),
    ],
)
def test_mention_pairs(sources, targets, expected):
    pairs = mention_pairs(sources, targets)
    assert [(p.source_code, p.target_code) for p in pairs] == expected
    assert [p.index for p in pairs] == list(range(len(expected)))


def test_pair_keeps_role_and_name():
    (p,) = mention_pairs([{"code": "CHN", "role": "GOV", "name": "XI JINPING", "text": "Xi"}],
                         [{"code": "RUS", "role": None, "name": None, "text": "Rusia"}])
    assert p == ActorPair(0, "CHN", "GOV", "XI JINPING", "RUS", None, "Rusia")


@pytest.fixture(scope="module")
def store():
    s = Store()
    s.add_batch(joint_corpus())
    yield s
    s.close()


def _dyads(store: Store) -> dict[tuple[str, str], dict]:
    return {(e["source_code"], e["target_code"]): e for e in store.events()}


def test_joint_source_mention_yields_two_events(store):
    evs = _dyads(store)
    for src in ("CHN", "RUS"):
        e = evs[(src, "WST")]
        assert (e["num_mentions"], e["num_sources"], e["num_articles"], e["cameo"]) == (
            1, 1, 1, "111")
        assert e["rep_mention_id"] == "tempo-condemn:0"
        (m,) = store.event(e["id"])["mentions"]
        assert m["trigger"] == "mengecam"
    (m,) = store.mentions(q="mengecam")
    assert m["event_ids"] == [evs[("CHN", "WST")]["id"], evs[("RUS", "WST")]["id"]]
    assert m["event_id"] == evs[("CHN", "WST")]["id"]  # the primary pair
    # the second source is found by actor and dyad filters, on events and on mentions
    assert [e["source_code"] for e in store.events(actor="RUS", code="11")] == ["RUS"]
    assert len(store.mentions(dyad="RUS-WST")) == 1


def test_reciprocal_mention_gives_both_directions_and_no_self_pair(store):
    evs = _dyads(store)
    assert ("CHN", "CHN") not in evs and ("RUS", "RUS") not in evs
    assert store.count_events(dyad=("CHN", "RUS")) == 1
    assert store.count_events(dyad=("RUS", "CHN")) == 1
    assert store.query("SELECT count(*) AS n FROM events WHERE source_code = target_code")[0][
        "n"] == 0
    fwd, back = evs[("CHN", "RUS")], evs[("RUS", "CHN")]
    assert (fwd["source_name"], fwd["target_name"]) == ("XI JINPING", "VLADIMIR PUTIN")
    assert (back["source_name"], back["target_name"]) == ("VLADIMIR PUTIN", "XI JINPING")
    assert fwd["id"] != back["id"] and fwd["date_value"] == back["date_value"] == "2024-10-22"


def test_three_outlets_joint_event_one_event_per_pair(store):
    evs = _dyads(store)
    for pair in (("CHN", "RUS"), ("RUS", "CHN")):
        e = evs[pair]
        assert (e["num_mentions"], e["num_sources"], e["num_articles"]) == (3, 3, 3), pair
        assert e["rep_article_id"] == "kompas-meet"  # earliest published
        assert e["first_published"].isoformat() == e["last_published"].isoformat() == "2024-10-22"
        assert {m["outlet"] for m in store.event(e["id"])["mentions"]} == set(MEET)
    assert len(store.mentions()) == 4 and len(store.events()) == 4


def test_dyad_series_and_actors_include_pairs(store):
    (row,) = store.dyad_series("CHN", "RUS", by="month")
    assert (str(row["period"]), row["events"], row["mentions"], row["q1_verbal_coop"]) == (
        "2024-10-01", 2, 6, 2)
    assert [r["events"] for r in store.dyad_series("RUS", "CHN", directed=True)] == [1]
    assert [r["events"] for r in store.dyad_series("RUS", "WST")] == [1]
    actors = {(a["code"], a["role"]): a for a in store.actors()}
    assert actors[("RUS", None)]["events_as_source"] == 1  # the second source of 'mengecam'
    assert actors[("RUS", "GOV")]["events_as_source"] == 1
    assert actors[("RUS", "GOV")]["events_as_target"] == 1


def test_gdelt_export_includes_pair_events(store, tmp_path):
    out = tmp_path / "joint.tsv"
    assert export(store, "gdelt", out)["rows"] == 4
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == list(GDELT_COLUMNS)
    got = sorted(zip(df.Actor1Code, df.Actor2Code, df.NumSources, strict=True))
    assert got == [("CHN", "WST", "1"), ("CHNGOV", "RUSGOV", "3"), ("RUS", "WST", "1"),
                   ("RUSGOV", "CHNGOV", "3")]
    side = pd.read_csv(str(out) + ".warta.tsv", sep="\t", dtype=str, keep_default_na=False)
    ids = dict(zip(side.GLOBALEVENTID, side.mention_ids, strict=True))
    rus_wst = df[df.Actor1Code == "RUS"].GLOBALEVENTID.iloc[0]
    assert ids[rus_wst] == "tempo-condemn:0"
    # a dyad filter on the export keeps one direction
    assert export(store, "gdelt", tmp_path / "f.tsv", dyad="RUS-CHN")["rows"] == 1


def _tables(store: Store) -> dict[str, list[tuple]]:
    snap = snapshot(store)
    snap["event_mentions"] = store.con.execute(
        "SELECT * FROM event_mentions ORDER BY ALL").fetchall()
    return snap


def test_shuffled_and_split_input_gives_identical_tables():
    with Store() as ref:
        ref.add_batch(joint_corpus())
        want = _tables(ref)
    assert all(r[0] is not None for r in want["event_mentions"])
    rng = random.Random(11)
    for _ in range(4):
        order = joint_corpus()
        rng.shuffle(order)
        cut = rng.randint(1, len(order) - 1)
        with Store() as s:
            s.add_batch(order[:cut])
            s.add_batch(order[cut:])
            assert _tables(s) == want
            s.rebuild_events()
            assert _tables(s) == want


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{repo!r}, {tests!r}]
    from test_pairs import joint_corpus
    from warta.db import Store

    def slow():
        for i, ca in enumerate(joint_corpus()):
            yield ca
            if i == 2:
                open({marker!r}, "w").close()
                time.sleep(120)

    with Store({db!r}) as s:
        s.add_batch(slow(), chunk_size=1)
""")


def test_kill_during_joint_ingest_then_rerun_equals_clean_run(tmp_path):
    db = tmp_path / "killed.duckdb"
    marker = tmp_path / "marker"
    with Store(db) as s:
        s.add_batch(joint_corpus()[3:])  # an earlier, committed batch
        committed = _tables(s)
    script = KILL_SCRIPT.format(repo=str(REPO), tests=str(REPO / "tests"), marker=str(marker),
                                db=str(db))
    run_and_kill(script, marker)
    with Store(db) as s:
        assert _tables(s) == committed
        st = s.add_batch(joint_corpus())
        assert (st.added, st.already_present) == (3, 1)
        rerun = _tables(s)
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.add_batch(joint_corpus())
        assert rerun == _tables(clean)
