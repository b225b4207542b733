"""GDELT-style tone of an article or a sentence from the Indonesian tone lexicon.

Tone = (positive words − negative words) / words × 100, as GDELT's ``AvgTone`` (range −100..100,
usually −10..10).  The lexicon is ``warta/lang/id/tone.tsv`` (built from InSet by
``scripts/build_tone.py``); multi-word entries ("kerja sama") are matched as word n-grams and
a matched n-gram's words are not counted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.lang import LangData, load_lang

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ToneScore:
    """GDELT-style tone components for one text."""

    tone: float  # positive − negative, in % of words
    positive: float  # % of words with positive polarity (GDELT PositiveScore)
    negative: float  # % of words with negative polarity (GDELT NegativeScore, positive number)
    polarity: float  # positive + negative (GDELT Polarity)
    words: int  # number of word tokens


ZERO = ToneScore(0.0, 0.0, 0.0, 0.0, 0)


class Tone:
    """Scores text against a loaded lexicon; load once, reuse (no global caches)."""

    def __init__(self, lexicon: dict[tuple[str, ...], int]):
        self._lexicon = lexicon
        self._max_n = max((len(k) for k in lexicon), default=1)
        self._starts = {k[0] for k in lexicon if len(k) > 1}  # first words of multi-word entries

    @classmethod
    def load(cls, lang: LangData | None = None) -> Tone:
        lang = lang or load_lang("id")
        lexicon: dict[tuple[str, ...], int] = {}
        for row in lang.tsv("tone.tsv"):
            words = tuple(row["word"].split())
            if not words:
                continue
            polarity = int(row["polarity"])
            if polarity not in (-1, 1):
                raise ValueError(f"tone.tsv: polarity must be 1 or -1, got {row!r}")
            lexicon[words] = polarity
        return cls(lexicon)

    def __len__(self) -> int:
        return len(self._lexicon)

    @staticmethod
    def tokens(text: str) -> list[str]:
        return _WORD.findall(text.lower())

    def score(self, text: str) -> ToneScore:
        words = self.tokens(text)
        n = len(words)
        if not n:
            return ZERO
        lex = self._lexicon
        pos = neg = 0
        i = 0
        max_n = self._max_n
        starts = self._starts
        while i < n:
            w = words[i]
            hit = 0
            step = 1
            if w in starts:
                for k in range(min(max_n, n - i), 0, -1):
                    p = lex.get(tuple(words[i : i + k]))
                    if p is not None:
                        hit, step = p, k
                        break
            else:
                hit = lex.get((w,), 0)
            if hit > 0:
                pos += step
            elif hit < 0:
                neg += step
            i += step
        p_pct = 100.0 * pos / n
        n_pct = 100.0 * neg / n
        return ToneScore(
            tone=round(p_pct - n_pct, 4),
            positive=round(p_pct, 4),
            negative=round(n_pct, 4),
            polarity=round(p_pct + n_pct, 4),
            words=n,
        )

    def tone(self, text: str) -> float:
        return self.score(text).tone
