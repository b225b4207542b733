"""Cleaning: boilerplate cues, dateline split, character and whitespace normalisation."""

from __future__ import annotations

import pytest

from warta.clean import Cleaned, Cleaner, clean_text
from warta.lang import LangData, LangDataError


@pytest.fixture(scope="module")
def cleaner(lang: LangData) -> Cleaner:
    return Cleaner(lang)


DATELINES = [
    # text, place, outlet, cleaned text starts with
    (
        "BEIJING, MATAJAMBI.COM - Pada Rabu, 2 Oktober 2024, Xi.",
        "Beijing",
        "matajambi.com",
        "Pada Rabu",
    ),
    ("Jakarta (ANTARA) - Menlu Retno bertemu.", "Jakarta", "ANTARA", "Menlu Retno"),
    ("JAKARTA, KOMPAS.com - Presiden Jokowi.", "Jakarta", "kompas.com", "Presiden Jokowi"),
    ("Jakarta, CNN Indonesia -- Presiden Jokowi.", "Jakarta", "CNN Indonesia", "Presiden Jokowi"),
    ("TEMPO.CO, Jakarta - Presiden Jokowi.", "Jakarta", "tempo.co", "Presiden Jokowi"),
    ("Liputan6.com, Jakarta - Presiden Jokowi.", "Jakarta", "liputan6.com", "Presiden Jokowi"),
    ("REPUBLIKA.CO.ID, JAKARTA -- Presiden.", "Jakarta", "republika.co.id", "Presiden."),
    ("WASHINGTON (AP) \u2014 President Biden said.", "Washington", "AP", "President Biden"),
    ("KUALA LUMPUR, Bernama - Anwar berkata.", "Kuala Lumpur", "Bernama", "Anwar berkata"),
    ("Jakarta, IDN Times - Presiden Jokowi.", "Jakarta", "IDN Times", "Presiden Jokowi"),
    ("Merdeka.com - Presiden Jokowi.", None, "merdeka.com", "Presiden Jokowi"),
    ("Jakarta - Presiden Jokowi meresmikan.", "Jakarta", None, "Presiden Jokowi"),
    # the date stays in the text so the date stage can read the dateline date
    (
        "Jakarta, Senin (21/10/2024) - Presiden Prabowo melantik menteri.",
        "Jakarta",
        None,
        "Senin (21/10/2024) - Presiden Prabowo",
    ),
    # no dateline: nothing is split off
    ("Pada Rabu, 2 Oktober 2024, Presiden Xi berkata.", None, None, "Pada Rabu, 2 Oktober"),
    ("Presiden Jokowi, kata dia, akan datang.", None, None, "Presiden Jokowi, kata dia"),
    # a hyphenated word is not a dateline dash (false positive seen on the bench corpus)
    ("Menurut David, rata-rata harga naik.", None, None, "Menurut David, rata-rata"),
]


@pytest.mark.parametrize(("text", "place", "outlet", "start"), DATELINES)
def test_dateline(cleaner: Cleaner, text: str, place: str | None, outlet: str | None, start: str):
    out = cleaner.clean(text)
    assert out.dateline_place == place
    assert out.outlet == outlet
    assert out.text.startswith(start), out.text


BOILERPLATE = [
    "Baca Juga : Penampilan Beby Tsabina Bak Ibu Pejabat Dampingi Suami saat Pelantikan Anggota DPR RI",
    "Baca juga:",
    "BACA JUGA: Jokowi ke Bali",
    "Simak juga video berikut ini",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Editor: Budi Santoso",
    "Penulis: Siti Aminah",
    "Pewarta: Yashinta Difa",
    "Sumber: Reuters",
    "Copyright © ANTARA 2024",
    "© 2024 Kompas.com",
    "Dapatkan update berita pilihan dan breaking news setiap hari",
    "Ikuti kami di Google News",
    "Yuk, gabung channel WhatsApp kami",
    "Facebook Twitter WhatsApp Telegram Copy Link",
    "Bagikan:",
    "Halaman 2 dari 3",
    "[Gambas:Video CNN]",
    "Laporan Wartawan Tribunnews.com, Fersianus Waku",
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis",
    "Artikel terkait",
    "Tag: Prabowo, Kabinet",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_line_removed(cleaner: Cleaner, line: str):
    body = "Presiden Jokowi meresmikan bendungan di Jawa Tengah."
    out = cleaner.clean(f"{body}\n{line}\nPeresmian itu dihadiri menteri.")
    assert out.text == f"{body}\nPeresmian itu dihadiri menteri."
    assert line.strip() in out.removed


KEPT = [
    # looks like a cue word but is a real sentence
    "Sumber anggaran proyek itu berasal dari APBN.",
    "Editor senior itu menolak berkomentar kepada wartawan.",
    "Ikuti perkembangan terbaru, kata juru bicara kepolisian.",
    "Bagikan bantuan sosial kepada warga terdampak banjir, perintah Presiden.",
]


@pytest.mark.parametrize("line", KEPT)
def test_real_sentences_are_kept(cleaner: Cleaner, line: str):
    out = cleaner.clean(f"Pembukaan berita.\n{line}")
    assert out.text == f"Pembukaan berita.\n{line}"
    assert out.removed == []


def test_long_line_never_dropped_for_its_first_words(cleaner: Cleaner):
    long_line = "Sumber: " + "pemerintah menyatakan kebijakan baru itu berlaku segera. " * 10
    assert cleaner.clean(long_line).text == long_line.strip()


FRAGMENTS = [
    ("Presiden hadir. ADVERTISEMENT Menteri juga.", "Presiden hadir. Menteri juga."),
    ("Presiden hadir.[Gambas:Video CNN] Menteri juga.", "Presiden hadir. Menteri juga."),
    ("Presiden hadir, kata dia. Baca juga: Menteri Ikut Hadir", "Presiden hadir, kata dia."),
]


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS)
def test_fragments(cleaner: Cleaner, text: str, expected: str):
    assert cleaner.clean(text).text == expected


NORMALISE = [
    # curly quotes and dashes → ASCII, ellipsis → three dots
    (
        "Xi berkata \u201ckami siap\u201d \u2014 lalu pergi\u2026",
        'Xi berkata "kami siap" - lalu pergi...',
    ),
    ("Ia menyebut \u2018mitra\u2019 pada 2020\u20132024.", "Ia menyebut 'mitra' pada 2020-2024."),
    # zero-width and soft hyphen stripped, NBSP and tabs → space, runs collapsed
    ("Pre\u200bsiden\u00a0Joko\t\tWidodo  hadir.", "Presiden Joko Widodo hadir."),
    ("Ke\u00adbijakan baru\ufeff.", "Kebijakan baru."),
    # paragraphs: CRLF and blank lines → single "\n"
    (
        "Paragraf satu.\r\n\r\n\r\nParagraf dua.  \n   \nParagraf tiga.",
        "Paragraf satu.\nParagraf dua.\nParagraf tiga.",
    ),
    # NFC: decomposed e + combining acute → é
    ("Cafe\u0301 itu tutup.", "Caf\u00e9 itu tutup."),
    # glued sentence end repaired; titles, initials and domains left alone
    ("Ia pulang sebelumnya.Pertemuan dimulai.", "Ia pulang sebelumnya. Pertemuan dimulai."),
    (
        "Drs. Budi, S.Pd. dari U.S. Army dan Kompas.com hadir.",
        "Drs. Budi, S.Pd. dari U.S. Army dan Kompas.com hadir.",
    ),
    # the article-join artefact "mendatang.*Pertemuan" (seed 000) becomes a paragraph break
    (
        "di tahun-tahun mendatang.*Pertemuan virtual itu",
        "di tahun-tahun mendatang.\nPertemuan virtual itu",
    ),
    # trailing end marks and editor initials
    ("di tahun-tahun mendatang.*", "di tahun-tahun mendatang."),
    ("Presiden hadir. (*)", "Presiden hadir."),
    ("Presiden hadir.\n(rdp/imk)", "Presiden hadir."),
    ("Presiden hadir. (ant)", "Presiden hadir."),
    ("Presiden hadir (Tribunnews.com/Fersianus Waku)", "Presiden hadir"),
    # a lone parenthetical word at the end is not an editor mark
    ("Ia bergabung dengan Partai Golkar (golkar)", "Ia bergabung dengan Partai Golkar (golkar)"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALISE)
def test_normalisation(cleaner: Cleaner, text: str, expected: str):
    assert cleaner.clean(text).text == expected


@pytest.mark.parametrize("text", ["", "   \n\t ", "ADVERTISEMENT\nBaca juga: x"])
def test_empty_results(cleaner: Cleaner, text: str):
    assert cleaner.clean(text).text == ""


def test_boilerplate_before_dateline(cleaner: Cleaner):
    out = cleaner.clean("ADVERTISEMENT\nJAKARTA, KOMPAS.com - Presiden hadir.")
    assert (out.dateline_place, out.outlet, out.text) == (
        "Jakarta",
        "kompas.com",
        "Presiden hadir.",
    )


def test_clean_text_convenience(lang: LangData):
    out = clean_text("Jakarta (ANTARA) - Menlu hadir.\nEditor: Budi", lang)
    assert isinstance(out, Cleaned)
    assert out == Cleaned(
        "Menlu hadir.", "Jakarta", "ANTARA", ["Editor: Budi", "Jakarta (ANTARA) -"]
    )


def test_seed_000(cleaner: Cleaner, shared):
    seed = shared / "seeds" / "000_4dcdfabaafdc3cc3.txt"
    if not seed.exists():
        pytest.skip("seed 000 absent")
    out = cleaner.clean(seed.read_text(encoding="utf-8"))
    assert out.dateline_place == "Beijing"
    assert out.outlet == "matajambi.com"
    assert out.text.startswith("Pada Rabu, 2 Oktober 2024, Presiden Tiongkok Xi Jinping")
    assert "Baca Juga" not in out.text and "Beby Tsabina" not in out.text
    assert out.text.endswith("di tahun-tahun mendatang.")
    assert "\n\n" not in out.text and "  " not in out.text


def test_bad_data_file_is_reported(tmp_path):
    (tmp_path / "clean.yaml").write_text("lines: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(LangDataError, match="bad pattern"):
        Cleaner(LangData("xx", tmp_path))
    (tmp_path / "clean.yaml").write_text("lines: ['{{nope}}']\n", encoding="utf-8")
    with pytest.raises(LangDataError, match="unknown macro"):
        Cleaner(LangData("xx", tmp_path))


def test_cleaning_is_fast(cleaner: Cleaner):
    import time

    text = (
        "Presiden Joko Widodo mengatakan bahwa pemerintah akan terus mendukung. " * 8 + "\n"
    ) * 10
    start = time.perf_counter()
    for _ in range(200):
        cleaner.clean(text)
    per_article_ms = (time.perf_counter() - start) / 200 * 1000
    assert per_article_ms < 5, per_article_ms
