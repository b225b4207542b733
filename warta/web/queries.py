"""What the dashboard asks of the store.

Built on :class:`warta.db.Store` (its ``events``/``count_events``/``event``/``dyad_series``/
``actors``/``articles``/``article``/``stats`` queries and its ``event_filter`` WHERE builder),
filtered by the shared :class:`warta.filters.EventFilter` record.  The few
aggregates the store does not offer (page totals, top actors/dyads, network edges, map points)
are written here against the store's own tables.  Every result is plain JSON-ready data.
"""

from __future__ import annotations

import json
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

from warta.codebook import Codebook, UnknownCode
from warta.db import Store, StoreError
from warta.filters import EventFilter
from warta.web.render import article_html, chart_arrays, highlight

BY_VALUES: tuple[str, ...] = ("day", "week", "month", "year")
COOPERATION = (1, 2)
CONFLICT = (3, 4)


def jsonable(value: Any) -> Any:
    """Dates to ISO strings, recursively; everything else unchanged."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def strip_html(value: Any) -> Any:
    """Drop the ``*_html`` presentation keys (JSON clients get the raw fields)."""
    if isinstance(value, dict):
        return {k: strip_html(v) for k, v in value.items() if not str(k).endswith("_html")}
    if isinstance(value, list):
        return [strip_html(v) for v in value]
    return value


def _find(text: str | None, needle: str | None) -> tuple[int, int] | None:
    if not text or not needle:
        return None
    i = text.find(needle)
    if i < 0:
        i = text.lower().find(needle.lower())
    return (i, i + len(needle)) if i >= 0 else None


def _mention_spans(m: dict[str, Any], source: str | None = None,
                   target: str | None = None) -> list[tuple[int | None, int | None, str]]:
    """Highlight spans (article offsets) of one stored event mention.

    With ``source``/``target`` (the codes of one directed event the mention supports) each actor
    is marked by its role in *that* event, so "Xi dan Putin bertemu" shows Xi as source of
    CHN→RUS and as target of RUS→CHN.  Without them an actor on both sides of a joint or
    reciprocal mention is marked ``"source target"``.
    """
    spans: list[tuple[int | None, int | None, str]] = [
        (m.get("trigger_start"), m.get("trigger_end"), "trigger")]
    sides: dict[tuple[Any, Any], list[str]] = {}
    codes: dict[tuple[Any, Any], str | None] = {}
    for side in ("sources", "targets"):
        for a in m.get(side) or []:
            if isinstance(a, dict):
                key = (a.get("start"), a.get("end"))
                sides.setdefault(key, [])
                if side[:-1] not in sides[key]:
                    sides[key].append(side[:-1])
                codes[key] = a.get("code")
    by_event = bool(source and target and source != target)
    for key, kinds in sides.items():
        code = codes.get(key)
        if by_event and code in (source, target):
            kind = "source" if code == source else "target"
        else:
            kind = " ".join(kinds)
        spans.append((key[0], key[1], kind))
    base = m.get("sentence_start") or 0
    sent = m.get("sentence_text")
    for key_, kind_ in (("date_text", "date"), ("place_name", "place")):
        hit = _find(sent, m.get(key_))
        if hit:
            spans.append((base + hit[0], base + hit[1], kind_))
    return spans


class WebQueries:
    """Read-only queries for the web app over one store (thread-safe: one lock per instance)."""

    def __init__(self, store: Store, codebook: Codebook | None = None) -> None:
        self.store = store
        self.codebook = codebook or Codebook.load()
        self._lock = threading.Lock()
        self._actor_codes: frozenset[str] | None = None
        self._actor_list: list[dict[str, Any]] | None = None
        self._cameo_codes = frozenset(e.code for e in self.codebook)

    @classmethod
    def open(cls, path: str | Path) -> WebQueries:
        return cls(Store(path, read_only=True))

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ helpers

    def _query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        with self._lock:
            return self.store.query(sql, params)

    def _scalar(self, sql: str, params: list[Any]) -> Any:
        rows = self._query(sql, params)
        return next(iter(rows[0].values())) if rows else None

    def _cameo_name(self, code: str | None) -> str | None:
        if not code:
            return None
        try:
            return self.codebook.get(code).name
        except UnknownCode:
            return None

    def _where(self, f: EventFilter) -> tuple[str, list[Any]]:
        with self._lock:
            return self.store.event_filter("e", f)

    def event_row(self, e: dict[str, Any]) -> dict[str, Any]:
        sent = e.get("sentence_text") or ""
        hit = _find(sent, e.get("trigger"))
        spans = [(hit[0], hit[1], "trigger")] if hit else []
        return jsonable({
            "id": None if e.get("id") is None else str(e["id"]),
            "date": e.get("date_value") or (e.get("date_start")),
            "date_precision": e.get("date_precision"),
            "source": e.get("source_code"), "source_role": e.get("source_role"),
            "source_name": e.get("source_name"),
            "target": e.get("target_code"), "target_role": e.get("target_role"),
            "target_name": e.get("target_name"),
            "cameo": e.get("cameo"), "cameo_name": self._cameo_name(e.get("cameo")),
            "root": e.get("root"), "quad_class": e.get("quad_class"),
            "goldstein": e.get("goldstein"), "plover": e.get("plover"), "mode": e.get("mode"),
            "trigger": e.get("trigger"), "sentence": sent,
            "sentence_html": highlight(sent, 0, spans),
            "place_name": e.get("place_name"), "place_country": e.get("place_country"),
            "lat": e.get("place_lat"), "lon": e.get("place_lon"),
            "num_mentions": e.get("num_mentions"), "num_sources": e.get("num_sources"),
            "confidence": e.get("confidence"), "article_id": e.get("rep_article_id"),
            "source_url": e.get("source_url"),
        })

    # ------------------------------------------------------------------ validation

    def actor_codes(self) -> frozenset[str]:
        """Every actor code (and code+role, e.g. ``IDNGOV``) the store knows (read once: the
        store is opened read-only)."""
        if self._actor_codes is None:
            rows = self._query(
                """SELECT DISTINCT c FROM (
                     SELECT source_code AS c FROM events UNION SELECT target_code FROM events
                     UNION SELECT source_code || coalesce(source_role, '') FROM events
                     UNION SELECT target_code || coalesce(target_role, '') FROM events
                     UNION SELECT code FROM actors UNION SELECT code || coalesce(role, '') FROM actors
                   ) x WHERE c IS NOT NULL""", [])
            self._actor_codes = frozenset(str(r["c"]) for r in rows)
        return self._actor_codes

    def is_actor(self, code: str) -> bool:
        return code in self.actor_codes()

    def is_cameo_prefix(self, code: str) -> bool:
        """``code`` is a CAMEO code or the prefix of one (``04``, ``042``, ``0431``)."""
        return code in self._cameo_codes or any(c.startswith(code) for c in self._cameo_codes)

    # ------------------------------------------------------------------ pages

    def events(self, f: EventFilter, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        with self._lock:
            total = self.store.count_events(f)
            rows = self.store.events(f.page(limit, offset))
        return {"total": int(total), "limit": limit, "offset": offset,
                "items": [self.event_row(r) for r in rows]}

    def overview(self) -> dict[str, Any]:
        with self._lock:
            stats = self.store.stats()
        actor_rows = self._query(
            """SELECT code, count(*) AS events, min(name) AS name FROM (
                 SELECT source_code AS code, source_name AS name FROM events
                 UNION ALL SELECT target_code, target_name FROM events) x
               WHERE code IS NOT NULL AND code <> '---'
               GROUP BY code ORDER BY events DESC, code LIMIT 10""", [])
        dyads = self._query(
            """SELECT source_code AS a, target_code AS b, count(*) AS events,
                      round(avg(goldstein), 2) AS goldstein
               FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL
               GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT 10""", [])
        latest = self.events(EventFilter(), limit=10)["items"]
        counts = {k: int(stats.get(k) or 0) for k in ("events", "mentions", "articles", "skips")}
        counts["actors"] = int(self._scalar(
            """SELECT count(DISTINCT code) FROM (SELECT source_code AS code FROM events
               UNION SELECT target_code FROM events) x WHERE code IS NOT NULL""", []) or 0)
        return jsonable({
            "counts": counts, "date_min": stats.get("first_date"),
            "date_max": stats.get("last_date"), "by_quad": stats.get("by_quad"),
            "by_mode": stats.get("by_mode"), "top_actors": actor_rows, "top_dyads": dyads,
            "latest": latest,
        })

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self._lock:
            ev = self.store.event(event_id)
        if ev is None:
            return None
        out = self.event_row(ev)
        src, tgt = ev.get("source_code"), ev.get("target_code")
        out["date_source"] = None
        evidence: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for m in ev.get("mentions", []):
            out["date_source"] = out["date_source"] or m.get("date_source")
            evidence.append({
                "mention_id": m.get("id"), "article_id": m.get("article_id"),
                "title": m.get("title"), "outlet": m.get("outlet"), "url": m.get("url"),
                "published": m.get("published"), "sentence_index": m.get("sentence_index"),
                "sentence_text": m.get("sentence_text"),
                "sentence_start": m.get("sentence_start"), "sentence_end": m.get("sentence_end"),
                "trigger": m.get("trigger"), "trigger_start": m.get("trigger_start"),
                "trigger_end": m.get("trigger_end"), "mode": m.get("mode"),
                "date_text": m.get("date_text"), "is_duplicate": m.get("is_duplicate"),
                "confidence": m.get("confidence"),
                "sentence_html": highlight(m.get("sentence_text") or "",
                                           m.get("sentence_start") or 0,
                                           _mention_spans(m, src, tgt)),
            })
            # the actor mentions behind this event's source and target (a joint mention lists
            # every actor on both sides; keep each on the side it plays in this event)
            own: list[dict[str, Any]] = []
            every: list[dict[str, Any]] = []
            for side, code in (("sources", src), ("targets", tgt)):
                for a in m.get(side) or []:
                    if isinstance(a, dict):
                        row = {"side": side[:-1], "article_id": m.get("article_id"), **a}
                        every.append(row)
                        if src != tgt and a.get("code") == code:
                            own.append(row)
            mentions += own or every
        out["evidence"] = evidence
        out["mentions"] = mentions
        out["outlet"] = evidence[0]["outlet"] if evidence else None
        expl = (ev.get("mentions") or [{}])[0].get("explanation")
        out["explanation"] = expl
        out["explanation_json"] = json.dumps(expl, ensure_ascii=False, indent=2, default=str)
        return jsonable(out)

    def _all_actors(self) -> list[dict[str, Any]]:
        """Every actor code with its event/mention counts and names, busiest first — computed
        once per instance (the store is opened read-only, so it cannot change underneath)."""
        if self._actor_list is None:
            with self._lock:
                rows = self.store.actors()
            by_code: dict[str, dict[str, Any]] = {}
            for r in rows:
                code = r.get("code")
                if not code:
                    continue
                a = by_code.setdefault(code, {"code": code, "events": 0, "mentions": 0,
                                              "names": [], "roles": []})
                a["events"] += (int(r.get("events_as_source") or 0)
                                + int(r.get("events_as_target") or 0))
                a["mentions"] += int(r.get("mentions") or 0)
                if r.get("role") and r["role"] not in a["roles"]:
                    a["roles"].append(r["role"])
                for n in r.get("names") or []:
                    if n not in a["names"]:
                        a["names"].append(n)
            items = sorted(by_code.values(), key=lambda a: (-a["events"], a["code"]))
            for a in items:
                a["name"] = ", ".join(a["names"][:3]) or None
            self._actor_list = items
        return self._actor_list

    def actors(self, q: str | None = None, *, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        items = self._all_actors()
        if q:
            ql = q.lower()
            items = [a for a in items if ql in a["code"].lower()
                     or any(ql in n.lower() for n in a["names"])]
        return {"total": len(items), "limit": limit, "offset": offset,
                "items": [dict(a) for a in items[offset: offset + limit]]}

    def actor_options(self, limit: int = 400) -> list[dict[str, Any]]:
        return [{"code": a["code"], "name": a["name"]}
                for a in self.actors(limit=limit)["items"] if a["code"] != "---"]

    def dyad(self, a: str | None, b: str | None, *, by: str = "month", since: date | None = None,
             until: date | None = None, directed: bool = False, limit: int = 50,
             offset: int = 0) -> dict[str, Any]:
        if by not in BY_VALUES:
            raise StoreError(f"by must be one of {', '.join(BY_VALUES)}")
        out: dict[str, Any] = {"a": a, "b": b, "by": by, "directed": directed, "series": [],
                               "chart": {}, "events": {"total": 0, "limit": limit,
                                                       "offset": offset, "items": []}}
        if not a or not b:
            return out
        with self._lock:
            raw = self.store.dyad_series(a, b, by=by, directed=directed, since=since, until=until)
        series = [{"period": r["period"], "events": r["events"], "mentions": r.get("mentions"),
                   "q1": r["q1_verbal_coop"], "q2": r["q2_material_coop"],
                   "q3": r["q3_verbal_conflict"], "q4": r["q4_material_conflict"],
                   "goldstein": r["goldstein"], "tone": r.get("tone")} for r in raw]
        out["series"] = jsonable(series)
        out["chart"] = chart_arrays(series)
        out["events"] = self.events(
            EventFilter.of(dyad=(a, b), directed=directed, since=since, until=until),
            limit=limit, offset=offset)
        return out

    def network(self, f: EventFilter, *, min_events: int = 1, max_nodes: int = 60) -> dict[str, Any]:
        """Undirected actor graph of asserted events matching ``f``: an edge per actor pair
        (both directions), split into cooperation (quad 1–2) and conflict (quad 3–4)."""
        where, params = self._where(f.replace(mode=("asserted",)))
        rows = self._query(
            f"""SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
                       count(*) AS events,
                       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                       round(avg(goldstein), 2) AS goldstein
                FROM events e
                WHERE {where} AND source_code IS NOT NULL AND target_code IS NOT NULL
                  AND source_code <> target_code AND source_code <> '---' AND target_code <> '---'
                GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT 2000""",
            [*params, min_events])
        degree: dict[str, int] = {}
        for r in rows:
            degree[r["a"]] = degree.get(r["a"], 0) + r["events"]
            degree[r["b"]] = degree.get(r["b"], 0) + r["events"]
        keep = set(sorted(degree, key=lambda c: (-degree[c], c))[:max_nodes])
        edges = [{"source": r["a"], "target": r["b"], "events": r["events"],
                  "cooperation": r["cooperation"], "conflict": r["conflict"],
                  "goldstein": r["goldstein"]}
                 for r in rows if r["a"] in keep and r["b"] in keep]
        nodes = [{"id": c, "events": degree[c]} for c in sorted(keep, key=lambda c: (-degree[c], c))]
        return {"nodes": nodes, "edges": edges}

    def places(self, f: EventFilter) -> dict[str, Any]:
        where, params = self._where(f)
        rows = self._query(
            f"""SELECT place_name AS name, place_country AS country,
                       round(place_lat, 3) AS lat, round(place_lon, 3) AS lon, count(*) AS events,
                       round(avg(goldstein), 2) AS goldstein
                FROM events e
                WHERE {where} AND place_lat IS NOT NULL AND place_lon IS NOT NULL
                GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT 5000""", params)
        return {"points": rows}

    def articles(self, *, outlet: str | None = None, since: date | None = None,
                 until: date | None = None, q: str | None = None, limit: int = 50,
                 offset: int = 0) -> dict[str, Any]:
        with self._lock:
            rows = self.store.articles(outlet=outlet, since=since, until=until, q=q, limit=limit,
                                       offset=offset)
        where: list[str] = []
        params: list[Any] = []
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        if since:
            where.append("published_date >= ?")
            params.append(since)
        if until:
            where.append("published_date <= ?")
            params.append(until)
        if q:
            where.append("(text ILIKE ? OR title ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        total = self._scalar(
            f"SELECT count(*) FROM articles WHERE {' AND '.join(where) or 'TRUE'}", params)
        items = [{**r, "events": r.get("n_events")} for r in rows]
        untitled = [r["id"] for r in items if not r.get("title")]
        if untitled:
            leads = {r["id"]: r["head"] for r in self._query(
                "SELECT id, left(text, 200) AS head FROM articles WHERE id IN "
                "(SELECT unnest(?::VARCHAR[]))", [untitled])}
            for r in items:
                if r["id"] in leads:
                    r["lead"] = lead(leads[r["id"]])
        return jsonable({"total": int(total or 0), "limit": limit, "offset": offset,
                         "items": items})

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self._lock:
            art = self.store.article(article_id)
            places = self.store.query(
                "SELECT name, text, start_char, end_char FROM places WHERE article_id = ?",
                [article_id]) if art else []
            pairs = self.store.query(
                """SELECT mention_id, pair_index, event_id, source_code, source_role, source_name,
                          target_code, target_role, target_name
                   FROM event_mentions WHERE article_id = ? ORDER BY mention_id, pair_index""",
                [article_id]) if art else []
        if art is None:
            return None
        text = art.get("text") or ""
        spans: list[tuple[int | None, int | None, str]] = []
        coded: list[tuple[int, int, int]] = []
        for m in art.get("mentions", []):
            spans += _mention_spans(m)
        for p in places:
            spans.append((p.get("start_char"), p.get("end_char"), "place"))
        for s in art.get("sentences", []):
            if s.get("events"):
                coded.append((s["idx"], s["start_char"], s["end_char"]))
        by_mention: dict[str, list[dict[str, Any]]] = {}
        for pr in pairs:
            by_mention.setdefault(pr["mention_id"], []).append(pr)
        events = []
        for m in art.get("mentions", []):
            # one row per event the mention supports: a joint "Xi dan Putin bertemu" is both
            # CHN→RUS and RUS→CHN, each sentence highlighted with that event's roles
            for pr in by_mention.get(m.get("id"), []) or [{"event_id": m.get("event_id")}]:
                row = self.event_row({**m, **pr, "id": pr.get("event_id")})
                row["mention_id"] = m.get("id")
                row["sentence_index"] = m.get("sentence_index")
                row["sentence_html"] = (
                    f'<a href="#s{m.get("sentence_index")}">'
                    + highlight(m.get("sentence_text") or "", m.get("sentence_start") or 0,
                                _mention_spans(m, row["source"], row["target"])) + "</a>")
                events.append(row)
        out = {k: art.get(k) for k in ("id", "title", "url", "outlet", "published",
                                         "published_source", "dateline_place", "tone",
                                         "duplicate_of", "text")}
        out["sentences"] = [{"index": s["idx"], "start": s["start_char"], "end": s["end_char"],
                             "text": s["text"],
                             "event_ids": [str(i) for e in s.get("events", [])
                                           for i in (e.get("event_ids") or [e.get("event_id")])]}
                            for s in art.get("sentences", [])]
        out["actors"] = art.get("actors")
        out["places"] = places
        out["events"] = events
        out["copies"] = art.get("copies")
        out["text_html"] = article_html(text, coded, spans)
        if not out.get("title"):
            out["lead"] = lead(text)
        return jsonable(out)


def lead(text: str, width: int = 90) -> str:
    """A stand-in title for an article without one: its first line, cut at a word to ``width``."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= width:
        return first
    cut = first[:width].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"
