"""Trigger lexicon matching (warta.lexicon): sentence -> (code, matched words, voice)."""

from __future__ import annotations

import re

import pytest

from warta.lexicon import Lexicon, LexiconError, TriggerMatch


@pytest.fixture(scope="module")
def lex(lang) -> Lexicon:
    return Lexicon.load(lang)


def toks(s: str) -> list[str]:
    return [t.lower() for t in re.findall(r"\w+(?:-\w+)*|[^\w\s]", s)]


def find(lex: Lexicon, sentence: str) -> list[tuple[str, str, str]]:
    w = toks(sentence)
    return [(m.entry.cameo, " ".join(w[m.start : m.end]), m.voice) for m in lex.match(w)]


# sentence, expected (code, matched words, voice) that must be among the matches
ROWS = [
    # 04 consult / visit / negotiate
    ("Xi Jinping bertemu Vladimir Putin di Kazan.", ("040", "bertemu", "intrans")),
    ("Presiden menemui Perdana Menteri Jepang.", ("040", "menemui", "active")),
    ("Pertemuan antara Xi dan Putin berlangsung hangat.", ("040", "pertemuan", "noun")),
    ("Menlu RI bertelepon dengan Menlu Australia.", ("041", "bertelepon", "intrans")),
    ("Biden menelepon Netanyahu, Senin.", ("041", "menelepon", "active")),
    ("Mereka melakukan pembicaraan telepon selama satu jam.", ("041", "melakukan pembicaraan telepon", "active")),
    ("Xi mengunjungi Moskow pekan ini.", ("042", "mengunjungi", "active")),
    ("Moskow dikunjungi Xi pekan ini.", ("042", "dikunjungi", "passive")),
    ("Kunjungannya ke Jepang dibatalkan.", ("042", "kunjungannya", "noun")),
    ("Jokowi berkunjung ke Beijing.", ("042", "berkunjung", "intrans")),
    ("Raja Salman menjamu Presiden Prabowo di Riyadh.", ("043", "menjamu", "active")),
    ("Qatar menengahi perundingan antara Israel dan Hamas.", ("045", "menengahi", "active")),
    ("AS dan Korea Utara mengadakan perundingan di Jenewa.", ("046", "mengadakan perundingan", "active")),
    ("Kedua pihak mengadakan serangkaian pembicaraan di Jakarta.",
     ("046", "mengadakan serangkaian pembicaraan", "active")),
    ("Perundingan-perundingan yang dilakukan di New York gagal.",
     ("046", "perundingan-perundingan", "noun")),
    ("Pemerintah dan GAM berunding di Helsinki.", ("046", "berunding", "intrans")),
    ("Iran sedang merundingkan kesepakatan nuklir.", ("046", "merundingkan", "active")),
    ("Kedua menteri membahas kerja sama pertahanan.", ("046", "membahas", "active")),
    # 05 diplomatic cooperation
    ("Menlu memuji upaya Indonesia.", ("051", "memuji", "active")),
    ("Upaya itu dipuji oleh Sekjen PBB.", ("051", "dipuji", "passive")),
    ("Kedua negara menandatangani perjanjian perdagangan bebas.",
     ("057", "menandatangani", "active")),
    ("Kedua negara menandatangani perjanjian damai.", ("057", "menandatangani perjanjian", "active")),
    ("Perjanjian itu ditandatangani di Jakarta.", ("057", "ditandatangani", "passive")),
    ("Rusia dan Ukraina mencapai kesepakatan soal gandum.", ("057", "mencapai kesepakatan", "active")),
    ("PM Jepang meminta maaf kepada Korea Selatan.", ("055", "meminta maaf", "active")),
    # 06/07 material cooperation and aid
    ("Jepang memberikan bantuan kemanusiaan kepada Gaza.",
     ("073", "memberikan bantuan kemanusiaan", "active")),
    ("Bantuan ekonomi dari Tiongkok tiba di Kamboja.", ("071", "bantuan ekonomi", "noun")),
    ("AS memasok senjata ke Ukraina.", ("072", "memasok senjata", "active")),
    ("Kedua negara menggelar latihan militer bersama.", ("062", "menggelar latihan militer bersama", "active")),
    ("Ekuador memberikan suaka kepada Assange.", ("075", "memberikan suaka", "active")),
    # 08 yield
    ("Hamas membebaskan tiga sandera.", ("0841", "membebaskan tiga sandera", "active")),
    ("Para tahanan dibebaskan pada Jumat.", ("0841", "dibebaskan", "passive")),
    ("Hamas mendeklarasikan gencatan senjata.", ("0871", "mendeklarasikan gencatan senjata", "active")),
    ("Gencatan senjata berlaku sejak pagi.", ("0871", "gencatan senjata", "noun")),
    ("Israel menarik pasukan dari Gaza.", ("0874", "menarik pasukan", "active")),
    ("Uni Eropa mencabut sanksi terhadap Myanmar.", ("085", "mencabut sanksi", "active")),
    # 09 investigate
    ("KPK menyelidiki dugaan korupsi di kementerian.", ("091", "menyelidiki dugaan korupsi", "active")),
    ("Mantan menteri itu diinterogasi polisi.", ("091", "diinterogasi", "passive")),
    # 10 demand / 02 appeal
    ("Indonesia menuntut pembebasan para sandera.", ("1053", "menuntut pembebasan", "active")),
    ("Sekjen PBB menyerukan gencatan senjata di Gaza.",
     ("0256", "menyerukan gencatan senjata", "active")),
    ("Demonstran mendesak presiden mundur.", ("0241", "mendesak presiden mundur", "active")),
    ("Paus mengimbau semua pihak menahan diri.", ("0256", "mengimbau semua pihak menahan diri", "active")),
    # 11 disapprove
    ("Indonesia mengecam serangan Israel.", ("111", "mengecam", "active")),
    ("Kecaman datang dari berbagai negara.", ("111", "kecaman", "noun")),
    ("Iran mengutuk pembunuhan itu.", ("111", "mengutuk", "active")),
    ("AS menuduh Iran mendanai pemberontak.", ("1121", "menuduh iran mendanai", "active")),
    ("Tiongkok dituduh melakukan genosida.", ("1124", "dituduh melakukan genosida", "passive")),
    ("Tiongkok dituduh oleh AS.", ("112", "dituduh", "passive")),
    ("Kemlu memanggil duta besar Australia.", ("110", "memanggil duta besar", "active")),
    # 12 reject
    ("Rusia menolak tuntutan tersebut.", ("120", "menolak tuntutan", "active")),
    ("Usulan itu ditolak oleh Dewan.", ("120", "ditolak", "passive")),
    ("Iran membantah tuduhan itu.", ("016", "membantah tuduhan", "active")),
    ("AS memveto resolusi Dewan Keamanan.", ("129", "memveto", "active")),
    ("Resolusi itu diveto Rusia.", ("129", "diveto", "passive")),
    # 13 threaten
    ("Korea Utara mengancam Korea Selatan.", ("130", "mengancam", "active")),
    ("AS mengancam akan menjatuhkan sanksi baru.", ("1312", "mengancam akan menjatuhkan sanksi", "active")),
    ("Rusia memperingatkan NATO.", ("130", "memperingatkan", "active")),
    # 14 protest
    ("Ribuan mahasiswa berunjuk rasa di Jakarta.", ("141", "berunjuk rasa", "intrans")),
    ("Unjuk rasa menolak undang-undang itu ricuh.", ("1412", "unjuk rasa menolak", "noun")),
    ("Buruh melakukan pemogokan nasional.", ("143", "pemogokan", "noun")),
    ("Aktivis melakukan mogok makan.", ("142", "melakukan mogok makan", "active")),
    # 15 posture
    ("Rusia mengerahkan pasukan ke perbatasan.", ("154", "mengerahkan pasukan", "active")),
    # 16 reduce relations
    ("AS menjatuhkan sanksi terhadap Iran.", ("163", "menjatuhkan sanksi", "active")),
    ("Rusia dijatuhi sanksi oleh Barat.", ("163", "dijatuhi sanksi", "passive")),
    ("Sanksi ekonomi berat dari Barat.", ("163", "sanksi ekonomi", "noun")),
    ("Maroko memutuskan hubungan diplomatik dengan Iran.",
     ("161", "memutuskan hubungan diplomatik", "active")),
    # 17 coerce
    ("Polisi menangkap tiga tersangka.", ("173", "menangkap", "active")),
    ("Tiga aktivis ditangkap polisi.", ("173", "ditangkap", "passive")),
    ("Penangkapan itu memicu protes.", ("173", "penangkapan", "noun")),
    ("Polisi menembakkan gas air mata ke arah demonstran.",
     ("175", "menembakkan gas air mata", "active")),
    ("Malaysia mendeportasi 200 pekerja migran.", ("174", "mendeportasi", "active")),
    ("Pemerintah memberlakukan jam malam.", ("1723", "memberlakukan jam malam", "active")),
    # 18 assault
    ("Kelompok bersenjata menculik dua wartawan.", ("181", "menculik", "active")),
    ("Dua wartawan diculik di Sulu.", ("181", "diculik", "passive")),
    ("Sebuah bom mobil meledak di Baghdad.", ("1832", "bom mobil", "noun")),
    ("Pelaku meledakkan diri di depan gereja.", ("1831", "meledakkan diri", "active")),
    # 19 fight
    ("Israel menyerang Gaza.", ("190", "menyerang", "active")),
    ("Gaza diserang oleh Israel.", ("190", "diserang", "passive")),
    ("Serangan Israel terhadap Gaza menewaskan 20 orang.", ("190", "serangan", "noun")),
    ("Serangan udara itu dilakukan oleh helikopter militer AS.", ("195", "serangan udara", "noun")),
    ("Pasukan Israel menembaki warga.", ("193", "menembaki", "active")),
    ("Terjadi tembak-menembak antara polisi dan pemberontak.", ("193", "tembak-menembak", "active")),
    ("Terjadi baku tembak di perbatasan.", ("193", "baku tembak", "noun")),
    ("Rusia menginvasi Ukraina pada 2022.", ("192", "menginvasi", "active")),
    ("Invasi Rusia ke Ukraina memasuki tahun ketiga.", ("192", "invasi", "noun")),
    ("Israel memblokade Jalur Gaza.", ("191", "memblokade", "active")),
    ("Hamas menembakkan roket ke Israel.", ("194", "menembakkan roket", "active")),
    ("Serangan drone Ukraina menghantam kilang.", ("1952", "serangan drone", "noun")),
    # 20
    ("Rezim itu menggunakan senjata kimia terhadap warga.",
     ("2041", "menggunakan senjata kimia", "active")),
    # appeal (urge, call on) vs demand: manual 2.2 / 2.10
    ("Jordania mendesak Amerika Serikat agar lebih terlibat.", ("028", "mendesak amerika serikat agar lebih terlibat", "active")),
    ("Ban menyerukan Israel untuk mencabut semua larangan.",
     ("0251", "menyerukan israel untuk mencabut semua larangan", "active")),
    ("Conte menyeru militer agar mendukung pemerintahnya.",
     ("022", "menyeru militer agar mendukung", "active")),
    ("Mereka mendesak pemerintah membebaskan tahanan.", ("0253", "mendesak pemerintah membebaskan", "active")),
    ("Oposisi menuntut presiden mundur.", ("1041", "menuntut presiden mundur", "active")),
    ("Pasukan Ethiopia mengusir gerilyawan dari Mogadishu.", ("190", "mengusir gerilyawan dari", "active")),
    ("Rusia mengusir dua diplomat Jerman.", ("166", "mengusir dua diplomat", "active")),
    ("Menlu memanggil duta besar Israel.", ("110", "memanggil duta besar", "active")),
    ("Ia dibebaskan setelah mendapat pengampunan presiden.", ("0841", "pengampunan", "noun")),
    ("Ini adalah berita bagus bagi kawasan.", ("051", "berita bagus", "intrans")),
    # families added by vocabulary family (not single sentences)
    ("Warga diimbau agar tidak panik.", ("020", "diimbau", "passive")),
    ("Masyarakat dihimbau menahan diri.", ("0256", "dihimbau menahan diri", "passive")),
    ("Di Hebron diberlakukan jam malam.", ("1723", "diberlakukan jam malam", "passive")),
    ("Iran menampik tuntutan Barat.", ("120", "menampik tuntutan", "active")),
    ("Hamas enggan berunding dengan Israel.", ("125", "enggan berunding", "intrans")),
    ("Ribuan orang berpawai menentang presiden.", ("141", "berpawai menentang", "intrans")),
    ("Menlu itu mengkritisi kebijakan Washington.", ("111", "mengkritisi", "active")),
    ("Jakarta menyesalkan keputusan Canberra.", ("111", "menyesalkan", "active")),
    ("Batalion itu diberangkatkan ke Lebanon.", ("074", "diberangkatkan", "passive")),
    ("Dewan Keamanan memperpanjang mandat UNIFIL.", ("0334", "memperpanjang mandat", "active")),
    ("Presiden menerima delegasi Jepang.", ("043", "menerima delegasi", "active")),
    ("Kelompok itu menyerukan gencatan senjata segera.", ("0256", "menyerukan gencatan senjata", "active")),
    ("Mereka mendesak Israel untuk menghentikan serangan.",
     ("0256", "mendesak israel untuk menghentikan serangan", "active")),
    ("Partai itu menuntut pemerintah membebaskan aktivis.",
     ("1053", "menuntut pemerintah membebaskan", "active")),
]

# non-event senses (stop entries): no event code may come out of these
NON_EVENTS = [
    "Ribuan tentara menemui ajal di medan perang.",
    "Stabilitas negara bisa terancam jika harga naik.",
    "Polisi meledakkan kendaraan yang mencurigakan.",
    "Kerja sama itu diharapkan terus berkembang.",
    "Ia mengambil alih jabatan perdana menteri bulan lalu.",
    "Kedua negara sekutu dalam perang melawan terorisme.",
    "Pasukan Irak, dengan bantuan pasukan AS, berpatroli.",
    "Hari ini peringatan 75 tahun hubungan diplomatik kedua negara.",
    "Pasukan berjaga di perbatasan kedua negara.",  # perbatasan (border) is not pembatasan (172)
    "Menteri Pertahanan membuka pameran.",  # pertahanan (defence) is not penahanan (173)
    "Penemuan itu diumumkan kemarin.",  # penemuan (discovery) is not pertemuan (040)
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_match(lex, sentence, expected):
    assert expected in find(lex, sentence)


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_stop_entries_block_non_event_senses(lex, sentence):
    blocked = {"ajal": "040", "terancam": "130", "mencurigakan": "112", "diharapkan": "020",
               "jabatan": "1711", "terorisme": "190", "bantuan": "070", "diplomatik": "050",
               "perbatasan": "172", "Pertahanan": "173", "Penemuan": "040"}
    got = find(lex, sentence)
    for word, code in blocked.items():
        if word in sentence:
            assert not any(c[:3] == code[:3] for c, _, _ in got), got


def test_stop_entries_are_not_returned(lex):
    assert all("stop" not in m.entry.flags
               for s in NON_EVENTS for m in lex.match(toks(s)))


def test_rows_enough():
    assert len(ROWS) >= 60


def test_longest_match_wins(lex):
    got = find(lex, "AS menjatuhkan sanksi baru terhadap Rusia.")
    assert ("163", "menjatuhkan sanksi", "active") in got
    assert not any(words == "menjatuhkan" for _, words, _ in got)


def test_matches_do_not_overlap_and_are_in_text_order(lex):
    w = toks("Israel menyerang Gaza dan menewaskan 20 orang, lalu AS menjatuhkan sanksi.")
    ms = lex.match(w)
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start
    assert all(isinstance(m, TriggerMatch) and m.head == m.start for m in ms)


def test_gap_stops_at_punctuation(lex):
    assert not any(c == "046" and "," in words
                   for c, words, _ in find(lex, "Mereka mengadakan , pembicaraan"))


def test_gap_is_at_most_three_tokens(lex):
    got = find(lex, "Mereka mengadakan satu dua tiga empat pembicaraan.")
    assert not any(words.startswith("mengadakan") and c == "046" for c, words, _ in got)


def test_reporting_verbs_are_not_events(lex):
    assert find(lex, "Ia mengatakan bahwa menurut dia kata itu benar, ujar juru bicara.") == []


def test_affix_class_keeps_words_apart(lex):
    # "menemukan" (find) shares Sastrawi's root with "bertemu" but is not a meeting
    assert not any(c == "040" for c, _, _ in find(lex, "Polisi menemukan senjata."))


def test_proper_tokens_are_not_stemmed(lex):
    w = toks("Serangan dilaporkan")
    assert lex.match(w, proper=[True, False]) == []


def test_proper_token_continues_but_never_starts_a_match(lex):
    w = toks("AS meluncurkan Kemitraan Keamanan")
    proper = [False, False, True, True]
    got = [(m.entry.cameo, " ".join(w[m.start : m.end])) for m in lex.match(w, proper)]
    assert ("050", "meluncurkan kemitraan") in got
    w2 = toks("Dewan Perundingan Nasional")
    assert lex.match(w2, [False, True, True]) == []


def test_literal_word(lex):
    lit = lex.compile("=tidak berkomentar")
    assert lit[0] == ("lit", frozenset({"tidak"}))


def test_bad_pattern(lex):
    with pytest.raises(LexiconError):
        lex.compile("... bertemu")


def test_len(lex):
    assert len(lex) >= 1200


# round 2 (bench sentences with actors): the word must not yield an event at all
NO_EVENT = [
    ("Harga minyak tiba-tiba naik.", "tiba-tiba"),
    ("Rumah sakit memastikan ketersediaan vaksin.", "ketersediaan"),
    ("Warga terpaksa mengungsi karena banjir.", "terpaksa"),
    ("Hal itu dilaporkan surat kabar Al-Thawra.", "surat"),
    ("Polisi menemukan granat asap di lokasi.", "granat"),
    ("Kasus itu merusak citra partai.", "merusak"),
    ("Wartawan dilindungi hukum internasional.", "dilindungi"),
    ("Negara itu gagal membayar pinjaman kepada China.", "pinjaman"),
    ("Tim itu bertanding melawan wakil Malaysia.", "melawan"),
    ("Musyawarah nasional partai digelar di Bali.", "musyawarah"),
    ("Presiden mengusulkan nama baru sebagai calon Kapolri.", "mengusulkan"),
    ("Airlangga meraih dukungan suara terbanyak.", "dukungan"),
]


@pytest.mark.parametrize(("sentence", "word"), NO_EVENT)
def test_round2_non_event_senses(lex, sentence, word):
    w = toks(sentence)
    hit = [m for m in lex.match(w) if word in w[m.start : m.end]]
    assert hit == [], [(m.entry.cameo, m.entry.pattern) for m in hit]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Jepang mengutus menteri luar negeri ke Beijing.",
     ("042", "mengutus menteri luar negeri ke", "active")),
    ("Ribuan buruh ikut aksi damai di depan istana.", ("141", "aksi damai", "noun")),
    ("Presiden menonaktifkan kepala kepolisian.", ("172", "menonaktifkan", "active")),
])
def test_round2_rows(lex, sentence, expected):
    assert expected in find(lex, sentence)
