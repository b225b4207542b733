"""Clean raw article text: boilerplate removal, dateline split, character/whitespace normalisation.

All language knowledge (boilerplate cues, dateline shapes, outlet names, character maps) lives in
``warta/lang/<code>/clean.yaml``; this module only knows the rule *kinds*.  A :class:`Cleaner`
compiles every pattern once, so ``Cleaner(lang).clean(text)`` is cheap per article.

Order of operations (each step works on the output of the previous one):

1. Unicode NFC, then the ``chars`` map (curly quotes/dashes to ASCII, NBSP to space, zero-width
   characters removed, ``\\r`` to ``\\n``).
2. ``glued`` repairs: an article-join ``*`` glued between a sentence end and a capital
   ("mendatang.*Pertemuan") becomes a paragraph break; "akhir.Kalimat" gets its missing space.
3. Per line: whitespace collapsed; boilerplate ``lines`` dropped (only lines up to
   ``max_line_chars``); boilerplate ``fragments`` cut out; empty lines dropped.  Paragraphs are
   joined with a single ``"\\n"``.
4. ``trailing`` end marks ("(*)", a final ``*``, editor initials "(rdp/imk)") removed from the end.
5. The first matching ``datelines`` pattern is removed from the start; its ``place`` and
   ``outlet`` groups are returned.  For "Jakarta, Senin (21/10/2024) - ..." only the place is
   removed: the weekday and date stay in the text so the date stage can read them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from warta.lang import LangData, LangDataError

_MACRO = re.compile(r"\{\{(\w+)\}\}")
_SPACES = re.compile(r"[ \t\f\v]+")
_TAIL = 400  # characters at the end of a text searched for trailing end marks


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one text."""

    text: str
    dateline_place: str | None = None
    outlet: str | None = None
    removed: list[str] = field(default_factory=list)  # dropped lines/fragments, for explanation


@dataclass(frozen=True, slots=True)
class _Dateline:
    name: str
    pattern: re.Pattern[str]


class Cleaner:
    """Compiled cleaning rules for one language (built once, reused for every article)."""

    def __init__(self, lang: LangData, filename: str = "clean.yaml"):
        cfg = lang.yaml(filename)
        if not isinstance(cfg, dict):
            raise LangDataError(f"{lang.path(filename)}: expected a mapping")
        self.lang = lang
        self._source = str(lang.path(filename))
        macros = self._macros(cfg.get("macros") or {})

        def compile_(pattern: Any, flags: int = 0) -> re.Pattern[str]:
            if not isinstance(pattern, str):
                raise LangDataError(f"{self._source}: pattern {pattern!r} is not a string")
            expanded = self._expand(pattern, macros)
            try:
                return re.compile(expanded, flags)
            except re.error as exc:
                raise LangDataError(f"{self._source}: bad pattern {pattern!r}: {exc}") from exc

        # every line cue is checked in one pass: a single alternation (cues must not use inline
        # global flags; they are all case-insensitive already)
        line_cues = [str(p) for p in cfg.get("lines") or []]
        for cue in line_cues:
            compile_(cue, re.IGNORECASE)  # report a bad cue by itself, not the whole alternation
        self._lines: re.Pattern[str] | None = (
            compile_("|".join(f"(?:{c})" for c in line_cues), re.IGNORECASE) if line_cues else None
        )
        self._fragments = [compile_(p) for p in cfg.get("fragments") or []]
        self._trailing = [compile_(p) for p in cfg.get("trailing") or []]
        self._glued: list[tuple[re.Pattern[str], str]] = []
        for pair in cfg.get("glued") or []:
            if not (isinstance(pair, list) and len(pair) == 2):
                raise LangDataError(f"{self._source}: glued entries are [pattern, replacement]")
            self._glued.append((compile_(pair[0]), str(pair[1])))
        self._datelines: list[_Dateline] = []
        for i, entry in enumerate(cfg.get("datelines") or []):
            if not isinstance(entry, dict) or "pattern" not in entry:
                raise LangDataError(f"{self._source}: dateline #{i} needs a pattern")
            self._datelines.append(
                _Dateline(str(entry.get("name", f"dateline{i}")), compile_(entry["pattern"]))
            )
        self._outlets = {str(k).casefold(): str(v) for k, v in (cfg.get("outlets") or {}).items()}
        chars = cfg.get("chars") or {}
        self._chars: dict[int, str] = {}
        for k, v in chars.items():
            if not isinstance(k, str) or len(k) != 1:
                raise LangDataError(f"{self._source}: chars key {k!r} is not one character")
            self._chars[ord(k)] = str(v)
        self._max_line = int(cfg.get("max_line_chars", 300))

    # -- construction helpers -------------------------------------------------------------

    def _macros(self, raw: Any) -> dict[str, str]:
        if not isinstance(raw, dict):
            raise LangDataError(f"{self._source}: macros must be a mapping")
        out: dict[str, str] = {}
        for name, value in raw.items():
            out[str(name)] = self._expand(str(value), out)
        return out

    def _expand(self, pattern: str, macros: dict[str, str]) -> str:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in macros:
                raise LangDataError(f"{self._source}: unknown macro {{{{{name}}}}}")
            return macros[name]

        return _MACRO.sub(sub, pattern)

    # -- cleaning -------------------------------------------------------------------------

    def normalise(self, text: str) -> str:
        """Steps 1-2: NFC, character map, glued-join repairs (no lines dropped)."""
        text = unicodedata.normalize("NFC", text).translate(self._chars)
        for pattern, repl in self._glued:
            text = pattern.sub(repl, text)
        return text

    def _is_boilerplate(self, line: str) -> bool:
        if self._lines is None or len(line) > self._max_line:
            return False
        return self._lines.match(line) is not None

    def clean(self, text: str) -> Cleaned:
        removed: list[str] = []
        kept: list[str] = []
        for raw_line in self.normalise(text).split("\n"):
            line = _SPACES.sub(" ", raw_line).strip()
            if not line:
                continue
            if self._is_boilerplate(line):
                removed.append(line)
                continue
            for frag in self._fragments:
                if frag.search(line):
                    removed.extend(m.group(0).strip() for m in frag.finditer(line))
                    line = frag.sub(" ", line)
            line = _SPACES.sub(" ", line).strip()
            if line:
                kept.append(line)
        body = "\n".join(kept)
        body = self._strip_trailing(body, removed)
        body, place, outlet = self._split_dateline(body, removed)
        return Cleaned(text=body, dateline_place=place, outlet=outlet, removed=removed)

    def _strip_trailing(self, body: str, removed: list[str]) -> str:
        changed = True
        while changed and body:
            changed = False
            # end marks are short: search only the tail (a full-text search is O(n) per cue)
            offset = max(0, len(body) - _TAIL)
            tail = body[offset:]
            for pattern in self._trailing:
                m = pattern.search(tail)
                if m and m.start() < len(tail):
                    removed.append(m.group(0).strip())
                    body = body[: offset + m.start()].rstrip()
                    changed = True
                    break
        return body

    def _split_dateline(self, body: str, removed: list[str]) -> tuple[str, str | None, str | None]:
        for dl in self._datelines:
            m = dl.pattern.match(body)
            if not m or m.end() == 0:
                continue
            groups = m.groupdict()
            place = self._place(groups.get("place"))
            outlet = self.canonical_outlet(groups.get("outlet"))
            removed.append(m.group(0).strip())
            return body[m.end() :].lstrip(), place, outlet
        return body, None, None

    @staticmethod
    def _place(raw: str | None) -> str | None:
        if not raw:
            return None
        raw = raw.strip()
        letters = [c for c in raw if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            return raw.title()
        return raw

    def canonical_outlet(self, raw: str | None) -> str | None:
        """Outlet as written → canonical name (``outlets`` map, else domains lower-cased)."""
        if not raw:
            return None
        raw = raw.strip()
        known = self._outlets.get(raw.casefold())
        if known is not None:
            return known
        if "." in raw and " " not in raw:
            return raw.lower()
        return raw


def clean_text(text: str, lang: LangData) -> Cleaned:
    """Convenience wrapper: build a :class:`Cleaner` for ``lang`` and clean one text.

    For many texts build one ``Cleaner(lang)`` and call ``.clean`` (patterns compile once).
    """
    return Cleaner(lang).clean(text)
