"""Exports: GDELT 2.0 (61 columns + Warta side file), Parquet, CSV, JSONL, SQLite."""

from __future__ import annotations

import csv
import json
import re
import sqlite3

import pandas as pd
import pyarrow.parquet as pq
import pytest
from fixtures_store import corpus, skips

from warta.db import Store, StoreError
from warta.export import GDELT_COLUMNS, WARTA_SIDE_COLUMNS, export

GDELT_61 = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]


@pytest.fixture(scope="module")
def store():
    s = Store()
    s.add_batch(corpus(), skips())
    yield s
    s.close()


def test_gdelt_export_has_the_61_columns(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    res = export(store, "gdelt", out)
    assert len(GDELT_61) == 61 and list(GDELT_COLUMNS) == GDELT_61
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == GDELT_61
    assert len(df) == res["rows"] == len(store.events())  # one row per clustered event
    assert df["GLOBALEVENTID"].is_unique
    with open(out, encoding="utf-8") as f:
        assert all(line.count("\t") == 60 for line in f)
    xi = df[(df.Actor1Code == "CHNGOV") & (df.Actor2Code == "RUSGOV")].iloc[0]
    assert (xi.SQLDATE, xi.MonthYear, xi.Year) == ("20241002", "202410", "2024")
    assert re.fullmatch(r"2024\.\d{4}", xi.FractionDate)
    assert (xi.EventCode, xi.EventBaseCode, xi.EventRootCode, xi.QuadClass) == (
        "040",
        "040",
        "04",
        "1",
    )
    assert (xi.NumMentions, xi.NumSources, xi.NumArticles) == ("4", "4", "4")
    assert (xi.Actor1CountryCode, xi.Actor1Type1Code, xi.Actor1Name) == ("CHN", "GOV", "XI JINPING")
    assert xi.IsRootEvent == "1" and xi.SOURCEURL == "https://kompas.com/read/kompas-xi"
    assert re.fullmatch(r"\d{14}", xi.DATEADDED)
    gaza = df[df.EventCode == "190"].sort_values("Actor1Code").iloc[0]
    assert (gaza.ActionGeo_Type, gaza.ActionGeo_FullName, gaza.ActionGeo_CountryCode) == (
        "4",
        "Gaza",
        "WE",
    )  # FIPS code for the Palestinian territories
    assert float(gaza.ActionGeo_Lat) == pytest.approx(31.5)
    # Warta's extra fields, keyed by GLOBALEVENTID
    side = pd.read_csv(str(out) + ".warta.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert list(side.columns) == list(WARTA_SIDE_COLUMNS)
    assert set(side.GLOBALEVENTID) == set(df.GLOBALEVENTID)
    s_xi = side.set_index("GLOBALEVENTID").loc[xi.GLOBALEVENTID]
    assert (s_xi["mode"], s_xi["date_precision"], s_xi["plover"]) == ("asserted", "day", "CONSULT")
    assert s_xi["num_duplicate_mentions"] == "1" and len(s_xi["mention_ids"].split(",")) == 4
    assert "telepon" in s_xi["sentence_text"]


def test_gdelt_export_filters_and_headerless(store, tmp_path):
    out = tmp_path / "q4.tsv"
    assert export(store, "gdelt", out, header=False, quad=4)["rows"] == 2
    with open(out, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    assert len(rows) == 2 and all(len(r) == 61 for r in rows)


def test_parquet_schema_is_documented(store, tmp_path, repo):
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", out)["rows"] == 6
    schema = pq.read_schema(out)
    doc = (repo / "docs" / "store.md").read_text(encoding="utf-8")
    missing = [n for n in schema.names if f"`{n}`" not in doc]
    assert not missing, f"columns missing from docs/store.md: {missing}"
    back = pd.read_parquet(out)
    assert back["num_mentions"].sum() == 9
    m = tmp_path / "mentions.parquet"
    assert export(store, "parquet", m, table="mentions", actor="IDN")["rows"] == 2


def test_csv_and_jsonl(store, tmp_path):
    c = tmp_path / "events.csv"
    assert export(store, "csv", c, dyad=("CHN", "RUS"))["rows"] == 1
    df = pd.read_csv(c)
    assert df.loc[0, "num_sources"] == 4
    j = tmp_path / "mentions.jsonl"
    assert export(store, "jsonl", j, table="mentions")["rows"] == 9
    with open(j, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    assert all(isinstance(r["sources"], list) and r["sources"][0]["code"] for r in recs)
    assert {r["duplicate_of"] for r in recs} == {None, "antara-xi"}
    a = tmp_path / "articles.jsonl"
    assert export(store, "jsonl", a, table="articles")["rows"] == 7


def test_sqlite_for_datasette(store, tmp_path):
    out = tmp_path / "warta.db"
    res = export(store, "sqlite", out)
    assert res["tables"]["events"] == 6 and res["tables"]["mentions"] == 9
    con = sqlite3.connect(out)
    try:
        n = con.execute("""SELECT e.num_mentions, count(*) FROM events e
                           JOIN mentions m ON m.event_id = e.id
                           WHERE e.source_code = 'CHN' AND e.target_code = 'RUS'
                           GROUP BY e.id""").fetchall()
        assert n == [(4, 4)]
        src = con.execute("SELECT sources FROM mentions LIMIT 1").fetchone()[0]
        assert json.loads(src)[0]["code"]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 7
    finally:
        con.close()
    # re-export overwrites
    assert export(store, "sqlite", out)["tables"]["skips"] == 2


def test_bad_arguments(store, tmp_path):
    with pytest.raises(StoreError):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(StoreError):
        export(store, "csv", tmp_path / "x", table="nope")
    with pytest.raises(StoreError):
        export(store, "csv", tmp_path / "x", table="articles", actor="IDN")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "gdelt", "sqlite"])
def test_export_from_a_reopened_file(tmp_path, fmt):
    """A database opened from disk (schema check on open) exports in every format."""
    db = tmp_path / "w.duckdb"
    s = Store(db)
    s.add_batch(corpus(), skips())
    s.close()
    again = Store(db)
    try:
        out = tmp_path / f"out.{fmt}"
        rows = export(again, fmt, out)["rows"]
        assert rows == 6 if fmt != "sqlite" else rows > 6  # sqlite: every table
        assert again.con.sql("SELECT count(*) FROM events").fetchall()[0][0] == 6
    finally:
        again.close()
