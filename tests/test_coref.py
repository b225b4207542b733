"""Coreference: pronouns, 'kedua negara/pemimpin', surname-only mentions, ambiguity."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.actors import ActorResolver
from warta.coref import resolve
from warta.model import ActorMention
from warta.places import Gazetteer


def run(resolver: ActorResolver, text: str, when: dt.date | None = dt.date(2024, 10, 23)
        ) -> list[ActorMention]:
    doc = resolver.nlp(text)
    ms = resolver.find(doc, when)
    return resolve(text, resolver.sentences(doc), ms, resolver, when)


def coref_at(ms: list[ActorMention], text: str, word: str, nth: int = 0) -> list[ActorMention]:
    k = -1
    for _ in range(nth + 1):
        k = text.find(word, k + 1)
    return [m for m in ms if m.resolved_by == "coref" and m.start == k]


def test_pronoun_ia(resolver: ActorResolver) -> None:
    t = "Presiden Tiongkok Xi Jinping tiba di Moskow. Ia disambut dengan upacara militer."
    got = coref_at(run(resolver, t), t, "Ia")
    assert [(m.code, m.role, m.text) for m in got] == [("CHN", "GOV", "Ia")]


def test_pronoun_beliau_and_dia(resolver: ActorResolver) -> None:
    t = "Menlu Rusia Sergei Lavrov berbicara. Beliau menyebut dia akan datang."
    ms = run(resolver, t)
    assert [m.code for m in coref_at(ms, t, "Beliau")] == ["RUS"]
    assert [m.code for m in coref_at(ms, t, "dia")] == ["RUS"]


def test_pronoun_ambiguous_is_unresolved(resolver: ActorResolver) -> None:
    t = "Xi Jinping bertemu Vladimir Putin di Kazan. Ia mengatakan hubungan makin erat."
    assert coref_at(run(resolver, t), t, "Ia") == []


def test_pronoun_without_antecedent(resolver: ActorResolver) -> None:
    t = "Hujan turun deras. Ia mengatakan banjir akan surut."
    assert coref_at(run(resolver, t), t, "Ia") == []


def test_kedua_negara_two_mentions(resolver: ActorResolver) -> None:
    t = "Tiongkok dan Rusia menandatangani perjanjian. Kedua negara sepakat memperluas kerja sama."
    got = coref_at(run(resolver, t), t, "Kedua negara")
    assert sorted(m.code for m in got) == ["CHN", "RUS"]
    assert all(m.text == "Kedua negara" for m in got)
    assert got[0].start == got[1].start and got[0].end == got[1].end


def test_kedua_negara_same_sentence(resolver: ActorResolver) -> None:
    t = "Indonesia dan Australia menegaskan bahwa kedua negara akan berlatih bersama."
    assert sorted(m.code for m in coref_at(run(resolver, t), t, "kedua negara")) == ["AUS", "IDN"]


def test_kedua_negara_three_countries_ambiguous(resolver: ActorResolver) -> None:
    t = "Tiongkok, Rusia dan Iran berlatih bersama. Kedua negara menolak kritik."
    assert coref_at(run(resolver, t), t, "Kedua negara") == []


def test_kedua_pemimpin(resolver: ActorResolver) -> None:
    t = "Presiden Joko Widodo menerima Perdana Menteri Anthony Albanese. Kedua pemimpin membahas perdagangan."
    got = coref_at(run(resolver, t, dt.date(2023, 7, 4)), t, "Kedua pemimpin")
    assert sorted((m.code, m.role) for m in got) == [("AUS", "GOV"), ("IDN", "GOV")]


@pytest.mark.parametrize("text, word, codes", [
    # unnamed titled officials are leaders too
    ("Presiden Joko Widodo menerima Perdana Menteri Malaysia di Istana Bogor. "
     "Kedua pemimpin membahas sengketa perbatasan.", "Kedua pemimpin", ["IDN", "MYS"]),
    ("Menlu Rusia Sergei Lavrov bertemu dengan Menteri Luar Negeri Jepang di Tokyo. "
     "Kedua menteri membahas sengketa Kuril.", "Kedua menteri", ["JPN", "RUS"]),
    # a hosting verb joins host and guest, as a meeting verb does
    ("Presiden Joko Widodo menerima Perdana Menteri Malaysia di Istana Bogor. "
     "Mereka membahas sengketa perbatasan.", "Mereka", ["IDN", "MYS"]),
    # 'mereka' in a clause reported by a group's spokesman: the group
    ("Juru bicara Taliban mengatakan bahwa mereka akan berunding dengan pemerintah Pakistan.",
     "mereka", ["AFG"]),
    ("Juru bicara Taliban mengatakan bahwa kelompok mereka akan berunding dengan Pakistan.",
     "mereka", ["AFG"]),
    # ... not a head of state's: 'mereka' is others
    ("Presiden Bush mengatakan bahwa mereka akan berunding dengan pemerintah Mesir.",
     "mereka", []),
])
def test_pair_and_plural_antecedents(resolver: ActorResolver, text: str, word: str,
                                     codes: list[str]) -> None:
    got = coref_at(run(resolver, text, dt.date(2024, 10, 2)), text, word)
    assert sorted(m.code for m in got) == codes


def test_kedua_pihak(resolver: ActorResolver) -> None:
    t = "Israel dan Hamas menyepakati gencatan senjata. Kedua pihak bertukar tahanan."
    got = coref_at(run(resolver, t), t, "Kedua pihak")
    assert sorted((m.code, m.role) for m in got) == [("ISR", None), ("PSE", "REB")]


def test_kedua_pihak_skips_places(resolver: ActorResolver) -> None:
    # a country after 'di' is where someone is based, not one of the two sides
    t = ("Pemimpin Hamas, yang berpusat di Suriah, dan Presiden Israel bertemu. "
         "Kedua pihak saling menyalahkan.")
    got = coref_at(run(resolver, t), t, "Kedua pihak")
    assert sorted(m.code for m in got) == ["ISR", "PSE"]


def test_surname_not_taken_from_a_date(resolver: ActorResolver) -> None:
    t = "Perdana Menteri Inggris Theresa May mengecam Rusia. Sanksi berlaku sejak 3 May 2017."
    ms = run(resolver, t, dt.date(2017, 5, 27))
    assert not coref_at(ms, t, "May", nth=1)


def test_negara_itu(resolver: ActorResolver) -> None:
    t = "Myanmar menolak kritik. Negara itu juga membatasi akses bantuan."
    assert [m.code for m in coref_at(run(resolver, t), t, "Negara itu")] == ["MMR"]


def test_negara_itu_ambiguous(resolver: ActorResolver) -> None:
    t = "Thailand dan Kamboja saling tuduh. Negara itu menutup perbatasan."
    assert coref_at(run(resolver, t), t, "Negara itu") == []


def test_surname_of_unknown_person(resolver: ActorResolver) -> None:
    t = "Menlu Sudan Lam Akoli menolak tuduhan itu. Akoli juga mengecam PBB."
    got = coref_at(run(resolver, t), t, "Akoli", nth=1)
    assert [(m.code, m.role) for m in got] == [("SDN", "GOV")]


def test_surname_known_via_dictionary(resolver: ActorResolver) -> None:
    t = "Vladimir Putin tiba di Beijing. Putin disambut Xi."
    ms = run(resolver, t)
    putin2 = [m for m in ms if m.text == "Putin"]
    xi = [m for m in ms if m.text == "Xi"]
    assert putin2 and putin2[0].code == "RUS" and putin2[0].resolved_by == "dictionary"
    assert xi and xi[0].code == "CHN"


def test_surname_shared_by_two_people_is_unresolved(resolver: ActorResolver) -> None:
    t = "Menlu Sudan Ali Karimo dan Menlu Chad Omar Karimo bertemu. Karimo mengatakan."
    assert coref_at(run(resolver, t), t, "Karimo", nth=2) == []


def test_mereka(resolver: ActorResolver) -> None:
    t = "Pasukan Israel memasuki Jenin. Mereka menahan sejumlah orang."
    got = coref_at(run(resolver, t), t, "Mereka")
    assert [(m.code, m.role) for m in got] == [("ISR", "MIL")]


def test_pihaknya(resolver: ActorResolver) -> None:
    t = "Kementerian Luar Negeri Tiongkok menyatakan pihaknya menolak tuduhan itu."
    got = coref_at(run(resolver, t), t, "pihaknya")
    assert [(m.code, m.role) for m in got] == [("CHN", "GOV")]


def test_pihaknya_in_reported_clause_is_the_opening_actor(resolver: ActorResolver) -> None:
    t = ("Hong Kong, yang mengimpor unggas Inggris tahun lalu, mengumumkan bahwa pihaknya akan "
         "menangguhkan impor itu.")
    got = coref_at(run(resolver, t), t, "pihaknya")
    assert [m.code for m in got] == ["HKG"]


def test_pihaknya_ambiguous_without_reported_clause(resolver: ActorResolver) -> None:
    t = "Hong Kong dan Inggris berunding, dan pihaknya akan menangguhkan impor itu."
    assert coref_at(run(resolver, t), t, "pihaknya") == []


def test_agent_without_country_takes_single_context_country(resolver: ActorResolver) -> None:
    t = "Bentrokan terjadi di Somalia. Para pemberontak menyerang pos militer."
    ms = run(resolver, t)
    reb = [m for m in ms if m.text == "Para pemberontak"]
    assert {m.code for m in reb} == {"---", "SOM"}


def test_output_sorted_and_keeps_input(resolver: ActorResolver) -> None:
    t = "Tiongkok dan Rusia bertemu. Kedua negara sepakat. Ia pergi."
    doc = resolver.nlp(t)
    base = resolver.find(doc, None)
    out = resolve(t, resolver.sentences(doc), base, resolver, None)
    assert all(m in out for m in base)
    assert [m.start for m in out] == sorted(m.start for m in out)


# (article text, anaphor/name, which occurrence, expected codes of the coref mentions there)
COREF_TABLE: list[tuple[str, str, int, list[str]]] = [
    # a later bare surname or full name takes the code of the earlier titled (apposed) mention
    ("Wakil Menteri Luar Negeri Jepang, Mitoji Yabunaka, Rabu mengajukan permintaan. "
     "Yabunaka, yang berkunjung ke Teheran, menyampaikan pesan itu.", "Yabunaka", 1, ["JPN"]),
    ("Duta Besar AS untuk PBB Bill Richardson tiba di Khartoum. "
     "Richardson juga mengadakan perundingan.", "Richardson", 1, ["USA"]),
    ("Ali Rezaeian, Menteri Pertahanan Iran, tiba di Moskow. Rezaeian bertemu pers.",
     "Rezaeian", 1, ["IRN"]),
    # 'kedua negara': the nearest coordination of two countries, blocs ('Barat') are no country
    ("Hubungan antara Tiongkok dan Rusia menguat sejak Rusia menyerang Ukraina. Karena sanksi "
     "dari Barat, Moskow beralih ke Beijing. Perdagangan antara kedua negara melonjak.",
     "kedua negara", 0, ["CHN", "RUS"]),
    ("Kedekatan antara Tiongkok dan Rusia mengirim pesan bagi negara-negara Barat. "
     "Kedua negara ini menunjukkan kesiapan.", "Kedua negara", 0, ["CHN", "RUS"]),
    ("Pertemuan itu membahas hubungan Tiongkok-Rusia. Kedua negara sepakat.",
     "Kedua negara", 0, ["CHN", "RUS"]),
    # 'ketiga negara' = exactly three coordinated countries; two are not enough
    ("Menteri AS, Kanada dan Meksiko bertemu. Ketiga negara sepakat.", "Ketiga negara", 0,
     ["CAN", "MEX", "USA"]),
    ("Menteri AS dan Kanada bertemu. Ketiga negara sepakat.", "Ketiga negara", 0, []),
    # 'masing-masing pihak' = the two parties
    ("India dan Pakistan bertemu. Masing-masing pihak menahan diri.", "Masing-masing pihak", 0,
     ["IND", "PAK"]),
    # pair anaphors of parties/groups/governments: the two coordinated actors; a country-less
    # mention of the head noun inside ('pemerintahan') does not block the phrase
    ("Pemerintah Afganistan dan Pemerintah Pakistan tahu itu. Kami terlibat dengan kedua "
     "pemerintahan.", "kedua pemerintahan", 0, ["AFG", "PAK"]),
    ("Hamas dan Hizbullah menolak rencana itu. Kedua kelompok itu mengecam Israel.",
     "Kedua kelompok", 0, ["LBN", "PSE"]),
    ("Hamas, Hizbullah dan Houthi menolak rencana itu. Kedua kelompok itu mengecam Israel.",
     "Kedua kelompok", 0, []),  # three groups: no pair
    # 'kelompok itu': the one armed group of the nearest sentence with a group
    ("Hizbullah menembakkan roket. Kelompok itu mengklaim serangan.", "Kelompok itu", 0,
     ["LBN"]),
    # 'mereka' after coordinated people → all of them; after one group → that group
    ("Xi Jinping dan Vladimir Putin bertemu di Kazan. Ia menyatakan bahwa mereka telah berhasil.",
     "mereka", 0, ["CHN", "RUS"]),
    ("Pasukan Israel memasuki kota itu. Mereka menahan dua orang.", "Mereka", 0, ["ISR"]),
    # 'mereka' after a resolved pair anaphor → the pair; never the head of its own relative
    # clause ('dominasi Barat, yang menurut mereka …')
    ("Xi bertemu Putin. Xi menyoroti kerja sama kedua negara dalam menghadapi dominasi Barat, "
     "yang menurut mereka terlalu dikendalikan AS.", "mereka", 0, ["CHN", "RUS"]),
    ("Barat, yang menurut mereka terlalu dikendalikan AS, menolak.", "mereka", 0, []),
    # 'X bertemu dengan Y. Mereka …' → both sides of the meeting
    ("Menlu AS Condoleezza Rice bertemu dengan Menlu Rusia Sergei Lavrov. Mereka membahas "
     "Iran.", "Mereka", 0, ["RUS", "USA"]),
    # … but not when one side has no country (no half answer)
    ("Para komandan militer AS bertemu dengan kepala suku Sheikh Sattar. Mereka membahas "
     "keamanan.", "Mereka", 0, []),
    # 'mereka' after a single titled person: no plural antecedent
    ("Menteri Luar Negeri Iran tiba. Mereka menunggu.", "Mereka", 0, []),
    # a country-less rebel/police phrase takes the one country the sentence places it in
    ("Gerilyawan membunuh tiga prajurit AS di Irak, kata militer AS.", "Gerilyawan", 0, ["IRQ"]),
    # … but a group coded without country on purpose stays so
    ("Pasukan AS di Afghanistan memburu gerilyawan Al-Qaeda.", "gerilyawan Al-Qaeda", 0, []),
]


@pytest.mark.parametrize(("text", "word", "nth", "codes"), COREF_TABLE)
def test_coref_table(resolver: ActorResolver, text: str, word: str, nth: int,
                     codes: list[str]) -> None:
    got = coref_at(run(resolver, text, dt.date(2007, 4, 1)), text, word, nth)
    assert sorted(m.code for m in got) == sorted(codes), [(m.text, m.code) for m in got]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def run_places(resolver: ActorResolver, gazetteer: Gazetteer, text: str,
               when: dt.date | None = dt.date(2007, 4, 1)) -> list[ActorMention]:
    doc = resolver.nlp(text)
    ms = resolver.find(doc, when, bare=True)
    return resolve(text, resolver.sentences(doc), ms, resolver, when, gazetteer.find(text))


# (article text, anaphor/title, which occurrence, expected codes of the coref mentions there)
CONTEXT_TABLE: list[tuple[str, str, int, list[str]]] = [
    # 1. an official followed by the place it heads takes the place's country
    ("Komisaris polisi negara bagian Bayelsa mengatakan gerilyawan menyerang.",
     "Komisaris polisi", 0, ["NGA"]),
    ("Gubernur provinsi Anbar mengecam serangan itu.", "Gubernur", 0, ["IRQ"]),
    ("Wali kota Basra bertemu pasukan Inggris.", "Wali kota Basra", 0, ["IRQ"]),
    # 2. first person in a quotation: the speaker (', kata X' / ', katanya' / 'X mengatakan')
    ("Kami menolak tuduhan itu, kata Menlu Iran Manouchehr Mottaki.", "Kami", 0, ["IRN"]),
    ("Menteri Luar Negeri Zimbabwe Simbarashe Mumbengegwi tiba. Saya memanggil para duta "
     "besar itu, katanya.", "Saya", 0, ["ZWE"]),
    ("Menlu Iran Manouchehr Mottaki mengatakan, kami tidak akan mundur.", "kami", 0, ["IRN"]),
    ("Kami tidak akan mundur, kata seorang pejabat.", "Kami", 0, []),  # no coded speaker
    ("Kami tidak akan mundur.", "Kami", 0, []),
    # 3. clitic -nya: the nearest actor's own government/forces; a place after 'di' is none
    ("Conte, yang dirawat di Swiss, menyeru militer agar mendukung pemerintahnya.",
     "pemerintahnya", 0, ["GIN"]),
    ("Bush bertemu Putin dan memuji pasukannya.", "pasukannya", 0, []),  # two countries
    # 4. a bare title: the most recent mention with the same head, else the one country
    ("Presiden Rwanda Paul Kagame tiba di Kigali. Presiden mengatakan itu penting.",
     "Presiden", 1, ["RWA"]),
    ("Presiden AS George W. Bush bertemu Presiden Rusia Vladimir Putin. Presiden mengatakan "
     "itu.", "Presiden", 2, []),  # two presidents compete
    ("Pasukan Israel memasuki Jenin. Militer menahan dua orang.", "Militer", 0, ["ISR"]),
    ("Sudan menolak resolusi itu. Menteri Luar Negeri mengecam Dewan Keamanan.",
     "Menteri Luar Negeri", 0, ["SDN"]),
    ("Israel dan Suriah saling tuduh. Perdana Menteri mengecam serangan itu.",
     "Perdana Menteri", 0, []),  # two countries compete
    ("Presiden tiba di Jakarta.", "Presiden", 0, []),  # a place after 'di' is no nationality
    # an official visited in a place ('mengunjungi Darfur') is of that place's country
    ("Richardson mengunjungi Darfur dimana ia bertemu dengan para pejabat pemerintah.",
     "para pejabat pemerintah", 0, ["SDN"]),
    # ambassadors: the sentence's country is their host, not theirs
    ("Zimbabwe memanggil para duta besar itu.", "para duta besar", 0, []),
    # a named person never takes the sentence's country: it is often the other party
    ("Kami mesti mengirim pesan kepada Israel, kata Raja Abdullah.", "Raja Abdullah", 0, []),
    ("Korea Utara menolak, kata Menteri Luar Negeri Park Hyun-woo.", "Menteri Luar Negeri", 0,
     []),
    # 2b. a sentence without attribution continues the previous sentence's named quote
    ("Ini masih merupakan masalah, kata McCormack mengenai terorisme. Pemerintah Pakistan "
     "tahu itu, dan kami akan terus terlibat.", "kami", 0, ["USA"]),
    ("Ini masih merupakan masalah, katanya. Kami akan terus terlibat.", "Kami", 0, []),
    ("Itu masalah, kata McCormack. Kami terlibat, kata Menlu Iran Manouchehr Mottaki.",
     "Kami", 0, ["IRN"]),  # its own attribution wins
    # a country after 'di' is where something is, not whose army: 'militer' takes Conte's
    ("Conte, yang dirawat di rumah sakit di Swiss, menyeru militer agar mendukung "
     "pemerintahnya.", "militer", 0, ["GIN"]),
    # a country-less subject does not take the country of what it acts on ('menuduh
    # Damaskus', 'menahan … orang Palestina'): the context's country, else nothing
    ("Pemerintah Yaman menolak tuduhan itu. Sejumlah pejabat menuduh Iran mendanai "
     "pemberontak.", "Sejumlah pejabat", 0, ["YEM"]),
    # (legislators are located actors: the country they are in, not the accused one)
    ("Mayoritas anggota parlemen anti-Suriah di Lebanon menuduh Damaskus menghalangi "
     "mahkamah itu.", "anggota parlemen", 0, ["LBN"]),
    ("Militer menahan 18 orang Palestina.", "Militer", 0, []),
    ("Seorang jurubicara militer Israel mengatakan operasi berlanjut. Militer menahan 18 "
     "orang Palestina.", "Militer", 0, ["ISR"]),
    # … but a politician or institution after it is mostly of its own polity
    ("Para anggota parlemen setuju dengan Presiden Joko Widodo.", "Para anggota parlemen", 0,
     ["IDN"]),
    # 5. fighters with several countries in the sentence stay uncoded
    ("Helikopter Israel menembaki para pejuang dekat perbatasan Lebanon dan Suriah.",
     "para pejuang", 0, []),
]


@pytest.mark.parametrize(("text", "word", "nth", "codes"), CONTEXT_TABLE)
def test_context_table(resolver: ActorResolver, gazetteer: Gazetteer, text: str, word: str,
                       nth: int, codes: list[str]) -> None:
    ms = run_places(resolver, gazetteer, text)
    got = coref_at(ms, text, word, nth)
    assert sorted(m.code for m in got) == sorted(codes), [(m.text, m.code) for m in ms]
    assert not [m for m in ms if m.resolved_by == "bare"]  # bare titles only ever as coref


# 6. people missing from every dictionary: apposition + later surname
SURNAME_TABLE: list[tuple[str, str, str]] = [
    ("Jurubicara Departemen Luar Negeri AS Sean McCormack mengatakan itu. McCormack menolak.",
     "McCormack", "USA"),
    ("Itu penting, kata Tony Fratto, jurubicara lain Gedung Putih, kepada wartawan. "
     "Fratto menolak.", "Fratto", "USA"),
    ("Tony Fratto, jurubicara Gedung Putih, mengatakan itu. Fratto menolak.", "Fratto", "USA"),
]


@pytest.mark.parametrize(("text", "word", "code"), SURNAME_TABLE)
def test_surname_after_apposition(resolver: ActorResolver, gazetteer: Gazetteer, text: str,
                                  word: str, code: str) -> None:
    ms = run_places(resolver, gazetteer, text)
    k = text.rfind(word)
    assert [m.code for m in ms if m.start == k] == [code], [(m.text, m.code) for m in ms]


@pytest.fixture(scope="module")
def grouping_resolver() -> ActorResolver:
    r = ActorResolver.load()
    r.cues["grouping_mentions"] = True  # off in coref.yaml until the coder handles them
    return r


# (text, phrase, expected member codes on the phrase) -- groupings.tsv
GROUPING_TABLE: list[tuple[str, str, list[str]]] = [
    ("Kuartet Timur Tengah bertemu di Moskow.", "Kuartet Timur Tengah",
     ["IGO:EU", "IGO:UN", "RUS", "USA"]),
    ("Perundingan Israel dan Palestina. Empat sponsor internasional mendukung rencana itu.",
     "Empat sponsor internasional", ["IGO:EU", "IGO:UN", "RUS", "USA"]),
    # without a Middle-East context the phrase is no grouping
    ("Empat sponsor internasional mendukung festival film itu.", "Empat sponsor internasional",
     []),
    ("Ketiga negara Amerika Utara meluncurkan kemitraan.", "Ketiga negara Amerika Utara",
     ["CAN", "MEX", "USA"]),
    # 'kelompok itu' after a grouping: all its members
    ("Perdamaian Timur Tengah dibahas. Empat sponsor internasional mendukung rencana AS. "
     "Kelompok itu mendukung Abbas.", "Kelompok itu", ["IGO:EU", "IGO:UN", "RUS", "USA"]),
]


@pytest.mark.parametrize(("text", "word", "codes"), GROUPING_TABLE)
def test_grouping_table(grouping_resolver: ActorResolver, text: str, word: str,
                        codes: list[str]) -> None:
    got = coref_at(run(grouping_resolver, text, dt.date(2007, 4, 1)), text, word)
    assert sorted(m.code for m in got) == codes, [(m.text, m.code) for m in got]


def test_groupings_on_by_default(resolver: ActorResolver) -> None:
    text = "Kuartet Timur Tengah bertemu di Moskow."
    got = coref_at(run(resolver, text, dt.date(2007, 4, 1)), text, "Kuartet")
    assert sorted(m.code for m in got) == ["IGO:EU", "IGO:UN", "RUS", "USA"]
