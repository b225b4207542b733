"""Tone lexicon (built from InSet) and GDELT-style tone scores."""

from __future__ import annotations

import subprocess
import sys

import pytest

from warta.lang import load_lang
from warta.tone import Tone


@pytest.fixture(scope="module")
def tone():
    return Tone.load()


def test_lexicon_file_integrity(repo):
    path = repo / "warta" / "lang" / "id" / "tone.tsv"
    head = path.read_text(encoding="utf-8").splitlines()[:12]
    assert any("InSet" in line for line in head) and any("Licence" in line for line in head)
    rows = load_lang("id").tsv("tone.tsv")
    assert len(rows) > 8000
    words = [r["word"] for r in rows]
    assert len(words) == len(set(words))
    for r in rows:
        assert r["word"] == r["word"].lower().strip() and "(" not in r["word"]
        assert int(r["polarity"]) in (-1, 1)
        assert (int(r["weight"]) > 0) == (int(r["polarity"]) > 0)


def test_build_script_reproduces_committed_file(repo, shared, tmp_path):
    out = tmp_path / "tone.tsv"
    subprocess.run([sys.executable, str(repo / "scripts" / "build_tone.py"), "--inset",
                    str(shared / "data" / "sentiment" / "inset"), "--out", str(out)], check=True)
    assert out.read_text(encoding="utf-8") == (
        repo / "warta" / "lang" / "id" / "tone.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Kedua negara sepakat memperkuat kerja sama dan perdamaian.", 1),
        ("Serangan itu menewaskan warga dan memicu kemarahan.", -1),
        ("Militer Israel menyerang kamp pengungsi dan menewaskan 20 orang.", -1),
        ("Acara itu berlangsung di gedung DPR.", 0),
        ("", 0),
        ("2024 123 456", 0),
    ],
)
def test_tone_sign(tone, text, sign):
    s = tone.score(text)
    assert (s.tone > 0) - (s.tone < 0) == sign
    assert s.polarity == pytest.approx(s.positive + s.negative, abs=1e-3)
    assert s.tone == pytest.approx(s.positive - s.negative, abs=1e-3)


def test_gdelt_formula_and_multiword():
    t = Tone({("baik",): 1, ("buruk",): -1, ("kerja", "sama"): 1})
    s = t.score("Hubungan baik, bukan buruk; kerja sama baik.")
    # 7 words: baik(+), buruk(-), kerja sama(+2 words), baik(+) → (4 - 1) / 7 * 100
    assert s.words == 7
    assert s.positive == pytest.approx(400 / 7, abs=1e-3)
    assert s.negative == pytest.approx(100 / 7, abs=1e-3)
    assert s.tone == pytest.approx(300 / 7, abs=1e-3)
    assert t.tone("KERJA SAMA") == 100.0
    assert Tone.tokens("Anak-anak 2024, ibu.") == ["anak-anak", "2024", "ibu"]


def test_bad_polarity_is_rejected(tmp_path):
    (tmp_path / "tone.tsv").write_text("word\tweight\tpolarity\nbaik\t2\t2\n", encoding="utf-8")
    from warta.lang import LangData

    with pytest.raises(ValueError):
        Tone.load(LangData("xx", tmp_path))
