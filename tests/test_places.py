"""Places (issue 5): gazetteer matching, geocoding by context, event_place rule, data integrity."""

from __future__ import annotations

import re

import pytest

from warta.model import Place, Sentence
from warta.places import Gazetteer, data_dir, event_place, fold


@pytest.fixture(scope="module")
def gaz(lang) -> Gazetteer:
    return Gazetteer.load(lang)


# (text, surface, expected country ISO3, expected canonical name or None, expected geo_type or None)
MENTIONS: list[tuple[str, str, str, str | None, int | None]] = [
    # Indonesian exonyms of world cities
    ("Moskow beralih ke Beijing untuk dukungan ekonomi.", "Moskow", "RUS", "Moscow", 4),
    ("Moskow beralih ke Beijing untuk dukungan ekonomi.", "Beijing", "CHN", "Beijing", 4),
    ("Delegasi tiba di Peking kemarin.", "Peking", "CHN", "Beijing", 4),
    ("Sidang digelar di Den Haag, Belanda.", "Den Haag", "NLD", "The Hague", 4),
    ("Perundingan di Jenewa berakhir.", "Jenewa", "CHE", "Geneva", 4),
    ("Menlu terbang ke Washington pekan lalu.", "Washington", "USA", None, 3),
    ("KTT digelar di Tokyo.", "Tokyo", "JPN", "Tokyo", 4),
    ("Kunjungan ke Tokio dibatalkan.", "Tokio", "JPN", "Tokyo", 4),
    ("Demonstrasi besar di Kairo.", "Kairo", "EGY", "Cairo", 4),
    ("Ketegangan di Yerusalem meningkat.", "Yerusalem", "ISR", "Jerusalem", 4),
    ("Serangan udara di Damaskus.", "Damaskus", "SYR", "Damascus", 4),
    ("Teheran membantah tuduhan itu.", "Teheran", "IRN", "Tehran", 4),
    ("Pertemuan di Riyadh ditunda.", "Riyadh", "SAU", "Riyadh", 4),
    ("Jemaah tiba di Makkah.", "Makkah", "SAU", None, 4),
    ("Jemaah tiba di Mekkah.", "Mekkah", "SAU", None, 4),
    ("Jemaah berziarah ke Madinah.", "Madinah", "SAU", None, 4),
    ("Bom meledak di Baghdad.", "Baghdad", "IRQ", "Baghdad", 4),
    ("Taliban menguasai Kabul.", "Kabul", "AFG", "Kabul", 4),
    ("Pertempuran di Kandahar.", "Kandahar", "AFG", None, 4),
    ("Utusan tiba di Islamabad.", "Islamabad", "PAK", "Islamabad", 4),
    ("Pertemuan di New Delhi.", "New Delhi", "IND", "New Delhi", 4),
    ("Dubes dipanggil ke Canberra.", "Canberra", "AUS", "Canberra", 4),
    ("KTT ASEAN di Kuala Lumpur.", "Kuala Lumpur", "MYS", "Kuala Lumpur", 4),
    ("Protes di Manila.", "Manila", "PHL", "Manila", 4),
    ("Kudeta di Bangkok.", "Bangkok", "THA", "Bangkok", 4),
    ("Pertemuan di Hanoi.", "Hanoi", "VNM", "Hanoi", 4),
    ("Junta di Yangon menahan wartawan.", "Yangon", "MMR", "Yangon", 4),
    ("Forum di Phnom Penh.", "Phnom Penh", "KHM", "Phnom Penh", 4),
    ("Singapura menolak permintaan itu.", "Singapura", "SGP", None, 1),
    ("Serangan Israel di Jalur Gaza.", "Jalur Gaza", "PSE", "Gaza Strip", 5),
    ("Pemukiman di Tepi Barat diperluas.", "Tepi Barat", "PSE", "West Bank", 5),
    ("Rusia mencaplok Krimea pada 2014.", "Krimea", "UKR", "Crimea", 5),
    ("Pertempuran di Donbas berlanjut.", "Donbas", "UKR", "Donbas", 5),
    ("Serangan drone di Kiev.", "Kiev", "UKR", "Kyiv", 4),
    # countries (Indonesian names)
    ("Hubungan antara Tiongkok dan Rusia menguat.", "Tiongkok", "CHN", "China", 1),
    ("Hubungan antara Tiongkok dan Rusia menguat.", "Rusia", "RUS", "Russia", 1),
    ("Dominasi AS dalam urusan internasional.", "AS", "USA", "United States", 1),
    ("Amerika Serikat menjatuhkan sanksi.", "Amerika Serikat", "USA", "United States", 1),
    ("Korea Utara meluncurkan rudal.", "Korea Utara", "PRK", None, 1),
    ("Arab Saudi dan Iran berdamai.", "Arab Saudi", "SAU", "Saudi Arabia", 1),
    ("Pemerintah Jepang menolak.", "Jepang", "JPN", "Japan", 1),
    ("Kapal Filipina dihadang.", "Filipina", "PHL", "Philippines", 1),
    ("Timor Leste bergabung dengan ASEAN.", "Timor Leste", "TLS", None, 1),
    ("Prancis mengirim bantuan.", "Prancis", "FRA", "France", 1),
    # Indonesian provinces
    ("Banjir melanda Jawa Barat.", "Jawa Barat", "IDN", "Jawa Barat", 5),
    ("Gempa di Sulawesi Tengah.", "Sulawesi Tengah", "IDN", "Sulawesi Tengah", 5),
    ("Pemilu di Papua Pegunungan.", "Papua Pegunungan", "IDN", "Papua Pegunungan", 5),
    ("Polda Jatim menangkap pelaku.", "Jatim", "IDN", "Jawa Timur", 5),
    ("Kebakaran hutan di Kalimantan Tengah.", "Kalimantan Tengah", "IDN", "Kalimantan Tengah", 5),
    ("Bentrokan di Nusa Tenggara Timur.", "Nusa Tenggara Timur", "IDN", None, 5),
    ("Gubernur Sumatera Utara dilantik.", "Sumatera Utara", "IDN", None, 5),
    ("Banjir di Provinsi Jambi.", "Jambi", "IDN", "Jambi", 5),
    ("Wisatawan ke Bali meningkat.", "Bali", "IDN", "Bali", 5),
    ("Warga DKI Jakarta memilih.", "DKI Jakarta", "IDN", "DKI Jakarta", 5),
    # Indonesian cities and regencies
    ("Presiden berkantor di Jakarta.", "Jakarta", "IDN", "Jakarta", 4),
    ("Demo mahasiswa di Makassar.", "Makassar", "IDN", "Makassar", 4),
    ("Pelantikan di Kota Jambi.", "Kota Jambi", "IDN", "Jambi", 4),
    ("Kerusuhan di Wamena.", "Wamena", "IDN", "Wamena", 4),
    ("Gibran kembali ke Solo.", "Solo", "IDN", "Surakarta", 4),
    ("Festival di Jogja.", "Jogja", "IDN", "Yogyakarta", 4),
    ("Polisi di Batu menangkap dua orang.", "Batu", "IDN", "Batu", 4),
    ("Pabrik di Sidoarjo terbakar.", "Sidoarjo", "IDN", "Sidoarjo", 4),
    ("Bupati Garut meresmikan jembatan.", "Garut", "IDN", "Garut", 4),
    ("Pesawat mendarat di Balikpapan.", "Balikpapan", "IDN", "Balikpapan", 4),
    ("Kantor DPRD Kabupaten Merauke.", "Merauke", "IDN", "Merauke", 4),
    # ambiguous names resolved by context
    ("Pertemuan BRICS di kota Kazan, Rusia barat daya.", "Kazan", "RUS", "Kazan", 4),
    ("Serangan di Donetsk menewaskan warga.", "Donetsk", "UKR", "Donetsk", 4),
    ("Ia lahir di Medina, Brasil.", "Medina", "BRA", "Medina", 4),
    ("Ia pindah ke Medina, Ohio.", "Medina", "USA", "Medina", 3),
    ("Festival di Valencia, Venezuela.", "Valencia", "VEN", "Valencia", 4),
    ("Festival di Valencia, Spanyol.", "Valencia", "ESP", "Valencia", 4),
    ("Pertemuan di Santiago, Chili.", "Santiago", "CHL", None, 4),
    # US: "New York" is the city, states are geo_type 2
    ("Sidang Majelis Umum PBB di New York.", "New York", "USA", "New York City", 3),
    ("Kebakaran hutan di California.", "California", "USA", "California", 2),
    ("Presiden terbang ke Washington.", "Washington", "USA", "Washington", 3),
    # 'ibu kota X': the capital itself or the country it heads -- never a US namesake town
    ("Ia tiba di ibukota Lebanon kemarin.", "Lebanon", "LBN", "Lebanon", 1),
    ("Bom meledak di ibu kota Lebanon, Beirut.", "Beirut", "LBN", "Beirut", 4),
    ("Pertemuan di ibu kota Beirut.", "Beirut", "LBN", "Beirut", 4),
    ("Protes di ibu kota Georgia, Tbilisi.", "Georgia", "GEO", None, 1),
    # accents folded
    ("Konferensi di Bogota.", "Bogota", "COL", "Bogotá", 4),
]


def test_table_is_big_enough() -> None:
    assert len(MENTIONS) >= 60


@pytest.mark.parametrize(
    ("text", "surface", "country", "name", "geo_type"),
    MENTIONS,
    ids=[f"{m[1]}:{m[0][:25]}" for m in MENTIONS],
)
def test_place_mentions(
    gaz: Gazetteer, text: str, surface: str, country: str, name: str | None, geo_type: int | None
) -> None:
    places = gaz.find(text)
    hit = next((p for p in places if p.text == surface), None)
    assert hit is not None, (surface, [p.text for p in places])
    assert hit.start is not None and text[hit.start : hit.end] == surface
    assert hit.country == country, hit
    if name is not None:
        assert hit.name == name, hit
    if geo_type is not None:
        assert hit.geo_type == geo_type, hit
    assert hit.lat is not None and hit.lon is not None and hit.feature_id


def test_kazan_coordinates(gaz: Gazetteer) -> None:
    text = "Xi Jinping dijadwalkan menghadiri pertemuan negara-negara BRICS di kota Kazan, Rusia barat daya, bulan ini."
    kazan = next(p for p in gaz.find(text) if p.text == "Kazan")
    assert kazan.country == "RUS"
    assert kazan.lat == pytest.approx(55.8, abs=0.1)
    assert kazan.lon == pytest.approx(49.1, abs=0.1)


NOT_PLACES = [
    ("Bima Arya menghadiri acara itu.", "Bima"),  # strict curated name: needs a cue
    ("Salah satu menteri mundur.", "Salah"),
    ("Para menteri berkumpul.", "Para"),
    ("Victoria Beckham datang.", "Victoria"),
    ("Itu bukan masalah.", "Itu"),
    ("Ia menjual batu akik.", "batu"),
    ("Kota itu sepi.", "Kota"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_PLACES)
def test_not_places(gaz: Gazetteer, text: str, surface: str) -> None:
    assert all(p.text != surface for p in gaz.find(text))


def test_geocode(gaz: Gazetteer) -> None:
    kazan = gaz.geocode("Kazan")
    assert kazan is not None and kazan.country == "RUS"
    assert gaz.geocode("Kazan", country_hint="TUR").country == "TUR"  # type: ignore[union-attr]
    assert gaz.geocode("Jalur Gaza").geo_type == 5  # type: ignore[union-attr]
    assert gaz.geocode("Rusia").geo_type == 1  # type: ignore[union-attr]
    assert gaz.geocode("Tidak Ada Kota Bernama Begini") is None
    assert gaz.geocode("as") is None  # all-caps alias "AS" matches case-exactly


def test_fold() -> None:
    assert fold("  Bogotá ") == "bogota"
    assert fold("Kazan’") == "kazan'"


# --------------------------------------------------------------------------- event_place
def _sent(text: str, index: int = 1) -> Sentence:
    return Sentence(index, 0, len(text), text)


DATELINE = Place(name="Beijing", country="CHN", lat=39.9, lon=116.4, geo_type=4)


def _ep(
    gaz: Gazetteer, text: str, trigger: str, index: int = 1, dateline: Place | None = DATELINE
) -> Place | None:
    return gaz.event_place(text.index(trigger), _sent(text, index), gaz.find(text), dateline)


def test_event_place_di_city_with_country_qualifier(gaz: Gazetteer) -> None:
    text = "Xi Jinping dijadwalkan menghadiri pertemuan negara-negara BRICS di kota Kazan, Rusia barat daya, bulan ini."
    p = _ep(gaz, text, "menghadiri")
    assert p is not None and p.name == "Kazan"


def test_event_place_ke_is_not_location(gaz: Gazetteer) -> None:
    assert _ep(gaz, "Moskow beralih ke Beijing untuk dukungan ekonomi.", "beralih") is None


def test_event_place_not_defaulted_to_dateline(gaz: Gazetteer) -> None:
    assert _ep(gaz, "Xi menyatakan kesiapannya untuk bekerja sama.", "menyatakan", index=3) is None


def test_event_place_lead_sentence_uses_dateline(gaz: Gazetteer) -> None:
    p = _ep(gaz, "Pada Rabu, Presiden Xi mengungkapkan komitmennya.", "mengungkapkan", index=0)
    assert p is DATELINE


def test_event_place_lead_sentence_with_other_place(gaz: Gazetteer) -> None:
    p = _ep(gaz, "Presiden Xi bertemu Putin di Kazan.", "bertemu", index=0)
    assert p is not None and p.name == "Kazan"


def test_event_place_country_is_last_resort(gaz: Gazetteer) -> None:
    text = "Warga Jakarta berunjuk rasa di Rusia."
    p = _ep(gaz, text, "berunjuk")
    assert p is not None and p.geo_type == 1 and p.country == "RUS"
    text2 = "Menlu bertemu di Rusia, tepatnya di Moskow."
    p2 = _ep(gaz, text2, "bertemu")
    assert p2 is not None and p2.name == "Moscow"


def test_event_place_by_clause(gaz: Gazetteer) -> None:
    text = "Polisi menangkap pelaku di Bandung, sedangkan jaksa menggelar sidang di Surabaya."
    assert _ep(gaz, text, "menangkap").name == "Bandung"  # type: ignore[union-attr]
    assert _ep(gaz, text, "menggelar").name == "Surabaya"  # type: ignore[union-attr]


def test_module_level_event_place(gaz: Gazetteer) -> None:
    text = "Bentrokan terjadi di Jalur Gaza."
    p = event_place(text.index("terjadi"), _sent(text), gaz.find(text), None)
    assert p is not None and p.name == "Gaza Strip"


# --------------------------------------------------------------------------- data integrity
def test_indonesia_tsv_integrity() -> None:
    rows = [
        ln.split("\t")
        for ln in (data_dir() / "indonesia.tsv").read_text(encoding="utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    header, body = rows[0], rows[1:]
    assert header == ["name", "aliases", "kind", "province", "lat", "lon", "strict"]
    provinces = {r[0] for r in body if r[2] == "province"}
    assert len(provinces) == 38
    assert sum(r[2] in ("city", "regency") for r in body) >= 100
    for r in body:
        assert len(r) == 7, r
        assert r[3] in provinces, r
        lat, lon = float(r[4]), float(r[5])
        assert -11.5 < lat < 6.5 and 94.5 < lon < 141.5, r  # inside Indonesia's bounding box


def test_gazetteer_file_is_compact_and_offline() -> None:
    p = data_dir() / "gazetteer.tsv"
    assert p.stat().st_size < 2_000_000
    text = p.read_text(encoding="utf-8")
    assert text.startswith("# Warta gazetteer")
    # no 2-3 letter all-caps GeoNames aliases (IATA-like codes) on GeoNames rows
    for ln in text.splitlines():
        if ln.startswith("#") or ln.startswith("id\t"):
            continue
        cols = ln.split("\t")
        if cols[8] == "" and cols[9]:
            assert not any(re.fullmatch(r"[A-Z]{2,3}", a) for a in cols[9].split("|")), ln[:80]


def test_stoplist_words_are_not_indexed(gaz: Gazetteer) -> None:
    stop = [
        ln.strip()
        for ln in (data_dir() / "stoplist.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    curated_names = {fold(e.name) for e in gaz.entries if e.curated or e.strict}
    leaked = [
        w
        for w in stop
        if w in gaz.index
        and w not in curated_names
        and any(not gaz.entries[i].curated for i, _ in gaz.index[w])
    ]
    assert leaked == []
