"""Indonesian morphology: root + affix class of a word.

PySastrawi gives the root (with its dictionary); this module works out which prefix and suffix the
word carries around that root and reduces them to a *matching key*: ``root|class`` where the voice
alternants of one verb share a class (``menyerang``/``diserang``/``terserang`` -> ``serang|V``,
``menjatuhkan``/``dijatuhkan`` -> ``jatuh|Vkan``, ``penyerangan``/``perundingan`` -> ``…|Nan``,
``pertemuan`` -> ``temu|PERan`` apart from ``penemuan`` -> ``temu|Nan``).

The affix inventory is the closed grammatical system of Indonesian (not lexical knowledge), so it
lives here; every word-specific fact lives in the language data files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# roots Sastrawi's dictionary lacks (language data, one a line; '#' comments)
DEFAULT_ROOTS = Path(__file__).resolve().parent / "lang" / "id" / "morph_roots.txt"

# clitics stripped before the analysis (longest first)
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")

# prefix region (the letters before the root) -> prefix class.  A trailing nasal belongs to meN-/peN-.
_PREFIX_REGIONS: dict[str, str] = {
    "": "",
    "me": "meN", "mem": "meN", "men": "meN", "meng": "meN", "meny": "meN", "menge": "meN",
    "di": "di",
    "ter": "ter", "te": "ter",
    "ber": "ber", "be": "ber", "bel": "ber",
    "ke": "ke",
    "pe": "peN", "pem": "peN", "pen": "peN", "peng": "peN", "peny": "peN", "penge": "peN",
    "per": "per",
    "memper": "memper", "mempe": "memper", "diper": "diper", "dipe": "diper",
    "member": "meN",  # memberlakukan = meN + berlaku + kan, like diberlakukan
    "se": "se",
    # stacked prefixes: the outer one decides the class
    "keber": "ke", "kese": "ke", "keter": "ke", "keper": "ke", "kepe": "ke",
    "pember": "peN", "pemer": "peN", "pemper": "peN", "penye": "peN", "pele": "peN",
    "perse": "per", "berse": "ber", "berke": "ber", "diber": "di", "dise": "di", "menye": "meN",
    "memer": "meN", "mense": "meN", "disi": "di", "terse": "ter",
}

# nasal prefix (without the vowel) -> root-initial consonant it replaces
_NASAL_DELETED = {"meny": "s", "peny": "s", "men": "t", "pen": "t", "mem": "p", "pem": "p",
                  "meng": "k", "peng": "k"}

_VOICE = {"meN": "active", "memper": "active", "di": "passive", "diper": "passive",
          "ter": "passive", "ber": "intrans"}


@dataclass(frozen=True, slots=True)
class Analysis:
    word: str  # lowercased input
    root: str  # "serang"
    prefix: str  # "meN" | "di" | "ber" | "ter" | "ke" | "peN" | "per" | "memper" | "diper" | "se" | ""
    suffix: str  # "kan" | "i" | "an" | ""   (clitics stripped first)
    voice: str  # active | passive | intrans | noun | other
    key: str  # root + "|" + affix class
    alt_keys: tuple[str, ...] = ()  # further keys when the root is ambiguous (mengunjungi: unjung/kunjung)

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, *self.alt_keys)


def affix_class(prefix: str, suffix: str) -> str:
    """The matching class of a prefix + suffix combination (see module doc)."""
    if prefix in ("meN", "di", "ter"):
        return "V" + suffix
    if prefix in ("memper", "diper"):
        return "P" + suffix
    if prefix == "ber":
        return "ber" + suffix
    if prefix == "peN":
        return "Nan" if suffix == "an" else prefix + suffix
    if prefix == "per":
        # per-an nouns belong to ber- verbs and differ from the peN-an nouns of meN- verbs:
        # perbatasan (border) / pembatasan (restriction), pertemuan (meeting) / penemuan
        # (discovery), pertahanan (defence) / penahanan (detention)
        return "PERan" if suffix == "an" else prefix + suffix
    if prefix == "ke":
        return "KEan" if suffix == "an" else "ke" + suffix
    if prefix == "se":
        return "se" + suffix
    return suffix  # bare root: "" ; root-an: "an" ; root-kan/-i (imperative): "kan"/"i"


def _voice(prefix: str, suffix: str) -> str:
    if prefix in _VOICE:
        return _VOICE[prefix]
    if prefix in ("peN", "per", "ke") and suffix == "an":
        return "noun"
    if prefix == "peN":
        return "noun"  # agent noun: penyerang
    if prefix == "" and suffix == "an":
        return "noun"
    if prefix == "" and suffix == "":
        return "intrans"
    return "other"


class Morphology:
    """Cached analyser. One instance per process; ``analyse`` is a dict lookup after first use."""

    def __init__(self, extra_roots: Iterable[str] | None = None) -> None:
        """``extra_roots``: roots to add to Sastrawi's dictionary (default: morph_roots.txt)."""
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        stemmer: Any = StemmerFactory().create_stemmer()
        self._stemmer = stemmer
        inner = getattr(stemmer, "delegatedStemmer", stemmer)
        self._dict: Any = getattr(inner, "dictionary", None)
        self._cache: dict[tuple[str, bool], Analysis] = {}
        if extra_roots is None:
            extra_roots = read_roots(DEFAULT_ROOTS)
        self._extra = frozenset(r.strip().lower() for r in extra_roots if r.strip())

    # -- public -----------------------------------------------------------------------------
    def analyse(self, word: str, is_proper: bool = False) -> Analysis:
        w = word.lower()
        ck = (w, is_proper)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        if is_proper or not w.isalpha() and "-" not in w:
            a = Analysis(w, w, "", "", "other", w + "|")
        elif "-" in w:
            a = self._hyphenated(w)
        else:
            a = self._analyse_simple(w)
        self._cache[ck] = a
        return a

    def in_dictionary(self, root: str) -> bool:
        return root in self._extra or self._dict is not None and bool(self._dict.contains(root))

    def stem(self, word: str) -> str:
        return str(self._stemmer.stem(word))

    # -- internals --------------------------------------------------------------------------
    def _hyphenated(self, w: str) -> Analysis:
        parts = [p for p in w.split("-") if p]
        if not parts or not all(p.isalpha() for p in parts):
            return Analysis(w, w, "", "", "other", w + "|")
        if len(parts) == 2:
            a, b = (self._analyse_simple(p) for p in parts)
            # reduplication: kata-kata, serang-menyerang, tembak-menembak, perundingan-perundingan
            if a.root == b.root or parts[0] == b.root or set(a.keys) & set(b.keys):
                best = b if len(b.prefix) + len(b.suffix) >= len(a.prefix) + len(a.suffix) else a
                return Analysis(w, best.root, best.prefix, best.suffix, best.voice, best.key,
                                best.alt_keys)
            # clitic after a hyphen: Jakarta-nya
            if parts[1] in _CLITICS:
                return Analysis(w, a.root, a.prefix, a.suffix, a.voice, a.key, a.alt_keys)
        return Analysis(w, w, "", "", "other", w + "|")

    def _analyse_simple(self, w: str) -> Analysis:
        if len(w) < 4:
            return Analysis(w, w, "", "", "intrans", w + "|")
        root = self.stem(w)
        if not root:
            return Analysis(w, w, "", "", "other", w + "|")
        parsed = None
        if root != w or self.in_dictionary(w):
            parsed = self._parse(w, root)
        if parsed is None:
            parsed = self._fallback(w)
        if parsed is None:
            if root == w:
                return Analysis(w, w, "", "", "intrans", w + "|")
            # Sastrawi found a root we cannot place inside the word: trust the root, class unknown
            return Analysis(w, root, "", "", "other", root + "|?")
        prefix, r, suffix, alts = parsed
        if prefix in ("diper", "memper"):
            # diperangi = di + perang + i (like memerangi), not diper + rang + i
            for lead in ("per", "pe"):
                if w.startswith(("di" + lead, "mem" + lead)) and self.in_dictionary(lead + r):
                    prefix, r = ("di" if w.startswith("di") else "meN"), lead + r
                    break
        if prefix == "" and suffix == "kan" and self.in_dictionary(r + "k"):
            r, suffix = r + "k", "an"  # kutukan = kutuk + an, not kutu + kan
        elif suffix == "i" and self.in_dictionary(r + "i"):
            r, suffix = r + "i", ""  # berdiskusi = ber + diskusi, not diskus + i
        cls = affix_class(prefix, suffix)
        alt_keys = tuple(f"{a}|{cls}" for a in alts if a != r)
        return Analysis(w, r, prefix, suffix, _voice(prefix, suffix), f"{r}|{cls}", alt_keys)

    def _split_tail(self, tail: str) -> str | None:
        """tail = suffix + clitic letters after the root -> the derivational suffix, or None."""
        for c in ("",) + _CLITICS:
            if c and not tail.endswith(c):
                continue
            rest = tail[: len(tail) - len(c)] if c else tail
            if rest == "" or rest in _SUFFIXES:
                return rest
        return None

    def _parse(self, w: str, root: str) -> tuple[str, str, str, list[str]] | None:
        """Place ``root`` inside ``w``; returns (prefix, root, suffix, alternative roots)."""
        cands: list[tuple[int, str, str, str]] = []  # (pos, region, matched-root-form, root)
        start = 0
        while True:
            i = w.find(root, start)
            if i < 0:
                break
            cands.append((i, w[:i], root, root))
            start = i + 1
        # nasal assimilation: menyerang = meny + (s)erang
        if len(root) > 2 and root[0] in "kpts":
            form = root[1:]
            for nasal, cons in _NASAL_DELETED.items():
                if cons == root[0] and w.startswith(nasal + form):
                    cands.append((len(nasal), nasal, form, root))
        # "berunding" = be + runding, "pelajar" = pe + lajar (r/l dropped before r/l)
        for pos, region, form, r in cands:
            prefix = _PREFIX_REGIONS.get(region)
            if prefix is None:
                continue
            suffix = self._split_tail(w[pos + len(form):])
            if suffix is None:
                continue
            tail_len = len(w) - pos - len(form)
            return prefix, r, suffix, self._nasal_alts(w[: len(w) - tail_len], r)
        return None

    def _nasal_alts(self, stem_part: str, root: str) -> list[str]:
        """meN-/peN- before a vowel may hide a deleted k/p/t/s: mengunjungi -> unjung or kunjung."""
        for nasal in ("meny", "peny", "meng", "peng", "men", "pen", "mem", "pem"):
            if stem_part.startswith(nasal):
                body = stem_part[len(nasal):]
                if body and body[0] in "aeiou":
                    alt = _NASAL_DELETED[nasal] + body
                    if alt != root and self.in_dictionary(alt):
                        return [alt]
                return []
        return []

    def _fallback(self, w: str) -> tuple[str, str, str, list[str]] | None:
        """Sastrawi could not give a usable root: strip affixes by rule, preferring a dictionary root
        (pemberontakan -> pem + berontak + an), else the longest prefix (menandatangani ->
        men + tandatangan + i)."""
        best: tuple[int, int, str, str, str] | None = None  # (in_dict, region length, ...)
        for region, prefix in _PREFIX_REGIONS.items():
            if not region or not w.startswith(region):
                continue
            body = w[len(region):]
            for suffix in ("kan", "an", "i", ""):
                for c in ("",) + _CLITICS:
                    tail = suffix + c
                    if tail and not body.endswith(tail):
                        continue
                    core = body[: len(body) - len(tail)] if tail else body
                    if len(core) < 3:
                        continue
                    cores = [core]
                    if region in _NASAL_DELETED and core[0] in "aeiou":
                        restored = _NASAL_DELETED[region] + core
                        cores = [core, restored] if region in ("meng", "peng") else [restored, core]
                    for k in cores:
                        score = (int(self.in_dictionary(k)), len(region))
                        if best is None or score > best[:2]:
                            best = (score[0], score[1], prefix, k, suffix)
        if best is None:
            # no prefix: a suffix on a root Sastrawi lacks (himbauan = himbau + an)
            for suffix in ("an", "kan", "i"):
                for c in ("",) + _CLITICS:
                    tail = suffix + c
                    core = w[: len(w) - len(tail)]
                    if w.endswith(tail) and len(core) >= 3 and self.in_dictionary(core):
                        return "", core, suffix, []
            return None
        in_dict, _, prefix, core, suffix = best
        if not in_dict and not (
            prefix in ("meN", "peN", "memper", "diper")
            or (prefix in ("di", "ter", "ber") and suffix in ("kan", "i"))
            or prefix == "ber"
        ):
            return None  # kerjasama, diplomasi: no affix we can vouch for
        return prefix, core, suffix, []


def read_roots(path: Path) -> list[str]:
    """Roots from a data file: one a line, '#' starts a comment."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out
