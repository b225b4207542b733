"""Integrity of the packaged CAMEO codebook (warta/data/cameo.tsv)."""

from __future__ import annotations

import csv

import pytest

from warta.codebook import Codebook, UnknownCode

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "INVESTIGATE",
}


def test_every_code_is_well_formed(codebook: Codebook) -> None:
    assert len(codebook) > 300
    for e in codebook:
        assert e.code.isdigit() and 2 <= len(e.code) <= 4, e.code
        assert e.root == e.code[:2]
        assert e.root in codebook, f"{e.code} has no root entry"
        if len(e.code) == 4:
            assert e.code[:3] in codebook, f"{e.code} has no 3-digit parent"
        assert -10.0 <= e.goldstein <= 10.0
        assert e.quad_class in (1, 2, 3, 4)
        if e.plover is not None:
            assert e.plover in PLOVER, (e.code, e.plover)


def test_all_twenty_roots(codebook: Codebook) -> None:
    assert [e.code for e in codebook.roots()] == [f"{i:02d}" for i in range(1, 21)]


@pytest.mark.parametrize(
    "code,name,quad,plover",
    [
        ("040", "Consult", 1, "CONSULT"),
        ("036", "Express intent to meet or negotiate", 1, "AGREE"),
        ("051", "Praise or endorse", 1, "SUPPORT"),
        ("163", "Impose embargo, boycott, or sanctions", 4, "COERCE"),
        ("190", "Use conventional military force", 4, "ASSAULT"),
        ("111", "Criticize or denounce", 3, "ACCUSE"),
        ("020", "Make an appeal or request", 1, "REQUEST"),
    ],
)
def test_known_codes(codebook: Codebook, code: str, name: str, quad: int, plover: str) -> None:
    e = codebook.get(code)
    assert e.name == name and e.quad_class == quad and e.plover == plover


def test_unknown_code_is_a_clear_error(codebook: Codebook) -> None:
    with pytest.raises(UnknownCode, match="999"):
        codebook.get("999")


def test_packaged_codebook_matches_reference(codebook: Codebook, shared) -> None:
    """The packaged file is the reference codebook, row for row (rebuild: scripts/build_codebook.py)."""
    with open(shared / "reference" / "cameo_codebook.tsv", encoding="utf-8") as f:
        ref = {r["code"]: r for r in csv.DictReader(f, delimiter="\t")}
    assert set(ref) == {e.code for e in codebook}
    for code, r in ref.items():
        e = codebook.get(code)
        assert (e.name, e.goldstein, e.quad_class) == (r["name"], float(r["goldstein"]),
                                                         int(r["quad_class"]))
