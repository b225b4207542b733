"""Near-duplicate articles (MinHash LSH) and event clustering across articles.

Two pure, order-independent building blocks used by :mod:`warta.db`:

* :class:`Deduper` — MinHash signatures (datasketch) over word 5-shingles of the cleaned text and
  LSH band keys (banding parameters from datasketch's ``MinHashLSH`` for the threshold).  The store
  keeps the band keys in DuckDB, so candidate pairs are found with a join instead of an in-memory
  index, and verified with the MinHash Jaccard estimate.  :func:`find_duplicates` runs the whole
  thing on an in-memory corpus (tests, one-off use).
* :func:`mention_pairs` — expands one event mention into its actor pairs, one per source × target
  (as the gold scoring does: a pair whose source and target share an actor code is skipped; a
  mention without a target gives source→none pairs), so a joint or reciprocal mention ("Xi dan
  Putin bertemu") supports one event per directed dyad (CHN→RUS and RUS→CHN).
* :func:`cluster_mentions` — assigns every event mention (pair) to an event cluster: same source code,
  target code, CAMEO root and mode (and optionally place), with dates compatible within their
  precision (``2024-10`` joins the best ``2024-10-dd`` cluster).  Cluster ids are a hash of the
  cluster key, and all tie-breaks depend only on the multiset of mentions, never on input order.

Duplicates are *linked*, not dropped: each copy points to the original of its connected component
(earliest published, then smallest id).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

DEFAULT_THRESHOLD = 0.5  # Jaccard similarity of 5-shingle sets above which articles are copies
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE = 5
DEFAULT_SEED = 20240101

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, k: int = DEFAULT_SHINGLE) -> set[bytes]:
    """Word k-shingles of lower-cased text (the whole text if it has fewer than k words)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


class Deduper:
    """MinHash signatures and LSH band keys for near-duplicate detection."""

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        k: int = DEFAULT_SHINGLE,
        seed: int = DEFAULT_SEED,
    ):
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be in (0, 1), got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.k = k
        self.seed = seed
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands: int = int(lsh.b)
        self.rows: int = int(lsh.r)
        # one template MinHash holds the permutations; copies share them (cheap)
        self._template = MinHash(num_perm=num_perm, seed=seed)

    def signature(self, text: str) -> np.ndarray:
        """uint64 MinHash signature of the text's shingles (length ``num_perm``)."""
        m = self._template.copy()
        sh = shingles(text, self.k)
        if sh:
            m.update_batch(list(sh))
        return np.asarray(m.hashvalues, dtype=np.uint64)

    def band_keys(self, sig: np.ndarray) -> list[int]:
        """One signed 64-bit key per LSH band (equal keys in a band ⇒ candidate pair)."""
        r = self.rows
        out = []
        for b in range(self.bands):
            h = hashlib.blake2b(sig[b * r : (b + 1) * r].tobytes(), digest_size=8).digest()
            out.append(int.from_bytes(h, "little", signed=True))
        return out

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """MinHash estimate of the Jaccard similarity of two signatures."""
        return float(np.count_nonzero(a == b)) / float(len(a))

    @staticmethod
    def to_bytes(sig: np.ndarray) -> bytes:
        return sig.astype("<u8").tobytes()

    @staticmethod
    def from_bytes(blob: bytes) -> np.ndarray:
        return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


@dataclass(frozen=True, slots=True)
class DocRef:
    """What duplicate detection needs to know about an article."""

    id: str
    published: str | None  # sortable (ISO, UTC) — earliest is the original
    text: str


def original_order(published: str | None, aid: str) -> tuple[int, str, str]:
    """Sort key that makes the original the earliest published, then the smallest id."""
    return (0 if published else 1, published or "", aid)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[x] = p = self.parent[p]
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(
    docs: Iterable[DocRef], deduper: Deduper | None = None
) -> dict[str, tuple[str, float]]:
    """``{copy_id: (original_id, similarity)}`` for every near-duplicate in ``docs``."""
    dd = deduper or Deduper()
    sigs: dict[str, np.ndarray] = {}
    meta: dict[str, DocRef] = {}
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for d in docs:
        if d.id in sigs:
            continue
        sig = dd.signature(d.text)
        sigs[d.id] = sig
        meta[d.id] = d
        for b, key in enumerate(dd.band_keys(sig)):
            buckets[(b, key)].append(d.id)
    uf = _UnionFind()
    checked: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                pair = (x, y) if x < y else (y, x)
                if pair in checked:
                    continue
                checked.add(pair)
                if dd.similarity(sigs[x], sigs[y]) >= dd.threshold:
                    uf.union(x, y)
    comps: dict[str, list[str]] = defaultdict(list)
    for x in list(uf.parent):
        comps[uf.find(x)].append(x)
    out: dict[str, tuple[str, float]] = {}
    for members in comps.values():
        if len(members) < 2:
            continue
        orig = min(members, key=lambda x: original_order(meta[x].published, x))
        for x in members:
            if x != orig:
                out[x] = (orig, round(dd.similarity(sigs[x], sigs[orig]), 4))
    return out


# --------------------------------------------------------------------------- actor pairs


@dataclass(frozen=True, slots=True)
class ActorPair:
    """One directed dyad of an event mention (``index`` 0 is the mention's primary pair)."""

    index: int
    source_code: str | None
    source_role: str | None
    source_name: str | None
    target_code: str | None
    target_role: str | None
    target_name: str | None


def _side(actors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any] | None]:
    """Actors of one side, one per actor code (the first mention of a code wins)."""
    out: dict[str, Mapping[str, Any]] = {}
    for a in actors:
        out.setdefault(str(a.get("code") or "---"), a)
    return list(out.values())


def _fields(a: Mapping[str, Any] | None) -> tuple[str | None, str | None, str | None]:
    if a is None:
        return None, None, None
    return (str(a.get("code") or "---"), a.get("role") or None,
            a.get("name") or a.get("text") or None)


def mention_pairs(
    sources: Sequence[Mapping[str, Any]], targets: Sequence[Mapping[str, Any]]
) -> list[ActorPair]:
    """The directed actor pairs one event mention supports, in source-major order.

    ``sources``/``targets`` are actor mappings (``code``, ``role``, ``name``, ``text``).  One pair
    per source × target actor code, skipping a pair whose source and target share a code (as the
    gold scoring does); no target gives source→none pairs, no source none→target pairs.  If every
    pair would be skipped (``IDNGOV → IDNCVL``, a domestic event) the same-code pairs are kept, so
    every mention supports at least one event.
    """
    srcs = _side(sources) or [None]
    tgts = _side(targets) or [None]
    combos = [(s, t) for s in srcs for t in tgts
              if s is None or t is None or _fields(s)[0] != _fields(t)[0]]
    if not combos:
        combos = [(s, t) for s in srcs for t in tgts]
    return [ActorPair(i, *_fields(s), *_fields(t)) for i, (s, t) in enumerate(combos)]


# --------------------------------------------------------------------------- event clustering

_PREC_LEN = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True, slots=True)
class ClusterAssignment:
    mention_id: str
    event_id: int
    key: str
    date_value: str | None
    date_precision: str | None


def stable_event_id(key: str) -> int:
    """Positive 63-bit integer from the cluster key (GDELT GLOBALEVENTID-compatible)."""
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big") >> 1


def _norm_date(value: str | None, precision: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    prec = precision if precision in _PREC_LEN else "day"
    n = _PREC_LEN[prec]
    if len(value) < n:
        # a value shorter than its claimed precision: trust the value
        prec = "year" if len(value) < 7 else "month"
        n = _PREC_LEN[prec]
    return value[:n], prec


def cluster_mentions(
    mentions: Iterable[Mapping[str, Any]], *, by_place: bool = False, by_mode: bool = True
) -> list[ClusterAssignment]:
    """Assign event mentions to clusters, deterministically and independently of input order.

    Each mention mapping needs ``id, source_code, target_code, root, mode, date_value,
    date_precision`` (and ``place`` when ``by_place``).  Within one (source, target, root[, mode]
    [, place]) group, each distinct day is a cluster; a month-precision mention joins the day
    cluster of that month with the most mentions (then the earliest day), else a month cluster; a
    year-precision mention joins the largest cluster in that year (then the earliest), else a year
    cluster.  Mentions without any date form one undated cluster per group.
    """
    groups: dict[tuple[str, ...], list[Mapping[str, Any]]] = defaultdict(list)
    for m in mentions:
        parts = [str(m.get("source_code") or ""), str(m.get("target_code") or ""),
                 str(m.get("root") or "")]
        if by_mode:
            parts.append(str(m.get("mode") or ""))
        if by_place:
            parts.append(str(m.get("place") or ""))
        groups[tuple(parts)].append(m)

    out: list[ClusterAssignment] = []
    for base, ms in groups.items():
        dated = [(m, _norm_date(m.get("date_value"), m.get("date_precision"))) for m in ms]
        size: Counter[str] = Counter()
        for _, d in dated:
            if d and d[1] == "day":
                size[d[0]] += 1
        bucket: dict[int, str] = {}
        # months
        for i, (_, d) in enumerate(dated):
            if d and d[1] == "month":
                days = [k for k in size if len(k) == 10 and k.startswith(d[0])]
                bucket[i] = min(days, key=lambda k: (-size[k], k)) if days else d[0]
        for i, (_, d) in enumerate(dated):
            if d and d[1] == "month":
                if bucket[i] == d[0]:
                    size[d[0]] += 1
                else:
                    size[bucket[i]] += 1
        # years
        for i, (_, d) in enumerate(dated):
            if d and d[1] == "year":
                cands = [k for k in size if k.startswith(d[0])]
                bucket[i] = min(cands, key=lambda k: (-size[k], k)) if cands else d[0]
        for i, (m, d) in enumerate(dated):
            if d is None:
                value, prec = "", None
            elif d[1] == "day":
                value, prec = d[0], "day"
            else:
                value = bucket[i]
                prec = {10: "day", 7: "month", 4: "year"}[len(value)]
            key = "|".join((*base, value))
            out.append(
                ClusterAssignment(
                    mention_id=str(m["id"]),
                    event_id=stable_event_id(key),
                    key=key,
                    date_value=value or None,
                    date_precision=prec,
                )
            )
    out.sort(key=lambda a: a.mention_id)
    return out
