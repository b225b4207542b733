"""Language identification from stopword ratios."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.lang import lang_dir
from warta.langid import LanguageIdentifier, detect, read_wordlist


@pytest.fixture(scope="module")
def ident() -> LanguageIdentifier:
    return LanguageIdentifier.load()


CASES = [
    # name, text, expected code
    (
        "indonesian news",
        "Presiden Joko Widodo mengatakan bahwa pemerintah akan terus mendukung upaya perdamaian "
        "di kawasan tersebut, kata juru bicara Istana pada Senin.",
        "id",
    ),
    (
        "indonesian dateline-less lead",
        "Polisi menangkap dua orang tersangka yang diduga terlibat dalam kasus korupsi dana "
        "bantuan sosial di Surabaya.",
        "id",
    ),
    (
        "english news",
        "President Joe Biden said on Tuesday that the United States would continue to support "
        "Ukraine against the Russian invasion.",
        "en",
    ),
    (
        "english wire",
        "The minister told reporters that the talks had been productive and that both sides "
        "would meet again next month.",
        "en",
    ),
    # Malay shares almost all function words with Indonesian; without a ms/stopwords.txt it is
    # read as Indonesian (the Indonesian pipeline copes with it).
    (
        "malay-ish",
        "Perdana Menteri berkata kerajaan akan terus memberi bantuan kepada rakyat yang terjejas "
        "akibat banjir di negeri itu kerana keadaan semakin buruk.",
        "id",
    ),
    (
        "german",
        "Die Bundesregierung hat am Dienstag beschlossen, die Hilfe für die Ukraine weiter zu "
        "erhöhen, sagte der Kanzler in Berlin.",
        "und",
    ),
    (
        "french",
        "Le président de la République a déclaré mardi que la France continuera de soutenir "
        "l'Ukraine face à l'invasion russe.",
        "und",
    ),
    (
        "dutch",
        "De minister-president zei dinsdag dat Nederland Oekraïne zal blijven steunen tegen de "
        "Russische invasie.",
        "und",
    ),
    ("numbers only", "2024 10 02 123 456 7,5 % 12.000", "und"),
    ("very short", "Jokowi", "und"),
    ("empty", "", "und"),
    ("punctuation", "... --- !!! ???", "und"),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_detect(ident: LanguageIdentifier, name: str, text: str, expected: str):
    code, confidence = ident.detect(text)
    assert code == expected
    assert 0.0 <= confidence <= 1.0
    if expected == "und":
        assert confidence == 0.0
    else:
        assert confidence >= 0.5


def test_long_text_more_confident_than_short(ident: LanguageIdentifier):
    short = ident.detect("Presiden akan datang ke sana.")
    long = ident.detect(
        "Presiden Joko Widodo mengatakan bahwa pemerintah akan terus mendukung upaya "
        "perdamaian di kawasan tersebut dan meminta semua pihak untuk menahan diri."
    )
    assert short[0] == long[0] == "id"
    assert long[1] > short[1]


def test_convenience_detect():
    assert (
        detect("Pemerintah akan membangun jalan tol yang baru di Sumatra pada tahun ini.")[0]
        == "id"
    )


@pytest.mark.parametrize("code", ["id", "en"])
def test_stopword_lists_are_clean(code: str):
    path = lang_dir(code).parent / code / "stopwords.txt"
    words = read_wordlist(path)
    assert len(words) >= 150
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    entries = [ln for ln in lines if ln and not ln.startswith("#")]
    assert len(entries) == len(set(entries)), "duplicate entries"
    assert all(e == e.lower() and " " not in e for e in entries)


def test_lists_do_not_overlap():
    base = lang_dir("id").parent
    overlap = read_wordlist(base / "id" / "stopwords.txt") & read_wordlist(
        base / "en" / "stopwords.txt"
    )
    assert not overlap


def test_a_new_language_is_a_data_edit(tmp_path: Path):
    base = lang_dir("id").parent
    for code in ("id", "en"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "stopwords.txt").write_bytes(
            (base / code / "stopwords.txt").read_bytes()
        )
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "stopwords.txt").write_text(
        "der\ndie\ndas\nund\nam\nhat\nzu\nfür\nin\nweiter\nsagte\n", encoding="utf-8"
    )
    ident = LanguageIdentifier.load(tmp_path)
    assert ident.languages == ("de", "en", "id")
    text = "Die Bundesregierung hat am Dienstag beschlossen, die Hilfe für die Ukraine weiter zu erhöhen."
    assert ident.detect(text)[0] == "de"


def test_detect_is_fast(ident: LanguageIdentifier):
    import time

    text = "Presiden Joko Widodo mengatakan bahwa pemerintah akan terus mendukung. " * 60
    start = time.perf_counter()
    for _ in range(200):
        ident.detect(text)
    assert (time.perf_counter() - start) / 200 < 0.005
