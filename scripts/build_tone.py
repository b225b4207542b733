#!/usr/bin/env python3
"""Build ``warta/lang/id/tone.tsv`` (the tone lexicon) from the InSet sentiment lexicon.

Source: ``shared/data/sentiment/inset/{positive,negative}.tsv`` — InSet (Indonesia Sentiment
Lexicon), Fajri Koto and Gemala Y. Rahmaningtyas, "InSet Lexicon: Evaluation of a Word List for
Indonesian Sentiment Analysis in Microblogs", IALP 2017 (github.com/fajri91/InSet).

Derivation (deterministic):
  * entries are lower-cased; a parenthesised gloss ("tersentuh (perasaan)") is dropped;
    whitespace is collapsed;
  * a word listed in both files (or several times) gets the *sum* of its weights; words whose
    net weight is 0 are dropped (they carry no tone);
  * function words listed in ``warta/lang/id/stopwords.txt`` ("itu", "pada" …, which InSet —
    built for microblogs — scores) are dropped: in news they carry no tone;
  * ``polarity`` is +1 / -1 from the sign of the net weight (GDELT-style tone counts words by
    polarity; ``weight`` is kept for weighted scores).

Usage: python scripts/build_tone.py [--inset DIR] [--out warta/lang/id/tone.tsv]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INSET = REPO.parent / "shared" / "data" / "sentiment" / "inset"
DEFAULT_OUT = REPO / "warta" / "lang" / "id" / "tone.tsv"
DEFAULT_STOP = REPO / "warta" / "lang" / "id" / "stopwords.txt"

HEADER = """\
# Warta tone lexicon (Indonesian), built by scripts/build_tone.py — do not edit by hand;
# edit the script or add a row and document it.
# Source: InSet (Indonesia Sentiment Lexicon) positive.tsv + negative.tsv,
#   Fajri Koto & Gemala Y. Rahmaningtyas, "InSet Lexicon: Evaluation of a Word List for
#   Indonesian Sentiment Analysis in Microblogs", IALP 2017, https://github.com/fajri91/InSet
# Licence: the InSet distribution (README) states no explicit licence; it is published for
#   research use with the citation above — cite the paper when publishing tone scores.
# Derivation: lower-cased, parenthesised glosses dropped, weights of repeated / two-list words
#   summed, zero-net words and function words (warta/lang/id/stopwords.txt) dropped;
#   polarity = sign(weight).
# Columns: word (one or more space-separated words), weight (summed InSet weight), polarity (+1/-1)
"""

_GLOSS = re.compile(r"\([^)]*(?:\)|$)")
_SPACE = re.compile(r"\s+")


def normalise(word: str) -> str:
    return _SPACE.sub(" ", _GLOSS.sub(" ", word.lower())).strip()


def read_stopwords(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with open(path, encoding="utf-8") as f:
        return {ln.split("#", 1)[0].strip().lower() for ln in f} - {""}


def build(inset: Path, stop: set[str] | None = None) -> dict[str, int]:
    weights: dict[str, int] = {}
    for name in ("positive.tsv", "negative.tsv"):
        with open(inset / name, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                word = normalise(row["word"])
                if not word:
                    continue
                weights[word] = weights.get(word, 0) + int(row["weight"])
    stop = stop or set()
    return {w: v for w, v in weights.items() if v != 0 and w not in stop}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inset", type=Path, default=DEFAULT_INSET)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--stopwords", type=Path, default=DEFAULT_STOP)
    args = ap.parse_args()
    weights = build(args.inset, read_stopwords(args.stopwords))
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        f.write("word\tweight\tpolarity\n")
        for word in sorted(weights):
            w = weights[word]
            f.write(f"{word}\t{w}\t{1 if w > 0 else -1}\n")


if __name__ == "__main__":
    main()
