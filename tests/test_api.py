"""Python API: warta.open(db) → DataFrames, raw SQL, plots."""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures_store import corpus, skips

from warta.api import DYAD_COLUMNS, Warta, open_db, plot_dyad
from warta.db import Store


@pytest.fixture(scope="module")
def w(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "w.duckdb"
    with Store(db) as s:
        s.add_batch(corpus(), skips())
    api = open_db(db, read_only=True)
    yield api
    api.close()


def test_open_returns_dataframes(w):
    assert isinstance(w, Warta) and "w.duckdb" in repr(w)
    ev = w.events()
    assert isinstance(ev, pd.DataFrame) and len(ev) == 6
    assert {"id", "source_code", "target_code", "cameo", "num_mentions", "num_sources",
            "avg_tone"} <= set(ev.columns)
    xi = w.events(dyad=("CHN", "RUS"), mode="asserted")
    assert xi.loc[0, "num_sources"] == 4
    ms = w.mentions(actor="CHN")
    assert len(ms) == 6 and "sentence_text" in ms.columns and "is_duplicate" in ms.columns
    assert int(ms["is_duplicate"].sum()) == 1
    assert len(w.mentions(event_id=int(xi.loc[0, "id"]))) == 4


def test_empty_results_keep_columns(w):
    ev = w.events(actor="XXX")
    assert ev.empty and "num_mentions" in ev.columns
    assert w.mentions(actor="XXX").empty and "trigger" in w.mentions(actor="XXX").columns
    assert list(w.dyad("XXX", "YYY").columns) == list(DYAD_COLUMNS)


def test_dyad_actors_articles_sql(w):
    d = w.dyad("CHN", "RUS", by="month")
    assert list(d.columns) == list(DYAD_COLUMNS)
    assert d["events"].tolist() == [1]
    a = w.actors()
    assert a.iloc[0]["code"] == "CHN"
    arts = w.articles(outlet="kompas.com")
    assert arts["id"].tolist() == ["kompas-xi"]
    q = w.sql("SELECT root, count(*) AS n FROM events WHERE quad_class = ? GROUP BY 1 "
              "ORDER BY 1", [4])
    assert q.to_dict("records") == [{"root": "19", "n": 2}]
    assert w.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 9
    assert w.article("kompas-xi")["outlet"] == "kompas.com"
    assert w.event(int(w.events(dyad="IDN-AUS").loc[0, "id"]))["place_name"] == "Canberra"
    assert len(w.skips()) == 2 and w.stats()["events"] == 6


def test_open_memory_and_store():
    with open_db() as w:
        assert w.events().empty
    s = Store()
    s.add_batch(corpus()[:1])
    assert len(open_db(s).events()) == 1
    with pytest.raises(ValueError):
        open_db(s, frame="arrow")


def test_polars_frame_optional():
    pl = pytest.importorskip("polars")
    s = Store()
    s.add_batch(corpus())
    assert isinstance(open_db(s, frame="polars").events(), pl.DataFrame)


def test_plot_dyad(w, tmp_path):
    out = plot_dyad(w.dyad("RUS", "CHN", by="day", mode=None), tmp_path / "d.png",
                    title="CHN–RUS")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    empty = plot_dyad([], tmp_path / "e.png")
    assert empty.stat().st_size > 0
