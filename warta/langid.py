"""A small, fast language identifier from stopword ratios (Indonesian vs English vs other).

Every ``warta/lang/<code>/stopwords.txt`` found is a candidate language: adding
``warta/lang/ms/stopwords.txt`` makes Malay detectable without a code change.  The score of a
language is the share of the text's word tokens that are in its stopword list; the best language
wins when its share is high enough and clearly ahead of the runner-up, otherwise the answer is
``"und"`` (undetermined: too short, numbers only, or a language without a list).

Build one :class:`LanguageIdentifier` and reuse it; :func:`detect` is a convenience that loads
the lists on every call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from warta.lang import LangDataError, lang_dir

UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def read_wordlist(path: Path) -> frozenset[str]:
    """Words of a one-word-a-line list ('#' comments and blank lines ignored), casefolded."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LangDataError(f"cannot read word list {path}: {exc}") from exc
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().casefold()
        if word:
            words.add(word)
    if not words:
        raise LangDataError(f"word list {path} is empty")
    return frozenset(words)


class LanguageIdentifier:
    """Stopword-ratio language identifier.

    ``min_tokens``: fewer word tokens than this → ``"und"``.
    ``min_ratio``: the best language's stopword share must reach this.
    ``min_margin``: … and exceed the runner-up's share by this factor.
    ``max_chars``: only this many leading characters are looked at (speed; news leads suffice).
    """

    def __init__(
        self,
        stopwords: Mapping[str, Iterable[str]],
        *,
        min_tokens: int = 3,
        min_ratio: float = 0.15,
        min_margin: float = 1.5,
        strong_ratio: float = 0.25,
        max_chars: int = 5000,
    ):
        if not stopwords:
            raise LangDataError("no stopword lists given")
        self.stopwords = {
            code: frozenset(w.casefold() for w in ws) for code, ws in stopwords.items()
        }
        # one dict lookup per token: word → languages whose list holds it
        self._index: dict[str, tuple[str, ...]] = {}
        for code in sorted(self.stopwords):
            for word in self.stopwords[code]:
                self._index[word] = (*self._index.get(word, ()), code)
        self.min_tokens = min_tokens
        self.min_ratio = min_ratio
        self.min_margin = min_margin
        self.strong_ratio = strong_ratio
        self.max_chars = max_chars

    @classmethod
    def load(
        cls, root: Path | None = None, codes: Iterable[str] | None = None, **kwargs: Any
    ) -> LanguageIdentifier:
        """Read ``<root>/<code>/stopwords.txt`` for every language folder (or just ``codes``)."""
        base = root if root is not None else lang_dir("id").parent
        if codes is None:
            paths = sorted(base.glob("*/stopwords.txt"))
        else:
            paths = [base / c / "stopwords.txt" for c in codes]
        lists = {p.parent.name: read_wordlist(p) for p in paths}
        if not lists:
            raise LangDataError(f"no */stopwords.txt under {base}")
        return cls(lists, **kwargs)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.stopwords))

    def scores(self, text: str) -> tuple[int, dict[str, float]]:
        """Number of word tokens and each language's stopword share."""
        hits = dict.fromkeys(self.stopwords, 0)
        total = 0
        index = self._index
        for m in _WORD.finditer(text[: self.max_chars]):
            total += 1
            for code in index.get(m.group(0).casefold(), ()):
                hits[code] += 1
        if not total:
            return 0, {c: 0.0 for c in hits}
        return total, {c: h / total for c, h in hits.items()}

    def detect(self, text: str) -> tuple[str, float]:
        """``(code, confidence)``; code is ``"und"`` when no language is clearly present."""
        total, shares = self.scores(text)
        if total < self.min_tokens:
            return UNDETERMINED, 0.0
        ranked = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))
        best_code, best = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if best < self.min_ratio or best < second * self.min_margin:
            return UNDETERMINED, 0.0
        separation = (best - second) / best
        strength = min(1.0, best / self.strong_ratio)
        size = min(1.0, total / 20)
        return best_code, round(separation * strength * (0.5 + 0.5 * size), 3)


def detect(text: str) -> tuple[str, float]:
    """Convenience: load the stopword lists and detect (build a LanguageIdentifier for bulk)."""
    return LanguageIdentifier.load().detect(text)
