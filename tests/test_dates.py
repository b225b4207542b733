"""Date expressions (issue 5): table-driven resolution, publication date, event_date attachment."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from warta.dates import DateResolver, event_date
from warta.model import EventDate, Sentence

A = dt.date(2024, 10, 2)  # a Wednesday
B = dt.date(2026, 11, 21)  # a Saturday (seed 004's ingest date)
C = dt.date(2024, 10, 25)  # a Friday


@pytest.fixture(scope="module")
def resolver(lang) -> DateResolver:
    return DateResolver.load(lang)


# (text, anchor, expected value, expected precision) — the first mention found must match.
CASES: list[tuple[str, dt.date, str, str]] = [
    # --- full dates
    ("Pada Rabu, 2 Oktober 2024, Presiden Tiongkok", A, "2024-10-02", "day"),
    ("pada 17 Agustus 1945", A, "1945-08-17", "day"),
    ("tanggal 1 Januari 2025", A, "2025-01-01", "day"),
    ("Sabtu, 5 Okt 2024", A, "2024-10-05", "day"),
    ("pada 12 Des. 2023", A, "2023-12-12", "day"),
    ("31 Desember 2023", A, "2023-12-31", "day"),
    ("2 Agt 2021", A, "2021-08-02", "day"),
    ("7 Agu 2022", A, "2022-08-07", "day"),
    ("3 Nop 2020", A, "2020-11-03", "day"),
    ("14 Pebruari 2019", A, "2019-02-14", "day"),
    ("Jumat, 13 September 2024", A, "2024-09-13", "day"),
    ("2/10/2024", A, "2024-10-02", "day"),
    ("02-10-2024", A, "2024-10-02", "day"),
    ("21.10.2024", A, "2024-10-21", "day"),
    ("pada 5/3/24", A, "2024-03-05", "day"),
    ("Jakarta, Senin (21/10/2024) - Presiden", A, "2024-10-21", "day"),
    ("Selasa (1/10/2024)", A, "2024-10-01", "day"),
    # --- ANTARA "(dd/mm)" and weekday-year inference
    ("Jakarta (ANTARA) - Presiden mengatakan, Senin (21/10).", C, "2024-10-21", "day"),
    ("kata dia di Jakarta, Selasa (1/10).", A, "2024-10-01", "day"),
    ("kata dia, Rabu (2/10).", A, "2024-10-02", "day"),
    ("ujarnya, Minggu (29/9)", A, "2024-09-29", "day"),
    ("Kamis (26/9)", A, "2024-09-26", "day"),
    ("Minggu (20/10)", A, "2019-10-20", "day"),  # 20/10 falls on a Sunday in 2019, not after A
    ("(21/10)", C, "2024-10-21", "day"),
    ("(30/9)", A, "2024-09-30", "day"),
    ("pada hari Rabu, 4 Februari, kedua pemimpin", B, "2026-02-04", "day"),
    ("Rabu, 4 Februari", B, "2026-02-04", "day"),
    ("Senin, 21 Oktober", C, "2024-10-21", "day"),
    ("Jumat, 4 Oktober", C, "2024-10-04", "day"),
    ("Kamis, 3 Oktober", A, "2024-10-03", "day"),  # one day of time-zone slack
    ("Sabtu, 1 Juni", A, "2024-06-01", "day"),
    ("Kamis, 10 Oktober", A, "2019-10-10", "day"),  # Thursday 10 Oct is after A → 2019
    ("Minggu, 1 Desember", A, "2019-12-01", "day"),
    # --- day-month without weekday
    ("pada 1 September", A, "2024-09-01", "day"),
    ("pada 3 Oktober", A, "2024-10-03", "day"),  # one day of slack
    ("pada 20 Oktober", A, "2023-10-20", "day"),
    ("akan digelar pada 20 Oktober", A, "2024-10-20", "day"),
    ("dijadwalkan 5 Januari", A, "2025-01-05", "day"),
    ("sejak 15 Maret", A, "2024-03-15", "day"),
    ("25 Desember", A, "2023-12-25", "day"),
    ("2 Mei", A, "2024-05-02", "day"),
    # --- month precision
    ("pada Oktober 2024", A, "2024-10", "month"),
    ("Juli 2023", A, "2023-07", "month"),
    ("bulan Maret 2022", A, "2022-03", "month"),
    ("awal Oktober 2024", A, "2024-10", "month"),
    ("akhir September 2024", A, "2024-09", "month"),
    ("pertengahan Juni 2020", A, "2020-06", "month"),
    ("Agustus tahun 2019", A, "2019-08", "month"),
    ("Oktober lalu", A, "2023-10", "month"),
    ("Agustus lalu", A, "2024-08", "month"),
    ("Desember mendatang", A, "2024-12", "month"),
    ("Februari mendatang", A, "2025-02", "month"),
    ("Januari depan", A, "2025-01", "month"),
    ("pada bulan Agustus", A, "2024-08", "month"),
    ("pada bulan Desember", A, "2023-12", "month"),
    ("akan dilaksanakan pada bulan Desember", A, "2024-12", "month"),
    ("sejak Juni", A, "2024-06", "month"),
    ("akhir Oktober", A, "2024-10", "month"),
    ("awal Maret", A, "2024-03", "month"),
    ("bulan ini", A, "2024-10", "month"),
    ("bulan lalu", A, "2024-09", "month"),
    ("bulan depan", A, "2024-11", "month"),
    ("awal bulan depan", A, "2024-11", "month"),
    ("akhir bulan ini", A, "2024-10", "month"),
    ("dua bulan lalu", A, "2024-08", "month"),
    ("tiga bulan mendatang", A, "2025-01", "month"),
    ("sebulan lalu", A, "2024-09", "month"),
    # --- year precision
    ("Rusia melancarkan invasinya ke Ukraina pada tahun 2022.", A, "2022", "year"),
    ("pada 2022", A, "2022", "year"),
    ("sejak 2014", A, "2014", "year"),
    ("sejak tahun 2014", A, "2014", "year"),
    ("tahun 1998", A, "1998", "year"),
    ("hingga 2030", A, "2030", "year"),
    ("awal 2022", A, "2022", "year"),
    ("awal tahun 2022", A, "2022", "year"),
    ("pertengahan 2023", A, "2023", "year"),
    ("akhir tahun 2021", A, "2021", "year"),
    ("penghujung 2019", A, "2019", "year"),
    ("medio 2015", A, "2015", "year"),
    ("tahun lalu", A, "2023", "year"),
    ("tahun ini", A, "2024", "year"),
    ("tahun depan", A, "2025", "year"),
    ("tahun mendatang", A, "2025", "year"),
    ("akhir tahun lalu", A, "2023", "year"),
    ("awal tahun depan", A, "2025", "year"),
    ("3 tahun lalu", A, "2021", "year"),
    ("dua tahun yang lalu", A, "2022", "year"),
    ("lima tahun silam", A, "2019", "year"),
    ("setahun lalu", A, "2023", "year"),
    ("sepuluh tahun lalu", A, "2014", "year"),
    ("dua puluh tahun lalu", A, "2004", "year"),
    # --- weekdays (A is a Wednesday)
    ("Rabu", A, "2024-10-02", "day"),
    ("pada hari Senin", A, "2024-09-30", "day"),
    ("Senin malam", A, "2024-09-30", "day"),
    ("Selasa pagi", A, "2024-10-01", "day"),
    ("Kamis", A, "2024-09-26", "day"),
    ("Jumat", A, "2024-09-27", "day"),
    ("Jum'at", A, "2024-09-27", "day"),
    ("hari Jumat", A, "2024-09-27", "day"),
    ("Sabtu sore", A, "2024-09-28", "day"),
    ("Minggu", A, "2024-09-29", "day"),
    ("hari minggu", A, "2024-09-29", "day"),
    ("hari Ahad", A, "2024-09-29", "day"),
    ("Ahad dini hari", A, "2024-09-29", "day"),
    ("Senin lalu", A, "2024-09-30", "day"),
    ("Rabu lalu", A, "2024-09-25", "day"),
    ("Rabu depan", A, "2024-10-09", "day"),
    ("Jumat mendatang", A, "2024-10-04", "day"),
    ("akan bertemu Kamis", A, "2024-10-03", "day"),
    ("dijadwalkan tiba Senin", A, "2024-10-07", "day"),
    # --- relative days and weeks
    ("kemarin", A, "2024-10-01", "day"),
    ("Kemarin", A, "2024-10-01", "day"),
    ("hari ini", A, "2024-10-02", "day"),
    ("besok", A, "2024-10-03", "day"),
    ("esok", A, "2024-10-03", "day"),
    ("lusa", A, "2024-10-04", "day"),
    ("kemarin lusa", A, "2024-09-30", "day"),
    ("tadi malam", A, "2024-10-01", "day"),
    ("semalam", A, "2024-10-01", "day"),
    ("dua hari yang lalu", A, "2024-09-30", "day"),
    ("3 hari lalu", A, "2024-09-29", "day"),
    ("sehari sebelumnya", A, "2024-10-01", "day"),
    ("pekan lalu", A, "2024-09-25", "day"),
    ("minggu lalu", A, "2024-09-25", "day"),
    ("minggu depan", A, "2024-10-09", "day"),
    ("pekan depan", A, "2024-10-09", "day"),
    ("sepekan lalu", A, "2024-09-25", "day"),
    ("dua pekan lalu", A, "2024-09-18", "day"),
    ("akhir pekan ini", A, "2024-10-05", "day"),
    ("akhir pekan lalu", A, "2024-09-28", "day"),
    ("akhir pekan depan", A, "2024-10-12", "day"),
    # --- English forms
    ("on October 2, 2024", A, "2024-10-02", "day"),
    ("2 October 2024", A, "2024-10-02", "day"),
    ("Monday, October 21, 2024", A, "2024-10-21", "day"),
    ("October 2nd", A, "2024-10-02", "day"),
    ("yesterday", A, "2024-10-01", "day"),
    ("tomorrow", A, "2024-10-03", "day"),
    ("last week", A, "2024-09-25", "day"),
    ("next month", A, "2024-11", "month"),
    ("last year", A, "2023", "year"),
    ("two days ago", A, "2024-09-30", "day"),
    ("in 2019", A, "2019", "year"),
    ("since March 2020", A, "2020-03", "month"),
]

NEGATIVE = [
    "Harga naik 10.000.000 rupiah.",
    "Sebanyak 10-20 orang hadir.",
    "Ia bekerja selama dua minggu.",
    "pada 1990-an",
    "Kini situasinya membaik.",
    "Seminggu sekali ia datang.",
    "tahun 2 ribu",
    "Skor akhir 3-1 untuk tuan rumah.",
    "Pedangdut berusia 29 tahun ini kapok.",
]


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 120


@pytest.mark.parametrize(("text", "anchor", "value", "precision"), CASES, ids=[c[0] for c in CASES])
def test_date_expressions(
    resolver: DateResolver, text: str, anchor: dt.date, value: str, precision: str
) -> None:
    found = resolver.find(text, anchor)
    assert found, f"no date found in {text!r}"
    m = found[0]
    assert (m.value, m.precision) == (value, precision), m
    assert text[m.start : m.end] == m.text
    assert m.rule


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(resolver: DateResolver, text: str) -> None:
    assert resolver.find(text, A) == []


def test_offsets_and_rule_in_longer_text(resolver: DateResolver) -> None:
    text = "BEIJING - Pada Rabu, 2 Oktober 2024, Xi bertemu Putin. Pada hari yang sama, Xi memuji upaya."
    ms = resolver.find(text, A)
    assert [m.text for m in ms] == ["Rabu, 2 Oktober 2024", "hari yang sama"]
    assert ms[1].value == "2024-10-02" and ms[1].rule.startswith("discourse")
    for m in ms:
        assert text[m.start : m.end] == m.text


def test_discourse_takes_previous_day_not_year(resolver: DateResolver) -> None:
    text = "Pada Senin (30/9) ia tiba. Sejak 2014 hubungan membaik. Hari itu ia bertemu Xi."
    ms = resolver.find(text, A)
    assert ms[-1].text == "Hari itu" and ms[-1].value == "2024-09-30"


def test_saat_itu_takes_any_precision(resolver: DateResolver) -> None:
    ms = resolver.find("Pada tahun 2022 Rusia menyerang. Saat itu harga naik.", A)
    assert ms[-1].value == "2022" and ms[-1].precision == "year"


# --------------------------------------------------------------------------- publication date
PUB = [
    ("Jakarta, Senin (21/10/2024) - Presiden Prabowo mengatakan", None, "2024-10-21"),
    ("Pada Rabu, 2 Oktober 2024, Presiden Tiongkok Xi Jinping mengungkapkan", None, "2024-10-02"),
    (
        "Jakarta (ANTARA) - Menteri Luar Negeri mengatakan di Jakarta, Senin (21/10), bahwa",
        C,
        "2024-10-21",
    ),
    (
        "Jakarta (ANTARA) - Menteri Luar Negeri mengatakan di Jakarta, Senin (21/10), bahwa",
        None,
        None,
    ),
    ("Presiden mengatakan hal itu kemarin.", C, None),
    ("x " * 200 + "pada 2 Oktober 2024", None, None),
]


@pytest.mark.parametrize(("text", "anchor", "value"), PUB)
def test_publication_date(
    resolver: DateResolver, text: str, anchor: dt.date | None, value: str | None
) -> None:
    got = resolver.publication_date(text, anchor)
    assert (got.value if got else None) == value


# --------------------------------------------------------------------------- event_date
def _sentences(text: str) -> list[Sentence]:
    out = []
    for i, m in enumerate(re.finditer(r"[^.]+\.?", text)):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        out.append(Sentence(i, s, e, text[s:e]))
    return out


def _event(
    resolver: DateResolver,
    text: str,
    trigger: str,
    anchor: dt.date,
    article: EventDate | None = None,
    future: bool = False,
) -> EventDate | None:
    mentions = resolver.find(text, anchor)
    t = text.index(trigger)
    sent = next(s for s in _sentences(text) if s.start <= t < s.end)
    return resolver.event_date(t, sent, mentions, article, future=future)


PUBLISHED = EventDate("2024-10-02", "day", "published")

EVENT_CASES = [
    # seeds
    (
        "Hubungan antara Tiongkok dan Rusia telah mengalami penguatan signifikan sejak Rusia melancarkan invasinya ke Ukraina pada tahun 2022.",
        "melancarkan",
        A,
        ("2022", "year", "clause"),
    ),
    (
        "Xi Jinping dijadwalkan menghadiri pertemuan negara-negara BRICS di kota Kazan, Rusia barat daya, bulan ini.",
        "menghadiri",
        A,
        ("2024-10", "month", "clause"),
    ),
    (
        "Berkumpul dalam dunia maya pada hari Rabu, 4 Februari, kedua pemimpin menyoroti komitmen mereka.",
        "menyoroti",
        B,
        ("2026-02-04", "day", "clause"),
    ),
    # no date in the sentence → the article's date with its own source
    (
        "Xi menyatakan kesiapannya untuk meningkatkan kemitraan strategis.",
        "menyatakan",
        A,
        ("2024-10-02", "day", "published"),
    ),
    # two clauses, each with its own date
    (
        "Presiden bertemu Putin pada Senin (30/9), sedangkan menteri luar negeri tiba kemarin.",
        "tiba",
        A,
        ("2024-10-01", "day", "clause"),
    ),
    (
        "Presiden bertemu Putin pada Senin (30/9), sedangkan menteri luar negeri tiba kemarin.",
        "bertemu",
        A,
        ("2024-09-30", "day", "clause"),
    ),
    # date after the trigger in the same clause
    (
        "Polisi menangkap tiga tersangka pada Selasa pagi.",
        "menangkap",
        A,
        ("2024-10-01", "day", "clause"),
    ),
    # "sejak" (duration start) is weak; the "pada" adjunct wins
    (
        "Sejak 2014 kedua negara berunding, dan pada 2 Oktober 2024 mereka menandatangani perjanjian.",
        "menandatangani",
        A,
        ("2024-10-02", "day", "clause"),
    ),
    # date in another clause of the sentence → sentence level
    (
        "Jokowi mengecam serangan itu, sedangkan Prabowo tiba kemarin.",
        "mengecam",
        A,
        ("2024-10-01", "day", "sentence"),
    ),
    # discourse anchor
    (
        "Pada Rabu, 2 Oktober 2024, Xi menelepon Putin. Pada hari yang sama, Xi juga memuji upaya bersama.",
        "memuji",
        A,
        ("2024-10-02", "day", "clause"),
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "anchor", "expected"),
    EVENT_CASES,
    ids=[c[1] + ":" + c[0][:30] for c in EVENT_CASES],
)
def test_event_date(
    resolver: DateResolver, text: str, trigger: str, anchor: dt.date, expected: tuple[str, str, str]
) -> None:
    got = _event(resolver, text, trigger, anchor, PUBLISHED)
    assert got is not None
    assert (got.value, got.precision, got.source) == expected


def test_event_date_none_without_article_date(resolver: DateResolver) -> None:
    assert _event(resolver, "Xi menyatakan kesiapannya.", "menyatakan", A, None) is None


def test_event_date_future_prefers_later(resolver: DateResolver) -> None:
    text = "Setelah bertemu tahun lalu, kedua menteri akan bertemu lagi bulan depan."
    got = _event(resolver, text, "akan bertemu", A, PUBLISHED, future=True)
    assert got is not None and got.value == "2024-11"


def test_module_level_event_date(resolver: DateResolver) -> None:
    text = "Rusia menyerang Ukraina pada tahun 2022."
    s = _sentences(text)[0]
    got = event_date(text.index("menyerang"), s, resolver.find(text, A), PUBLISHED)
    assert got == EventDate("2022", "year", "clause", "tahun 2022")


def test_data_file_integrity(lang) -> None:
    table = lang.yaml("dates.yaml")
    assert sorted(int(k) for k in table["months"]) == list(range(1, 13))
    assert sorted(int(k) for k in table["weekdays"]) == list(range(7))
    for key in ("number_words", "units", "directions", "parts", "relative_days", "discourse"):
        assert table[key], key
