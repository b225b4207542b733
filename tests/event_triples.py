"""Shared by the construction tables (tests/test_events.py, tests/test_lexicon_coverage.py):
coded events as (source, target, root, mode) triples, like the scorer's pairs."""

from __future__ import annotations

from typing import Any


def mode_triples(events: Any) -> set[tuple[str, str | None, str, str]]:
    out: set[tuple[str, str | None, str, str]] = set()
    for e in events:
        for s in {a.code for a in e.source}:
            codes = {a.code for a in e.target}
            # a domestic target (same code) shows as (s, s); mixed targets skip it, like scoring
            tgts = codes - {s} or ({s} if codes else {None})
            for t in tgts:
                out.add((s, t, e.root, e.mode))
    return out
