"""Trigger lexicon: Indonesian words and phrases that carry a CAMEO event.

Data: ``warta/lang/id/triggers.tsv`` and/or every ``warta/lang/id/triggers/*.tsv`` (columns
``pattern  cameo  frame  flags  note``; the file header documents the notation).

A pattern word matches any token with the same morphology key (``menyerang`` matches
``diserang``, ``menyerangnya``, ``serang-menyerang``), ``=word`` matches that spelling only, and
``...`` lets up to three tokens (no punctuation) stand between two words.  Among overlapping
matches the one with more pattern words wins ("menjatuhkan sanksi" beats "menjatuhkan"); at equal
length a literal spelling beats a morphology key ("=dituntut" beats "menuntut").

A ``stop`` entry (cameo ``-``) names a non-event sense ("menemui ajal", "perang melawan terorisme",
"dengan bantuan"): it claims its tokens like any match (and wins a tie of equal length) but is not
returned, so the event entries inside it do not fire.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warta.lang import LangData, LangDataError
from warta.morph import Analysis, Morphology

FRAMES = frozenset({
    "obj", "dengan", "kepada", "terhadap", "atas", "ke", "untuk", "bagi", "pada", "dari",
    "antara", "mengenai", "agar", "melawan", "tentang", "di", "none",
})
FLAGS = frozenset({"recip", "noun", "verbal", "intent", "weak", "stop"})
STOP_CODE = "-"  # cameo column of a stop entry
GAP = "..."
MAX_GAP = 3
COLUMNS = ("pattern", "cameo", "frame", "flags", "note")


class LexiconError(LangDataError):
    """A malformed trigger row."""


@dataclass(frozen=True, slots=True)
class LexEntry:
    id: int
    pattern: str
    cameo: str
    frame: tuple[str, ...]
    flags: frozenset[str]
    note: str


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    start: int  # token indices [start, end) of the matched words (gap words included)
    end: int
    entry: LexEntry
    voice: str  # voice of the head word: active|passive|intrans|noun|other
    head: int  # token index of the head word


# one compiled pattern element: ("lit", word) or ("key", keys) or ("gap", "")
_Elem = tuple[str, frozenset[str]]


def _is_word(tok: str) -> bool:
    return any(ch.isalnum() for ch in tok)


class Lexicon:
    def __init__(self, entries: Sequence[LexEntry], morph: Morphology):
        self.morph = morph
        self.entries: list[LexEntry] = list(entries)
        self._compiled: dict[int, list[_Elem]] = {}
        self._size: dict[int, int] = {}
        self._literal: dict[int, int] = {}
        self._need: dict[int, tuple[frozenset[str], ...]] = {}  # later words, for a quick reject
        self._by_key: dict[str, list[int]] = {}
        self._by_lit: dict[str, list[int]] = {}
        self._by_id: dict[int, LexEntry] = {}
        self._tokens: dict[tuple[str, bool], tuple[Analysis, frozenset[str], tuple[int, ...]]] = {}
        self._stops = frozenset(e.id for e in self.entries if "stop" in e.flags)
        for e in self.entries:
            elems = self.compile(e.pattern)
            self._compiled[e.id] = elems
            self._size[e.id] = sum(1 for kind, _ in elems if kind != "gap")
            self._literal[e.id] = sum(1 for kind, _ in elems if kind == "lit")
            self._need[e.id] = tuple(v for kind, v in elems[1:] if kind != "gap")
            self._by_id[e.id] = e
            kind, val = elems[0]
            index = self._by_lit if kind == "lit" else self._by_key
            for k in val:
                index.setdefault(k, []).append(e.id)

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def load(cls, lang: LangData, morph: Morphology | None = None) -> Lexicon:
        return cls(load_entries(lang), morph or Morphology())

    def __len__(self) -> int:
        return len(self.entries)

    def compile(self, pattern: str) -> list[_Elem]:
        elems: list[_Elem] = []
        for w in pattern.split():
            if w == GAP:
                elems.append(("gap", frozenset()))
            elif w.startswith("="):
                elems.append(("lit", frozenset({w[1:].lower()})))
            else:
                elems.append(("key", frozenset(self.morph.analyse(w.lower()).keys)))
        if not elems or elems[0][0] == "gap" or elems[-1][0] == "gap":
            raise LexiconError(f"pattern {pattern!r} must start and end with a word")
        return elems

    def signature(self, entry: LexEntry) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What a pattern matches, independent of its spelling (for duplicate checks)."""
        return tuple((k, tuple(sorted(v))) for k, v in self._compiled[entry.id])

    # -- matching ---------------------------------------------------------------------------
    def match(self, words: list[str], proper: list[bool] | None = None) -> list[TriggerMatch]:
        """All trigger matches of one sentence (lower-cased tokens), non-overlapping.

        Overlaps are resolved longest first (most pattern words, then earliest start, then
        file order); the result is returned in text order.  A ``proper`` (capitalised) token never
        starts a match, but may continue one with its common-word reading ("meluncurkan
        Kemitraan Keamanan", "menandatangani Perjanjian Paris")."""
        n = len(words)
        tokens = [self._token(w, bool(proper[i]) if proper is not None else False)
                  for i, w in enumerate(words)]
        if not any(t[2] for t in tokens):
            return []
        keys = [t[1] for t in tokens]
        # every word and key of the sentence: an entry whose later words are absent cannot match
        present = set(words).union(*keys)
        # (-size, start, not stop, -literal words, id, end): longest first, then earliest, then a
        # stop entry, then the more literal (more specific) pattern, then file order
        found: list[tuple[int, int, bool, int, int, int]] = []
        for i in range(n):
            for eid in tokens[i][2]:
                elems = self._compiled[eid]
                if len(elems) > 1:
                    if not all(present.intersection(v) for v in self._need[eid]):
                        continue
                    end = self._match_at(elems, 1, i + 1, words, keys)
                    if end is None:
                        continue
                else:
                    end = i + 1
                found.append((-self._size[eid], i, eid not in self._stops,
                              -self._literal[eid], eid, end))
        if not found:
            return []
        found.sort()
        taken = [False] * n
        out: list[TriggerMatch] = []
        for _, start, _, _, eid, end in found:
            if any(taken[start:end]):
                continue
            for j in range(start, end):
                taken[j] = True
            entry = self._by_id[eid]
            if "stop" in entry.flags:
                continue
            voice = tokens[start][0].voice
            if "noun" in entry.flags and voice in ("other", "intrans"):
                voice = "noun"
            out.append(TriggerMatch(start, end, entry, voice, start))
        out.sort(key=lambda m: m.start)
        return out

    def _token(self, word: str, proper: bool) -> tuple[Analysis, frozenset[str], tuple[int, ...]]:
        """Analysis, keys for continuing a match, and candidate entries that may start at this
        token (by first word), cached.  A proper token starts nothing but continues with the keys
        of both readings."""
        ck = (word, proper)
        hit = self._tokens.get(ck)
        if hit is None:
            a = self.morph.analyse(word, proper)
            keys = frozenset(a.keys)
            cands: set[int] = set(self._by_lit.get(word, ()))
            for k in keys:
                cands.update(self._by_key.get(k, ()))
            if proper:
                keys = keys | frozenset(self.morph.analyse(word, False).keys)
            hit = (a, keys, tuple(sorted(cands)))
            self._tokens[ck] = hit
        return hit

    def _match_at(
        self, elems: list[_Elem], k: int, i: int, words: list[str], keys: list[frozenset[str]]
    ) -> int | None:
        """Match elems[k:] starting at token i; returns the end index or None."""
        if k == len(elems):
            return i
        kind, val = elems[k]
        if kind == "gap":
            for skip in range(MAX_GAP + 1):
                j = i + skip
                if j >= len(words):
                    return None
                if skip and not _is_word(words[j - 1]):
                    return None
                end = self._match_at(elems, k + 1, j, words, keys)
                if end is not None:
                    return end
            return None
        if i >= len(words):
            return None
        ok = words[i] in val if kind == "lit" else not val.isdisjoint(keys[i])
        return self._match_at(elems, k + 1, i + 1, words, keys) if ok else None


def trigger_files(lang: LangData) -> list[str]:
    """Names (relative to the language dir) of the trigger data files, in load order."""
    names = []
    if lang.path("triggers.tsv").exists():
        names.append("triggers.tsv")
    sub = lang.path("triggers")
    if sub.is_dir():
        names.extend(f"triggers/{p.name}" for p in sorted(sub.glob("*.tsv")))
    if not names:
        raise LangDataError(f"no trigger files in {lang.root}")
    return names


def load_entries(lang: LangData) -> list[LexEntry]:
    entries: list[LexEntry] = []
    for name in trigger_files(lang):
        for n, row in enumerate(lang.tsv(name), start=1):
            missing = [c for c in COLUMNS[:3] if not row.get(c)]
            if missing:
                raise LexiconError(f"{name} row {n}: missing {', '.join(missing)}: {row}")
            frame = tuple(f.strip() for f in row["frame"].split(",") if f.strip())
            flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
            bad = [f for f in frame if f not in FRAMES] + [f for f in flags if f not in FLAGS]
            if bad:
                raise LexiconError(f"{name} row {n}: unknown frame/flag {bad}")
            if ("stop" in flags) != (row["cameo"] == STOP_CODE):
                raise LexiconError(f"{name} row {n}: a stop entry has cameo {STOP_CODE!r}, "
                                   f"and only a stop entry: {row}")
            entries.append(
                LexEntry(
                    id=len(entries),
                    pattern=" ".join(row["pattern"].split()),
                    cameo=row["cameo"],
                    frame=frame,
                    flags=flags,
                    note=row.get("note") or "",
                )
            )
    return entries
