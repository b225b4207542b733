"""The DuckDB store: schema versions + migrations, batch transactions, queries.

Library-first: ``Store(path)`` is all the CLI, the Python API and the web app need.

Tables (see ``docs/store.md`` for every column):

* ``articles`` — one row per article (text, metadata, tone); ``sentences``; ``actors`` (actor
  mentions); ``places``; ``skips`` — inputs that could not become articles;
* ``mentions`` — one row per event *mention* (one coded event in one sentence) with its evidence,
  actors, codes, date, place, confidence, tone and the ``event_id`` of its primary pair's event;
* ``event_mentions`` — the link table: one row per directed actor pair of a mention (source ×
  target, see :func:`warta.dedup.mention_pairs`) with the event it clusters into, so a joint or
  reciprocal mention ("Xi dan Putin bertemu") supports CHN→RUS *and* RUS→CHN;
* ``events`` — clustered events (one real-world event per directed dyad, GDELT-style NumMentions /
  NumSources / NumArticles), rebuilt incrementally after each batch (``Store.rebuild_events()``);
* ``duplicates`` — near-duplicate articles linked to their original; ``article_minhash`` and
  ``article_bands`` — MinHash signatures and LSH band keys for incremental duplicate detection;
* ``schema_version`` — one row per applied migration.

Each ``add_batch`` is one transaction: a crash or kill mid-batch leaves the previous state, and
re-adding an article id that is already stored changes nothing.
"""

from __future__ import annotations

import json
import time
from calendar import monthrange
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warta.dedup import Deduper, cluster_mentions, mention_pairs, original_order
from warta.filters import EventFilter, FilterError, as_filter
from warta.model import CodedArticle, Skip
from warta.tone import Tone


class StoreError(RuntimeError):
    """The database cannot be used as asked (read-only, newer schema, bad filter …)."""


class InvalidFilterError(StoreError, FilterError):
    """A bad query filter: both a :class:`StoreError` and a ``ValueError``."""


# ------------------------------------------------------------------------------------ schema

V1_DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER NOT NULL, applied TIMESTAMP NOT NULL, note VARCHAR)""",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR,
        published VARCHAR, published_date DATE, published_source VARCHAR,
        dateline_place VARCHAR, source_path VARCHAR, external_id VARCHAR,
        ingested VARCHAR, language VARCHAR, text VARCHAR,
        n_sentences INTEGER, n_events INTEGER, added_at TIMESTAMP)""",
    """CREATE TABLE sentences (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        start_char INTEGER, end_char INTEGER, text VARCHAR)""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL, text VARCHAR, start_char INTEGER, end_char INTEGER,
        code VARCHAR, role VARCHAR, name VARCHAR, resolved_by VARCHAR, entity VARCHAR)""",
    """CREATE TABLE events (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, event_index INTEGER,
        sentence_index INTEGER, sentence_text VARCHAR, sentence_start INTEGER,
        sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
        source_code VARCHAR, source_role VARCHAR, target_code VARCHAR, target_role VARCHAR,
        sources JSON, targets JSON, cameo VARCHAR, root VARCHAR, quad_class TINYINT,
        goldstein DOUBLE, plover VARCHAR, mode VARCHAR, trigger VARCHAR,
        date_value VARCHAR, date_precision VARCHAR, date_source VARCHAR,
        place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
        place_lat DOUBLE, place_lon DOUBLE, place_geo_type TINYINT,
        confidence DOUBLE, explanation JSON)""",
    """CREATE TABLE skips (source VARCHAR, reason VARCHAR, added_at TIMESTAMP)""",
)

MENTION_COLUMNS = """
        id VARCHAR NOT NULL, event_id BIGINT, article_id VARCHAR NOT NULL, event_index INTEGER,
        sentence_index INTEGER, sentence_text VARCHAR, sentence_start INTEGER,
        sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
        source_code VARCHAR, source_role VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_role VARCHAR, target_name VARCHAR,
        sources JSON, targets JSON, cameo VARCHAR, root VARCHAR, quad_class TINYINT,
        goldstein DOUBLE, plover VARCHAR, mode VARCHAR, trigger VARCHAR,
        date_value VARCHAR, date_precision VARCHAR, date_source VARCHAR, date_text VARCHAR,
        date_start DATE, date_end DATE,
        place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
        place_lat DOUBLE, place_lon DOUBLE, place_geo_type TINYINT, place_feature_id VARCHAR,
        confidence DOUBLE, tone DOUBLE, explanation JSON"""

EVENT_COLUMNS = """
        id BIGINT NOT NULL, ekey VARCHAR NOT NULL,
        date_value VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
        source_code VARCHAR, source_role VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_role VARCHAR, target_name VARCHAR,
        cameo VARCHAR, root VARCHAR, quad_class TINYINT, goldstein DOUBLE, plover VARCHAR,
        mode VARCHAR,
        place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
        place_lat DOUBLE, place_lon DOUBLE, place_geo_type TINYINT, place_feature_id VARCHAR,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
        num_original_articles INTEGER, num_original_sources INTEGER,
        num_duplicate_mentions INTEGER,
        avg_tone DOUBLE, mention_tone DOUBLE, confidence DOUBLE, is_root_event BOOLEAN,
        first_seen TIMESTAMP, last_seen TIMESTAMP, first_published DATE, last_published DATE,
        rep_mention_id VARCHAR, rep_article_id VARCHAR, source_url VARCHAR,
        sentence_text VARCHAR, trigger VARCHAR"""

def _date_bounds_sql(value: str, precision: str) -> str:
    """SQL for the first and last day an ISO date `value` covers at `precision` (the SQL twin of
    :func:`date_range`), as ``date_start, date_end`` columns."""
    return (f"""CASE {precision}
         WHEN 'day' THEN try_cast({value} AS DATE)
         WHEN 'month' THEN try_cast({value} || '-01' AS DATE)
         WHEN 'year' THEN try_cast({value} || '-01-01' AS DATE) END AS date_start,
       CASE {precision}
         WHEN 'day' THEN try_cast({value} AS DATE)
         WHEN 'month' THEN last_day(try_cast({value} || '-01' AS DATE))
         WHEN 'year' THEN try_cast({value} || '-12-31' AS DATE) END AS date_end,""")


V2_DDL: tuple[str, ...] = (
    "ALTER TABLE articles ADD COLUMN published_utc TIMESTAMP",
    "ALTER TABLE articles ADD COLUMN ingested_utc TIMESTAMP",
    "ALTER TABLE articles ADD COLUMN tone DOUBLE",
    "ALTER TABLE articles ADD COLUMN positive DOUBLE",
    "ALTER TABLE articles ADD COLUMN negative DOUBLE",
    "ALTER TABLE articles ADD COLUMN polarity DOUBLE",
    "ALTER TABLE articles ADD COLUMN word_count INTEGER",
    f"CREATE TABLE mentions ({MENTION_COLUMNS})",
    f"""INSERT INTO mentions BY NAME
       SELECT e.* EXCLUDE (date_value),
              e.date_value,
              {_date_bounds_sql("e.date_value", "e.date_precision")}
              json_extract_string(e.sources, '$[0].name') AS source_name,
              json_extract_string(e.targets, '$[0].name') AS target_name
       FROM events e""",
    """UPDATE mentions SET date_start = a.published_date, date_end = a.published_date
       FROM articles a WHERE a.id = mentions.article_id AND mentions.date_start IS NULL""",
    "DROP TABLE events",
    f"CREATE TABLE events ({EVENT_COLUMNS})",
    """CREATE TABLE places (
        article_id VARCHAR NOT NULL, name VARCHAR, country VARCHAR, admin1 VARCHAR,
        lat DOUBLE, lon DOUBLE, geo_type TINYINT, feature_id VARCHAR, text VARCHAR,
        start_char INTEGER, end_char INTEGER)""",
    """CREATE TABLE duplicates (
        article_id VARCHAR NOT NULL, original_id VARCHAR NOT NULL, similarity DOUBLE)""",
    "CREATE TABLE article_minhash (article_id VARCHAR NOT NULL, signature BLOB)",
    "CREATE TABLE article_bands (band SMALLINT, hash BIGINT, article_id VARCHAR NOT NULL)",
)

PAIR_COLUMNS = ("event_id", "mention_id", "article_id", "pair_index", "source_code",
                "source_role", "source_name", "target_code", "target_role", "target_name")

V3_DDL: tuple[str, ...] = (
    """CREATE TABLE event_mentions (
        event_id BIGINT, mention_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        pair_index SMALLINT NOT NULL,
        source_code VARCHAR, source_role VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_role VARCHAR, target_name VARCHAR)""",
)

# tables whose rows belong to one article (deleted/inserted together)
ARTICLE_TABLES = ("sentences", "actors", "places", "mentions", "event_mentions",
                  "article_minhash", "article_bands")


@dataclass(slots=True)
class BatchStats:
    added: int = 0  # new articles stored
    already_present: int = 0  # article ids already in the store (or repeated in the batch)
    skipped: int = 0  # Skip records stored
    events: int = 0  # event mentions stored
    duplicates: int = 0  # new articles linked to an earlier original
    seconds: float = 0.0
    seconds_dedup: float = 0.0
    seconds_cluster: float = 0.0


# -------------------------------------------------------------------------------- helpers


def _utc(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _local_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def date_range(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """First and last day covered by an ISO date value at a precision."""
    if not value:
        return None
    try:
        if precision == "year" or len(value) == 4:
            y = int(value[:4])
            return date(y, 1, 1), date(y, 12, 31)
        if precision == "month" or len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y, m, monthrange(y, m)[1])
        d = date.fromisoformat(value[:10])
        return d, d
    except ValueError:
        return None


def _as_date(v: str | date | datetime | None) -> date | None:
    if v is None or isinstance(v, date):
        return v.date() if isinstance(v, datetime) else v
    r = date_range(v, None)
    if r is None:
        raise StoreError(f"not a date: {v!r}")
    return r[0]


def _as_list(v: Any) -> list[Any] | None:
    if v is None:
        return None
    if isinstance(v, (list, tuple, set)):
        return list(v)
    return [v]


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or ()]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _jsonify(row: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    for k in keys:
        if isinstance(row.get(k), str):
            row[k] = json.loads(row[k])
    return row


Migration = tuple[int, str, tuple[str, ...], Callable[["Store"], None] | None]


class Store:
    """A Warta DuckDB database (``":memory:"`` for tests)."""

    SCHEMA_VERSION = 3

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        dedup_threshold: float | None = None,
        cluster_by_place: bool = False,
        tone: Tone | None = None,
    ):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path == ":memory:":
            raise StoreError("an in-memory store cannot be read-only")
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}")
        self.con = duckdb.connect(self.path, read_only=read_only)
        self.cluster_by_place = cluster_by_place
        self._tone = tone
        self._deduper = Deduper(dedup_threshold) if dedup_threshold else None
        self._migrate()

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def tone_model(self) -> Tone:
        if self._tone is None:
            self._tone = Tone.load()
        return self._tone

    @property
    def deduper(self) -> Deduper:
        if self._deduper is None:
            self._deduper = Deduper()
        return self._deduper

    # ------------------------------------------------------------------ migrations

    def migrations(self) -> list[Migration]:
        return [
            (1, "foundation: articles, sentences, actors, events (mentions), skips", V1_DDL, None),
            (2, "mentions + clustered events, duplicates, places, tone", V2_DDL, _migrate_v2_data),
            (3, "event_mentions: one event per source x target pair of a mention", V3_DDL,
             _migrate_v3_data),
        ]

    def schema_version(self) -> int:
        # fetchall, not fetchone: duckdb 2 keeps a half-read result open, and a later
        # con.sql() (exports, users' raw SQL) then fails with "unfinished result"
        has = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()
        if not has or not has[0][0]:
            return 0
        v = self.con.execute("SELECT max(version) FROM schema_version").fetchall()
        return int(v[0][0]) if v and v[0][0] is not None else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > self.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema v{current}, newer than this Warta (v{self.SCHEMA_VERSION})"
            )
        if current == self.SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(
                f"{self.path} has schema v{current}; open it writable once to migrate "
                f"to v{self.SCHEMA_VERSION}"
            )
        for version, note, ddl, hook in self.migrations():
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for stmt in ddl:
                    self.con.execute(stmt)
                if hook is not None:
                    hook(self)
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    [version, datetime.now(UTC).replace(tzinfo=None), note],
                )
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    def _insert(self, table: str, cols: dict[str, list[Any]]) -> None:
        if not cols or not next(iter(cols.values())):
            return
        tbl = pa.Table.from_pydict(cols)
        name = f"_warta_in_{table}"
        self.con.register(name, tbl)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            self.con.unregister(name)

    def add_batch(
        self,
        coded: Iterable[CodedArticle],
        skips: Iterable[Skip] = (),
        *,
        chunk_size: int = 500,
    ) -> BatchStats:
        """Store coded articles (and skips) in one transaction; idempotent by article id.

        The iterable is consumed inside the transaction, ``chunk_size`` articles per insert; if
        anything fails (or the process dies) nothing of the batch is kept.
        """
        self._check_writable()
        t0 = time.perf_counter()
        stats = BatchStats()
        new_ids: list[str] = []
        seen: set[str] = set()
        self.con.execute("BEGIN TRANSACTION")
        try:
            buf: list[CodedArticle] = []
            for ca in coded:
                buf.append(ca)
                if len(buf) >= chunk_size:
                    self._insert_chunk(buf, stats, new_ids, seen)
                    buf = []
            if buf:
                self._insert_chunk(buf, stats, new_ids, seen)
            self._insert_skips(skips, stats)
            t1 = time.perf_counter()
            changed = self._dedup_new(new_ids, stats)
            t2 = time.perf_counter()
            self._recluster_for_articles(sorted(set(new_ids) | changed))
            t3 = time.perf_counter()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        stats.seconds_dedup = t2 - t1
        stats.seconds_cluster = t3 - t2
        stats.seconds = time.perf_counter() - t0
        return stats

    def _insert_skips(self, skips: Iterable[Skip], stats: BatchStats) -> None:
        rows = {(s.source, s.reason) for s in skips}
        if not rows:
            return
        existing = set(self.con.execute("SELECT source, reason FROM skips").fetchall())
        new = sorted(rows - existing)
        now = datetime.now(UTC).replace(tzinfo=None)
        self._insert(
            "skips",
            {"source": [s for s, _ in new], "reason": [r for _, r in new],
             "added_at": [now] * len(new)},
        )
        stats.skipped += len(new)

    def _insert_chunk(
        self, chunk: list[CodedArticle], stats: BatchStats, new_ids: list[str], seen: set[str]
    ) -> None:
        ids = [ca.article.id for ca in chunk]
        existing = {
            r[0]
            for r in self.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall()
        }
        tone = self.tone_model
        now = datetime.now(UTC).replace(tzinfo=None)
        art: dict[str, list[Any]] = {k: [] for k in (
            "id", "title", "url", "outlet", "published", "published_date", "published_utc",
            "published_source", "dateline_place", "source_path", "external_id", "ingested",
            "ingested_utc", "language", "text", "n_sentences", "n_events", "added_at", "tone",
            "positive", "negative", "polarity", "word_count")}
        sen: dict[str, list[Any]] = {k: [] for k in (
            "article_id", "idx", "start_char", "end_char", "text")}
        act: dict[str, list[Any]] = {k: [] for k in (
            "article_id", "text", "start_char", "end_char", "code", "role", "name",
            "resolved_by", "entity")}
        plc: dict[str, list[Any]] = {k: [] for k in (
            "article_id", "name", "country", "admin1", "lat", "lon", "geo_type", "feature_id",
            "text", "start_char", "end_char")}
        men: dict[str, list[Any]] = {k: [] for k in (
            "id", "article_id", "event_index", "sentence_index", "sentence_text",
            "sentence_start", "sentence_end", "trigger_start", "trigger_end", "source_code",
            "source_role", "source_name", "target_code", "target_role", "target_name", "sources",
            "targets", "cameo", "root", "quad_class", "goldstein", "plover", "mode", "trigger",
            "date_value", "date_precision", "date_source", "date_text", "date_start", "date_end",
            "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
            "place_geo_type", "place_feature_id", "confidence", "tone", "explanation")}
        prs: dict[str, list[Any]] = {k: [] for k in PAIR_COLUMNS}
        for ca in chunk:
            a = ca.article
            if a.id in existing or a.id in seen:
                stats.already_present += 1
                continue
            seen.add(a.id)
            new_ids.append(a.id)
            stats.added += 1
            ts = tone.score(a.text)
            pub_date = _local_date(a.published)
            for k, v in (
                ("id", a.id), ("title", a.title), ("url", a.url), ("outlet", a.outlet),
                ("published", a.published), ("published_date", pub_date),
                ("published_utc", _utc(a.published)), ("published_source", a.published_source),
                ("dateline_place", a.dateline_place), ("source_path", a.source_path),
                ("external_id", a.external_id), ("ingested", a.ingested),
                ("ingested_utc", _utc(a.ingested)), ("language", a.language), ("text", a.text),
                ("n_sentences", len(ca.sentences)), ("n_events", len(ca.events)),
                ("added_at", now), ("tone", ts.tone), ("positive", ts.positive),
                ("negative", ts.negative), ("polarity", ts.polarity), ("word_count", ts.words),
            ):
                art[k].append(v)
            for s in ca.sentences:
                for k, v in (("article_id", a.id), ("idx", s.index), ("start_char", s.start),
                             ("end_char", s.end), ("text", s.text)):
                    sen[k].append(v)
            for m in ca.actors:
                for k, v in (("article_id", a.id), ("text", m.text), ("start_char", m.start),
                             ("end_char", m.end), ("code", m.code), ("role", m.role),
                             ("name", m.name), ("resolved_by", m.resolved_by),
                             ("entity", m.entity)):
                    act[k].append(v)
            for p in ca.places:
                for k, v in (("article_id", a.id), ("name", p.name), ("country", p.country),
                             ("admin1", p.admin1), ("lat", p.lat), ("lon", p.lon),
                             ("geo_type", p.geo_type), ("feature_id", p.feature_id),
                             ("text", p.text), ("start_char", p.start), ("end_char", p.end)):
                    plc[k].append(v)
            sent_tone: dict[int, float] = {}
            for i, e in enumerate(ca.events):
                ev = e.evidence
                if ev.sentence_index not in sent_tone:
                    sent_tone[ev.sentence_index] = tone.tone(ev.sentence_text)
                src = e.source[0] if e.source else None
                tgt = e.target[0] if e.target else None
                src_d = [_actor_dict(x) for x in e.source]
                tgt_d = [_actor_dict(x) for x in e.target]
                _add_pairs(prs, f"{a.id}:{i}", a.id, src_d, tgt_d)
                d = e.date
                rng = date_range(d.value, d.precision) if d else None
                if rng is None and pub_date is not None:
                    rng = (pub_date, pub_date)
                pl = e.place
                for k, v in (
                    ("id", f"{a.id}:{i}"), ("article_id", a.id), ("event_index", i),
                    ("sentence_index", ev.sentence_index), ("sentence_text", ev.sentence_text),
                    ("sentence_start", ev.sentence_start), ("sentence_end", ev.sentence_end),
                    ("trigger_start", ev.trigger_start), ("trigger_end", ev.trigger_end),
                    ("source_code", src.code if src else None),
                    ("source_role", src.role if src else None),
                    ("source_name", (src.name or src.text) if src else None),
                    ("target_code", tgt.code if tgt else None),
                    ("target_role", tgt.role if tgt else None),
                    ("target_name", (tgt.name or tgt.text) if tgt else None),
                    ("sources", json.dumps(src_d, ensure_ascii=False)),
                    ("targets", json.dumps(tgt_d, ensure_ascii=False)),
                    ("cameo", e.cameo), ("root", e.root), ("quad_class", e.quad_class),
                    ("goldstein", float(e.goldstein)), ("plover", e.plover), ("mode", e.mode),
                    ("trigger", e.trigger),
                    ("date_value", d.value if d else None),
                    ("date_precision", d.precision if d else None),
                    ("date_source", d.source if d else None),
                    ("date_text", d.text if d else None),
                    ("date_start", rng[0] if rng else None),
                    ("date_end", rng[1] if rng else None),
                    ("place_name", pl.name if pl else None),
                    ("place_country", pl.country if pl else None),
                    ("place_admin1", pl.admin1 if pl else None),
                    ("place_lat", pl.lat if pl else None),
                    ("place_lon", pl.lon if pl else None),
                    ("place_geo_type", pl.geo_type if pl else None),
                    ("place_feature_id", pl.feature_id if pl else None),
                    ("confidence", float(e.confidence)),
                    ("tone", sent_tone[ev.sentence_index]),
                    ("explanation", json.dumps(e.explanation, ensure_ascii=False, default=str)),
                ):
                    men[k].append(v)
                stats.events += 1
        self._insert("articles", art)
        self._insert("sentences", sen)
        self._insert("actors", act)
        self._insert("places", plc)
        self._insert("mentions", men)
        self._insert("event_mentions", prs)

    # ------------------------------------------------------------------ dedup

    def _dedup_new(self, new_ids: list[str], stats: BatchStats | None = None) -> set[str]:
        """MinHash + LSH for new articles; link copies to originals. Returns changed ids."""
        if not new_ids:
            return set()
        dd = self.deduper
        texts = self.con.execute(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [new_ids]
        ).fetchall()
        sig_cols: dict[str, list[Any]] = {"article_id": [], "signature": []}
        band_cols: dict[str, list[Any]] = {"band": [], "hash": [], "article_id": []}
        for aid, text in texts:
            sig = dd.signature(text or "")
            sig_cols["article_id"].append(aid)
            sig_cols["signature"].append(Deduper.to_bytes(sig))
            for b, h in enumerate(dd.band_keys(sig)):
                band_cols["band"].append(b)
                band_cols["hash"].append(h)
                band_cols["article_id"].append(aid)
        self._insert("article_minhash", sig_cols)
        self._insert("article_bands", band_cols)
        pairs = self.con.execute(
            """SELECT DISTINCT least(n.article_id, o.article_id), greatest(n.article_id, o.article_id)
               FROM article_bands n JOIN article_bands o
                 ON n.band = o.band AND n.hash = o.hash AND n.article_id <> o.article_id
               WHERE n.article_id IN (SELECT unnest(?::VARCHAR[]))""",
            [new_ids],
        ).fetchall()
        if not pairs:
            return set()
        involved = sorted({x for p in pairs for x in p})
        sigs = self._signatures(involved)
        edges = [(a, b) for a, b in pairs if dd.similarity(sigs[a], sigs[b]) >= dd.threshold]
        if not edges:
            return set()
        # current components of the articles involved
        nodes = sorted({x for e in edges for x in e})
        cur = dict(
            self.con.execute(
                "SELECT article_id, original_id FROM duplicates "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [nodes],
            ).fetchall()
        )
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in edges:
            ra, rb = find(cur.get(a, a)), find(cur.get(b, b))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        roots = sorted({cur.get(x, x) for x in nodes})
        members = set(nodes) | set(roots)
        for aid, orig in self.con.execute(
            "SELECT article_id, original_id FROM duplicates "
            "WHERE original_id IN (SELECT unnest(?::VARCHAR[]))",
            [roots],
        ).fetchall():
            members.add(aid)
            parent.setdefault(aid, orig)
        comps: dict[str, list[str]] = {}
        for x in sorted(members):
            comps.setdefault(find(cur.get(x, x)), []).append(x)
        member_list = sorted(members)
        published = dict(
            self.con.execute(
                "SELECT id, strftime(published_utc, '%Y-%m-%dT%H:%M:%S') FROM articles "
                "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [member_list],
            ).fetchall()
        )
        sigs.update(self._signatures([x for x in member_list if x not in sigs]))
        before = dict(
            self.con.execute(
                "SELECT article_id, original_id FROM duplicates "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [member_list],
            ).fetchall()
        )
        rows: dict[str, list[Any]] = {"article_id": [], "original_id": [], "similarity": []}
        after: dict[str, str] = {}
        for comp in comps.values():
            orig = min(comp, key=lambda x: original_order(published.get(x), x))
            for x in comp:
                if x == orig:
                    continue
                after[x] = orig
                rows["article_id"].append(x)
                rows["original_id"].append(orig)
                rows["similarity"].append(round(dd.similarity(sigs[x], sigs[orig]), 4))
        self.con.execute(
            "DELETE FROM duplicates WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [member_list],
        )
        self._insert("duplicates", rows)
        if stats is not None:
            new = set(new_ids)
            stats.duplicates += sum(1 for x in after if x in new)
        return {x for x in member_list if before.get(x) != after.get(x)}

    def _signatures(self, ids: list[str]) -> dict[str, Any]:
        if not ids:
            return {}
        return {
            aid: Deduper.from_bytes(blob)
            for aid, blob in self.con.execute(
                "SELECT article_id, signature FROM article_minhash "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        }

    # ------------------------------------------------------------------ clustering

    def rebuild_events(self) -> int:
        """Recluster every mention into events (deterministic). Returns the number of events."""
        self._check_writable()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._recluster(None)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return self._scalar("SELECT count(*) FROM events")

    def _recluster_for_articles(self, article_ids: list[str]) -> None:
        if not article_ids:
            return
        groups = self.con.execute(
            """SELECT DISTINCT coalesce(p.source_code, ''), coalesce(p.target_code, ''),
                      coalesce(m.root, ''), coalesce(m.mode, '')
               FROM event_mentions p JOIN mentions m ON m.id = p.mention_id
               WHERE p.article_id IN (SELECT unnest(?::VARCHAR[]))""",
            [article_ids],
        ).fetchall()
        if groups:
            self._recluster(groups)

    def _recluster(self, groups: list[tuple[str, str, str, str]] | None) -> None:
        """Re-cluster the actor pairs of the given (source, target, root, mode) groups (or all).

        The clustering unit is one pair of one mention (``event_mentions`` row), so a joint or
        reciprocal mention contributes to one event per directed dyad.
        """
        base = """SELECT p.mention_id, p.pair_index, p.event_id,
                         coalesce(p.source_code, '') AS source_code,
                         coalesce(p.target_code, '') AS target_code, coalesce(m.root, '') AS root,
                         coalesce(m.mode, '') AS mode,
                         coalesce(m.date_value, strftime(m.date_start, '%Y-%m-%d')) AS date_value,
                         CASE WHEN m.date_value IS NULL THEN 'day' ELSE m.date_precision END
                           AS date_precision,
                         coalesce(m.place_feature_id, m.place_name, '') AS place
                  FROM event_mentions p JOIN mentions m ON m.id = p.mention_id"""
        if groups is None:
            cur = self.con.execute(base)
        else:
            g = {k: [x[i] for x in groups] for i, k in enumerate(("s", "t", "r", "m"))}
            self._register("_warta_groups", g)
            cur = self.con.execute(
                base + """ JOIN _warta_groups g ON coalesce(p.source_code, '') = g.s
                           AND coalesce(p.target_code, '') = g.t AND coalesce(m.root, '') = g.r
                           AND coalesce(m.mode, '') = g.m"""
            )
        rows = _rows(cur)
        if groups is not None:
            self.con.unregister("_warta_groups")
        old_ids = {r["event_id"] for r in rows if r["event_id"] is not None}
        units = {f"{r['mention_id']}#{r['pair_index']}": (r["mention_id"], r["pair_index"])
                 for r in rows}
        for r in rows:
            r["id"] = f"{r['mention_id']}#{r['pair_index']}"
        assign = cluster_mentions(rows, by_place=self.cluster_by_place)
        new_ids = {a.event_id for a in assign}
        drop = sorted(old_ids | new_ids)
        if groups is None:
            self.con.execute("DELETE FROM events")
        elif drop:
            self.con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?::BIGINT[]))", [drop])
        if not assign:
            return
        self._register(
            "_warta_map",
            {
                "mention_id": [units[a.mention_id][0] for a in assign],
                "pair_index": [units[a.mention_id][1] for a in assign],
                "event_id": [a.event_id for a in assign],
                "ekey": [a.key for a in assign],
                "c_date_value": [a.date_value for a in assign],
                "c_date_precision": [a.date_precision for a in assign],
            },
        )
        try:
            self.con.execute(
                """UPDATE event_mentions SET event_id = mp.event_id FROM _warta_map mp
                   WHERE event_mentions.mention_id = mp.mention_id
                     AND event_mentions.pair_index = mp.pair_index
                     AND event_mentions.event_id IS DISTINCT FROM mp.event_id"""
            )
            # a mention's own event_id is that of its primary (first) pair
            self.con.execute(
                """UPDATE mentions SET event_id = mp.event_id FROM _warta_map mp
                   WHERE mentions.id = mp.mention_id AND mp.pair_index = 0
                     AND mentions.event_id IS DISTINCT FROM mp.event_id"""
            )
            self.con.execute(_EVENTS_SQL)
        finally:
            self.con.unregister("_warta_map")

    def _register(self, name: str, cols: dict[str, list[Any]]) -> None:
        self.con.register(name, pa.Table.from_pydict(cols))

    # ------------------------------------------------------------------ queries

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        r = self.con.execute(sql, list(params)).fetchall()
        return r[0][0] if r else None

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Raw SQL → list of dicts."""
        return _rows(self.con.execute(sql, params if isinstance(params, dict) else list(params)))

    def filter(self, filter: EventFilter | None = None, /, **keywords: Any) -> EventFilter:
        """An :class:`EventFilter` from a filter and/or loose keywords (see ``EventFilter.of``).

        Raises :class:`InvalidFilterError` (a ``StoreError`` and a ``ValueError``) when invalid.
        """
        try:
            return as_filter(filter, **keywords)
        except FilterError as e:
            raise InvalidFilterError(str(e)) from None
        except TypeError as e:  # an unknown keyword
            raise InvalidFilterError(f"unknown filter: {e}") from None

    def event_filter(
        self, alias: str = "e", filter: EventFilter | None = None, /, *, kind: str = "events",
        **keywords: Any,
    ) -> tuple[str, list[Any]]:
        """SQL WHERE clause (and params) for a filter on ``events`` or ``mentions`` rows.

        ``filter`` is an :class:`EventFilter`; the loose keywords of :meth:`EventFilter.of`
        (``actor``, ``dyad``, ``since`` …) still work and override it.  Paging is ignored.  On
        ``mentions`` the actor and dyad filters match any actor pair of the mention.
        """
        if kind not in ("events", "mentions"):
            raise StoreError(f"kind must be events or mentions, got {kind!r}")
        f = self.filter(filter, **keywords)
        where: list[str] = []
        params: list[Any] = []
        a = alias
        # actor / dyad conditions go on the event row, or on a mention's pairs
        pa_ = a if kind == "events" else "pp"
        pair_conds: list[str] = []
        pair_params: list[Any] = []

        def side(col: str, code: str) -> str:
            pair_params.extend([code, code])
            return (f"({pa_}.{col}_code = ? OR "
                    f"{pa_}.{col}_code || coalesce({pa_}.{col}_role, '') = ?)")

        if f.actor:
            ors = [f"({side('source', x)} OR {side('target', x)})" for x in f.actor]
            pair_conds.append("(" + " OR ".join(ors) + ")")
        if f.dyad is not None:
            s_, t_ = f.dyad
            fwd = f"({side('source', s_)} AND {side('target', t_)})"
            if f.directed:
                pair_conds.append(fwd)
            else:
                pair_conds.append(f"({fwd} OR ({side('source', t_)} AND {side('target', s_)}))")
        if pair_conds:
            if kind == "events":
                where += pair_conds
            else:
                where.append(f"EXISTS (SELECT 1 FROM event_mentions pp WHERE pp.mention_id = "
                             f"{a}.id AND " + " AND ".join(pair_conds) + ")")
            params += pair_params
        if f.since is not None:
            where.append(f"{a}.date_end >= ?")
            params.append(f.since)
        if f.until is not None:
            where.append(f"{a}.date_start <= ?")
            params.append(f.until)
        if f.root:
            where.append(f"{a}.root IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(f.root))
        if f.quad:
            where.append(f"{a}.quad_class IN (SELECT unnest(?::INTEGER[]))")
            params.append(list(f.quad))
        if f.code:
            where.append("(" + " OR ".join(f"starts_with({a}.cameo, ?)" for _ in f.code) + ")")
            params += list(f.code)
        if f.mode:
            where.append(f"{a}.mode IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(f.mode))
        if f.min_confidence is not None:
            where.append(f"{a}.confidence >= ?")
            params.append(f.min_confidence)
        mention_conds: list[str] = []
        mparams: list[Any] = []
        if f.outlet:
            mention_conds.append(
                "mm.article_id IN (SELECT id FROM articles WHERE outlet IN "
                "(SELECT unnest(?::VARCHAR[])))"
            )
            mparams.append(list(f.outlet))
        if f.q:
            mention_conds.append("mm.sentence_text ILIKE ?")
            mparams.append(f"%{f.q}%")
        if mention_conds:
            if kind == "events":
                where.append(
                    "EXISTS (SELECT 1 FROM event_mentions ll JOIN mentions mm "
                    f"ON mm.id = ll.mention_id WHERE ll.event_id = {a}.id AND "
                    + " AND ".join(mention_conds) + ")"
                )
            else:
                where.append(" AND ".join(c.replace("mm.", f"{a}.") for c in mention_conds))
            params += mparams
        return (" AND ".join(where) or "TRUE"), params

    def events(self, filter: EventFilter | str | Sequence[str] | None = None, /,
               **keywords: Any) -> list[dict[str, Any]]:
        """Clustered events, newest first (an :class:`EventFilter` and/or its loose keywords;
        a first positional that is not a filter is the ``actor``, as before)."""
        f = self._positional(filter, keywords)
        where, params = self.event_filter("e", f)
        sql = (f"SELECT e.* FROM events e WHERE {where} "
               "ORDER BY e.date_start DESC NULLS LAST, e.num_mentions DESC, e.id")
        sql, params = _paginate(sql, params, f.limit, f.offset)
        return self.query(sql, params)

    def count_events(self, filter: EventFilter | None = None, /, **keywords: Any) -> int:
        """How many events match (paging ignored) — the total for a paged list."""
        where, params = self.event_filter("e", self.filter(filter, **keywords))
        return int(self._scalar(f"SELECT count(*) FROM events e WHERE {where}", params) or 0)

    def count_mentions(self, filter: EventFilter | None = None, /, **keywords: Any) -> int:
        """How many mentions match (paging ignored)."""
        where, params = self.event_filter("m", self.filter(filter, **keywords), kind="mentions")
        return int(self._scalar(f"SELECT count(*) FROM mentions m WHERE {where}", params) or 0)

    def mentions(self, filter: EventFilter | str | Sequence[str] | None = None, /, *,
                 event_id: int | None = None, **keywords: Any) -> list[dict[str, Any]]:
        """Event mentions (one per coded event per sentence) with evidence and article info.

        ``event_id`` keeps the mentions that support that event (through ``event_mentions``);
        each row's ``event_ids`` lists every event the mention supports.
        """
        f = self._positional(filter, keywords)
        where, params = self.event_filter("m", f, kind="mentions")
        if event_id is not None:
            where += (" AND m.id IN (SELECT mention_id FROM event_mentions "
                      "WHERE event_id = ?)")
            params.append(int(event_id))
        sql = f"""SELECT m.*, a.outlet, a.url, a.title, a.published,
                         d.original_id AS duplicate_of, (d.original_id IS NOT NULL) AS is_duplicate,
                         (SELECT list(p.event_id ORDER BY p.pair_index) FROM event_mentions p
                           WHERE p.mention_id = m.id) AS event_ids
                  FROM mentions m JOIN articles a ON a.id = m.article_id
                  LEFT JOIN duplicates d ON d.article_id = m.article_id
                  WHERE {where}
                  ORDER BY m.date_start DESC NULLS LAST, a.published_utc NULLS LAST, m.id"""
        sql, params = _paginate(sql, params, f.limit, f.offset)
        return [_jsonify(r, ("sources", "targets", "explanation")) for r in self.query(sql, params)]

    def _positional(self, first: EventFilter | str | Sequence[str] | None,
                    keywords: dict[str, Any]) -> EventFilter:
        if first is None or isinstance(first, EventFilter):
            return self.filter(first, **keywords)
        if "actor" in keywords:
            raise InvalidFilterError("actor given twice (positionally and as a keyword)")
        return self.filter(None, actor=first, **keywords)

    def event(self, id: int | str) -> dict[str, Any] | None:
        """One clustered event with all its mentions (evidence, article, duplicate flags)."""
        try:
            eid = int(id)
        except (TypeError, ValueError):
            return None
        rows = self.query("SELECT * FROM events WHERE id = ?", [eid])
        if not rows:
            return None
        ev = rows[0]
        ms = self.mentions(event_id=eid)
        ms.sort(key=lambda m: (m["is_duplicate"], str(m["published"] or ""), m["id"]))
        ev["mentions"] = ms
        return ev

    def dyad_series(
        self,
        a: str,
        b: str,
        by: str = "month",
        *,
        directed: bool = False,
        mode: str | Sequence[str] | None = "asserted",
        since: str | date | None = None,
        until: str | date | None = None,
        fill: bool = True,
    ) -> list[dict[str, Any]]:
        """Events between two actors per period: counts per quad class, mean Goldstein and tone.

        ``directed=False`` counts both a→b and b→a; ``mode`` defaults to asserted events only
        (negated / future / hypothetical mentions are not things that happened).
        """
        if by not in ("day", "week", "month", "year"):
            raise StoreError(f"by must be day, week, month or year, got {by!r}")
        where, params = self.event_filter(
            "e", dyad=(a, b), directed=directed, since=since, until=until, mode=mode)
        rows = self.query(
            f"""SELECT date_trunc('{by}', e.date_start)::DATE AS period,
                       count(*) AS events, sum(e.num_mentions)::BIGINT AS mentions,
                       count(*) FILTER (WHERE e.quad_class = 1) AS q1_verbal_coop,
                       count(*) FILTER (WHERE e.quad_class = 2) AS q2_material_coop,
                       count(*) FILTER (WHERE e.quad_class = 3) AS q3_verbal_conflict,
                       count(*) FILTER (WHERE e.quad_class = 4) AS q4_material_conflict,
                       round(avg(e.goldstein), 3) AS goldstein,
                       round(avg(e.avg_tone), 3) AS tone
                FROM events e WHERE e.date_start IS NOT NULL AND {where}
                GROUP BY 1 ORDER BY 1""",
            params,
        )
        if not fill or len(rows) < 2:
            return rows
        have = {r["period"]: r for r in rows}
        out = []
        p = rows[0]["period"]
        last = rows[-1]["period"]
        while p <= last:
            out.append(have.get(p) or {
                "period": p, "events": 0, "mentions": 0, "q1_verbal_coop": 0,
                "q2_material_coop": 0, "q3_verbal_conflict": 0, "q4_material_conflict": 0,
                "goldstein": None, "tone": None})
            p = _next_period(p, by)
        return out

    def actors(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Actors (code + role) with event counts as source/target and the names seen.

        Counted over every actor pair of every mention (``event_mentions``), so the second
        actor of a joint mention counts too.
        """
        sql = """
            WITH x AS (
              SELECT source_code AS code, source_role AS role, event_id, mention_id,
                     source_name AS name, 'source' AS side
                FROM event_mentions WHERE source_code IS NOT NULL
              UNION ALL
              SELECT target_code, target_role, event_id, mention_id, target_name, 'target'
                FROM event_mentions WHERE target_code IS NOT NULL)
            SELECT code, role,
                   count(DISTINCT event_id) FILTER (WHERE side = 'source') AS events_as_source,
                   count(DISTINCT event_id) FILTER (WHERE side = 'target') AS events_as_target,
                   count(DISTINCT mention_id) AS mentions,
                   list_sort(list_distinct(list(name) FILTER (WHERE name IS NOT NULL))) AS names
            FROM x GROUP BY code, role
            ORDER BY events_as_source + events_as_target DESC, code, role NULLS FIRST"""
        sql, params = _paginate(sql, [], limit, 0)
        return self.query(sql, params)

    def articles(
        self,
        outlet: str | Sequence[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        q: str | None = None,
        has_events: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Articles (metadata, tone, counts, duplicate link) newest first; no full text."""
        where: list[str] = []
        params: list[Any] = []
        outlets = _as_list(outlet)
        if outlets:
            where.append("a.outlet IN (SELECT unnest(?::VARCHAR[]))")
            params.append([str(o) for o in outlets])
        if since is not None:
            where.append("a.published_date >= ?")
            params.append(_as_date(since))
        if until is not None:
            where.append("a.published_date <= ?")
            params.append(_as_date(until))
        if q:
            where.append("(a.text ILIKE ? OR a.title ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        if has_events is not None:
            where.append("a.n_events > 0" if has_events else "a.n_events = 0")
        sql = f"""SELECT a.id, a.title, a.url, a.outlet, a.published, a.published_date,
                         a.published_source, a.dateline_place, a.source_path, a.ingested,
                         a.n_sentences, a.n_events, a.tone, a.word_count,
                         d.original_id AS duplicate_of, d.similarity AS duplicate_similarity
                  FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id
                  WHERE {" AND ".join(where) or "TRUE"}
                  ORDER BY a.published_utc DESC NULLS LAST, a.id"""
        sql, params = _paginate(sql, params, limit, offset)
        return self.query(sql, params)

    def article(self, id: str) -> dict[str, Any] | None:
        """One article: text, metadata, sentences (each with its event mentions), copies."""
        rows = self.query(
            """SELECT a.*, d.original_id AS duplicate_of, d.similarity AS duplicate_similarity
               FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id WHERE a.id = ?""",
            [id],
        )
        if not rows:
            return None
        art = rows[0]
        sents = self.query(
            "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? "
            "ORDER BY idx",
            [id],
        )
        ms = [
            _jsonify(r, ("sources", "targets", "explanation"))
            for r in self.query(
                "SELECT m.*, (SELECT list(p.event_id ORDER BY p.pair_index) FROM event_mentions p "
                "WHERE p.mention_id = m.id) AS event_ids FROM mentions m WHERE m.article_id = ? "
                "ORDER BY m.event_index", [id]
            )
        ]
        by_sent: dict[int, list[dict[str, Any]]] = {}
        for m in ms:
            by_sent.setdefault(m["sentence_index"], []).append(m)
        for s in sents:
            s["events"] = by_sent.get(s["idx"], [])
        art["sentences"] = sents
        art["mentions"] = ms
        art["actors"] = self.query(
            "SELECT * EXCLUDE (article_id) FROM actors WHERE article_id = ? ORDER BY start_char",
            [id],
        )
        art["copies"] = self.query(
            "SELECT article_id, similarity FROM duplicates WHERE original_id = ? "
            "ORDER BY article_id",
            [id],
        )
        return art

    def skips(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql, params = _paginate("SELECT * FROM skips ORDER BY source, reason", [], limit, 0)
        return self.query(sql, params)

    def duplicates(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM duplicates ORDER BY original_id, article_id")

    def stats(self) -> dict[str, Any]:
        s: dict[str, Any] = {"schema_version": self.schema_version(), "path": self.path}
        for name, sql in (
            ("articles", "SELECT count(*) FROM articles"),
            ("articles_with_events", "SELECT count(*) FROM articles WHERE n_events > 0"),
            ("duplicates", "SELECT count(*) FROM duplicates"),
            ("mentions", "SELECT count(*) FROM mentions"),
            ("events", "SELECT count(*) FROM events"),
            ("skips", "SELECT count(*) FROM skips"),
            ("outlets", "SELECT count(DISTINCT outlet) FROM articles"),
            ("first_date", "SELECT min(date_start) FROM events"),
            ("last_date", "SELECT max(date_end) FROM events"),
        ):
            s[name] = self._scalar(sql)
        s["by_quad"] = {
            int(k): int(v)
            for k, v in self.con.execute(
                "SELECT quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1"
            ).fetchall()
            if k is not None
        }
        s["by_mode"] = dict(
            self.con.execute("SELECT mode, count(*) FROM mentions GROUP BY 1 ORDER BY 1").fetchall()
        )
        return s


def _actor_dict(m: Any) -> dict[str, Any]:
    return {"text": m.text, "start": m.start, "end": m.end, "code": m.code, "role": m.role,
            "name": m.name, "resolved_by": m.resolved_by, "entity": m.entity}


def _paginate(
    sql: str, params: list[Any], limit: int | None, offset: int
) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params


def _next_period(p: date, by: str) -> date:
    if by == "day":
        return date.fromordinal(p.toordinal() + 1)
    if by == "week":
        return date.fromordinal(p.toordinal() + 7)
    if by == "month":
        return date(p.year + (p.month == 12), p.month % 12 + 1, 1)
    return date(p.year + 1, 1, 1)


_EVENTS_SQL = f"""
INSERT INTO events BY NAME
WITH m AS (
  SELECT m.* EXCLUDE (source_code, source_role, source_name, target_code, target_role,
                      target_name, event_id),
         p.event_id, p.source_code, p.source_role, p.source_name,
         p.target_code, p.target_role, p.target_name,
         a.outlet, a.url, a.published_utc, a.published_date,
         coalesce(a.ingested_utc, a.added_at) AS ingested_ts, a.tone AS article_tone,
         (d.article_id IS NOT NULL) AS is_dup
  FROM event_mentions p JOIN mentions m ON m.id = p.mention_id
  JOIN articles a ON a.id = m.article_id
  LEFT JOIN duplicates d ON d.article_id = m.article_id
  WHERE p.event_id IN (SELECT DISTINCT event_id FROM _warta_map)
), r AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (
      PARTITION BY event_id
      ORDER BY is_dup, published_utc NULLS LAST, article_id, event_index) AS rn
    FROM m) WHERE rn = 1
), agg AS (
  SELECT event_id,
         count(DISTINCT id) AS num_mentions,
         count(DISTINCT article_id) AS num_articles,
         count(DISTINCT coalesce(outlet, article_id)) AS num_sources,
         count(DISTINCT article_id) FILTER (WHERE NOT is_dup) AS num_original_articles,
         count(DISTINCT coalesce(outlet, article_id)) FILTER (WHERE NOT is_dup)
           AS num_original_sources,
         count(DISTINCT id) FILTER (WHERE is_dup) AS num_duplicate_mentions,
         max(confidence) AS confidence,
         bool_or(sentence_index = 0) AS is_root_event,
         min(ingested_ts) AS first_seen, max(ingested_ts) AS last_seen,
         min(published_date) AS first_published, max(published_date) AS last_published
  FROM m GROUP BY event_id
), mt AS (
  -- exact integer sums (tone × 10⁴) keep the averages independent of row order
  SELECT event_id, sum(round(tone * 10000)::BIGINT) AS tone_sum_e4, count(tone) AS tone_n
  FROM (SELECT DISTINCT event_id, id, tone FROM m) GROUP BY event_id
), t AS (
  SELECT event_id, sum(round(article_tone * 10000)::BIGINT) AS tone_sum_e4,
         count(article_tone) AS tone_n
  FROM (SELECT DISTINCT event_id, article_id, article_tone FROM m) GROUP BY event_id
), k AS (
  SELECT DISTINCT event_id, ekey, c_date_value, c_date_precision FROM _warta_map
)
SELECT agg.event_id AS id, k.ekey,
       k.c_date_value AS date_value, k.c_date_precision AS date_precision,
       {_date_bounds_sql("k.c_date_value", "k.c_date_precision")}
       r.source_code, r.source_role, r.source_name, r.target_code, r.target_role, r.target_name,
       r.cameo, r.root, r.quad_class, r.goldstein, r.plover, r.mode,
       r.place_name, r.place_country, r.place_admin1, r.place_lat, r.place_lon,
       r.place_geo_type, r.place_feature_id,
       agg.num_mentions, agg.num_sources, agg.num_articles, agg.num_original_articles,
       agg.num_original_sources, agg.num_duplicate_mentions,
       round(t.tone_sum_e4 / nullif(t.tone_n, 0) / 10000.0, 4) AS avg_tone,
       round(mt.tone_sum_e4 / nullif(mt.tone_n, 0) / 10000.0, 4) AS mention_tone,
       agg.confidence, agg.is_root_event, agg.first_seen, agg.last_seen,
       agg.first_published, agg.last_published,
       r.id AS rep_mention_id, r.article_id AS rep_article_id,
       coalesce(r.url, 'warta:article:' || r.article_id) AS source_url,
       r.sentence_text, r.trigger
FROM agg JOIN r USING (event_id) JOIN t USING (event_id) JOIN mt USING (event_id)
JOIN k USING (event_id)
"""


def _migrate_v2_data(store: Store) -> None:
    """Fill the v2 columns for rows written by v1: UTC times, tone, MinHash, clusters."""
    con = store.con
    rows = con.execute("SELECT id, published, ingested, text FROM articles").fetchall()
    if not rows:
        return
    tone = store.tone_model
    cols: dict[str, list[Any]] = {k: [] for k in (
        "id", "published_utc", "ingested_utc", "tone", "positive", "negative", "polarity",
        "word_count")}
    for aid, pub, ing, text in rows:
        ts = tone.score(text or "")
        for k, v in (("id", aid), ("published_utc", _utc(pub)), ("ingested_utc", _utc(ing)),
                     ("tone", ts.tone), ("positive", ts.positive), ("negative", ts.negative),
                     ("polarity", ts.polarity), ("word_count", ts.words)):
            cols[k].append(v)
    store._register("_warta_v2", cols)
    try:
        con.execute(
            """UPDATE articles SET published_utc = v.published_utc,
                 ingested_utc = v.ingested_utc, tone = v.tone, positive = v.positive,
                 negative = v.negative, polarity = v.polarity, word_count = v.word_count
               FROM _warta_v2 v WHERE v.id = articles.id"""
        )
    finally:
        con.unregister("_warta_v2")
    sent = con.execute("SELECT DISTINCT sentence_text FROM mentions").fetchall()
    if sent:
        store._register(
            "_warta_v2t",
            {"s": [s for (s,) in sent], "t": [tone.tone(s or "") for (s,) in sent]},
        )
        try:
            con.execute("UPDATE mentions SET tone = v.t FROM _warta_v2t v "
                        "WHERE v.s = mentions.sentence_text")
        finally:
            con.unregister("_warta_v2t")
    store._dedup_new(sorted(r[0] for r in rows))
    # clustering needs the v3 pair table: the v3 step reclusters everything


def _migrate_v3_data(store: Store) -> None:
    """Expand every stored mention into its actor pairs and recluster all events."""
    con = store.con
    rows = con.execute(
        "SELECT id, article_id, sources, targets FROM mentions ORDER BY id").fetchall()
    cols: dict[str, list[Any]] = {k: [] for k in PAIR_COLUMNS}
    for mid, aid, srcs, tgts in rows:
        _add_pairs(cols, mid, aid, json.loads(srcs) if srcs else [],
                   json.loads(tgts) if tgts else [])
    store._insert("event_mentions", cols)
    store._recluster(None)


def _add_pairs(cols: dict[str, list[Any]], mention_id: str, article_id: str,
               sources: Sequence[dict[str, Any]], targets: Sequence[dict[str, Any]]) -> None:
    for p in mention_pairs(sources, targets):
        for k, v in (("event_id", None), ("mention_id", mention_id), ("article_id", article_id),
                     ("pair_index", p.index), ("source_code", p.source_code),
                     ("source_role", p.source_role), ("source_name", p.source_name),
                     ("target_code", p.target_code), ("target_role", p.target_role),
                     ("target_name", p.target_name)):
            cols[k].append(v)
