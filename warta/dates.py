"""Date expressions: when did the event happen (not when was it reported).

``DateResolver`` finds date expressions in Indonesian (and English) text and resolves them
against an anchor date (usually the publication date).  All vocabulary — month and weekday
names, number words, relative words, discourse anchors, future cues — lives in
``warta/lang/<code>/dates.yaml``; this module only knows the rule *kinds*.

Speed: one precompiled candidate regex (an alternation of every rule, built from the YAML)
finds spans; only those spans are resolved by the rule's handler.  ``dateparser`` is used
only as a fallback on candidate spans the tables cannot resolve (English month-day without
a year and similar), never per token.

Resolution conventions (see the YAML for the words):

* full dates ("2 Oktober 2024", "2/10/2024", "October 2, 2024") → day precision;
* day-month without year: with a weekday ("Rabu, 4 Februari") the year is the nearest one not
  after the anchor in which that date falls on that weekday; without a weekday, the year that
  puts the date nearest before-or-at the anchor, or just after it when a future cue ("akan",
  "dijadwalkan" …) precedes it in the sentence;
* ANTARA "Senin (21/10)" and "(21/10)" → as above;
* "Oktober 2024", "awal Oktober 2024" → month; "Oktober lalu" → the last October strictly
  before the anchor month; "pada bulan Oktober" → nearest October before-or-at the anchor;
* "awal 2022", "pertengahan 2023", "akhir tahun 2021", "pada tahun 2022", "sejak 2014",
  "tahun 1998" → year precision (the part is recorded in ``rule``);
* bare weekdays ("Rabu", "pada hari Senin", "Senin malam") → the most recent such day at or
  before the anchor (the next one with a future cue); "Senin lalu"/"Senin depan" → strictly
  before/after;
* relative phrases: "kemarin", "besok", "lusa", "hari ini" (days); "pekan lalu"/"minggu depan"
  (±7 days, day precision, rule ``rel:week``); "akhir pekan ini/lalu" (the Saturday of this /
  last week); "bulan ini/lalu/depan" (month); "tahun lalu/depan" (year); "dua hari yang lalu",
  "3 tahun lalu" (n units); "awal bulan depan" (month);
* discourse anchors: "pada hari yang sama", "hari itu" → the previous day-precision date in the
  text (the anchor if none); "saat itu" → the previous date of any precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from warta.lang import LangData, LangDataError, load_lang
from warta.model import DateMention, EventDate, Precision, Sentence

_GROUP_NAME = re.compile(r"\(\?P<\w+>")
# rules whose rejected span must not be re-read by a shorter rule
_BLOCKING = frozenset({"n_unit"})


class DateDataError(LangDataError):
    """dates.yaml is missing a table or has a malformed entry."""


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of words (longest first); spaces match any whitespace."""
    uniq = sorted({w.strip().lower() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Callable[[re.Match[str], dt.date, bool], tuple[str, Precision, str] | None]


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


class DateResolver:
    """Finds and resolves date expressions; one instance per language, reusable and thread-safe
    for reading (no mutable state)."""

    def __init__(self, table: Mapping[str, Any]):
        self._t = table
        try:
            self.months: dict[str, int] = self._word_map(table["months"])
            self.weekdays: dict[str, int] = self._word_map(table["weekdays"])
        except (KeyError, TypeError, ValueError) as e:
            raise DateDataError(f"dates.yaml: bad months/weekdays table: {e}") from e
        self.day_words = [_norm(w) for w in table.get("day_words", [])]
        self.ambiguous_weekdays = {_norm(w) for w in table.get("ambiguous_weekdays", [])}
        self.numbers: dict[str, int] = {
            _norm(k): int(v) for k, v in table.get("number_words", {}).items()
        }
        self.units: dict[str, str] = {_norm(k): str(v) for k, v in table.get("units", {}).items()}
        self.directions: dict[str, int] = {
            _norm(k): int(v) for k, v in table.get("directions", {}).items()
        }
        self.leading_directions: dict[str, int] = {
            _norm(k): int(v) for k, v in table.get("leading_directions", {}).items()
        }
        self.parts: dict[str, str] = {_norm(k): str(v) for k, v in table.get("parts", {}).items()}
        self.relative_days: dict[str, int] = {
            _norm(k): int(v) for k, v in table.get("relative_days", {}).items() if v is not None
        }
        self.discourse: dict[str, str] = {
            _norm(k): str(v) for k, v in table.get("discourse", {}).items()
        }
        self._year_words = {_norm(w) for w in table.get("year_words", [])}
        self.future_window = int(table.get("future_window", 80))
        self.forward_slack = int(table.get("forward_slack_days", 1))
        self.year_search = int(table.get("weekday_year_search", 12))
        self.pivot = int(table.get("two_digit_year_pivot", 50))
        self.lead_chars = int(table.get("lead_chars", 300))
        self.weak_prefixes = [_norm(w) for w in table.get("weak_prefixes", [])]
        self.adjunct_markers = [_norm(w) for w in table.get("adjunct_markers", [])]
        breaks = [str(b) for b in table.get("clause_breaks", [])]
        self._clause_re = re.compile(
            "|".join(re.escape(b) for b in sorted(breaks, key=len, reverse=True)) or r"(?!x)x", re.I
        )
        self._future_re = re.compile(
            r"(?<!\w)(?:" + _alt(table.get("future_cues", [])) + r")(?!\w)", re.I
        )
        self._weak_re = re.compile(r"(?<!\w)(?:" + _alt(self.weak_prefixes) + r")\s*$", re.I)
        self._adjunct_re = re.compile(r"(?<!\w)(?:" + _alt(self.adjunct_markers) + r")\s*$", re.I)
        self._rules = self._build_rules(table)
        self._candidate = re.compile(
            "|".join(
                f"(?P<r{i}>{_GROUP_NAME.sub('(?:', r.regex.pattern)})"
                for i, r in enumerate(self._rules)
            ),
            re.I,
        )
        # Words that can open a date expression: the candidate regex is only tried at tokens
        # whose lowercase form is in this set (or that start with a digit or "(digit").
        openers: set[str] = set()
        for key in (
            "months",
            "weekdays",
            "number_words",
            "units",
            "leading_directions",
            "parts",
            "relative_days",
            "discourse",
            "prepositions",
            "year_cues",
            "day_words",
            "month_words",
            "year_words",
        ):
            vocab = table.get(key) or {}
            words = (
                [w for ws in vocab.values() for w in (ws or [])]
                if key in ("months", "weekdays")
                else list(vocab)
            )
            for w in words:
                first = _norm(str(w)).split(" ")[0]
                openers.add(first)
                openers.add(re.split(r"['’]", first)[0])
        # number words may be glued to their unit ("sebulan", "setahun")
        for num in self.numbers:
            for unit in self.units:
                openers.add(num.split(" ")[-1] + unit.split(" ")[0])
        self._openers = frozenset(openers)
        self._token_re = re.compile(r"\(\s*\d|[^\W_]+")

    # ------------------------------------------------------------------ loading
    @staticmethod
    def _word_map(table: Mapping[Any, Any]) -> dict[str, int]:
        out: dict[str, int] = {}
        for k, words in table.items():
            for w in words or []:
                out[_norm(str(w))] = int(k)
        return out

    @classmethod
    def load(cls, lang: LangData | None = None) -> DateResolver:
        lang = lang or load_lang("id")
        table = lang.yaml("dates.yaml")
        if not isinstance(table, dict):
            raise DateDataError(f"{lang.path('dates.yaml')}: expected a mapping")
        merged = dict(table)
        for code in table.get("extends", []) or []:
            other = load_lang(str(code)).yaml("dates.yaml") or {}
            merged = _merge(merged, other)
        return cls(merged)

    # ------------------------------------------------------------------ rules
    def _build_rules(self, t: Mapping[str, Any]) -> list[_Rule]:
        M = _alt(self.months)
        WD = _alt(self.weekdays)
        NUM = _alt(self.numbers)
        UNIT = _alt(self.units)
        DIR = _alt(self.directions)
        LDIR = _alt(self.leading_directions)
        PART = _alt(self.parts)
        REL = _alt(self.relative_days)
        TOD = _alt(t.get("times_of_day", []))
        YCUE = _alt(t.get("year_cues", []))
        DISC = _alt(self.discourse)
        B = r"(?<![\w/.,])"  # start boundary
        E = r"(?![\w/])"  # end boundary
        DAYW = _alt(self.day_words)
        MONW = _alt(t.get("month_words", []))
        YEARW = _alt(t.get("year_words", []))
        PREP = _alt(t.get("prepositions", []))
        ORD = _alt(t.get("ordinal_suffixes", []))
        NOTYEAR = _alt(t.get("year_suffixes_not_date", []))
        HARI = rf"(?:(?:{DAYW})\s+)?"
        wd_opt = rf"(?:{HARI}(?P<wd>{WD})\s*,?\s+)?"
        specs: list[
            tuple[
                str,
                str,
                Callable[[re.Match[str], dt.date, bool], tuple[str, Precision, str] | None],
            ]
        ] = [
            (
                "wd_paren",
                rf"{HARI}(?P<wd>{WD})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
                self._h_numeric,
            ),
            (
                "dmy",
                rf"{wd_opt}(?P<d>\d{{1,2}})\s+(?P<mn>{M})\.?,?\s+(?P<y>\d{{4}})(?!\d)",
                self._h_named,
            ),
            (
                "mdy",
                rf"{wd_opt}(?P<mn>{M})\.?\s+(?P<d>\d{{1,2}})(?:{ORD})?,?\s+(?P<y>\d{{4}})(?!\d)",
                self._h_named,
            ),
            (
                "numeric",
                rf"{wd_opt}(?P<d>\d{{1,2}})(?P<s1>[/.-])(?P<m>\d{{1,2}})(?P<s2>[/.-])(?P<y>\d{{4}}|\d{{2}})(?![\d.,]\d)",
                self._h_numeric,
            ),
            (
                "part_month",
                rf"(?P<part>{PART})\s+(?:(?:{MONW})\s+)?(?P<mn>{M})(?:\s+(?:(?:{YEARW})\s+)?(?P<y>\d{{4}}))?",
                self._h_month,
            ),
            ("dm", rf"{wd_opt}(?P<d>\d{{1,2}})\s+(?P<mn>{M})\.?", self._h_named),
            ("md_en", rf"(?P<mn>{M})\.?\s+(?P<d>\d{{1,2}})(?:{ORD})(?!\d)", self._h_dateparser),
            (
                "month_year",
                rf"(?:(?:{MONW})\s+)?(?P<mn>{M})\.?\s+(?:(?:{YEARW})\s+)?(?P<y>\d{{4}})(?!\d)",
                self._h_month,
            ),
            ("month_dir", rf"(?:(?:{MONW})\s+)?(?P<mn>{M})\s+(?P<dir>{DIR})", self._h_month),
            (
                "month_bare",
                rf"(?:(?:{PREP})\s+(?:(?:{MONW})\s+)?(?P<mn>{M})|(?:{MONW})\s+(?P<mn2>{M}))(?!\.?\s*\d)",
                self._h_month,
            ),
            (
                "part_year",
                rf"(?P<part>{PART})\s+(?:(?:{YEARW})\s+)?(?P<y>\d{{4}})(?!\d)",
                self._h_year,
            ),
            (
                "part_rel",
                rf"(?P<part>{PART})\s+(?P<unit>{UNIT})\s+(?P<dir>{DIR})",
                self._h_relative,
            ),
            (
                "n_unit",
                rf"(?P<n>\d{{1,3}}|{NUM})\s*(?P<unit>{UNIT})\s+(?P<dir>{DIR})",
                self._h_relative,
            ),
            ("unit_dir", rf"(?P<unit>{UNIT})\s+(?P<dir>{DIR})", self._h_relative),
            ("ldir_unit", rf"(?P<ldir>{LDIR})\s+(?P<unit>{UNIT})", self._h_relative),
            ("relday", rf"(?P<rel>{REL})(?:\s+(?P<tod>{TOD}))?", self._h_relday),
            ("wd_dir", rf"{HARI}(?P<wd>{WD})\s+(?P<dir>{DIR})", self._h_weekday),
            ("weekday", rf"{HARI}(?P<wd>{WD})(?:\s+(?P<tod>{TOD}))?", self._h_weekday),
            (
                "dm_paren",
                r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)",
                self._h_numeric,
            ),
            (
                "year",
                rf"(?P<cue>{YCUE})\s+(?:(?P<th>{YEARW})\s+)?(?P<y>\d{{4}})(?![\d.,]\d|-?(?:{NOTYEAR})(?!\w))",
                self._h_year,
            ),
            ("discourse", rf"(?P<disc>{DISC})", self._h_discourse),
        ]
        rules = []
        for name, body, handler in specs:
            rules.append(_Rule(name, re.compile(rf"{B}(?:{body}){E}", re.I), handler))
        return rules

    # ------------------------------------------------------------------ helpers
    def _year2(self, y: str) -> int:
        v = int(y)
        if len(y) == 2:
            v += 2000 if v < self.pivot else 1900
        return v

    def _weekday_ok(self, m: re.Match[str]) -> bool:
        """An ambiguous weekday word ("minggu") counts only if capitalised or after "hari"."""
        wd = m.groupdict().get("wd")
        if not wd or _norm(wd) not in self.ambiguous_weekdays:
            return True
        if wd[0].isupper():
            return True
        before = _norm(m.group(0)[: m.start("wd") - m.start()])
        return any(w in before.split() for w in self.day_words)

    def _infer_year(
        self, d: int, mo: int, anchor: dt.date, future: bool, weekday: int | None
    ) -> tuple[dt.date, str] | None:
        slack = dt.timedelta(days=self.forward_slack)
        if weekday is not None:
            if future:
                for y in (anchor.year, anchor.year + 1):
                    c = _safe_date(y, mo, d)
                    if c and c >= anchor and c.weekday() == weekday:
                        return c, "weekday-year:future"
            for y in range(anchor.year + 1, anchor.year - self.year_search - 1, -1):
                c = _safe_date(y, mo, d)
                if c and c <= anchor + slack and c.weekday() == weekday:
                    return c, "weekday-year"
        cands = [
            c
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (c := _safe_date(y, mo, d))
        ]
        if not cands:
            return None
        if future:
            after = [c for c in cands if c >= anchor]
            if after:
                return min(after), "nearest-year:future"
        before = [c for c in cands if c <= anchor + slack]
        if before:
            return max(before), "nearest-year"
        return min(cands), "nearest-year:after"

    # ------------------------------------------------------------------ handlers
    # A handler returns (value, precision, rule-detail) or None to reject the candidate.
    def _h_named(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        if not self._weekday_ok(m):
            return None
        mo = self.months.get(_norm(m["mn"]))
        if mo is None:
            return None
        return self._day(
            int(m["d"]), mo, m.groupdict().get("y"), m.groupdict().get("wd"), anchor, future
        )

    def _h_numeric(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        if not self._weekday_ok(m):
            return None
        gd = m.groupdict()
        if gd.get("s1") and gd["s1"] != gd.get("s2"):
            return None
        return self._day(int(m["d"]), int(m["m"]), gd.get("y"), gd.get("wd"), anchor, future)

    def _day(
        self, d: int, mo: int, y: str | None, wd: str | None, anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if y:
            c = _safe_date(self._year2(y), mo, d)
            return (_iso(c), "day", "explicit") if c else None
        weekday = self.weekdays.get(_norm(wd)) if wd else None
        got = self._infer_year(d, mo, anchor, future, weekday)
        if got is None:
            return None
        return _iso(got[0]), "day", got[1]

    def _h_month(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        gd = m.groupdict()
        name = gd.get("mn") or gd.get("mn2")
        mo = self.months.get(_norm(name or ""))
        if mo is None:
            return None
        part = self.parts.get(_norm(gd.get("part") or ""), "")
        detail = f"part:{part}" if part else ""
        if gd.get("y"):
            return f"{int(gd['y']):04d}-{mo:02d}", "month", detail or "explicit"
        direction = gd.get("dir")
        if direction is not None:
            dv = self.directions.get(_norm(direction), 0)
            if dv < 0:
                y = anchor.year if mo < anchor.month else anchor.year - 1
            elif dv > 0:
                y = anchor.year if mo > anchor.month else anchor.year + 1
            else:
                y = anchor.year
            return f"{y:04d}-{mo:02d}", "month", f"month-dir:{dv}"
        if future:
            y = anchor.year if mo >= anchor.month else anchor.year + 1
        else:
            y = anchor.year if mo <= anchor.month else anchor.year - 1
        return f"{y:04d}-{mo:02d}", "month", detail or "nearest-month"

    def _h_year(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        y = int(m["y"])
        if not 1800 <= y <= anchor.year + 50:
            return None
        gd = m.groupdict()
        part = self.parts.get(_norm(gd.get("part") or ""), "")
        cue = _norm(gd.get("cue") or "")
        return f"{y:04d}", "year", f"part:{part}" if part else (f"cue:{cue}" if cue else "explicit")

    def _h_relative(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        gd = m.groupdict()
        unit = self.units.get(_norm(gd["unit"]))
        if unit is None:
            return None
        if gd.get("ldir") is not None:
            dv = self.leading_directions.get(_norm(gd["ldir"]), 0)
        else:
            dv = self.directions.get(_norm(gd["dir"]), 0)
        n = 1
        if gd.get("n"):
            raw = _norm(gd["n"])
            n = int(raw) if raw.isdigit() else self.numbers.get(raw, 0)
            if n <= 0 or dv == 0:
                return None
        part = self.parts.get(_norm(gd.get("part") or ""), "")
        if unit == "week" and part == "end":
            unit, part = "weekend", ""
        if unit == "day":
            if part:
                return None
            return _iso(anchor + dt.timedelta(days=dv * n)), "day", f"rel:day{dv * n:+d}"
        if unit == "week":
            return _iso(anchor + dt.timedelta(days=7 * dv * n)), "day", f"rel:week{dv * n:+d}"
        if unit == "weekend":
            monday = anchor - dt.timedelta(days=anchor.weekday())
            sat = monday + dt.timedelta(days=5 + 7 * dv * n)
            return _iso(sat), "day", f"rel:weekend{dv * n:+d}"
        if unit == "month":
            y, mo = _add_months(anchor.year, anchor.month, dv * n)
            return (
                f"{y:04d}-{mo:02d}",
                "month",
                f"rel:month{dv * n:+d}" + (f":{part}" if part else ""),
            )
        if unit == "year":
            return (
                f"{anchor.year + dv * n:04d}",
                "year",
                f"rel:year{dv * n:+d}" + (f":{part}" if part else ""),
            )
        if unit == "decade":
            return f"{anchor.year + 10 * dv * n:04d}", "year", f"rel:decade{dv * n:+d}"
        return None

    def _h_relday(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        off = self.relative_days.get(_norm(m["rel"]))
        if off is None:
            return None
        return _iso(anchor + dt.timedelta(days=off)), "day", f"rel:day{off:+d}"

    def _h_weekday(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        if not self._weekday_ok(m):
            return None
        wd = self.weekdays.get(_norm(m["wd"]))
        if wd is None:
            return None
        gd = m.groupdict()
        dv = self.directions.get(_norm(gd["dir"]), 0) if gd.get("dir") else None
        back = (anchor.weekday() - wd) % 7
        fwd = (wd - anchor.weekday()) % 7
        if dv is not None and dv < 0:
            d = anchor - dt.timedelta(days=back or 7)
            detail = "weekday:last"
        elif dv is not None and dv > 0:
            d = anchor + dt.timedelta(days=fwd or 7)
            detail = "weekday:next"
        elif future:
            d = anchor + dt.timedelta(days=fwd)
            detail = "weekday:future"
        else:
            d = anchor - dt.timedelta(days=back)
            detail = "weekday:recent"
        return _iso(d), "day", detail

    def _h_discourse(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        # resolved in find(), which knows the previous mentions
        return None

    def _h_dateparser(
        self, m: re.Match[str], anchor: dt.date, future: bool
    ) -> tuple[str, Precision, str] | None:
        """Fallback for spans the tables cannot resolve (e.g. English "October 2nd")."""
        import dateparser

        settings = {
            "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "REQUIRE_PARTS": ["day", "month"],
        }
        try:
            got = dateparser.parse(m.group(0), languages=["id", "en"], settings=settings)  # type: ignore[arg-type]
        except (ValueError, OverflowError):
            return None
        if got is None:
            return None
        return _iso(got.date()), "day", "dateparser"

    # ------------------------------------------------------------------ public
    def _is_future(self, text: str, start: int) -> bool:
        lo = max(0, start - self.future_window)
        window = text[lo:start]
        cut = max(window.rfind(". "), window.rfind("\n"))
        if cut >= 0:
            window = window[cut + 1 :]
        return self._future_re.search(window) is not None

    def find(self, text: str, anchor: dt.date) -> list[DateMention]:
        """All date expressions in ``text`` resolved against ``anchor`` (offsets into text)."""
        out: list[DateMention] = []
        pos = 0
        match = self._candidate.match
        openers = self._openers
        for tok in self._token_re.finditer(text):
            start = tok.start()
            if start < pos:
                continue
            w = tok.group(0)
            c = w[0]
            if not (c.isdigit() or c == "(" or w.lower() in openers):
                continue
            m = match(text, start)
            if m is None:
                continue
            idx = int(m.lastgroup[1:]) if m.lastgroup else -1
            rule = self._rules[idx]
            full = rule.regex.fullmatch(text, m.start(), m.end())
            mention = None
            if full is not None:
                mention = self._resolve(rule, full, text, anchor, out)
            if mention is None:
                if rule.name in _BLOCKING:
                    pos = m.end()  # "berusia 29 tahun ini": an age/duration, not "this year"
                continue
            out.append(mention)
            pos = m.end()
        return out

    def _resolve(
        self, rule: _Rule, m: re.Match[str], text: str, anchor: dt.date, previous: list[DateMention]
    ) -> DateMention | None:
        start, end = m.start(), m.end()
        if rule.name == "discourse":
            need = self.discourse.get(_norm(m["disc"]), "any")
            shift = 0
            if need.startswith("day") and len(need) > 3:
                shift = int(need[3:])
                need = "day"
            prev = next(
                (p for p in reversed(previous) if need == "any" or p.precision == need),
                None,
            )
            if prev is None:
                if need not in ("day", "any"):
                    return None
                value: str = _iso(anchor + dt.timedelta(days=shift))
                return DateMention(m.group(0), start, end, value, "day", "discourse:anchor")
            if shift:
                value = _iso(dt.date.fromisoformat(prev.value) + dt.timedelta(days=shift))
            else:
                value = prev.value
            return DateMention(
                m.group(0), start, end, value, prev.precision, f"discourse:{prev.start}"
            )
        if rule.name == "year" and not m["th"] and _norm(m["cue"]) not in self._year_words:
            start = m.start("y")
        elif rule.name == "year" and m["th"]:
            start = m.start("th")
        elif rule.name == "month_bare" and m.groupdict().get("mn"):
            # keep the preposition out of the span
            pre = re.match(r"\S+\s+", m.group(0))
            if pre:
                start += pre.end()
        future = self._is_future(text, start)
        got = rule.handler(m, anchor, future)
        if got is None:
            return None
        value, precision, detail = got
        return DateMention(text[start:end], start, end, value, precision, f"{rule.name}:{detail}")

    def publication_date(self, text: str, anchor: dt.date | None = None) -> DateMention | None:
        """The publication date written in the lead/dateline (first ``lead_chars`` characters).

        A full date (day, month and year written) counts; a partial ANTARA-style date
        ("Senin (21/10)") counts only when ``anchor`` is given to supply the year.
        """
        lead = text[: self.lead_chars]
        ref = anchor or dt.date(2100, 1, 1)
        partial: DateMention | None = None
        for mention in self.find(lead, ref):
            if mention.precision != "day":
                continue
            kind, _, detail = mention.rule.partition(":")
            if (
                kind in ("wd_paren", "dmy", "mdy", "numeric", "dm_paren", "dm")
                and detail == "explicit"
            ):
                return mention
            if anchor is not None and partial is None and kind in ("wd_paren", "dm_paren", "dm"):
                partial = mention
        return partial

    # ------------------------------------------------------------------ clauses
    def clause_span(self, sentence: Sentence, offset: int) -> tuple[int, int]:
        """Absolute [start, end) of the clause of ``sentence`` containing absolute ``offset``."""
        lo, hi = sentence.start, sentence.end
        rel = offset - sentence.start
        for b in self._clause_re.finditer(sentence.text):
            if b.end() <= rel:
                lo = sentence.start + b.start()
            elif b.start() > rel:
                hi = sentence.start + b.start()
                break
        return lo, hi

    def event_date(
        self,
        trigger_start: int,
        sentence: Sentence,
        mentions: list[DateMention],
        article_date: EventDate | None,
        *,
        future: bool = False,
    ) -> EventDate | None:
        return event_date(
            trigger_start, sentence, mentions, article_date, future=future, resolver=self
        )


def _merge(a: dict[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    """Merge word tables of ``b`` into ``a`` (lists are concatenated, maps updated)."""
    out = dict(a)
    for k, v in b.items():
        if k not in out:
            out[k] = v
        elif isinstance(out[k], dict) and isinstance(v, dict):
            merged = dict(out[k])
            for kk, vv in v.items():
                if isinstance(merged.get(kk), list) and isinstance(vv, list):
                    merged[kk] = list(merged[kk]) + list(vv)
                elif kk not in merged:
                    merged[kk] = vv
            out[k] = merged
        elif isinstance(out[k], list) and isinstance(v, list):
            out[k] = list(out[k]) + [x for x in v if x not in out[k]]
    return out


def event_date(
    trigger_start: int,
    sentence: Sentence,
    mentions: list[DateMention],
    article_date: EventDate | None,
    *,
    future: bool = False,
    resolver: DateResolver | None = None,
) -> EventDate | None:
    """The date of the event whose trigger starts at ``trigger_start`` (absolute offset).

    Rule: among the date mentions inside ``sentence``, take the one in the trigger's clause —
    a "pada <date>" adjunct first, then the nearest one before the trigger, then the nearest
    after it (source ``clause``); else the sentence's mention nearest to the trigger, ignoring
    mentions opened by "sejak/sebelum/setelah …" when others exist (source ``sentence``); else
    ``article_date`` unchanged (it carries its own source: dateline/published/ingested).  With
    ``future=True`` mentions dated before ``article_date`` are passed over when a later one
    exists.  Year-only and month-only precision is kept.
    """
    res = resolver if resolver is not None else _default_resolver()
    inside = [m for m in mentions if m.start >= sentence.start and m.end <= sentence.end]
    if not inside:
        return article_date
    if future and article_date is not None:
        later = [m for m in inside if m.value >= article_date.value[: len(m.value)]]
        if later:
            inside = later
    lo, hi = res.clause_span(sentence, trigger_start)

    def prefix(m: DateMention) -> str:
        return sentence.text[max(0, m.start - sentence.start - 24) : m.start - sentence.start]

    def weak(m: DateMention) -> bool:
        return res._weak_re.search(prefix(m)) is not None or any(
            m.text.lower().startswith(w + " ") for w in res.weak_prefixes
        )

    def adjunct(m: DateMention) -> bool:
        return res._adjunct_re.search(prefix(m)) is not None

    clause = [m for m in inside if m.start >= lo and m.end <= hi]
    chosen: DateMention | None = None
    source = "clause"
    if clause:
        strong = [m for m in clause if not weak(m)] or clause
        adj = [m for m in strong if adjunct(m)]
        pool = adj or strong
        before = [m for m in pool if m.end <= trigger_start]
        after = [m for m in pool if m.start >= trigger_start]
        if before:
            chosen = max(before, key=lambda m: m.end)
        elif after:
            chosen = min(after, key=lambda m: m.start)
        else:
            chosen = pool[0]
    else:
        source = "sentence"
        strong = [m for m in inside if not weak(m)] or inside
        chosen = min(
            strong, key=lambda m: min(abs(m.start - trigger_start), abs(m.end - trigger_start))
        )
    return EventDate(chosen.value, chosen.precision, source, chosen.text)


def _default_resolver() -> DateResolver:
    """A resolver for callers of the module-level ``event_date`` that pass none.

    Not cached at module level (house rule); callers on the hot path should pass
    ``resolver=`` or use :meth:`DateResolver.event_date`.
    """
    return DateResolver.load(load_lang("id"))
