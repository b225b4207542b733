"""Scoring rules of shared/gold/GUIDE.md, on hand-made gold/prediction pairs."""

from __future__ import annotations

import pytest

from warta.evaluate import score, triples


def ev(src, tgt, cameo, roles=None):
    roles = roles or {}
    return {
        "source": [{"code": c, "role": roles.get(c)} for c in src],
        "target": [{"code": c, "role": roles.get(c)} for c in tgt],
        "cameo": cameo,
    }


@pytest.mark.parametrize(
    "event,variant,expected",
    [
        (ev(["CHN"], ["RUS"], "040"), "root", [("CHN", "RUS", "04")]),
        (ev(["CHN", "RUS"], ["CHN", "RUS"], "040"), "root", [("CHN", "RUS", "04"), ("RUS", "CHN", "04")]),
        (ev(["WST"], [], "163"), "root", [("WST", None, "16")]),
        (ev(["CHN"], ["RUS"], "0311"), "code", [("CHN", "RUS", "0311")]),
        (ev(["CHN"], ["RUS"], "051"), "quad", [("CHN", "RUS", 1)]),
        (ev(["RUS"], ["UKR"], "190"), "plover", [("RUS", "UKR", "ASSAULT")]),
        (ev(["CHN"], ["RUS"], "010"), "root", []),
        (ev(["CHN"], ["CHN"], "040"), "root", []),
    ],
)
def test_triples(codebook, event, variant, expected) -> None:
    assert triples(event, variant, codebook) == expected


def test_pooled_scores_and_per_root(codebook) -> None:
    gold = [
        {"id": "a", "text": "x", "events": [ev(["CHN"], ["RUS"], "040"), ev(["RUS"], ["UKR"], "190")]},
        {"id": "b", "text": "y", "events": [ev(["WST"], ["RUS"], "163")]},
        {"id": "c", "text": "z", "events": []},
    ]
    pred = {
        "a": [ev(["CHN"], ["RUS"], "042"), ev(["RUS"], ["UKR"], "111")],
        "b": [ev(["WST"], ["RUS"], "163")],
        "c": [ev(["IDN"], [], "051")],
    }
    r = score(gold, pred, codebook)
    root = r.scores["root"]
    assert (root.tp, root.fp, root.fn) == (2, 2, 1)
    assert root.precision == pytest.approx(0.5) and root.recall == pytest.approx(2 / 3)
    code = r.scores["code"]
    assert (code.tp, code.fp, code.fn) == (1, 3, 2)
    assert r.per_root["19"].fn == 1 and r.per_root["11"].fp == 1
    assert r.confusion[("19", "11")] == 1 and r.confusion[("none", "05")] == 1
    assert [m.id for m in r.worst(5)] == ["a", "c"]


def test_duplicate_triples_count_as_multiset(codebook) -> None:
    gold = [{"id": "a", "text": "", "events": [ev(["CHN"], ["RUS"], "040")]}]
    pred = {"a": [ev(["CHN"], ["RUS"], "040"), ev(["CHN"], ["RUS"], "043")]}
    r = score(gold, pred, codebook)
    assert (r.scores["root"].tp, r.scores["root"].fp) == (1, 1)
