"""The gold event format of ``shared/gold/GUIDE.md``: reading records, coding them, writing events.

A gold record is ``{"id", "text", "context"?, "published"?, "events"?}``. To code it, the context
(if any) and the text are coded together as one article, so pronouns and "kedua negara" can be
resolved, and only events whose sentence lies in ``text`` are returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warta.model import ActorMention, Event
from warta.pipeline import Coder


class GoldFormatError(ValueError):
    """A line of a gold/sentence file is not a valid record."""


def read_records(path: str | Path | IO[str], *, require_text: bool = True
                 ) -> Iterator[dict[str, Any]]:
    f = open(path, encoding="utf-8") if isinstance(path, str | Path) else path  # noqa: SIM115
    try:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldFormatError(f"line {n}: not valid JSON ({e.msg})") from None
            if not isinstance(rec, dict):
                raise GoldFormatError(f"line {n}: a record must be a JSON object")
            if require_text and not isinstance(rec.get("text"), str):
                raise GoldFormatError(f"line {n}: a record needs a string 'text' field")
            rec.setdefault("id", f"line-{n}")
            yield rec
    finally:
        if isinstance(path, str | Path):
            f.close()


def _actor(a: ActorMention) -> dict[str, Any]:
    d: dict[str, Any] = {"code": a.code, "text": a.text}
    if a.role:
        d["role"] = a.role
    return d


def _dedup(actors: list[ActorMention]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a in actors:
        k = (a.code, a.role)
        if k not in seen:
            seen.add(k)
            out.append(_actor(a))
    return out


def event_to_gold(ev: Event) -> dict[str, Any]:
    d: dict[str, Any] = {
        "source": _dedup(ev.source),
        "target": _dedup(ev.target),
        "cameo": ev.cameo,
        "mode": ev.mode,
        "trigger": ev.trigger,
    }
    if ev.date is not None and ev.date.source in {"clause", "sentence"}:
        d["when"] = ev.date.value
    if ev.place is not None:
        d["where"] = ev.place.text or ev.place.name
    d["confidence"] = ev.confidence
    return d


def code_record(coder: Coder, rec: dict[str, Any]) -> list[Event]:
    context = (rec.get("context") or "").strip()
    text = rec["text"]
    full = f"{context}\n\n{text}" if context else text
    offset = len(full) - len(text)
    coded = coder.code_text(full, rec.get("published"), article_id_=str(rec.get("id", "")))
    return [e for e in coded.events if e.evidence.sentence_start >= offset]


def predict(coder: Coder, rec: dict[str, Any]) -> dict[str, Any]:
    return {"id": rec.get("id"), "events": [event_to_gold(e) for e in code_record(coder, rec)]}
