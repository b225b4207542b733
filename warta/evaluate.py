"""Scoring coded events against gold files, as defined in ``shared/gold/GUIDE.md``.

Each event expands into triples (source code, target code or None, CAMEO root) — one per source ×
target pair, skipping pairs where source and target share a code. Precision, recall and F1 are
computed over triples pooled over all sentences (multiset counts per sentence). Variants: full CAMEO
code, roles (codes + roles), quad class, PLOVER category. Events coded 010 are ignored on both
sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from warta.codebook import Codebook

Triple = tuple[Any, ...]
VARIANTS = ("root", "code", "role", "quad", "plover")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Miss:
    id: str
    text: str
    missed: list[Triple]
    spurious: list[Triple]


@dataclass
class Report:
    scores: dict[str, PRF]
    per_root: dict[str, PRF]
    confusion: Counter[tuple[str, str]]
    misses: list[Miss] = field(default_factory=list)
    n_records: int = 0
    n_gold_events: int = 0
    n_pred_events: int = 0

    def as_dict(self, worst: int = 20) -> dict[str, Any]:
        return {
            "records": self.n_records,
            "gold_events": self.n_gold_events,
            "predicted_events": self.n_pred_events,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "per_root": {k: v.as_dict() for k, v in sorted(self.per_root.items())},
            "confusion": [
                {"gold": g, "predicted": p, "count": c} for (g, p), c in self.confusion.most_common()
            ],
            "worst": [m.__dict__ for m in self.worst(worst)],
        }

    def worst(self, n: int = 20) -> list[Miss]:
        return sorted(self.misses, key=lambda m: (-(len(m.missed) + len(m.spurious)), m.id))[:n]


def _codes(actors: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(a.get("code") or "---", a.get("role") or None) for a in actors]


def triples(
    event: dict[str, Any], variant: str, codebook: Codebook
) -> list[Triple]:
    cameo = str(event.get("cameo", ""))
    if cameo == "010" or not cameo:
        return []
    if variant == "root":
        label: Any = cameo[:2]
    elif variant == "code":
        label = cameo
    elif variant == "role":
        label = cameo[:2]
    elif variant == "quad":
        label = codebook.get(cameo).quad_class if cameo in codebook else None
    elif variant == "plover":
        label = codebook.get(cameo).plover if cameo in codebook else None
    else:
        raise ValueError(f"unknown variant {variant!r}")
    srcs = _codes(event.get("source") or [])
    tgts = _codes(event.get("target") or [])
    with_role = variant == "role"
    out: list[Triple] = []
    seen: set[Triple] = set()
    for s, sr in srcs:
        s_key: Any = (s, sr) if with_role else s
        if not tgts:
            t3: Triple = (s_key, None, label)
            if t3 not in seen:
                seen.add(t3)
                out.append(t3)
            continue
        for t, tr in tgts:
            if t == s:
                continue
            t_key: Any = (t, tr) if with_role else t
            t3 = (s_key, t_key, label)
            if t3 not in seen:
                seen.add(t3)
                out.append(t3)
    return out


def score(
    gold: Iterable[dict[str, Any]],
    predicted: dict[str, list[dict[str, Any]]],
    codebook: Codebook,
) -> Report:
    """Score gold records against predicted events keyed by record id."""
    scores = {v: PRF() for v in VARIANTS}
    per_root: dict[str, PRF] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    report = Report(scores, per_root, confusion)
    for rec in gold:
        rid = str(rec.get("id"))
        g_events = [e for e in rec.get("events") or [] if e.get("cameo") != "010"]
        p_events = [e for e in predicted.get(rid, []) if e.get("cameo") != "010"]
        report.n_records += 1
        report.n_gold_events += len(g_events)
        report.n_pred_events += len(p_events)
        for variant in VARIANTS:
            g = Counter(t for e in g_events for t in triples(e, variant, codebook))
            p = Counter(t for e in p_events for t in triples(e, variant, codebook))
            tp = sum((g & p).values())
            scores[variant].tp += tp
            scores[variant].fp += sum(p.values()) - tp
            scores[variant].fn += sum(g.values()) - tp
            if variant == "root":
                for t, c in (g & p).items():
                    per_root.setdefault(t[2], PRF()).tp += c
                for t, c in (p - g).items():
                    per_root.setdefault(t[2], PRF()).fp += c
                for t, c in (g - p).items():
                    per_root.setdefault(t[2], PRF()).fn += c
                _confuse(confusion, g - p, p - g)
                if g != p:
                    report.misses.append(
                        Miss(rid, rec.get("text", ""), sorted(map(_show, (g - p).elements())),
                             sorted(map(_show, (p - g).elements())))
                    )
    return report


def _show(t: Triple) -> Triple:
    return tuple("-" if x is None else x for x in t)


def _confuse(confusion: Counter[tuple[str, str]], missed: Counter[Triple],
             spurious: Counter[Triple]) -> None:
    """Pair a missed gold triple with a spurious prediction for the same dyad (root confusion)."""
    spur = list(spurious.elements())
    for t in missed.elements():
        match = next((s for s in spur if s[0] == t[0] and s[1] == t[1]), None)
        if match is not None:
            spur.remove(match)
            confusion[(t[2], match[2])] += 1
        else:
            confusion[(t[2], "none")] += 1
    for s in spur:
        confusion[("none", s[2])] += 1


def evaluate_file(
    gold_records: list[dict[str, Any]],
    predict: Callable[[dict[str, Any]], list[dict[str, Any]]],
    codebook: Codebook,
) -> Report:
    predicted = {str(r.get("id")): predict(r) for r in gold_records}
    return score(gold_records, predicted, codebook)
