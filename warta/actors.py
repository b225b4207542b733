"""Actor recognition: text spans → coded actors (country / IGO / bloc + role), by article date.

All names, titles, agent words and tenures are data (``warta/data/actors/*.tsv``,
``warta/lang/id/titles.tsv``, ``warta/lang/id/agents.tsv``); this module only knows how to
combine them.  Matching uses spaCy's :class:`~spacy.matcher.PhraseMatcher` on the ``LOWER``
attribute; case rules (``exact`` / ``cap``) and context rules (``standalone``, place
prepositions before capital-city metonyms) are applied to the matches afterwards.

Compound phrases become ONE maximal mention::

    [mantan|para]* (title|agent)* (country|org|group)? (person | unknown capitalised name)?

so "Presiden Tiongkok Xi Jinping", "Menteri Luar Negeri Rusia Sergei Lavrov",
"pasukan Israel" and "juru bicara Kemlu Tiongkok Mao Ning" are each one mention.

A person's code and role come from their tenures at the article date ``when``.  Outside every
tenure (a *former* or not-yet office holder) the person keeps the country of the nearest tenure
and gets **no role** — Phoenix would say ``ELI``, which GUIDE.md does not use; the gold data code
"mantan Perdana Menteri Mari Alkatiri" as ``TLS`` without role.  ``mantan``/``former`` before a
title also drops the role.  Without a date, the person's latest tenure is used.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from warta.lang import LangData, load_lang
from warta.model import ActorMention, Sentence

ROLES = frozenset(["GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "PTY", "BUS", "MED", "CVL", "REF", "SPY", "EDU", "HLH", "NGO"])
BLOCS = frozenset(["WST", "EUR", "AFR", "ASA", "MEA"])
NO_COUNTRY = "---"
STOP = "-"

_INITIAL_RE = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


class ActorDataError(ValueError):
    """An actor data file is malformed."""


def fold(s: str) -> str:
    """Lower-case, accents and apostrophes removed ('Al Başrah' → 'al basrah')."""
    s = unicodedata.normalize("NFKD", s.replace("'", "").replace("’", ""))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def data_dir() -> Path:
    return Path(str(resources.files("warta") / "data" / "actors"))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV with a header; '#' lines and blank lines are comments."""
    if not path.exists():
        raise ActorDataError(f"missing actor data file {path}")
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in r.items() if k is not None} for r in rows]


def parse_date(s: str) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError as e:
        raise ActorDataError(f"bad date {s!r}") from e


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry behind a pattern."""

    kind: str  # country org bloc group person title agent former det stop
    code: str
    role: str | None
    case: str  # cap | exact | any
    orth: tuple[str, ...]  # the pattern's tokens as written (for case checks)
    standalone: bool = False
    metonym: bool = False
    name: str | None = None
    entity: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    person: str | None = None
    surname: bool = False  # a bare surname: resolves only if one person holds office at the date
    needs_actor: bool = False  # a head word ('orang') that is a mention only with a country


@dataclass(frozen=True, slots=True)
class Tenure:
    code: str
    role: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


_DAY_BEFORE = re.compile(r"\b\d{1,2}[-/ ]$")
_YEAR_AFTER = re.compile(r" \d{4}\b")


def written_as_month(text: str, start: int, end: int) -> bool:
    """Is the word at text[start:end] written like a month in a date: after a day number
    ('05-May', '3 May') or before a year ('May 2017')?  Then it is no surname."""
    return bool(_DAY_BEFORE.search(text, max(0, start - 4), start)
                or _YEAR_AFTER.match(text, end))


@dataclass(slots=True)
class Person:
    id: str
    name: str
    tenures: list[Tenure]
    bare_surname: bool = True  # may a bare surname stand for this person?

    def status(self, when: dt.date | None) -> tuple[str, str | None, bool]:
        """(code, role, in_office) at ``when``."""
        if not self.tenures:
            return NO_COUNTRY, None, False
        if when is None:
            latest = max(self.tenures, key=lambda t: (t.end or dt.date.max, t.start or dt.date.min))
            return latest.code, latest.role, True
        for t in self.tenures:
            if t.covers(when):
                return t.code, t.role, True

        def distance(t: Tenure) -> int:
            if t.end is not None and when >= t.end:
                return (when - t.end).days
            if t.start is not None and when < t.start:
                return (t.start - when).days
            return 0

        nearest = min(self.tenures, key=distance)
        return nearest.code, None, False


@dataclass(slots=True)
class Atom:
    """A selected dictionary match (token span) with its usable entries."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


ACTOR_KINDS = ("country", "org", "bloc", "group")
HEAD_KINDS = ("title", "agent")


class ActorResolver:
    """Finds actor mentions in a spaCy Doc (blank ``id`` tokenizer) and codes them by date."""

    def __init__(self, lang: LangData, root: Path):
        self.lang = lang
        self.root = root
        self._nlp: Language | None = None
        self.entries: dict[str, list[Entry]] = {}
        self.people: dict[str, Person] = {}
        self.cues: dict[str, Any] = {}
        self.valid_codes: set[str] = set()
        # first lower-cased token → (lower-cased token sequence, entry key), longest first
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._pending: list[tuple[str, Any]] = []
        # patterns with punctuation → their tokens (checked against spaCy in the data tests)
        self.punct_patterns: dict[str, tuple[str, ...]] = {}
        self._place_preps: set[str] = set()
        # ("dari"…, "delegasi"…): "satu delegasi dari Rabat" names who, not where
        self._origin: tuple[set[str], set[str]] = (set(), set())
        self._not_names: set[str] = set()
        self._particles: set[str] = set()
        self._coref_cache: dict[str, Any] = {}
        self._common: set[str] = set()
        self._title_links: set[str] = set()
        # folded lower-case sub-national region name → country ('anbar' → IRQ)
        self.regions: dict[str, str] = {}
        self._stances: frozenset[str] = frozenset()
        self._non_actor_heads: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, lang: LangData | None = None, root: Path | None = None) -> ActorResolver:
        r = cls(lang or load_lang("id"), root or data_dir())
        r._load_all()
        return r

    @property
    def nlp(self) -> Language:
        """A blank Indonesian pipeline with a sentencizer (for :meth:`find_text`, tests and
        evaluation; the Warta pipeline passes its own Docs to :meth:`find`).  Built on first
        use: the tokenizer's exception table makes it the slowest part of loading."""
        if self._nlp is None:
            nlp = spacy.blank("id")
            if "sentencizer" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer")
            self._nlp = nlp
        return self._nlp

    def _add(self, pattern: str, make: Any) -> None:
        pattern = " ".join(pattern.split())
        if not pattern:
            return
        words = pattern.split(" ")
        if not all(w.isalpha() for w in words):
            # punctuation inside ('Ki-moon', 'J.D. Vance'): tokenised in one batch at the end
            self._pending.append((pattern, make))
            return
        orth = tuple(words)  # plain words: the tokenizer would return them unchanged
        self.entries.setdefault(pattern.lower(), []).append(make(orth))

    def _add_pending(self) -> None:
        """Tokenise the patterns with punctuation exactly as ``spacy.blank('id')`` would, but
        with a tokenizer that carries only the exceptions these patterns can touch (the full
        Indonesian exception table takes seconds to load)."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        if self._nlp is not None:
            tokenizer = self._nlp.tokenizer
        else:
            d = Indonesian.Defaults
            joined = "\n".join(p for p, _ in pending)
            rules = {k: v for k, v in d.tokenizer_exceptions.items() if k in joined}
            tokenizer = Tokenizer(
                Vocab(), rules=rules,
                prefix_search=compile_prefix_regex(d.prefixes or ()).search,
                suffix_search=compile_suffix_regex(d.suffixes or ()).search,
                infix_finditer=compile_infix_regex(d.infixes or ()).finditer,
                token_match=d.token_match, url_match=d.url_match)
        for pattern, make in pending:
            orth = tuple(t.text for t in tokenizer(pattern))
            self.punct_patterns[pattern] = orth
            key = " ".join(t.lower() for t in orth)
            self.entries.setdefault(key, []).append(make(orth))

    def _load_all(self) -> None:
        with open(self.root / "coref.yaml", encoding="utf-8") as f:
            self.cues = yaml.safe_load(f) or {}
        self._place_preps = {str(p).lower() for p in self.cues.get("place_prepositions", [])}
        grammar = self.lang.yaml("grammar.yaml")
        self._origin = ({str(w) for w in grammar.get("origin_markers", [])},
                        {str(w) for w in grammar.get("origin_heads", [])})
        self._not_names = {str(p).lower() for p in self.cues.get("not_names", [])}
        self._particles = {str(p).lower() for p in self.cues.get("name_particles", [])}
        self._title_links = {str(p).lower() for p in self.cues.get("title_links", [])}
        self._common = {w.strip().lower() for w in self.lang.path("stopwords.txt").read_text(
            encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
        self._common |= self._not_names
        for row in self.lang.tsv("tone.tsv"):
            word = row.get("word", "")
            if word and " " not in word:
                self._common.add(word.lower())
        self.regions = {fold(row["pattern"]): row["code"]
                        for row in read_tsv(self.root / "regions.tsv")}
        self.valid_codes = set(self.cues.get("extra_codes", []))
        for row in read_tsv(self.root / "countries_cldr.tsv"):
            self.valid_codes.add(row["code"])
        for fname in ("countries.tsv", "orgs.tsv", "groups.tsv", "groups_phoenix.tsv",
                      "capitals.tsv"):
            for row in read_tsv(self.root / fname):
                self._add_actor_row(row, fname)
        for row in read_tsv(self.root / "countries_cldr.tsv"):
            code = row["code"]
            self._add(row["pattern"], lambda orth, code=code: Entry(
                "country", code, None, "cap", orth, entity=f"country:{code}"))
        self._load_people()
        for row in self.lang.tsv("titles.tsv"):
            kind = row.get("kind") or "title"
            role = row.get("role") or None
            code = row.get("code") or ""
            case = row.get("case") or "any"
            needs = "needs_actor" in (row.get("flags") or "")
            self._add(row["pattern"], lambda orth, kind=kind, role=role, code=code, case=case,
                      needs=needs: Entry(kind, code, role, case, orth, needs_actor=needs,
                                         entity=f"{kind}:{' '.join(orth).lower()}"))
        for row in self.lang.tsv("agents.tsv"):
            role = row.get("role") or None
            code = row.get("code") or ""
            case = row.get("case") or "any"
            needs = "needs_actor" in (row.get("flags") or "")
            self._add(row["pattern"], lambda orth, role=role, code=code, case=case,
                      needs=needs: Entry("agent", code, role, case, orth, needs_actor=needs,
                                         entity=f"agent:{' '.join(orth).lower()}"))
        self._add_pending()
        self._add_surnames()
        for key in self.entries:
            toks = tuple(key.split(" "))
            self._index.setdefault(toks[0], []).append((toks, key))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))

    def _add_surnames(self) -> None:
        """Bare surnames ('Olmert', 'Yabunaka') of every dictionary person, as ``surname``
        entries: they resolve only when exactly one country's office holder with that surname
        is in office at the article date (checked in :meth:`_person_status`).  Surnames that
        are common Indonesian words, or already another kind of pattern, are left out."""
        by_surname: dict[str, list[Person]] = {}
        for p in self.people.values():
            toks = p.name.split()
            if len(toks) < 2 or not p.bare_surname:
                continue
            last = toks[-1]
            if len(last) < 3 or not last[:1].isupper() or not last.replace("-", "").isalpha():
                continue
            if last.lower() in self._common:
                continue
            by_surname.setdefault(last, []).append(p)
        for last, people in by_surname.items():
            key = last.lower()
            existing = self.entries.get(key, [])
            if any(e.kind != "person" for e in existing):
                continue
            have = {e.person for e in existing}
            for p in people:
                if p.id in have:
                    continue
                self._add(last, lambda orth, p=p: Entry(
                    "person", "", None, "cap", orth, standalone=True, name=p.name,
                    entity=f"person:{p.id}", person=p.id, surname=True))

    def _add_actor_row(self, row: dict[str, str], fname: str) -> None:
        kind = row.get("kind") or "name"
        code = row["code"]
        if kind in ("name", "adj", "nickname", "metonym"):
            ekind = "country"
        elif kind == "stop":
            ekind = "stop"
        else:
            ekind = kind  # org | bloc | group
        if ekind != "stop":
            self.valid_codes.add(code)
        role = row.get("role") or None
        case = row.get("case") or "cap"
        flags = set((row.get("flags") or "").split(","))
        name = row.get("name") or None
        start = parse_date(row.get("start", ""))
        end = parse_date(row.get("end", ""))
        self._add(row["pattern"], lambda orth: Entry(
            ekind, code, role, case, orth, standalone="standalone" in flags,
            metonym=kind == "metonym", name=name, entity=f"{ekind}:{name or code}",
            start=start, end=end))

    def _load_people(self) -> None:
        def add_person(pid: str, name: str, patterns: Iterable[str], tenure: Tenure) -> None:
            p = self.people.get(pid)
            if p is None:
                p = self.people[pid] = Person(pid, name, [])
                for pat in dict.fromkeys([name, *patterns]):
                    if pat:
                        self._add(pat, lambda orth, pid=pid, name=name: Entry(
                            "person", "", None, "cap", orth, name=name, entity=f"person:{pid}",
                            person=pid))
            p.tenures.append(tenure)

        for row in read_tsv(self.root / "leaders.tsv"):
            pats = [a for a in (row.get("aliases", "") + "|" + row.get("short", "")).split("|") if a]
            add_person(row["id"], row["name"], pats, Tenure(
                row["code"], row.get("role") or None,
                parse_date(row["start"]), parse_date(row["end"])))
        for row in read_tsv(self.root / "people_phoenix.tsv"):
            pats = [a for a in row.get("aliases", "").split("|") if a]
            add_person(row["id"], row["name"], pats, Tenure(
                row["code"], row.get("role") or None,
                parse_date(row["start"]), parse_date(row["end"])))
            if row.get("unique_surname") == "0":
                self.people[row["id"]].bare_surname = False
        for row in read_tsv(self.root / "people_factbook.tsv"):
            name = row["name"]
            toks = name.split()
            pats = [f"{toks[0]} {toks[-1]}"] if len(toks) > 2 else []
            add_person("fb:" + name.lower().replace(" ", "_"), name, pats, Tenure(
                row["code"], "GOV", parse_date(row["start"]), None))

    # ------------------------------------------------------------------ matching
    def find_text(self, text: str, when: dt.date | None = None) -> list[ActorMention]:
        return self.find(self.nlp(text), when)

    def sentences(self, doc: Doc) -> list[Sentence]:
        return [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]

    def find(self, doc: Doc, when: dt.date | None = None, *, bare: bool = False
             ) -> list[ActorMention]:
        """Actor mentions of ``doc`` at date ``when``.  With ``bare=True`` a title without
        country or name ('Presiden', 'Gubernur provinsi Anbar') is kept as a ``---`` mention
        with ``resolved_by="bare"``: :func:`warta.coref.resolve` codes it from context or
        drops it."""
        atoms = self._atoms(doc, when)
        return self._drop_stances(doc, self._compose(doc, atoms, when, bare))

    def _drop_stances(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """'parlemen anti-Suriah', 'kelompok pro-Iran': a name after a stance prefix and a
        hyphen (``stance_prefixes`` in grammar.yaml) names a position, not an actor; after a
        language or currency word (``non_actor_heads``) a language or a currency."""
        if not self._stances:
            grammar = self.lang.yaml("grammar.yaml")
            self._stances = frozenset(grammar.get("stance_prefixes") or [])
            self._non_actor_heads = frozenset(grammar.get("non_actor_heads") or [])
        # character offsets right after "anti-" / "pro-" (tokens: 'anti', '-')
        ends = {t.idx + 1 for t in doc[1:]
                if t.text == "-" and doc[t.i - 1].lower_ in self._stances}
        # ... and after a language or currency word ("bahasa Turki", "1 juta dolar AS")
        ends |= {t.idx + len(t.text) + 1 for t in doc if t.lower_ in self._non_actor_heads}
        if not ends:
            return mentions
        dropped = [m for m in mentions if m.start in ends]
        # ... and the acronym in parentheses right after a dropped one ("dollar Amerika Serikat
        # (AS)"): the same name
        ends |= {m.end + 2 for m in dropped if doc.text[m.end:m.end + 2] == " ("}
        ends |= {m.end + 1 for m in dropped if doc.text[m.end:m.end + 1] == "("}
        return [m for m in mentions if m.start not in ends]

    def _matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Every dictionary pattern occurring in ``doc`` (case-insensitive token sequences,
        like spaCy's PhraseMatcher on LOWER, by dict lookup of the first token)."""
        lower = [t.lower_ for t in doc]
        n = len(lower)
        out: list[tuple[int, int, str]] = []
        index = self._index
        for i, w in enumerate(lower):
            cands = index.get(w)
            if not cands:
                continue
            for toks, key in cands:
                k = len(toks)
                if i + k <= n and (k == 1 or tuple(lower[i:i + k]) == toks):
                    out.append((i, i + k, key))
        return out

    def _case_ok(self, e: Entry, span: Span) -> bool:
        if e.case == "any":
            return True
        if e.case == "exact":
            return tuple(t.text for t in span) == e.orth
        first = span[0].text
        if e.person and len(span) == 1 and len(first) > 1 and first.isupper() and not any(
                o.isupper() for o in e.orth):
            return False  # "Komisi XI DPR": a Roman numeral or acronym, not the name "Xi"
        if e.person and len(span) == 1 and written_as_month(
                span.doc.text, span.start_char, span.end_char):
            return False  # "(05-May)", "3 May 2017": a month, not the surname "May"
        return first[:1].isupper()

    def _date_ok(self, e: Entry, when: dt.date | None) -> bool:
        if e.start is None and e.end is None:
            return True
        if when is None:
            return e.end is None
        return (e.start is None or e.start <= when) and (e.end is None or when < e.end)

    def _after_place_prep(self, doc: Doc, start: int) -> bool:
        if start == 0:
            return False
        prev = doc[start - 1].lower_
        if (prev in self._origin[0] and start >= 2
                and doc[start - 2].lower_ in self._origin[1]):
            return False  # "satu delegasi dari Rabat": the delegation's country
        if prev in self._place_preps:
            return True
        return start >= 2 and f"{doc[start - 2].lower_} {prev}" in self._place_preps

    def _atoms(self, doc: Doc, when: dt.date | None) -> list[Atom]:
        cands: list[Atom] = []
        for start, end, key in self._matches(doc):
            span = doc[start:end]
            ok = [e for e in self.entries[key] if self._case_ok(e, span) and self._date_ok(e, when)]
            # (after "di/ke/dari" a capital or a bare surname is a place: "di Bali")
            ok = [e for e in ok if not ((e.metonym or e.surname)
                                        and self._after_place_prep(doc, start))]
            if ok:
                cands.append(Atom(start, end, ok))
        cands.sort(key=lambda a: (-(a.end - a.start), a.start))
        taken = [False] * len(doc)
        atoms: list[Atom] = []
        for a in cands:
            if any(taken[a.start:a.end]):
                continue
            for i in range(a.start, a.end):
                taken[i] = True
            atoms.append(a)
        atoms.sort(key=lambda a: a.start)
        head_tokens = {i for a in atoms if a.kinds & {"title", "agent", "former", "det"}
                       for i in range(a.start, a.end)}
        out: list[Atom] = []
        for a in atoms:
            if "stop" in a.kinds:
                continue
            if any(e.standalone for e in a.entries) and self._has_cap_neighbour(doc, a, head_tokens):
                a.entries = [e for e in a.entries if not e.standalone]
                if not a.entries:
                    continue
            out.append(a)
        return out

    @staticmethod
    def _has_cap_neighbour(doc: Doc, a: Atom, head_tokens: set[int]) -> bool:
        for i in (a.start - 1, a.end):
            if 0 <= i < len(doc) and i not in head_tokens:
                t = doc[i]
                if t.is_alpha and t.text[:1].isupper() and not (i == a.start - 1 and t.is_sent_start):
                    return True
        return False

    def _name_tokens(self, doc: Doc, i: int, limit: int, atom_starts: dict[int, Atom]) -> int:
        """End of an unknown capitalised name starting at token i (== i when none)."""
        j = i
        while j < len(doc) and j - i < limit:
            if j in atom_starts and j > i and "person" not in atom_starts[j].kinds:
                break
            t = doc[j]
            text = t.text
            if t.lower_ in self._not_names:
                break
            if (t.is_alpha and text[:1].isupper()) or _INITIAL_RE.match(text):
                j += 1
                continue
            if (j > i and (text == "-" or t.lower_ in self._particles or text.startswith("al-"))
                    and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
                j += 1
                continue
            break
        return j

    def _person_status(self, e_list: Sequence[Entry], when: dt.date | None
                       ) -> tuple[str, str | None, Person] | None:
        people = [self.people[e.person] for e in e_list
                  if e.person and e.person in self.people and not e.surname]
        bare = [self.people[e.person] for e in e_list
                if e.person and e.person in self.people and e.surname]
        stats = [(p, *p.status(when)) for p in people]
        if bare:
            # a bare surname counts only for people in office at the date, or for the one
            # bearer who left office a few years before ('Mugabe' in 2019)
            cur = [s for s in ((p, *p.status(when)) for p in bare) if s[3]]
            if not cur and len(bare) == 1 and self._recently_left(bare[0], when):
                cur = [(bare[0], *bare[0].status(when))]
            stats += cur
        if not stats:
            return None
        codes = {c for _, c, _, _ in stats}
        if len(codes) > 1:
            stats = [s for s in stats if s[3]]
            codes = {c for _, c, _, _ in stats}
            if len(codes) != 1:
                return None
        in_office = [s for s in stats if s[3]]
        best = in_office[0] if in_office else stats[0]
        # prefer a hand-curated person (plain id) for the canonical name
        named = [s for s in (in_office or stats) if ":" not in s[0].id]
        if named:
            best = named[0]
        return best[1], best[2], best[0]

    def _recently_left(self, p: Person, when: dt.date | None) -> bool:
        years = self.cues.get("surname_after_office_years", 0)
        return when is not None and any(
            t.end is not None and t.end <= when
            and (when - t.end).days <= 365 * years for t in p.tenures)

    def _title_link(self, doc: Doc, end: int, starts: dict[int, Atom],
                    person_atom: Atom | None) -> tuple[int, Atom | None]:
        """'Duta Besar AS untuk PBB Bill Richardson': TITLE ACTOR + link word + ACTOR + a
        name → one mention with the first actor's code.  Without a following name the
        mention stays 'Duta Besar AS' (the second actor is its own mention)."""
        if end + 2 >= len(doc) or doc[end].lower_ not in self._title_links:
            return end, person_atom
        second = starts.get(end + 1)
        if second is None or not second.kinds & set(ACTOR_KINDS):
            return end, person_atom
        nxt = starts.get(second.end)
        if nxt is not None and "person" in nxt.kinds:
            return nxt.end, nxt
        if self._name_tokens(doc, second.end, 5, starts) > second.end \
                and self._plain_name(doc, second.end, second.end + 1):
            return second.end, person_atom
        return end, person_atom

    def _other_bearer(self, doc: Doc, atom: Atom, entries: Sequence[Entry]) -> bool:
        """Does the text name someone else with this surname ('Keith Ellison' when the
        dictionary's Ellison is Christopher)?  Then the bare surname is that other person."""
        surname = doc[atom.start].text
        given = {tok for e in entries if e.name for tok in e.name.split()[:-1]}
        for t in doc:
            if t.text != surname or t.i == 0:
                continue
            prev = doc[t.i - 1]
            if (prev.is_alpha and prev.text[:1].isupper() and prev.text not in given
                    and prev.lower_ not in self._common
                    and prev.lower_ not in self.entries):
                return True
        return False

    def _compose(self, doc: Doc, atoms: list[Atom], when: dt.date | None,
                 bare: bool = False) -> list[ActorMention]:
        out: list[ActorMention] = []
        starts = {a.start: a for a in atoms}
        covered = {t for a in atoms for t in range(a.start, a.end)}
        i = 0
        n = len(atoms)
        while i < n:
            first = atoms[i]
            group = [first]
            j = i + 1
            stage = 0  # 0: mods/heads, 1: actor seen, 2: person seen

            def stage_of(a: Atom) -> int:
                k = a.kinds
                if k & {"former", "det", "title", "agent"}:
                    return 0
                if k & set(ACTOR_KINDS):
                    return 1
                return 2

            stage = stage_of(first)
            while j < n and atoms[j].start == group[-1].end:
                s = stage_of(atoms[j])
                if s < stage or (s == 1 and stage == 1):
                    break
                if s == 2 and not any(a.kinds & {"title", "agent"} for a in group) \
                        and stage != 1:
                    break
                if s == 2 and stage == 1 and not any(a.kinds & {"title", "agent"} for a in group):
                    break
                group.append(atoms[j])
                stage = s
                j += 1
            got = self._mention(doc, group, starts, when, bare)
            if got is not None:
                out.append(got[0])
                if any("title" in a.kinds for a in group):
                    out.extend(self._appositions(doc, got[0], group[0].start, got[1], starts,
                                                 covered))
                while j < n and atoms[j].start < got[1]:
                    j += 1
            i = j
        if len(out) > 1:
            out.sort(key=lambda m: (m.start, m.end))
        return out

    def _plain_name(self, doc: Doc, lo: int, hi: int) -> bool:
        """Tokens lo..hi look like a person's name: capitalised, not common words."""
        toks = doc[lo:hi]
        if not toks:
            return False
        caps = [t for t in toks if t.text[:1].isupper()]
        if not caps or not toks[0].text[:1].isupper() or not toks[-1].text[:1].isupper():
            return False
        return all(t.lower_ not in self._common for t in caps)

    def _appositions(self, doc: Doc, m: ActorMention, start: int, end: int,
                     starts: dict[int, Atom], covered: set[int]) -> list[ActorMention]:
        """Names in apposition to a titled mention without a name: 'Wakil Menlu Jepang,
        Mitoji Yabunaka, …' and 'Manuchehr Mottaki, Menteri Luar Negeri Iran, …'.  The name
        becomes its own mention with the title's code and role.  Known people are left to
        the dictionary; a one-word name needs the closing comma/end of sentence."""
        if m.name is not None or m.code == NO_COUNTRY:
            return []
        out: list[ActorMention] = []
        closes = end >= len(doc) or doc[end].text in {",", ".", ")", ";"} or doc[end].is_sent_start
        # forward: TITLE, Name Name,
        if end + 1 < len(doc) and doc[end].text == "," and end + 1 not in starts:
            k = self._name_tokens(doc, end + 1, 5, starts)
            if k > end + 1 and not any(t in covered for t in range(end + 1, k)) \
                    and self._plain_name(doc, end + 1, k):
                after_ok = k >= len(doc) or doc[k].text in {",", ".", ")"} or doc[k].is_lower
                if after_ok and (k - end - 1 >= 2 or (k < len(doc) and doc[k].text == ",")):
                    out.append(self._name_mention(doc, m, end + 1, k))
        # backward: Name Name, TITLE COUNTRY,
        if start >= 2 and doc[start - 1].text == "," and closes:
            b = start - 1
            while b > 0 and start - 1 - b < 4:
                t = doc[b - 1]
                if b - 1 in covered or not (t.is_alpha and t.text[:1].isupper()
                                            or t.lower_ in self._particles):
                    break
                b -= 1
            if b < start - 1 and (b == 0 or not doc[b - 1].text[:1].isupper()) \
                    and self._plain_name(doc, b, start - 1) \
                    and (b == 0 or doc[b - 1].lower_ not in self._place_preps) \
                    and (start - 1 - b >= 2 or b == 0 or doc[b - 1].is_punct):
                out.append(self._name_mention(doc, m, b, start - 1))
        return out

    @staticmethod
    def _name_mention(doc: Doc, m: ActorMention, lo: int, hi: int) -> ActorMention:
        span = doc[lo:hi]
        return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                            code=m.code, role=m.role, name=span.text, resolved_by="title",
                            entity=m.entity)

    def _mention(self, doc: Doc, group: list[Atom], starts: dict[int, Atom],
                 when: dt.date | None, bare: bool = False) -> tuple[ActorMention, int] | None:
        former = any("former" in a.kinds for a in group)
        titles = [e for a in group for e in a.entries if e.kind == "title"]
        agents = [e for a in group for e in a.entries if e.kind == "agent"]
        actor_atom = next((a for a in group if a.kinds & set(ACTOR_KINDS)), None)
        person_atom = next((a for a in group if "person" in a.kinds), None)
        end_tok = group[-1].end
        unknown_name: str | None = None
        has_head = bool(titles or agents)
        if person_atom is None and titles and actor_atom is not None:
            end_tok, person_atom = self._title_link(doc, end_tok, starts, person_atom)
        if person_atom is None and titles:
            k = self._name_tokens(doc, end_tok, 5, starts)
            if k > end_tok:
                inner = [starts[t] for t in range(end_tok, k) if t in starts
                         and "person" in starts[t].kinds]
                if inner:  # "Presiden C. Ramaphosa": initials, then a known person
                    person_atom = inner[0]
                    end_tok = max(k, person_atom.end)
                else:
                    unknown_name = doc[end_tok:k].text
                    end_tok = k
        if not (actor_atom or person_atom or agents or unknown_name):
            # only 'para' / 'mantan', or a bare title ('pemimpin', 'Presiden'): coref may code it
            title_role = next((e.role for e in reversed(titles) if e.role), None)
            if not (bare and title_role and not former):
                return None
            span = doc[group[0].start:end_tok]
            return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                code=NO_COUNTRY, role=title_role, resolved_by="bare",
                                entity=titles[-1].entity), end_tok
        if not (actor_atom or person_atom or unknown_name) and all(e.needs_actor for e in agents):
            return None  # 'empat orang': a head word that is an actor only with a country
        code: str | None = None
        role: str | None = None
        name: str | None = None
        entity = ""
        resolved_by = "dictionary"
        actor_entry: Entry | None = None
        if actor_atom is not None:
            actor_entry = actor_atom.first("group", "org", "bloc", "country")
            assert actor_entry is not None
            code = actor_entry.code
            entity = actor_entry.entity
            name = actor_entry.name
        person_role: str | None = None
        if person_atom is not None:
            p_entries = [e for e in person_atom.entries if e.kind == "person"]
            if all(e.surname for e in p_entries) and self._other_bearer(doc, person_atom, p_entries):
                p_entries = []
            st = self._person_status(p_entries, when)
            if st is None:
                if code is None and not has_head:
                    return None
            else:
                pcode, person_role, person = st
                name = person.name
                entity = f"person:{person.id}"
                if code is None:
                    code = pcode
        implied = next((e.code for e in [*titles, *agents] if e.code), None)
        if code is None:
            code = implied or NO_COUNTRY
        # role
        agent_role = next((e.role for e in reversed(agents) if e.role), None)
        title_role = next((e.role for e in reversed(titles) if e.role), None)
        actor_role = actor_entry.role if actor_entry else None
        if former:
            role = None
        elif agent_role:
            role = agent_role
        elif actor_entry is not None and actor_entry.kind == "group" and actor_role:
            role = actor_role
        elif title_role:
            role = title_role
        elif actor_role:
            role = actor_role
        else:
            role = person_role
        if (code.startswith("IGO:") and not agent_role and person_atom is None and not titles
                and not (actor_role and actor_entry and actor_entry.code == code)):
            role = None  # (an IGO's officials and heads keep GOV: "Sekjen PBB Ban Ki-moon")
        if unknown_name and (name is None or actor_entry is not None):
            name = unknown_name  # 'jurubicara Deplu AS Sean McCormack': the person, not Deplu
        if unknown_name and code == NO_COUNTRY and titles and not former:
            # 'Menlu Lam Akol' / 'Menlu Khurshid Mahmood Kasuri' / 'Menlu Song Min-Soon': a
            # partial or differently written form of a dictionary person
            hit = self.partial_name(unknown_name, when)
            if hit is not None:
                code, person = hit
                entity = f"person:{person.id}"
        # how it was resolved
        if person_atom is not None and entity.startswith("person:"):
            resolved_by = "dictionary"
        elif unknown_name or (titles and actor_atom is not None):
            resolved_by = "title"
        elif agents:
            resolved_by = "agent"
        elif actor_entry is not None and actor_entry.metonym:
            resolved_by = "metonym"
        if not entity:
            entity = (titles or agents)[0].entity if (titles or agents) else ""
        span = doc[group[0].start:end_tok]
        return ActorMention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                            role=role, name=name, resolved_by=resolved_by, entity=entity), end_tok

    def _name_index(self) -> dict[tuple[str, ...], set[str]]:
        """Folded name-token tuple → person ids, for every dictionary name/alias: the whole
        name, its prefixes and suffixes of two or more tokens, and ('#', given name)."""
        def make() -> dict[tuple[str, ...], set[str]]:
            out: dict[tuple[str, ...], set[str]] = {}
            for key, es in self.entries.items():
                for e in es:
                    if e.kind != "person" or e.surname or not e.person:
                        continue
                    toks = _name_key(key)
                    if len(toks) < 2:
                        continue
                    out.setdefault(("#", toks[0]), set()).add(e.person)
                    for k in range(2, len(toks) + 1):
                        out.setdefault(toks[:k], set()).add(e.person)
                        out.setdefault(toks[-k:], set()).add(e.person)
            return out

        result: dict[tuple[str, ...], set[str]] = self.cached("name_index", make)
        return result

    def partial_name(self, name: str, when: dt.date | None) -> tuple[str, Person] | None:
        """A titled name the patterns miss, found in the people data: the whole dictionary
        name with hyphens as spaces ('Song Min-Soon'), its first two or more tokens
        ('Lam Akol' = Lam Akol Ajawin), its last two or more ('Khurshid Mahmood Kasuri' =
        Mian Khurshid Mahmood Kasuri), or a one-word given name of someone in office at the
        date ('Raja Abdullah').  Only when every candidate has one country (in-office
        holders first); a one-word name needs someone in office."""
        q = _name_key(name)
        if not q or (len(q) == 1 and len(q[0]) < 3):
            return None
        n = len(q)
        pids = self._name_index().get(("#", q[0]) if n == 1 else q)
        if not pids:
            return None
        stats = [(p, *p.status(when)) for p in (self.people[i] for i in sorted(pids)
                                                   if i in self.people)]
        in_office = [s for s in stats if s[3]]
        if n == 1 or len({s[1] for s in stats}) > 1:
            stats = in_office
        codes = {s[1] for s in stats}
        if len(codes) != 1 or NO_COUNTRY in codes:
            return None
        return stats[0][1], stats[0][0]

    # ------------------------------------------------------------------ helpers for coref
    def person_short_names(self) -> dict[str, list[str]]:
        """Lower-cased last name token → person ids (for surname-only mentions)."""
        if "short" not in self._coref_cache:
            table: dict[str, list[str]] = {}
            for p in self.people.values():
                table.setdefault(p.name.split()[-1].lower(), []).append(p.id)
            self._coref_cache["short"] = table
        result: dict[str, list[str]] = self._coref_cache["short"]
        return result

    def cached(self, key: str, make: Any) -> Any:
        if key not in self._coref_cache:
            self._coref_cache[key] = make()
        return self._coref_cache[key]


def _name_key(name: str) -> tuple[str, ...]:
    """Folded lower-case name tokens, hyphens and dots as separators ('Min-Soon' → min soon)."""
    return tuple(t for t in re.split(r"[\s.\-]+", fold(name).lower()) if t)


# ---------------------------------------------------------------------- evaluation
def _locate(text: str, needle: str, offset: int) -> tuple[int, int] | None:
    needle = needle.strip()
    candidates = [needle, re.sub(r"\s*\([^)]*\)\s*", " ", needle).strip(),
                  re.sub(r"[()]", "", needle).strip()]
    for c in candidates:
        if not c:
            continue
        k = text.find(c, offset)
        if k < 0:
            k = text.lower().find(c.lower(), offset)
        if k >= 0:
            return k, k + len(c)
    return None


def actor_accuracy(records: list[dict[str, Any]], resolver: ActorResolver,
                   gazetteer: Any = None) -> dict[str, Any]:
    """Share of gold source/target actors whose code the resolver (+coref) gives on an
    overlapping span.  Each record's ``context`` is prepended to its ``text``.  A
    :class:`warta.places.Gazetteer` gives coreference the places of the text, as in the
    pipeline."""
    from warta.coref import resolve

    total = found = located = 0
    misses: list[dict[str, str]] = []
    for rec in records:
        context = (rec.get("context") or "").strip()
        full = f"{context} {rec['text']}" if context else rec["text"]
        offset = len(context) + 1 if context else 0
        when = None
        if rec.get("published"):
            when = dt.date.fromisoformat(str(rec["published"])[:10])
        doc = resolver.nlp(full)
        mentions = resolver.find(doc, when, bare=True)
        places = gazetteer.find(full) if gazetteer is not None else None
        mentions = resolve(full, resolver.sentences(doc), mentions, resolver, when, places)
        for ev in rec.get("events", []):
            for actor in [*ev.get("source", []), *ev.get("target", [])]:
                total += 1
                span = _locate(full, actor.get("text", ""), offset)
                if span is None:
                    misses.append({"id": rec["id"], "text": actor.get("text", ""),
                                   "code": actor["code"], "why": "span not found"})
                    continue
                located += 1
                s, e = span
                if any(m.code == actor["code"] and m.start < e and s < m.end for m in mentions):
                    found += 1
                else:
                    got = sorted({m.code for m in mentions if m.start < e and s < m.end})
                    misses.append({"id": rec["id"], "text": actor.get("text", ""),
                                   "code": actor["code"], "why": f"got {got}"})
    return {"actors": total, "located": located, "correct": found,
            "accuracy": found / total if total else 0.0, "misses": misses}
