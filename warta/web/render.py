"""Pure helpers that turn store rows into what the pages show (highlighted text, chart arrays)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from html import escape
from typing import Any

# Which highlight wins when spans overlap (earlier = stronger).
HL_ORDER: tuple[str, ...] = ("trigger", "source", "target", "date", "place")


def highlight(text: str, base: int, spans: Iterable[tuple[int | None, int | None, str]]) -> str:
    """HTML of ``text`` (which starts at article offset ``base``) with ``<mark class=…>`` spans.

    Spans are ``(start, end, kind)`` in article offsets; spans outside the text, empty ones, and
    ones overlapping a stronger span are dropped, so the result is always well-formed HTML.
    """
    rank = {k: i for i, k in enumerate(HL_ORDER)}
    cleaned: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if start is None or end is None:
            continue
        s, e = max(start - base, 0), min(end - base, len(text))
        if s < e:
            cleaned.append((s, e, kind))
    # a multi-class kind ("source target": both sides of a joint event) ranks as its first class
    cleaned.sort(key=lambda x: (rank.get(x[2].split(" ")[0], len(rank)), x[0]))
    chosen: list[tuple[int, int, str]] = []
    for s, e, kind in cleaned:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, kind))
    chosen.sort()
    out: list[str] = []
    pos = 0
    for s, e, kind in chosen:
        out.append(escape(text[pos:s]))
        out.append(f'<mark class="{escape(kind)}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def article_html(
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    spans: Iterable[tuple[int | None, int | None, str]],
) -> str:
    """Whole article text with each coded sentence wrapped in ``<span class="coded" id="s{i}">``
    and the given highlight spans inside.  ``sentences`` are ``(index, start, end)``."""
    span_list = list(spans)
    out: list[str] = []
    pos = 0
    for index, start, end in sorted(sentences, key=lambda s: s[1]):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(highlight(text[pos:start], pos, span_list))
        inner = highlight(text[start:end], start, span_list)
        out.append(f'<span class="coded" id="s{index}">{inner}</span>')
        pos = end
    out.append(highlight(text[pos:], pos, span_list))
    return "".join(out)


def period_start(period: Any) -> date | None:
    """First day of a period label from the store ('2024', '2024-10', '2024-10-02', date, datetime)."""
    if period is None:
        return None
    if isinstance(period, datetime):
        return period.date()
    if isinstance(period, date):
        return period
    s = str(period)[:10]
    if len(s) >= 8 and s[4] == "-" and "W" in s:  # ISO week '2024-W40'
        y, w = s.split("-W")
        return date.fromisocalendar(int(y), int(w[:2]), 1)
    parts = s.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def chart_arrays(series: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """uPlot columns from per-period rows ``{period, q1..q4, goldstein}``."""
    cols: dict[str, list[Any]] = {"ts": [], "q1": [], "q2": [], "q3": [], "q4": [], "goldstein": []}
    for row in series:
        d = period_start(row.get("period"))
        if d is None:
            continue
        cols["ts"].append(int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()))
        for q in (1, 2, 3, 4):
            cols[f"q{q}"].append(int(row.get(f"q{q}") or 0))
        g = row.get("goldstein")
        cols["goldstein"].append(None if g is None else round(float(g), 3))
    return cols
