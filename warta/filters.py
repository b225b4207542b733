"""One validated record for the event filters every query layer shares.

``EventFilter`` is what :class:`warta.db.Store` (``events``, ``mentions``, ``count_events``,
``count_mentions``, ``event_filter``), the Python API (:mod:`warta.api`) and the exports accept,
instead of each repeating the same dozen keyword arguments::

    >>> f = EventFilter.of(dyad="CHN~RUS", since="2024-10", quad=[1, 2], limit=50)
    >>> store.events(f), store.count_events(f)

The dataclass holds the *canonical* form (tuples, ``date`` objects, zero-padded roots) and checks
it in ``__post_init__``; :meth:`EventFilter.of` takes the loose forms (a string or a list, ``"CHN-RUS"``
or ``("CHN", "RUS")``, ``"2024-10"`` as a date) and normalises them.  Anything invalid raises
:class:`FilterError` (a ``ValueError``) with a message naming the field.
"""

from __future__ import annotations

import dataclasses
import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, get_args

from warta.model import Mode

MODES: tuple[str, ...] = get_args(Mode)
QUADS: tuple[int, ...] = (1, 2, 3, 4)

_ACTOR = re.compile(r"^(?:---|[A-Z0-9]+(?::[A-Z0-9]+)?)(?:[A-Z]{3})?$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")


class FilterError(ValueError):
    """A filter value that cannot be used (bad date, code, quad class …)."""


def parse_date(value: str | date | None, field: str, *, end: bool = False) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a date) → the period's first day, or its last
    day when ``end`` (so ``until="2024-08"`` includes all of August)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise FilterError(f"{field}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d is not None:
            return date(y, int(mo), int(d))
        if mo is not None:
            month = int(mo)
            return date(y, month, monthrange(y, month)[1] if end else 1)
        return date(y, 12, 31) if end else date(y, 1, 1)
    except ValueError as e:
        raise FilterError(f"{field}: {value!r} is not a real date ({e})") from None


def _tuple(value: Any) -> tuple[Any, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return tuple(v for v in items if v is not None and v != "")
    return (value,)


def _dyad(value: Any) -> tuple[tuple[str, str] | None, bool | None]:
    """``"A-B"``/``"A,B"``/``("A", "B")`` (directed) or ``"A~B"`` (either direction)."""
    if value is None or value == "" or value == ():
        return None, None
    directed: bool | None = None
    if isinstance(value, str):
        if "~" in value:
            parts, directed = value.split("~"), False
        else:
            parts = value.replace("-", ",").split(",") if value != "---" else [value]
    else:
        parts = [str(v) for v in value]
    parts = [p.strip().upper() for p in parts]
    if len(parts) != 2 or not all(parts):
        raise FilterError(f"dyad must be two actor codes, got {value!r}")
    return (parts[0], parts[1]), directed


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for clustered events and their mentions (all optional; ``()`` = no filter).

    * ``actor`` — codes (``"CHN"``) or code+role (``"CHNGOV"``) as source or target; any matches.
    * ``dyad`` + ``directed`` — source → target (``directed=False``: either direction).
    * ``since``/``until`` — inclusive; match events whose days overlap ``[since, until]``.
    * ``root`` (``"04"``), ``code`` (CAMEO prefix ``"05"``, ``"0571"``), ``quad`` (1–4),
      ``mode`` (asserted, future, negated, hypothetical), ``min_confidence`` (0–1).
    * ``outlet``, ``q`` (text in the evidence sentence) — an event matches if any mention does.
    * ``limit``/``offset`` — paging for list queries (counts ignore them).
    """

    actor: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    directed: bool = True
    since: date | None = None
    until: date | None = None
    root: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    mode: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    q: str | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for a in self.actor:
            if not isinstance(a, str) or not _ACTOR.match(a):
                raise FilterError(f"actor: {a!r} is not an actor code (e.g. CHN, CHNGOV, IGO:UN)")
        if self.dyad is not None:
            if len(self.dyad) != 2:
                raise FilterError(f"dyad must be two actor codes, got {self.dyad!r}")
            for a in self.dyad:
                if not isinstance(a, str) or not _ACTOR.match(a):
                    raise FilterError(f"dyad: {a!r} is not an actor code")
        for name in ("since", "until"):
            v = getattr(self, name)
            if v is not None and not isinstance(v, date):
                raise FilterError(f"{name}: {v!r} is not a date (use EventFilter.of for strings)")
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")
        for r in self.root:
            if not (isinstance(r, str) and len(r) == 2 and r.isdigit() and 1 <= int(r) <= 20):
                raise FilterError(f"root: {r!r} is not a CAMEO root code (01-20)")
        for c in self.code:
            if not (isinstance(c, str) and _CAMEO.match(c) and 1 <= int(c[:2]) <= 20):
                raise FilterError(f"code: {c!r} is not a CAMEO code or prefix (2-4 digits)")
        for qc in self.quad:
            if isinstance(qc, bool) or qc not in QUADS:
                raise FilterError(f"quad: {qc!r} is not a quad class (1-4)")
        for m in self.mode:
            if m not in MODES:
                raise FilterError(f"mode: {m!r} is not one of {', '.join(MODES)}")
        for o in self.outlet:
            if not isinstance(o, str):
                raise FilterError(f"outlet: {o!r} is not a string")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise FilterError(f"min_confidence: {self.min_confidence!r} is not in [0, 1]")
        if self.limit is not None and (isinstance(self.limit, bool) or self.limit < 0):
            raise FilterError(f"limit: {self.limit!r} must be a non-negative integer")
        if isinstance(self.offset, bool) or self.offset < 0:
            raise FilterError(f"offset: {self.offset!r} must be a non-negative integer")

    @classmethod
    def of(
        cls,
        actor: str | Sequence[str] | None = None,
        dyad: str | Sequence[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        root: str | int | Sequence[str | int] | None = None,
        quad: int | str | Sequence[int | str] | None = None,
        code: str | Sequence[str] | None = None,
        outlet: str | Sequence[str] | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = 0,
        *,
        mode: str | Sequence[str] | None = None,
        min_confidence: float | str | None = None,
        directed: bool | None = None,
    ) -> EventFilter:
        """Build a filter from loose values (strings or lists, ``"CHN-RUS"``, ``"2024-10"``)."""
        pair, dyad_directed = _dyad(dyad)
        try:
            quads = tuple(int(x) for x in _tuple(quad))
        except (TypeError, ValueError):
            raise FilterError(f"quad: {quad!r} is not a quad class (1-4)") from None
        roots = []
        for r in _tuple(root):
            s = str(r).strip()
            roots.append(s.zfill(2) if s.isdigit() and len(s) == 1 else s)
        try:
            conf = None if min_confidence is None else float(min_confidence)
            lim = None if limit is None else int(limit)
            off = int(offset or 0)
        except (TypeError, ValueError) as e:
            raise FilterError(f"not a number: {e}") from None
        return cls(
            actor=tuple(str(a).strip().upper() for a in _tuple(actor)),
            dyad=pair,
            directed=directed if directed is not None else (
                dyad_directed if dyad_directed is not None else True),
            since=parse_date(since, "since"),
            until=parse_date(until, "until", end=True),
            root=tuple(roots),
            code=tuple(str(c).strip() for c in _tuple(code)),
            quad=quads,
            mode=tuple(str(m) for m in _tuple(mode)),
            outlet=tuple(str(o) for o in _tuple(outlet)),
            q=(q.strip() or None) if isinstance(q, str) else None,
            min_confidence=conf,
            limit=lim,
            offset=off,
        )

    def replace(self, **changes: Any) -> EventFilter:
        """A copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def page(self, limit: int | None, offset: int = 0) -> EventFilter:
        return self.replace(limit=limit, offset=offset)

    @property
    def unpaged(self) -> EventFilter:
        return self if self.limit is None and not self.offset else self.replace(limit=None,
                                                                                offset=0)


def as_filter(filter: EventFilter | None = None, **keywords: Any) -> EventFilter:
    """``filter`` (with ``keywords`` applied as loose overrides) or a filter built from them."""
    if filter is None:
        return EventFilter.of(**keywords)
    if not keywords:
        return filter
    loose = EventFilter.of(**keywords)
    changes = {k: getattr(loose, k) for k in keywords if k in _FIELDS}
    if "dyad" in keywords and "directed" not in keywords:
        changes["directed"] = loose.directed
    return filter.replace(**changes)


_FIELDS = frozenset(f.name for f in dataclasses.fields(EventFilter))

__all__ = ["MODES", "QUADS", "EventFilter", "FilterError", "as_filter", "parse_date"]
