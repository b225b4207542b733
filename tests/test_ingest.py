"""Ingest: formats, stdin, directories, gzip, encodings, bad-input reasons, stable ids."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from warta.ingest import Ingestor, article_id, iter_inputs
from warta.lang import LangData
from warta.model import Article, Skip

DATA = Path(__file__).resolve().parent / "data" / "ingest"
NOW = datetime(2024, 10, 3, 12, 0, tzinfo=UTC)
ID_TEXT = (
    "Presiden Joko Widodo mengatakan bahwa pemerintah akan terus mendukung upaya perdamaian "
    "di kawasan tersebut, kata juru bicara Istana pada Senin."
)
EN_TEXT = (
    "President Joe Biden said on Tuesday that the United States would continue to support "
    "Ukraine against the Russian invasion for as long as it takes, officials told reporters."
)


@pytest.fixture(scope="module")
def ingestor(lang: LangData) -> Ingestor:
    return Ingestor(lang, now=NOW)


def run(ingestor: Ingestor, *paths: str | Path, stdin: bytes | None = None) -> list[Article | Skip]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(ingestor.iter_inputs(paths, stdin=stream))


def articles(out: list[Article | Skip]) -> list[Article]:
    return [r for r in out if isinstance(r, Article)]


def skips(out: list[Article | Skip]) -> list[Skip]:
    return [r for r in out if isinstance(r, Skip)]


def only_skip(out: list[Article | Skip]) -> Skip:
    assert len(out) == 1 and isinstance(out[0], Skip), out
    return out[0]


# -- ids ----------------------------------------------------------------------------------


def test_article_id_is_stable_across_whitespace_and_case():
    a = article_id("Presiden Jokowi  hadir.\nMenteri juga.")
    assert a == article_id("  presiden JOKOWI hadir. menteri\tjuga. ")
    assert a == article_id("Presiden Jokowi hadir.\r\n\r\nMenteri juga.")
    assert len(a) == 16 and int(a, 16) >= 0
    assert a != article_id("Presiden Jokowi hadir. Menteri tidak.")
    # NFKC: full-width letters hash like ASCII
    assert article_id("ＡＢＣ hadir") == article_id("abc hadir")


def test_reingest_is_idempotent(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ID_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "  " + ID_TEXT.upper().replace(" ", "   ") + "\n\n", encoding="utf-8"
    )
    a, b = articles(run(ingestor, tmp_path))
    assert a.id == b.id
    assert run(ingestor, tmp_path) == run(ingestor, tmp_path)


# -- formats ------------------------------------------------------------------------------


def test_txt(ingestor: Ingestor):
    (art,) = run(ingestor, DATA / "artikel.txt")
    assert isinstance(art, Article)
    assert art.text.startswith("Presiden Joko Widodo bertemu")
    assert (
        "Baca juga" not in art.text and "ADVERTISEMENT" not in art.text and "Editor" not in art.text
    )
    assert (art.dateline_place, art.outlet) == ("Jakarta", "kompas.com")
    assert art.raw_text is not None and art.raw_text.startswith("JAKARTA, KOMPAS.com")
    assert art.id == article_id(art.text)
    assert art.source_path == str(DATA / "artikel.txt")
    assert art.published is None and art.published_source is None
    assert art.ingested == "2024-10-03T12:00:00+00:00"
    assert art.language == "id"


def test_html(ingestor: Ingestor):
    (art,) = run(ingestor, DATA / "artikel.html")
    assert isinstance(art, Article)
    assert art.title == "Prabowo Terima Kunjungan Menlu Jepang"
    assert art.text.startswith("Presiden Prabowo Subianto menerima")
    assert "Baca Juga" not in art.text and "Beranda" not in art.text and "Copyright" not in art.text
    assert art.url == "https://www.liputan6.com/news/read/123/prabowo-terima-menlu-jepang"
    assert (art.published, art.published_source) == ("2024-11-05", "html")
    assert art.dateline_place == "Jakarta"
    assert art.outlet == "liputan6.com"  # dateline outlet beats the HTML site name


def test_html_sitename_is_last_resort(ingestor: Ingestor, tmp_path: Path):
    html = (
        (DATA / "artikel.html").read_text(encoding="utf-8").replace("Liputan6.com, Jakarta - ", "")
    )
    (tmp_path / "x.htm").write_text(html, encoding="utf-8")
    (art,) = run(ingestor, tmp_path / "x.htm")
    assert isinstance(art, Article) and art.outlet == "Liputan6.com" and art.dateline_place is None


def test_jsonl_one_bad_line_among_good_ones(ingestor: Ingestor):
    out = run(ingestor, DATA / "artikel.jsonl")
    src = str(DATA / "artikel.jsonl")
    good = articles(out)
    assert [a.external_id for a in good] == ["a1", "a2"]
    first = good[0]
    assert first.source_path == f"{src}:1"
    assert (first.published, first.published_source) == ("2024-10-02", "field")
    assert first.outlet == "ANTARA" and first.title == "RI dan Australia teken perjanjian"
    assert first.url == "https://antaranews.com/1" and first.dateline_place == "Jakarta"
    assert good[1].published == "2024-10-03T08:00:00+07:00"
    reasons = {s.source: s.reason for s in skips(out)}
    assert set(reasons) == {f"{src}:4", f"{src}:5", f"{src}:6"}  # line 3 is blank
    assert "malformed JSON on line 4" in reasons[f"{src}:4"]
    assert "text field" in reasons[f"{src}:5"]
    assert "detected en" in reasons[f"{src}:6"]


def test_jsonl_ten_lines_one_bad(ingestor: Ingestor, tmp_path: Path):
    lines = [json.dumps({"id": str(i), "text": f"{ID_TEXT} Nomor {i}."}) for i in range(10)]
    lines[6] = '{"id": "6", "text": '
    (tmp_path / "x.ndjson").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run(ingestor, tmp_path / "x.ndjson")
    assert len(articles(out)) == 9
    (bad,) = skips(out)
    assert bad.source.endswith("x.ndjson:7") and "line 7" in bad.reason


def test_csv(ingestor: Ingestor):
    out = run(ingestor, DATA / "artikel.csv")
    src = str(DATA / "artikel.csv")
    good = articles(out)
    assert [a.external_id for a in good] == ["c1", "c3"]
    assert good[0].source_path == f"{src}:2" and good[0].outlet == "detik.com"
    assert good[0].dateline_place == "Jakarta" and good[0].published == "2024-10-02"
    # a quoted multi-line field: source names the line the row ends on
    assert good[1].source_path == f"{src}:5" and good[1].published == "2024-10-02"
    assert "anggaran\nalutsista" in good[1].text
    (bad,) = skips(out)
    assert bad.source == f"{src}:3" and "missing text" in bad.reason


def test_tsv(ingestor: Ingestor):
    (art,) = run(ingestor, DATA / "artikel.tsv")
    assert isinstance(art, Article) and art.external_id == "t1" and art.title == "Judul"
    assert art.source_path == f"{DATA / 'artikel.tsv'}:2"


def test_csv_without_text_column(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "x.csv").write_text("id,body\n1,Presiden hadir.\n", encoding="utf-8")
    assert "no 'text' column" in only_skip(run(ingestor, tmp_path / "x.csv")).reason


def test_json_list_and_object(ingestor: Ingestor, tmp_path: Path):
    out = run(ingestor, DATA / "artikel.json")
    src = str(DATA / "artikel.json")
    assert [a.source_path for a in articles(out)] == [f"{src}#1", f"{src}#2"]
    (bad,) = skips(out)
    assert bad.source == f"{src}#3" and "not an object" in bad.reason
    (tmp_path / "one.json").write_text(json.dumps({"id": 7, "text": ID_TEXT}), encoding="utf-8")
    (art,) = run(ingestor, tmp_path / "one.json")
    assert isinstance(art, Article) and art.external_id == "7"
    (tmp_path / "bad.json").write_text('[{"text": "x"', encoding="utf-8")
    assert "malformed JSON" in only_skip(run(ingestor, tmp_path / "bad.json")).reason


@pytest.mark.parametrize("name", ["artikel.txt", "artikel.jsonl", "artikel.csv", "artikel.html"])
def test_gzip_variants(ingestor: Ingestor, tmp_path: Path, name: str):
    gz = tmp_path / (name + ".gz")
    gz.write_bytes(gzip.compress((DATA / name).read_bytes()))
    plain = run(ingestor, DATA / name)
    zipped = run(ingestor, gz)
    assert [getattr(r, "id", None) for r in zipped] == [getattr(r, "id", None) for r in plain]
    assert all(
        (r.source_path if isinstance(r, Article) else r.source).startswith(str(gz)) for r in zipped
    )


def test_corrupt_gzip(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "x.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    assert "corrupt gzip" in only_skip(run(ingestor, tmp_path / "x.txt.gz")).reason


# -- stdin ----------------------------------------------------------------------------------


def test_stdin_text(ingestor: Ingestor):
    (art,) = run(ingestor, "-", stdin=("Jakarta (ANTARA) - " + ID_TEXT).encode())
    assert isinstance(art, Article) and art.source_path == "<stdin>" and art.outlet == "ANTARA"


def test_stdin_jsonl(ingestor: Ingestor):
    data = (DATA / "artikel.jsonl").read_bytes()
    out = run(ingestor, "-", stdin=b"  \n" + data)
    assert [a.source_path for a in articles(out)] == ["<stdin>:2", "<stdin>:3"]
    assert len(skips(out)) == 3


def test_stdin_html(ingestor: Ingestor):
    (art,) = run(ingestor, "-", stdin=(DATA / "artikel.html").read_bytes())
    assert isinstance(art, Article) and art.published_source == "html"


def test_stdin_empty(ingestor: Ingestor):
    assert only_skip(run(ingestor, "-", stdin=b" \n ")).reason == "empty or whitespace-only"


# -- directories ------------------------------------------------------------------------------


def test_directory_recursion_sorted(ingestor: Ingestor):
    out = run(ingestor, DATA / "nested")
    assert [Path(r.source_path).name for r in articles(out)] == ["berita.md", "kabar.txt"]
    assert not skips(out)
    berita = articles(out)[0]
    assert (
        berita.outlet == "ANTARA"
        and "Pewarta" not in berita.text
        and "Copyright" not in berita.text
    )


def test_directory_skips_hidden_and_reports_unknown(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ID_TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ID_TEXT, encoding="utf-8")
    (tmp_path / "b" / "2.txt").write_text(ID_TEXT + " Dua.", encoding="utf-8")
    (tmp_path / "b" / "10.txt").write_text(ID_TEXT + " Sepuluh.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ID_TEXT + " A.", encoding="utf-8")
    (tmp_path / "gambar.png").write_bytes(b"\x89PNG\r\n")
    out = run(ingestor, tmp_path)
    names = [Path(r.source_path if isinstance(r, Article) else r.source).name for r in out]
    assert names == ["a.txt", "10.txt", "2.txt", "gambar.png"]
    assert "unknown extension .png" in skips(out)[0].reason


def test_missing_path(ingestor: Ingestor, tmp_path: Path):
    missing = tmp_path / "tidak-ada"
    skip = only_skip(run(ingestor, missing))
    assert skip.source == str(missing) and skip.reason == "no such file or directory"


# -- encodings ------------------------------------------------------------------------------

ENC_TEXT = (
    "Menteri Luar Negeri mengatakan \u201ckerja sama\u201d dengan caf\u00e9 di Paris itu akan "
    "terus dilanjutkan oleh pemerintah pada tahun depan \u2013 kata juru bicara."
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("cp1252", b""), ("utf-16", b""), ("utf-8-sig", b""), ("utf-16-be", b"\xfe\xff")],
)
def test_encodings(ingestor: Ingestor, tmp_path: Path, encoding: str, prefix: bytes):
    (tmp_path / "x.txt").write_bytes(prefix + ENC_TEXT.encode(encoding))
    (art,) = run(ingestor, tmp_path / "x.txt")
    assert isinstance(art, Article), art
    assert 'mengatakan "kerja sama" dengan caf\u00e9 di Paris' in art.text
    assert art.text.endswith("tahun depan - kata juru bicara.")


def test_latin1(ingestor: Ingestor, tmp_path: Path):
    text = ID_TEXT + " Pertemuan di caf\u00e9 \u00e0 la fran\u00e7aise itu berjalan lancar."
    (tmp_path / "x.txt").write_bytes(text.encode("latin-1"))
    (art,) = run(ingestor, tmp_path / "x.txt")
    assert isinstance(art, Article) and "caf\u00e9 \u00e0 la fran\u00e7aise" in art.text


# -- bad inputs -----------------------------------------------------------------------------


def test_bad_inputs_each_reason(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "spaces.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (tmp_path / "english.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "german.txt").write_text(
        "Die Bundesregierung hat am Dienstag beschlossen, die Hilfe für die Ukraine weiter zu "
        "erhöhen, sagte der Kanzler in Berlin. Die Opposition kritisierte den Beschluss scharf "
        "und forderte eine Debatte im Bundestag über die Kosten der Hilfe für das Land.",
        encoding="utf-8",
    )
    (tmp_path / "boilerplate.txt").write_text(
        "ADVERTISEMENT\nBaca juga: Berita lain\n", encoding="utf-8"
    )
    shutil.copy(DATA / "kosong.html", tmp_path / "kosong.html")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    reasons = {Path(s.source).name: s.reason for s in skips(run(ingestor, tmp_path))}
    assert reasons == {
        "binary.txt": "binary content (NUL bytes)",
        "boilerplate.txt": "nothing left after cleaning (boilerplate only)",
        "empty.txt": "empty or whitespace-only",
        "english.txt": reasons["english.txt"],
        "german.txt": "not in accepted languages (id): language not identified (und)",
        "kosong.html": "HTML with no extractable text",
        "notes.docx": reasons["notes.docx"],
        "spaces.txt": "empty or whitespace-only",
    }
    assert reasons["english.txt"].startswith("not in accepted languages (id): detected en")
    assert reasons["notes.docx"].startswith("unknown extension .docx")


def test_too_large(lang: LangData, tmp_path: Path):
    small = Ingestor(lang, max_bytes=100, now=NOW)
    (tmp_path / "big.txt").write_text(ID_TEXT * 3, encoding="utf-8")
    assert "too large" in only_skip(run(small, tmp_path / "big.txt")).reason
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress((ID_TEXT * 3).encode()))
    assert "after decompression" in only_skip(run(small, tmp_path / "big.txt.gz")).reason
    assert "too large" in only_skip(run(small, "-", stdin=(ID_TEXT * 3).encode())).reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable(ingestor: Ingestor, tmp_path: Path):
    p = tmp_path / "secret.txt"
    p.write_text(ID_TEXT, encoding="utf-8")
    p.chmod(0)
    try:
        assert "permission denied" in only_skip(run(ingestor, p)).reason
    finally:
        p.chmod(0o644)


def test_unreadable_simulated(ingestor: Ingestor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    p = tmp_path / "secret.txt"
    p.write_text(ID_TEXT, encoding="utf-8")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    assert "unreadable: permission denied" in only_skip(run(ingestor, p)).reason


def test_languages_filter(lang: LangData, tmp_path: Path):
    (tmp_path / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "id.txt").write_text(ID_TEXT, encoding="utf-8")
    both = list(iter_inputs([tmp_path], lang, languages=("id", "en"), now=NOW))
    assert [a.language for a in articles(both)] == ["en", "id"]
    anything = list(iter_inputs([tmp_path], lang, languages=(), now=NOW))
    assert len(articles(anything)) == 2


def test_short_undetermined_text_passes(ingestor: Ingestor):
    (art,) = run(ingestor, "-", stdin=b"Jokowi bertemu Xi.")
    assert isinstance(art, Article) and art.language == "id"


def test_duplicates_are_still_yielded(ingestor: Ingestor, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ID_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ID_TEXT, encoding="utf-8")
    out = articles(run(ingestor, tmp_path))
    assert len(out) == 2 and out[0].id == out[1].id


def test_ingested_defaults_to_now_utc(lang: LangData):
    (art,) = list(iter_inputs(["-"], lang, stdin=io.BytesIO(ID_TEXT.encode())))
    assert isinstance(art, Article) and art.ingested is not None
    stamp = datetime.fromisoformat(art.ingested)
    assert stamp.tzinfo is not None and abs((datetime.now(UTC) - stamp).total_seconds()) < 60


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-02", "2024-10-02"),
        ("2024-10-02T08:00:00Z", "2024-10-02T08:00:00+00:00"),
        ("2 Oktober 2024", "2024-10-02"),
        ("Rabu, 02/10/2024", "2024-10-02"),
        (1727827200, "2024-10-02T00:00:00+00:00"),
        ("kemarin sore ngawur", None),
        ("", None),
        (None, None),
    ],
)
def test_published_normalisation(ingestor: Ingestor, value: object, expected: str | None):
    assert ingestor.normalise_published(value) == expected


# -- seeds --------------------------------------------------------------------------------


def test_seeds(ingestor: Ingestor, shared: Path):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("seeds absent")
    out = run(ingestor, *seeds)
    assert len(out) == 2 and all(isinstance(r, Article) for r in out)
    a, b = articles(out)
    assert (a.dateline_place, a.outlet) == ("Beijing", "matajambi.com")
    assert a.text.startswith("Pada Rabu, 2 Oktober 2024")
    assert "Baca Juga" not in a.text and "Beby Tsabina" not in a.text
    assert b.text.startswith("Pertemuan virtual antara Presiden Tiongkok")
    assert a.id != b.id
