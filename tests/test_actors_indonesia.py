"""Indonesian domestic political actors: office holders (leaders.tsv) and institutions and
parties (groups.tsv) resolved at dates inside their tenures; short forms and common words
that must not match."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.actors import ActorResolver

# (sentence, article date, expected mention text, code, role)
CASES: list[tuple[str, str, str, str, str | None]] = [
    # --- office holders inside their tenures ---------------------------------------------------
    ("Tedjo Edhy Purdijatno memanggil Kapolri.", "2015-02-01", "Tedjo Edhy Purdijatno", "IDN", "GOV"),
    ("Tedjo menyebut pendukung KPK tidak jelas.", "2015-01-26", "Tedjo", "IDN", "GOV"),
    ("Hasto Kristiyanto menuding Abraham Samad.", "2015-01-22", "Hasto Kristiyanto", "IDN", "PTY"),
    ("Abraham Samad menolak tuduhan itu.", "2015-01-22", "Abraham Samad", "IDN", "JUD"),
    ("Johan Budi mengatakan KPK akan memanggil saksi.", "2013-05-01", "Johan Budi", "IDN", "JUD"),
    ("Benny Kabur Harman mengkritik Polri.", "2010-03-01", "Benny Kabur Harman", "IDN", "LEG"),
    ("Ketua Komisi III DPR RI Benny Kabur Harman menyatakan itu.", "2010-03-01", "Ketua Komisi III DPR RI Benny Kabur Harman", "IDN", "LEG"),
    ("Bibit Samad Rianto dan Chandra Hamzah diperiksa polisi.", "2009-10-01", "Bibit Samad Rianto", "IDN", "JUD"),
    ("Bibit Samad Rianto dan Chandra Hamzah diperiksa polisi.", "2009-10-01", "Chandra Hamzah", "IDN", "JUD"),
    ("Jusuf Kalla menemui para pengungsi.", "2016-03-01", "Jusuf Kalla", "IDN", "GOV"),
    ("JK menemui para pengungsi.", "2016-03-01", "JK", "IDN", "GOV"),
    ("Ahok menggusur warga Kampung Pulo.", "2015-08-20", "Ahok", "IDN", "GOV"),
    ("Jokowi meninjau banjir di Jakarta.", "2013-01-18", "Jokowi", "IDN", "GOV"),
    ("Anies Baswedan menyegel pulau reklamasi.", "2018-06-07", "Anies Baswedan", "IDN", "GOV"),
    ("Aburizal Bakrie memecat Agung Laksono.", "2015-01-05", "Aburizal Bakrie", "IDN", "PTY"),
    ("Ical mengumpulkan pengurus daerah.", "2015-01-05", "Ical", "IDN", "PTY"),
    ("Setya Novanto memimpin rapat pleno Golkar.", "2016-07-01", "Setya Novanto", "IDN", "PTY"),
    ("Setya Novanto dilantik kembali.", "2016-12-01", "Setya Novanto", "IDN", "LEG"),
    ("Surya Paloh menemui Presiden.", "2019-07-22", "Surya Paloh", "IDN", "PTY"),
    ("Megawati Soekarnoputri memimpin rapat partai.", "2015-04-09", "Megawati Soekarnoputri", "IDN", "PTY"),
    ("SBY memimpin kongres partai.", "2015-05-12", "SBY", "IDN", "PTY"),
    ("Anas Urbaningrum mundur dari jabatannya.", "2012-06-01", "Anas Urbaningrum", "IDN", "PTY"),
    ("Muhaimin Iskandar menyambut PBNU.", "2017-06-01", "Muhaimin Iskandar", "IDN", "PTY"),
    ("Tito Karnavian memerintahkan penangkapan.", "2017-06-01", "Tito Karnavian", "IDN", "COP"),
    ("Tito Karnavian melantik penjabat gubernur.", "2022-05-12", "Tito Karnavian", "IDN", "GOV"),
    ("Gatot Nurmantyo memerintahkan pasukan.", "2016-06-01", "Gatot Nurmantyo", "IDN", "MIL"),
    ("Moeldoko meninjau latihan.", "2014-06-01", "Moeldoko", "IDN", "MIL"),
    ("Budi Gunawan memimpin rapat BIN.", "2020-06-01", "Budi Gunawan", "IDN", "SPY"),
    ("Mahfud MD membacakan putusan.", "2010-06-01", "Mahfud MD", "IDN", "JUD"),
    ("Mahfud MD menemui korban.", "2021-06-01", "Mahfud MD", "IDN", "GOV"),
    ("Firli Bahuri menahan tersangka.", "2021-06-01", "Firli Bahuri", "IDN", "JUD"),
    ("Puan Maharani memimpin sidang paripurna.", "2021-06-01", "Puan Maharani", "IDN", "LEG"),
    ("Bamsoet memimpin sidang MPR.", "2021-06-01", "Bamsoet", "IDN", "LEG"),
    ("Fahri Hamzah mengkritik KPK.", "2016-06-01", "Fahri Hamzah", "IDN", "LEG"),
    ("Fachri Hamzah mengkritik KPK.", "2016-06-01", "Fachri Hamzah", "IDN", "LEG"),
    ("Sri Mulyani menolak usul itu.", "2018-06-01", "Sri Mulyani", "IDN", "GOV"),
    ("Hendarman Supandji memerintahkan penyidikan.", "2008-06-01", "Hendarman Supandji", "IDN", "JUD"),
    ("Yasonna Laoly menandatangani surat itu.", "2016-06-01", "Yasonna Laoly", "IDN", "GOV"),
    ("Listyo Sigit Prabowo memerintahkan penyelidikan.", "2022-06-01", "Listyo Sigit Prabowo", "IDN", "COP"),
    # a former office holder keeps the country, without role
    ("Tedjo Edhy Purdijatno hadir sebagai tamu.", "2019-06-01", "Tedjo Edhy Purdijatno", "IDN", None),
    ("Ahok bebas dari penjara.", "2019-01-24", "Ahok", "IDN", None),
    # --- institutions and parties ---------------------------------------------------------------
    ("OJK mengunjungi IMF di Washington.", "2019-12-01", "OJK", "IDN", "GOV"),
    ("Otoritas Jasa Keuangan mengunjungi IMF.", "2019-12-01", "Otoritas Jasa Keuangan", "IDN", "GOV"),
    ("PT Pelindo menandatangani perjanjian dengan Rotterdam.", "2019-12-01", "Pelindo", "IDN", "BUS"),
    ("Tudingan itu ditujukan kepada WWF.", "2019-08-30", "WWF", "---", "NGO"),
    ("Komisi III memanggil Kapolri.", "2015-01-14", "Komisi III", "IDN", "LEG"),
    ("Komisi II DPR menyetujui anggaran KPU.", "2015-01-14", "Komisi II DPR", "IDN", "LEG"),
    ("Komisi I DPR RI mengkritik Kemlu.", "2015-01-14", "Komisi I DPR RI", "IDN", "LEG"),
    ("KPU menetapkan hasil pemilu.", "2019-05-21", "KPU", "IDN", "GOV"),
    ("Bawaslu menegur peserta pemilu.", "2019-05-21", "Bawaslu", "IDN", "GOV"),
    ("PPATK menemukan transaksi mencurigakan.", "2015-01-14", "PPATK", "IDN", "GOV"),
    ("Bareskrim menetapkan Bambang Widjojanto sebagai tersangka.", "2015-01-23", "Bareskrim", "IDN", "COP"),
    ("Kompolnas mengusulkan calon Kapolri.", "2015-01-14", "Kompolnas", "IDN", "GOV"),
    ("Mahkamah Konstitusi menolak gugatan itu.", "2014-08-21", "Mahkamah Konstitusi", "IDN", "JUD"),
    ("Mahkamah Agung RI menolak kasasi itu.", "2014-08-21", "Mahkamah Agung RI", "IDN", "JUD"),
    ("Kejaksaan Agung menahan tersangka.", "2014-08-21", "Kejaksaan Agung", "IDN", "JUD"),
    ("Densus 88 menangkap terduga teroris.", "2016-01-15", "Densus 88", "IDN", "COP"),
    ("PPP menggelar muktamar.", "2014-10-16", "PPP", "IDN", "PTY"),
    ("PKS menolak kenaikan harga BBM.", "2012-03-30", "PKS", "IDN", "PTY"),
    ("Partai Demokrat memecat kadernya.", "2016-06-01", "Partai Demokrat", "IDN", "PTY"),
    ("Hanura mendukung pemerintah.", "2016-06-01", "Hanura", "IDN", "PTY"),
    ("Koalisi Merah Putih menguasai parlemen.", "2014-10-02", "Koalisi Merah Putih", "IDN", "PTY"),
]

# (sentence, article date, a substring, a code that no mention covering it may have; "*": no
# mention may cover it at all)
NEGATIVE: list[tuple[str, str, str, str]] = [
    # lower-case 'komisi' + numeral is no DPR commission; 'Komisi XI' is not Xi Jinping
    ("Anggota komisi III datang terlambat.", "2015-01-14", "komisi", "*"),
    ("Komisi XI DPR bersidang.", "2017-06-01", "XI", "*"),
    # a common word or very common first name is no short form
    ("Bibit padi itu ditanam petani.", "2010-06-01", "Bibit", "*"),
    ("Agus tiba di rumah.", "2015-06-01", "Agus", "*"),
    ("Budi pulang ke kampung.", "2015-06-01", "Budi", "*"),
    # the US Democrats ('Partai Demokrat AS') are not Indonesia's Partai Demokrat
    ("Senator dari Partai Demokrat AS menolak.", "2007-06-01", "Demokrat", "IDN"),
    # a supreme or electoral body named with another country is not Indonesia's
    ("Komisi Pemilihan Umum Thailand menunda pemilu.", "2014-02-01", "Komisi", "IDN"),
    # a bare surname before its holder took office names nobody
    ("Karnavian tiba di Jakarta.", "2010-06-01", "Karnavian", "*"),
]

@pytest.mark.parametrize(("text", "when", "span", "code", "role"), CASES)
def test_indonesian_actor(resolver: ActorResolver, text: str, when: str, span: str, code: str,
                          role: str | None) -> None:
    ms = resolver.find_text(text, dt.date.fromisoformat(when))
    hit = [m for m in ms if m.text == span]
    assert hit, f"{span!r} not found in {text!r}: {[(m.text, m.code) for m in ms]}"
    m = hit[0]
    assert (m.code, m.role) == (code, role), m


@pytest.mark.parametrize(("text", "when", "word", "code"), NEGATIVE)
def test_indonesian_no_false_positive(resolver: ActorResolver, text: str, when: str, word: str,
                                      code: str) -> None:
    ms = resolver.find_text(text, dt.date.fromisoformat(when))
    k = text.find(word)
    assert not any(m.start <= k < m.end and code in ("*", m.code) for m in ms), \
        [(m.text, m.code, m.role) for m in ms]


def test_prabowo_short_form_stays_the_president(resolver: ActorResolver) -> None:
    """Kapolri Listyo Sigit Prabowo (in office too) does not take over the short form."""
    ms = resolver.find_text("Prabowo berpidato.", dt.date(2025, 6, 1))
    assert [(m.text, m.code, m.role) for m in ms] == [("Prabowo", "IDN", "GOV")]


def test_table_sizes() -> None:
    assert len(CASES) >= 25 and len(NEGATIVE) >= 5
