"""Table-driven tests of the event coder: one row per construction, expected triples.

Each row: a sentence (optionally with context and a publication date), the expected set of
(source, target, CAMEO root, mode) for its events. Actors are checked by code; the CAMEO root and
the mode must match exactly. Extra events in a row fail the test as well (precision matters).
"""

from __future__ import annotations

import pytest
from event_triples import mode_triples

from warta.gold import code_record
from warta.pipeline import Coder

ROWS: list[tuple[str, str, set[tuple[str, str | None, str, str]]]] = [
    # --- active SVO with a preposition frame
    ("svo-dengan", "Presiden Tiongkok Xi Jinping bertemu dengan Presiden Rusia Vladimir Putin di Kazan.",
     {("CHN", "RUS", "04", "asserted")}),
    ("svo-object", "Pemerintah Indonesia mengecam Israel atas serangan di Gaza.",
     {("IDN", "ISR", "11", "asserted")}),
    ("svo-kepada", "Amerika Serikat menjatuhkan sanksi kepada Iran.",
     {("USA", "IRN", "16", "asserted")}),
    ("svo-terhadap", "Uni Eropa menjatuhkan sanksi baru terhadap Rusia.",
     {("IGO:EU", "RUS", "16", "asserted")}),
    ("svo-military", "Pasukan Israel menyerang Jalur Gaza pada Senin malam.",
     {("ISR", "PSE", "19", "asserted")}),
    ("svo-invade", "Rusia menginvasi Ukraina pada Februari 2022.",
     {("RUS", "UKR", "19", "asserted")}),
    ("svo-praise", "Menteri Luar Negeri Jepang memuji peran Indonesia dalam ASEAN.",
     {("JPN", "IDN", "05", "asserted")}),
    # "mendesak" (urge) is an appeal (02x) in CAMEO; demands (10x) are "menuntut"
    ("svo-urge", "Menlu Retno Marsudi mendesak Myanmar untuk menghentikan kekerasan.",
     {("IDN", "MMR", "02", "asserted")}),
    # --- passive voice
    ("passive-oleh", "Rusia dijatuhi sanksi oleh Amerika Serikat.",
     {("USA", "RUS", "16", "asserted")}),
    ("passive-diserang", "Ukraina diserang oleh pasukan Rusia.",
     {("RUS", "UKR", "19", "asserted")}),
    ("passive-noagent", "Seorang diplomat Indonesia ditangkap di Kabul.", set()),
    # --- reciprocal and joint actors
    ("recip-pembicaraan", "Tiongkok dan Rusia mengadakan pembicaraan di Beijing.",
     {("CHN", "RUS", "04", "asserted"), ("RUS", "CHN", "04", "asserted")}),
    ("joint-source", "Xi Jinping dan Vladimir Putin mengecam dominasi Amerika Serikat.",
     {("CHN", "USA", "11", "asserted"), ("RUS", "USA", "11", "asserted")}),
    ("antara-noun", "Pertemuan antara Presiden Joko Widodo dan Perdana Menteri Anthony Albanese berlangsung di Jakarta.",
     {("IDN", "AUS", "04", "asserted"), ("AUS", "IDN", "04", "asserted")}),
    # --- mode
    ("negation", "Indonesia tidak mengecam Tiongkok dalam pernyataannya.",
     {("IDN", "CHN", "11", "negated")}),
    ("future-meet", "Presiden Prabowo Subianto akan bertemu dengan Presiden Amerika Serikat di Washington.",
     {("IDN", "USA", "03", "future")}),
    ("future-scheduled", "Menlu Rusia Sergei Lavrov dijadwalkan mengunjungi Jakarta pekan depan.",
     {("RUS", "IDN", "03", "future")}),
    # the conditional main act is hypothetical and takes its target from the condition, which
    # is not coded on its own (as gold dev-0103 codes "siap menghentikan … jika …")
    ("hypothetical", "Iran akan membalas jika Israel menyerang Iran lagi.",
     {("IRN", "ISR", "19", "hypothetical")}),
    ("refusal-not-negation", "Pemerintah Malaysia menolak tuntutan Singapura.",
     {("MYS", "SGP", "12", "asserted")}),
    # --- attribution and reported speech
    ("reported", "Menlu Iran mengatakan bahwa Israel menyerang konsulat Iran di Damaskus.",
     {("ISR", "IRN", "19", "asserted")}),
    ("bare-statement", "Presiden Prancis mengatakan bahwa ekonomi Eropa sedang tumbuh.", set()),
    # --- relative clause, noun trigger, multi-event
    ("relative", "Putin, yang berkuasa sejak 2000, mengecam NATO dalam pidatonya.",
     {("RUS", "IGO:NATO", "11", "asserted")}),
    ("noun-invasion", "Invasi Rusia ke Ukraina pada 2022 memicu krisis energi.",
     {("RUS", "UKR", "19", "asserted")}),
    ("multi-event", "Pasukan Israel menyerang Gaza dan Indonesia mengecam serangan itu.",
     {("ISR", "PSE", "19", "asserted"), ("IDN", "ISR", "11", "asserted")}),
    # --- coreference from context
    ("coref-ia", "Ia juga memuji upaya bersama dengan Putin.",
     {("CHN", "RUS", "05", "asserted")}),
    # --- a target from the clause or the sentence before, when the frame gives none
    ("target-in-clause", "Jepang menolak mendanai kesepakatan mengenai sarana nuklir Korea Utara.",
     {("JPN", "PRK", "12", "asserted")}),
    ("target-from-context", "Warga Palestina mengecam pemasangan perintang-perintang itu.",
     {("PSE", "ISR", "11", "asserted")}),
    # --- "dari" after an actor noun names the actor; a noun's agent in a passive relative clause
    ("origin-dari", "Para menteri luar negeri dari Uni Eropa dan Rusia bertemu di Berlin.",
     {("IGO:EU", "RUS", "04", "asserted"), ("RUS", "IGO:EU", "04", "asserted")}),
    ("relative-agent", "Rusia menghadapi sanksi ekonomi yang terus diberlakukan oleh Uni Eropa.",
     {("IGO:EU", "RUS", "16", "asserted")}),
    # --- a domestic event keeps its same-country target (no scored triple, no spurious one)
    ("domestic", "Polisi Yunani menembakkan gas air mata ke arah demonstran Yunani.",
     {("GRC", "GRC", "17", "asserted")}),
    ("relative-agent-plain", "Pejabat Somalia mengatakan serangan udara itu dilakukan oleh helikopter militer AS.",
     {("USA", "SOM", "19", "asserted")}),
    # --- a comment with no subject is the speaker's (verbal roots in grammar.yaml)
    ("comment-speaker", "Langkah itu sangat berbahaya bagi kawasan, kata Menteri Luar Negeri Inggris.",
     {("GBR", None, "01", "asserted")}),
    ("appeal-bare-complement", "Presiden Rusia meminta Ukraina menandatangani perjanjian damai.",
     {("RUS", "UKR", "02", "asserted")}),
    # --- a target before the source (apposition) and coordinated genitive targets
    ("target-before", "Bekas penguasa kolonial Guinea, Perancis, mengutuk penggunaan kekerasan.",
     {("FRA", "GIN", "11", "asserted")}),
    ("target-coordinated", "Iran mengecam \"hegemoni Barat\" dan dominasi AS di kawasan.",
     {("IRN", "WST", "11", "asserted"), ("IRN", "USA", "11", "asserted")}),
    # --- a visit's target is the country of the place visited
    ("visit-place", "Menteri Luar Negeri Jepang berkunjung ke Teheran pada Senin.",
     {("JPN", "IRN", "04", "asserted")}),
    # --- an event noun in a circumstance phrase takes the clause subject
    ("circumstance-noun", "Presiden Prancis memuji peran Indonesia dalam pembicaraan dengan Presiden Rusia.",
     {("FRA", "IDN", "05", "asserted"), ("FRA", "RUS", "04", "asserted")}),
    # --- a parenthesis before the verb does not end the subject search
    ("parenthesis", "Sekretaris Jenderal Organisasi Kerja Sama Islam (OKI) mengecam Israel.",
     {("IGO:OIC", "ISR", "11", "asserted")}),
    # --- "antara X dan Y" after a trigger makes the pair the joint actor
    ("antara-pair", "Para menteri bertekad memperkuat aliansi strategis antara Tiongkok dan Rusia.",
     {("CHN", "RUS", "03", "future"), ("RUS", "CHN", "03", "future")}),
    # --- an unidentified target gives way to a known actor in the clause
    ("unknown-target", "Menteri India bertemu dengan Khurshid Kasuri dari Pakistan di Islamabad.",
     {("IND", "PAK", "04", "asserted")}),
    # --- "pertemuan tersebut" refers back to the meeting already coded
    ("anaphoric-noun", "Xi akan bertemu dengan Putin dalam pertemuan tersebut.",
     {("CHN", "RUS", "03", "future")}),
    # --- an act dated after the article's date lies ahead (published 2024-10-02 in these rows)
    ("future-by-date", "Menteri Luar Negeri India bertemu dengan Menteri Luar Negeri Pakistan pada November 2024.",
     {("IND", "PAK", "03", "future")}),
    ("light-verb-submit", "Maroko menyerahkan rencana otonomi kepada PBB.",
     {("MAR", "IGO:UN", "03", "future")}),
    ("noun-agent-oleh", "Serangan oleh milisi Hizbullah terhadap pasukan Israel menewaskan tiga orang.",
     {("LBN", "ISR", "19", "asserted")}),
    # --- the condition of a coded act is not an event of its own
    ("condition-of-offer", "Korea Utara siap menghentikan reaktor nuklirnya jika mendapat bantuan ekonomi dari AS.",
     {("PRK", "USA", "03", "hypothetical")}),
    # --- "tidak akan" + a cooperative act is a refusal (12x), other negations stay negated
    ("refusal-will-not", "Amerika Serikat tidak akan melakukan perundingan lagi dengan Korea Utara.",
     {("USA", "PRK", "12", "asserted")}),
    ("negated-past", "Amerika Serikat belum melakukan perundingan dengan Korea Utara.",
     {("USA", "PRK", "04", "negated")}),
    # --- the topic of talks is not an event of its own
    ("topic-of-talks", "Menteri AS dan Korea Utara membahas normalisasi hubungan di New York.",
     {("USA", "PRK", "04", "asserted"), ("PRK", "USA", "04", "asserted")}),
    # --- a purpose clause of a coded act, and a question, are not events
    ("purpose-clause", "Ketiga negara meluncurkan kemitraan keamanan guna meningkatkan kerja sama perbatasan.",
     set()),
    ("question", "Ketika ditanya apakah Amerika Serikat mendukung pertemuan itu, Snow menolak menjawab.",
     set()),
    # --- a state's force on civilians stays 19x; a non-state group's is unconventional (18x)
    ("state-force-on-civilians", "Pasukan Israel menyerang warga sipil Palestina di Gaza.",
     {("ISR", "PSE", "19", "asserted")}),
    ("rebels-on-civilians", "Pemberontak Nigeria menyerang warga sipil Cina di Delta Niger.",
     {("NGA", "CHN", "18", "asserted")}),
    # --- a member country of a grouping source can still be the target
    ("grouping-member-target", "Kuartet mendukung rencana AS untuk Palestina.",
     {("IGO:EU", "USA", "05", "asserted"), ("IGO:UN", "USA", "05", "asserted"),
      ("RUS", "USA", "05", "asserted"), ("USA", "USA", "05", "asserted")}),
    # --- a relative clause on a thing has no actor subject
    ("relative-on-thing", "Menteri Jepang mengatakan bahwa AS kurang memahami perundingan itu, yang membahas relokasi pangkalan militer.",
     set()),
    # --- victims of a circumstance noun are not its source; a bare-passive relative agent is
    ("victims-no-source", "Tujuh warga Palestina tewas dalam serangan-serangan lainnya.", set()),
    ("bare-passive-agent", "Dua warga Palestina tewas dalam serangan udara yang kembali dilancarkan Israel.",
     {("ISR", "PSE", "19", "asserted")}),
    # --- a subjectless adverbial clause shares the main clause's subject
    ("adverbial-subject", "Presiden Palestina Mahmud Abbas, di Kairo setelah melakukan pertemuan dengan Presiden Mesir, mendesak dimulainya kembali perundingan.",
     {("PSE", "EGY", "04", "asserted"), ("PSE", None, "02", "asserted")}),
    # --- a relative clause's agent is the noun's agent only for a light verb
    ("relative-not-light", "Amerika Serikat menyampaikan tuduhan baru, tuduhan yang dibantah Iran.",
     {("USA", "IRN", "11", "asserted"), ("IRN", "USA", "01", "asserted")}),
    # --- "anti-Suriah" is a stance, not Syria
    ("stance-prefix", "Anggota parlemen Lebanon yang anti-Suriah menuduh Damaskus menghalangi mahkamah itu.",
     {("LBN", "SYR", "11", "asserted")}),
    # --- an army's bombing is aerial force (195); "menurut X" is no participant; asides give
    # no fallback target
    ("state-bombing", "Militer Israel membom sekitar 20 target di Gaza yang dikuasai Hamas.",
     {("ISR", "PSE", "19", "asserted")}),
    ("according-to", "Milisi itu, yang menurut perkiraan PBB sudah membunuh 200 orang, mundur.", set()),
    ("aside-no-target", "Beshir, yang dua kali bertemu dengan gubernur AS itu, menyetujui gencatan senjata tersebut.",
     {("SDN", "USA", "04", "asserted"), ("SDN", None, "08", "asserted")}),
    # --- coordinated verbs share the first verb's subject, not its object
    ("shared-subject", "Pasukan Israel menyerang dua pos Hamas dan menahan empat warga Palestina.",
     {("ISR", "PSE", "19", "asserted"), ("ISR", "PSE", "17", "asserted")}),
    # --- a place of origin is no agent; a trigger's own word is no actor
    ("origin-not-agent", "Dua roket ditembakkan dari Libanon ke Israel utara, tetapi tidak jelas siapa yang menembakkannya.",
     set()),
    ("trigger-word-not-actor", "Israel melancarkan operasi militer di Gaza untuk menghentikan serangan roket.",
     {("ISR", None, "19", "asserted")}),
    # --- an appeal addresses the subject of its "agar" clause too
    ("appeal-addressees", "PBB menyerukan Israel untuk mencabut larangan itu dan agar rakyat Palestina menghentikan serangan roket.",
     {("IGO:UN", "ISR", "02", "asserted"), ("IGO:UN", "PSE", "02", "asserted")}),
    # --- the object right after the verb wins over a later phrase
    ("object-before-pp", "Presiden Palestina meminta Menteri Luar Negeri AS untuk menekan Israel.",
     {("PSE", "USA", "02", "asserted")}),
    # --- no identifiable source, no event (GUIDE rule 7)
    ("source-unknown", "Para pemberontak menyerang sebuah pos di perbatasan.", set()),
    # --- the complement of an appeal is its content, not an event of its own
    ("appeal-complement", "PBB menyerukan Israel untuk mencabut larangan terhadap Palestina.",
     {("IGO:UN", "ISR", "02", "asserted")}),
    # --- "antara" pairs after a time/place adjunct, and "antara X dengan Y"
    ("antara-after-adjunct", "Pembicaraan di Jenewa, Selasa, antara Menteri Luar Negeri Iran dan utusan Uni Eropa berlangsung alot.",
     {("IRN", "IGO:EU", "04", "asserted"), ("IGO:EU", "IRN", "04", "asserted")}),
    ("antara-after-earlier", "Mereka membahas perundingan itu, menyusul satu pertemuan sebelumnya pada hari yang sama di Kairo antara Presiden Mesir dan Raja Yordania.",
     {("EGY", "JOR", "04", "asserted"), ("JOR", "EGY", "04", "asserted")}),
    ("antara-dengan", "Pertemuan antara Presiden Mesir dengan Raja Yordania berlangsung di Kairo.",
     {("EGY", "JOR", "04", "asserted"), ("JOR", "EGY", "04", "asserted")}),
    # --- a capital after "delegasi dari" names the delegation's country, not a place
    ("origin-capital", "Menteri Luar Negeri AS bertemu dengan satu delegasi dari Teheran.",
     {("USA", "IRN", "04", "asserted")}),
    # --- scare quotes do not close a clause; "saling" makes a joint source reciprocal
    ("scare-quotes-saling", 'India dan Pakistan menandatangani kesepakatan "bersejarah," menegaskan komitmen mereka untuk saling mendukung.',
     {("IND", "PAK", "05", "asserted"), ("PAK", "IND", "05", "asserted"),
      ("IND", "PAK", "03", "future"), ("PAK", "IND", "03", "future")}),
    ("quoted-negation-word", 'India dan Pakistan menandatangani kesepakatan "tanpa syarat," menegaskan komitmen mereka untuk saling mendukung.',
     {("IND", "PAK", "05", "asserted"), ("PAK", "IND", "05", "asserted"),
      ("IND", "PAK", "03", "future"), ("PAK", "IND", "03", "future")}),
    # --- the head of "yang" through a light verb ("yang telah menunjukkan hubungan …")
    ("relative-light-verb", "Kerja sama itu penting bagi Jepang dan Korea Selatan yang telah menunjukkan hubungan yang semakin erat.",
     {("JPN", "KOR", "05", "asserted"), ("KOR", "JPN", "05", "asserted")}),
    # --- a sentence opening with a subjectless verb clause takes the main clause's subject
    ("opening-verb-clause", "Berkunjung ke Hanoi, Selasa, Presiden Prancis memuji kemajuan ekonomi Vietnam.",
     {("FRA", "VNM", "04", "asserted"), ("FRA", "VNM", "05", "asserted")}),
    # --- whoever claims responsibility for an attack is its source
    ("claimed-responsibility", "Kelompok Taliban mengklaim bertanggung jawab atas serangan terhadap pasukan Jerman di Kunduz.",
     {("AFG", "DEU", "01", "asserted"), ("AFG", "DEU", "19", "asserted")}),
    # --- a speaker named after a few nouns ("kata sebuah laporan resmi Inggris")
    ("speaker-after-nouns", "Langkah itu sangat berbahaya, kata sebuah laporan resmi Inggris.",
     {("GBR", None, "01", "asserted")}),
    # --- an organisation after a meeting noun names the meeting, it does not meet anyone
    ("venue-genitive", "Pertemuan BRICS di Kazan berlangsung tiga hari dan dihadiri Tiongkok serta Rusia.",
     set()),
    # --- a rejection does not borrow its target from the sentence before
    ("rejection-no-context-target", "Korea Utara menolak kembali ke meja perundingan.",
     {("PRK", None, "12", "asserted")}),
    ("intent-no-context-target", "Tiongkok menyatakan kesiapannya untuk memperluas pengaruhnya di Asia.",
     {("CHN", None, "03", "future")}),
    ("negated-return-fire", "Militer Israel tidak membalas tembakan dari Lebanon.",
     {("ISR", "LBN", "19", "negated")}),
    # --- the casualties of an attack (", menewaskan …") are its outcome, with its subject
    ("casualties-participle", "Gerilyawan Taliban menyerang konvoi pasukan Inggris di Helmand, menewaskan tiga tentara.",
     {("AFG", "GBR", "19", "asserted")}),
    # --- the actor inside an instrument's gap is the source ("Pesawat tempur Israel menyerang")
    # --- a state's arrest or seizure of people it does not name: a domestic event
    ("domestic-arrest", "Polisi Malaysia menahan tiga tersangka pembobolan bank di Kuala Lumpur.",
     {("MYS", "MYS", "17", "asserted")}),
    ("domestic-arrest-title", "KPK telah menahan mantan Sekretaris Jenderal Kementerian Energi.",
     {("IDN", "IDN", "17", "asserted")}),
    ("foreign-arrest", "Polisi Malaysia menahan tiga warga Indonesia di Kuala Lumpur.",
     {("MYS", "IDN", "17", "asserted")}),
    # --- what a denial denies is not asserted
    ("denial-complement", "Kementerian Pertahanan Rusia menyangkal laporan pesawatnya memasuki wilayah udara Finlandia.",
     {("RUS", None, "01", "asserted")}),
    # --- a temporal clause ("sekembalinya dari …") closes the clause of the act before it; the
    # trip it names is the returning subject's visit
    ("temporal-boundary", "Presiden Prancis mengecam keras kebijakan itu sekembalinya dari kunjungan ke Iran.",
     {("FRA", None, "11", "asserted"), ("FRA", "IRN", "04", "asserted")}),
    # --- relations between a pair improving: the relation noun's "antara" pair is the actor
    ("relation-subject", "Hubungan antara Indonesia dan Australia semakin membaik.",
     {("IDN", "AUS", "05", "asserted"), ("AUS", "IDN", "05", "asserted")}),
    ("relation-subject-gap", "Kerja sama antara Jepang dan India di bidang pertahanan telah mengalami penguatan.",
     {("JPN", "IND", "05", "asserted"), ("IND", "JPN", "05", "asserted")}),
    ("improvement-no-pair", "Ekspor Indonesia menunjukkan peningkatan yang signifikan.", set()),
    # --- "X, termasuk Y dan Z,": the members join the group
    ("inclusion-members", "Negara-negara Barat, termasuk Amerika Serikat dan Inggris, mengecam Iran.",
     {("WST", "IRN", "11", "asserted"), ("USA", "IRN", "11", "asserted"),
      ("GBR", "IRN", "11", "asserted")}),
    # --- a denial takes no same-country actor as its target by default
    ("unilateral-denial", "Presiden Susilo Bambang Yudhoyono membantah tuduhan yang menyebut dirinya mencampuri urusan Presiden terpilih Joko Widodo.",
     {("IDN", None, "01", "asserted")}),
    # --- after a verb of handing over, the recipient is the event noun's target
    ("transfer-recipient", "Pemerintah Filipina menyerahkan usulan perdamaiannya bagi Mindanao kepada Sekretaris Jenderal PBB.",
     {("PHL", "IGO:UN", "03", "future")}),
    # --- an intent-coded act after "telah berhasil" has happened: the realized code
    ("realized-intent", "Indonesia dan Malaysia telah berhasil memperkuat kerja sama di bidang maritim.",
     {("IDN", "MYS", "05", "asserted"), ("MYS", "IDN", "05", "asserted")}),
    ("planned-intent", "Indonesia dan Malaysia akan memperkuat kerja sama di bidang maritim.",
     {("IDN", "MYS", "03", "future"), ("MYS", "IDN", "03", "future")}),
    # --- an unnamed envoy "dari <capital>" is that country, and joins a pair across "dan satu"
    ("origin-envoy-pair", "Pembicaraan antara Menteri Luar Negeri Jepang dan satu delegasi dari Beijing berlangsung di Tokyo.",
     {("JPN", "CHN", "04", "asserted"), ("CHN", "JPN", "04", "asserted")}),
    # --- a name in apposition at the end of a "yang" aside belongs to the aside
    ("aside-apposition", "Menteri Pertahanan AS, yang juga melakukan pembicaraan dengan panglima militer Yordania, Jenderal Yousef Huneiti, akan mengunjungi Mesir dan Israel.",
     {("USA", "JOR", "04", "asserted"), ("USA", "EGY", "03", "future"), ("USA", "ISR", "03", "future")}),
    # --- a speaker named mid-sentence before "bahwa" speaks what follows
    ("speaker-before-bahwa", "Perdana Menteri Irak menunjukkan kemajuan, kata Presiden AS hari Jumat, bahwa upaya tersebut telah mencapai sukses besar.",
     {("USA", "IRQ", "01", "asserted")}),
    # --- coordinated event nouns share the first one's target
    ("coordinated-nouns", "Pernyataan Presiden Tiongkok menegaskan tekad untuk mendukung Rusia, terutama dalam menghadapi sanksi ekonomi dan isolasi diplomatik yang terus diberlakukan oleh negara-negara Barat.",
     {("WST", "RUS", "16", "asserted")}),
    # --- an event noun predicated by an evaluation verb: the evaluator judges the evaluated
    ("evaluation-verb", "Pemerintah Malaysia menganggap langkah Singapura itu sebuah provokasi.",
     {("MYS", "SGP", "11", "asserted")}),
    # --- a country name after "bahasa" is a language, not an actor
    ("language-not-actor", "Xinjiang adalah tempat tinggal warga Uighur yang berbahasa Turki, dan Tiongkok mengecam kelompok separatis di wilayah itu.",
     {("CHN", "---", "11", "asserted")}),
    # --- a time word after the trigger ("pekan depan", "mendatang") puts the act ahead
    ("future-after", "Perdana Menteri Jepang berkunjung ke Jakarta pekan depan.",
     {("JPN", "IDN", "03", "future")}),
    ("past-after", "Perdana Menteri Jepang berkunjung ke Jakarta pekan lalu.",
     {("JPN", "IDN", "04", "asserted")}),
    # --- a relative clause on a plural thing ("negara-negara yang bergabung") has no actor subject
    ("relative-on-plural-thing", "Rusia menuntut AS menarik pasukannya dari negara-negara yang bergabung dengan NATO.",
     {("RUS", "USA", "10", "asserted")}),
    # --- an actor inside a sentence-opening adverbial is not the main clause's subject
    ("fronted-adverbial-actor", "Pada awal konferensi London bulan lalu, para duta besar menolak rencana itu.", set()),
    ("opening-clause-object", "Berbicara di hadapan Kabinet, sang perdana menteri menyalahkan Jerman dan Austria.", set()),
    # --- a city after an agreement noun names the agreement
    ("agreement-named-by-city", "Perjanjian London membagi wilayah Albania di antara para sekutu Balkan.", set()),
    # --- a currency ("dolar AS") is not an actor
    ("currency-not-actor", "Jepang menghibahkan 1 juta dolar AS untuk Indonesia.",
     {("JPN", "IDN", "07", "asserted")}),
    ("currency-not-target", "Indonesia meminta perpanjangan masa pinjaman senilai 7,5 juta dolar AS kepada Bank Pembangunan Asia.",
     {("IDN", "IGO:ADB", "02", "asserted")}),
    # --- a planned visit takes the country of the place visited
    ("planned-visit-place", "Menteri Keuangan Jepang akan berkunjung ke Jakarta.",
     {("JPN", "IDN", "03", "future")}),
    # --- ", ingin agar X …," is an aside: X is not the subject
    ("purpose-aside", "Kelompok itu, ingin agar Presiden Venezuela mundur, mengecam kebijakan pemerintah.", set()),
    # --- the partners after "dengan" are no joint source (only an "antara" pair is)
    ("dengan-partners-not-pair", "Kerja sama dengan Jepang, China dan Korea Selatan terus meningkat.", set()),
    # --- damage done by an attack already coded is its outcome
    ("damage-outcome", "Satu serangan lain Israel kemudian menghancurkan satu pusat perdagangan di kota Rafah, Gaza selatan dan mencederai tiga orang.",
     {("ISR", "PSE", "19", "asserted")}),
    # --- "yang dicurigai …" describes; it is no one's accusation
    ("relative-passive-attribute", "Belum ada konfirmasi atas tewasnya orang-orang yang dicurigai anggota Al-Qaeda, kata Perdana Menteri Ethiopia.", set()),
    # --- bare passive: the agent right after the verb; its complement is no event of its own
    ("bare-passive-agent", "Iran telah lama dituduh Amerika Serikat mendukung kelompok bersenjata.",
     {("USA", "IRN", "11", "asserted")}),
    ("bare-passive-agent-spokesman", "Tuduhan itu dibantah juru bicara Kementerian Luar Negeri China.",
     {("CHN", None, "01", "asserted")}),
    # --- "antara X dengan <nouns> Y"; a mention sharing the trigger's last word is its genitive
    ("antara-dengan-nouns", "Pertempuran antara Israel dengan gerakan Islam Hamas berlanjut.",
     {("ISR", "PSE", "19", "asserted"), ("PSE", "ISR", "19", "asserted")}),
    ("genitive-overlap", "Operasi militer Israel ke Gaza telah merenggut lebih dari 2.100 nyawa.",
     {("ISR", "PSE", "19", "asserted")}),
    ("air-strikes-noun", "Gempuran udara Israel ke Gaza terus berlanjut.",
     {("ISR", "PSE", "19", "asserted")}),
    # --- a full adverbial clause ("setelah X V …,") holds no subject for the main clause
    ("adverbial-clause-actor", "Berbicara di Kabinet tak lama setelah pasukan Jerman menyeberangi batas, sang perdana menteri menyalahkan Austria.", set()),
    # a visit noun's place comes before a later actor of the next clause
    ("visit-place-first", "Setelah memulai kunjungannya di Lebanon, Menlu Prancis pada Selasa melakukan pembicaraan dengan Arab Saudi.",
     {("FRA", "LBN", "04", "asserted"), ("FRA", "SAU", "04", "asserted")}),
    # civilians or journalists after a violent noun undergo it; they are not its agent
    ("patient-genitive", "Penculikan warga sipil Jepang oleh Korea Utara masih menjadi masalah besar.",
     {("PRK", "JPN", "18", "asserted")}),
    ("patient-genitive-killing", "Pembunuhan wartawan Rusia oleh tentara Ukraina memicu kemarahan.",
     {("UKR", "RUS", "18", "asserted")}),
    # (the detainer, the one criticised, is not found; the detainees are never the agent)
    ("patient-genitive-no-agent", "Departemen imigrasi Australia dikritik atas penahanan warga Inggris.",
     set()),
    # "X harus/mesti V" in someone's statement: the speaker's appeal to X; V has not happened
    ("obligation-attribution", "Israel harus menghentikan serangan terhadap Gaza, kata Menlu Indonesia.",
     {("IDN", "ISR", "02", "asserted")}),
    ("obligation-reporting-verb", "Menlu Indonesia mengatakan, Israel harus menghentikan serangan terhadap Gaza.",
     {("IDN", "ISR", "02", "asserted")}),
    # arrival verbs take the country of the place (weak: no place country, no event)
    ("arrival-place", "Menlu AS Condoleezza Rice tiba di Jakarta, Senin, untuk kunjungan dua hari.",
     {("USA", "IDN", "04", "asserted")}),
    ("arrival-no-country", "Rombongan Menlu AS itu tiba di bandara pukul 10.00.", set()),
    # an actor phrase begun by the trigger's last words is its object
    ("summon-envoy-genitive", "Pemerintah Jepang memanggil duta besar China untuk memprotes insiden tersebut.",
     {("JPN", "CHN", "11", "asserted")}),
    ("expel-envoy-genitive", "Presiden Venezuela Hugo Chavez mengusir duta besar AS dari Caracas.",
     {("VEN", "USA", "16", "asserted")}),
    # the subject's own forces inside the trigger are moved, the frame names the target
    ("withdraw-own-forces", "Australia menarik pasukannya dari Irak.",
     {("AUS", "IRQ", "08", "asserted")}),
    # a negation word that is part of the trigger ("pesawat tak berawak") negates nothing
    ("drone-not-negated", "Ribuan warga Pakistan berunjuk rasa menentang serangan pesawat tak berawak AS.",
     {("PAK", "USA", "14", "asserted"), ("USA", "PAK", "19", "asserted")}),
    # a speech-act noun after a copula, with a closing attribution: the speaker's evaluation of
    # the actor in the subject (none named: no target, not a fallback one)
    ("copula-evaluation", "Tindakan Israel merupakan pelanggaran hukum internasional, kata Menlu Indonesia.",
     {("IDN", "ISR", "12", "asserted")}),
    ("copula-evaluation-no-target", "Ini adalah provokasi rendahan, kata Menlu Rusia.",
     {("RUS", None, "11", "asserted")}),
    # a speaker's evaluation of what precedes it: not an actor inside its prepositional phrase;
    # the comment is asserted, its content is about the future
    ("speaker-evaluation-no-pp-target", "Aksi militer terhadap Iran akan sangat berbahaya, kata sebuah laporan independen Inggris.",
     {("GBR", None, "01", "asserted")}),
    ("speaker-evaluation-subject-target", "Perdana Menteri Irak di bawah tekanan berat menunjukkan kemajuan, kata Bush, bahwa upaya tersebut telah mencapai sukses besar.",
     {("USA", "IRQ", "01", "asserted")}),
    # a relative clause on a document speaks for its issuer
    ("document-issuer", "Dewan Keamanan PBB mengeluarkan resolusi yang mengecam uji coba nuklir Korea Utara.",
     {("IGO:UN", "PRK", "11", "asserted")}),
    ("law-issuer-sanctions", "Presiden Bush menandatangani undang-undang yang memberlakukan sanksi baru terhadap Iran.",
     {("USA", "IRN", "16", "asserted")}),
    # "tidak" + an intent entry beginning with "akan" is "tidak akan": a refusal of talks
    ("refuse-talks-intent-entry", "Perdana Menteri Israel Ehud Olmert mengatakan Israel tidak akan berunding dengan Hamas.",
     {("ISR", "PSE", "12", "asserted")}),
    # a hostile act in a copula's predicate characterises the subject: with a speaker, the
    # speaker's accusation; without one, no event; a relative clause's act is still an act
    ("characterised-accusation", "Suriah merupakan pemasok utama senjata bagi Hizbullah untuk menyerang Israel, kata pejabat Israel.",
     {("ISR", "SYR", "11", "asserted")}),
    ("characterised-no-speaker", "Suriah merupakan pemasok utama senjata bagi Hizbullah untuk menyerang Israel.", set()),
    # a passive accusation with its agent inside the gapped trigger ("dituduh oleh X …")
    ("passive-agent-in-gap", "Rusia dituduh oleh Ukraina melanggar gencatan senjata.",
     {("UKR", "RUS", "11", "asserted")}),
    ("bare-passive-agent-in-gap", "Rusia dituduh Ukraina melanggar gencatan senjata.",
     {("UKR", "RUS", "11", "asserted")}),
    # a mutual accusation; what is alleged right after it is not asserted
    ("mutual-accusation", "India dan Pakistan saling tuduh melanggar gencatan senjata di Kashmir.",
     {("IND", "PAK", "11", "asserted"), ("PAK", "IND", "11", "asserted")}),
    # sports talk is no political event (GUIDE rule 1); "Liga Arab" is no sport; police action
    # around a match stays an event
    ("sport-meeting", "Benzema tampil ciamik saat Madrid bersua Galatasaray di matchday 4 Liga Champions.", set()),
    ("sport-team-meeting", "Tim Indonesia bertemu dengan tim China di semifinal turnamen itu.", set()),
    ("arab-league-not-sport", "Liga Arab menyatakan bersedia mempertimbangkan untuk mengakui Israel.",
     {("IGO:ARL", "ISR", "03", "future")}),
    ("sport-arrest-stays", "Polisi Inggris menangkap puluhan suporter Rusia setelah pertandingan.",
     {("GBR", "RUS", "17", "asserted")}),
    # a meeting talks about its topic: the topic verb is no second act of the meeting's genitive
    ("meeting-topic-verb", "Pertemuan Presiden Jokowi dengan PM Malaysia membahas perbatasan.",
     {("IDN", "MYS", "04", "asserted")}),
    # a verb coordinated after a ber- verb's object shares its subject
    ("shared-subject-after-ber-verb", "Presiden Jokowi bertemu PM Malaysia dan membahas perbatasan.",
     {("IDN", "MYS", "04", "asserted")}),
    # an intent trigger ending in its complementizer governs its complement ("sepakat untuk")
    ("intent-trigger-with-complementizer", "Korea Selatan dan Jepang sepakat untuk memulihkan hubungan diplomatik.",
     {("KOR", "JPN", "03", "future"), ("JPN", "KOR", "03", "future")}),
    # "di kota Halle, Jerman": a place, not a domestic target
    ("place-apposition-after-place-noun", "Kunjungan Merkel dilakukan usai serangan di kota Halle, Jerman.",
     {("DEU", None, "04", "asserted")}),
    # an event noun that "will take place" lies ahead; one that "will be answered" does not
    ("noun-will-take-place", "Kunjungan Presiden Prancis ke Indonesia akan berlangsung di Jakarta.",
     {("FRA", "IDN", "03", "future")}),
    # calling X the mastermind is an accusation; not accepting an accusation is a denial
    ("mastermind-accusation", "Pakistan menyebut India sebagai dalang serangan itu.",
     {("PAK", "IND", "11", "asserted")}),
    ("denial-not-accepting-accusation", "Iran tidak terima dengan tuduhan Amerika Serikat.",
     {("IRN", "USA", "01", "asserted")}),
    ("weapons-demonstration", "Angkatan Laut AS mendemonstrasikan senjata laser.",
     {("USA", None, "15", "asserted")}),
    # "dengan mediasi Qatar": the mediator is not the agreement's target
    ("mediator-not-target", "Hamas dan Israel menyepakati pertukaran tahanan dengan mediasi Qatar.",
     {("PSE", "ISR", "05", "asserted"), ("ISR", "PSE", "05", "asserted"),
      ("QAT", "PSE", "04", "asserted"), ("QAT", "ISR", "04", "asserted")}),
    # what is refused is not an event
    ("refused-act-not-coded", "AS menolak bergabung dengan Dewan HAM PBB.",
     {("USA", "IGO:UN", "12", "asserted")}),
    # the pair inside a symmetric relation noun is its actor, not the one who speaks of it
    ("relation-inside-pair", "Xi juga menyoroti kerja sama kedua negara yang semakin erat.",
     {("CHN", "RUS", "05", "asserted"), ("RUS", "CHN", "05", "asserted")}),
    # a commitment to nobody in particular is no interaction ('berkomitmen' is weak)
    ("commitment-no-partner", "Tiongkok dan Rusia tetap berkomitmen untuk memperluas pengaruh mereka di dunia.", set()),
    ("commitment-partner", "Jepang berkomitmen untuk memberikan bantuan kepada Indonesia.",
     {("JPN", "IDN", "03", "future")}),
    # attending an organisation's summit in a country: the host country is a target too
    ("attend-summit-host", "Presiden Joko Widodo menghadiri KTT ASEAN di Kuala Lumpur.",
     {("IDN", "IGO:ASEAN", "04", "asserted"), ("IDN", "MYS", "04", "asserted")}),
    ("attend-summit-no-place", "Presiden Joko Widodo menghadiri KTT G20.",
     {("IDN", "IGO:G20", "04", "asserted")}),
    # "di bawah kepemimpinan NATO": who commands is a participant, not a place
    ("under-command-participant", "Pemerintah Slowakia memberi lampu hijau untuk memindahkan pasukannya ke Kandahar, di bawah kepemimpinan NATO.",
     {("SVK", "IGO:NATO", "03", "future")}),
    # a decision or wish not to act, or reluctance, is a refusal too
    ("refuse-decided-not-to-join", "AS memutuskan untuk tidak bergabung dengan Dewan HAM PBB.",
     {("USA", "IGO:UN", "12", "asserted")}),
    ("refuse-reluctant-talks", "Korea Utara enggan berunding dengan Korea Selatan.",
     {("PRK", "KOR", "12", "asserted")}),
    ("refuse-not-wanting-meeting", "Iran tidak ingin bertemu dengan utusan AS.",
     {("IRN", "USA", "12", "asserted")}),
    # "antara X dan Y" is the actor pair only of a symmetric act; a host's guests are its target
    ("host-talks-antara", "Mesir menjadi tuan rumah pembicaraan antara Israel dan Palestina.",
     {("EGY", "ISR", "04", "asserted"), ("EGY", "PSE", "04", "asserted"),
      ("ISR", "PSE", "04", "asserted"), ("PSE", "ISR", "04", "asserted")}),
    # a cue word with a demonstrative is a noun phrase ("rencana tersebut"), not a modal cue
    ("cue-noun-phrase", "Rencana tersebut ditolak oleh Iran.", {("IRN", None, "12", "asserted")}),
    # the agent after a main verb is the verb's ("Serangan itu dikecam oleh …"); a relative
    # clause's agent is still the noun's
    ("noun-agent-not-across-verb", "Serangan itu dikecam oleh Sekjen PBB Ban Ki-moon.",
     {("IGO:UN", None, "11", "asserted")}),
    ("noun-agent-relative", "Serangan yang dilakukan oleh Israel menewaskan 10 orang.",
     {("ISR", None, "19", "asserted")}),
    # an event noun in a circumstance phrase that retells the act before it is not a new event
    ("circumstance-retold", "Perdana Menteri Inggris Tony Blair tiba di Baghdad dalam kunjungan yang tidak diumumkan sebelumnya.",
     {("GBR", "IRQ", "04", "asserted")}),
    # "dari" + a bare country after a violent noun is where the fire came from, not who fired
    ("rocket-origin-not-agent", "Sabtu malam, tembakan roket dari Libanon menghantam Israel utara.", set()),
    ("rocket-agent-forces", "Serangan roket dari pasukan Suriah menghantam Israel utara.",
     {("SYR", "ISR", "19", "asserted")}),
    # what a threat threatens is its content, not a second (planned) event
    ("threat-complement", "Korea Utara mengancam akan melakukan uji coba nuklir kedua.",
     {("PRK", None, "13", "asserted")}),
    # fighting terrorism is a policy, not a fight with a state
    ("counter-terrorism-not-force", "Presiden Bush memuji langkah Pakistan dalam memerangi terorisme.",
     {("USA", "PAK", "05", "asserted")}),
    # an event noun in the closing attribution's circumstance is where it was said
    ("speech-setting", "Jepang mengecam Korea Utara, kata Menlu Jepang dalam pertemuan di Beijing dengan Menlu AS.",
     {("JPN", "PRK", "11", "asserted")}),
    # an obligation voiced by nobody identifiable is no event (and the act has not happened)
    ("obligation-unknown-speaker", "AS harus menarik pasukannya dari Irak, kata seorang pemimpin agama.", set()),
    # ", katanya": the speaker is the clitic's own resolution from the context
    ("obligation-attribution-clitic", "Israel mesti mengakhiri pendudukan, katanya.",
     {("JOR", "ISR", "02", "asserted")}),
    # the country after "di <place>," is where, not whom; two actors of one country agreeing
    # with each other are reciprocal (a domestic pair)
    ("place-apposition-reciprocal", "Presiden Palestina Mahmoud Abbas dan pemimpin Hamas menyepakati persekutuan di Makkah, Arab Saudi, awal bulan ini.",
     {("PSE", "PSE", "05", "asserted")}),
    # a state's coercive act on a (hyphenated) non-actor object is domestic, before any actor
    # earlier in the sentence
    ("domestic-object-first", "Meski ditentang Amerika Serikat, tentara Jepang menyita foto-foto itu.",
     {("JPN", "JPN", "17", "asserted"), ("USA", "JPN", "11", "asserted")}),
    ("domestic-object-hyphen", "Di tengah kecaman Washington, Presiden Venezuela menasionalisasi perusahaan-perusahaan minyak.",
     {("VEN", "VEN", "17", "asserted")}),
    # "berdasarkan …" (based on) opens a phrase: no subject before it for what it contains
    ("berdasarkan-boundary", "Partai yang berkuasa di Jepang menyetujui pengiriman personil ke Nepal untuk ikut dalam misi pengamat militer PBB, berdasarkan peraturan untuk bekerjasama dengan operasi perdamaian PBB.",
     set()),
    # refugees or civilians travelling make no political visit; their origin is theirs
    ("private-travellers", "Lebih dari 100 ribu pengungsi asal Korea Utara akan terbang ke Jepang.", set()),
    ("official-travel", "Presiden Korea Utara akan terbang ke Jepang.", {("PRK", "JPN", "03", "future")}),
    ("informal-ketemu", "Menteri Keuangan Indonesia bakal ketemu dengan Presiden Bank Dunia.",
     {("IDN", "IGO:WBK", "03", "future")}),
    # "di-V-nya" with no agent phrase: the clitic is the agent; an annexed place's country is
    # the target
    ("clitic-agent-annexed-place", "Para analis mengecam tindakan Rusia di Krimea, yang dicaploknya pada tahun 2014.",
     {("RUS", "UKR", "19", "asserted")}),
    # kidnappers and hijackers are armed non-state actors, of the place where they act (not of
    # the place they go to)
    ("kidnappers-located", "Para penculik menyandera dua warga Jerman di Irak.",
     {("IRQ", "DEU", "18", "asserted")}),
    ("hijacker-destination", "Dengan bersenjatakan dua pistol, pembajak itu memaksa pilot membelokkan pesawat Air Mauritania itu ke Paris.",
     set()),
    ("light-verb-memasuki", "Pemerintah Jerman setelah itu memasuki tahap perundingan dengan Taliban.",
     {("DEU", "AFG", "04", "asserted")}),
    # a trip noun after "kembali/sepulang(nya) … dari" is the returning traveller's
    ("returning-traveller", "Menlu Retno Marsudi, yang baru kembali dari kunjungan ke Jepang, mengecam Israel.",
     {("IDN", "ISR", "11", "asserted"), ("IDN", "JPN", "04", "asserted")}),
    ("returning-traveller-opening", "Sepulangnya dari lawatan ke Malaysia dan Filipina, Presiden Indonesia menggelar rapat kabinet.",
     {("IDN", "MYS", "04", "asserted"), ("IDN", "PHL", "04", "asserted")}),
    ("agree-treaty-terms", "Tiongkok kalah dan pada tahun 1842 menyetujui ketentuan Perjanjian Nanking.",
     {("CHN", None, "05", "asserted")}),
    # a court or judge is of the place it sits in; its sentence on unnamed people is domestic
    ("located-judge", "Hakim di Sao Paulo menuntut dia untuk memperlihatkan bisa membaca.",
     {("BRA", None, "10", "asserted")}),
    ("located-legislators", "Para anggota parlemen di Lebanon menuduh Damaskus menghalangi penyelidikan.",
     {("LBN", "SYR", "11", "asserted")}),
    ("court-sentence-domestic", "Bulan ini satu pengadilan di Xinjiang menghukum penjara 25 orang karena terlibat aksi teror.",
     {("CHN", "CHN", "11", "asserted")}),
    # a date between coordinated actors does not split them
    ("coordination-across-dates", "PM Jepang juga akan berkunjung ke India 21-23 Agustus dan Malaysia 23-25 Agustus.",
     {("JPN", "IND", "03", "future"), ("JPN", "MYS", "03", "future")}),
    ("instrument-owner", "Pesawat-pesawat tempur Israel menyerang Jalur Gaza pada Senin, menewaskan 12 orang.",
     {("ISR", "PSE", "19", "asserted")}),
]
CONTEXT = {"coref-ia": "Presiden Tiongkok Xi Jinping berpidato di Beijing, Rabu.",
           "rejection-no-context-target": "Amerika Serikat mengusulkan perundingan baru dengan Pyongyang.",
           "intent-no-context-target": "Amerika Serikat mengecam Rusia.",
           "relation-inside-pair": "Xi Jinping dan Vladimir Putin berbicara melalui telepon.",
           "target-from-context": "Israel memasang perintang-perintang di Tepi Barat.",
           "obligation-attribution-clitic": "Raja Yordania Abdullah berbicara di Amman."}


@pytest.mark.parametrize("name,text,expected", ROWS, ids=[r[0] for r in ROWS])
def test_construction(coder: Coder, name: str, text: str, expected: set) -> None:
    rec = {"id": name, "text": text, "context": CONTEXT.get(name, ""), "published": "2024-10-02"}
    got = mode_triples(code_record(coder, rec))
    assert got == expected


def test_evidence_offsets_point_at_the_trigger(coder: Coder) -> None:
    text = "Jakarta - Pemerintah Indonesia mengecam Israel atas serangan di Gaza."
    coded = coder.code_text(text, "2024-10-02")
    ev = next(e for e in coded.events if e.root == "11")
    assert text[ev.evidence.trigger_start : ev.evidence.trigger_end] == ev.trigger
    assert text[ev.evidence.sentence_start : ev.evidence.sentence_end] == ev.evidence.sentence_text
    assert ev.evidence.article_id == coded.article.id
    assert ev.explanation["entry"] and ev.explanation["source_rule"]
    assert 0 < ev.confidence <= 1


@pytest.mark.parametrize(("text", "code"), [
    ("Mesir menyerukan Israel untuk memulai kembali perundingan dengan Palestina.", "026"),
    ("Uni Eropa meminta Rusia untuk menarik pasukan dari perbatasan.", "0256"),
    ("Mesir menyerukan Israel dan Hamas.", "020"),
    ("Iran bersedia membuka dialog dengan Amerika Serikat.", "036"),
    ("Jepang siap memberikan bantuan kepada Indonesia.", "033"),
])
def test_subcode_from_complement(coder: Coder, text: str, code: str) -> None:
    """An appeal (02) or intent (03) at its generic code takes the sub-code its complement
    implies."""
    evs = code_record(coder, {"id": "x", "text": text, "published": "2024-10-02"})
    assert [e.cameo for e in evs if e.root == code[:2]] == [code]


def test_received_call_is_phone_discussion(coder: Coder) -> None:
    text = "Presiden Bush menerima telepon dari Presiden Rusia Vladimir Putin."
    evs = code_record(coder, {"id": "x", "text": text, "published": "2007-03-01"})
    assert [(e.cameo, {a.code for a in e.target}) for e in evs] == [("041", {"RUS"})]


@pytest.mark.parametrize(("text", "codes"), [
    # a clause boundary or a coordinated VP with its own object: two events of one root
    ("Menlu Jepang, yang berkunjung ke Teheran, menyampaikan pesan itu ketika pejabat Jepang itu "
     "bertemu dengan Menteri Luar Negeri Iran.", ["040", "042"]),
    ("Presiden Amerika Serikat mengadakan perundingan dengan Menteri Luar Negeri Sudan dan "
     "mengunjungi Khartoum.", ["042", "046"]),
    ("Rusia menghadapi sanksi ekonomi dan isolasi diplomatik yang diberlakukan oleh negara-negara "
     "Barat.", ["161", "163"]),
    # one code's coordinated predicates, and a trigger inside another's phrase: one event
    ("Presiden Prancis dan Kanselir Jerman bertemu dan makan malam di Berlin.", ["040"]),
    ("Artileri Israel membom posisi-posisi militer Suriah.", ["195"]),
])
def test_separate_acts_of_one_root(coder: Coder, text: str, codes: list[str]) -> None:
    """GUIDE: several events in one sentence are listed separately, also when they share a root."""
    evs = code_record(coder, {"id": "x", "text": text, "published": "2024-10-02"})
    assert sorted(e.cameo for e in evs) == codes


@pytest.mark.parametrize(("text", "code"), [
    ("Berkumpul dalam dunia maya pada hari Rabu, Presiden Tiongkok dan Presiden Rusia menyoroti "
     "kerja sama bilateral.", "041"),
    ("Presiden Indonesia bertemu secara virtual dengan Perdana Menteri Jepang.", "041"),
    ("Presiden Indonesia bertemu dengan Perdana Menteri Jepang di Tokyo.", "040"),
])
def test_virtual_meeting_is_remote_discussion(coder: Coder, text: str, code: str) -> None:
    """A meeting held remotely is CAMEO 041 (discuss by telephone), not a meeting in person."""
    evs = code_record(coder, {"id": "x", "text": text, "published": "2024-10-02"})
    assert {e.cameo for e in evs if e.root == "04"} == {code}


@pytest.mark.parametrize(("text", "code"), [
    ("Pesawat-pesawat tempur Israel melancarkan 16 serangan terhadap Gaza.", "195"),
    ("Pasukan Israel menyerang Gaza.", "190"),
])
def test_force_by_aircraft_is_aerial(coder: Coder, text: str, code: str) -> None:
    """Force whose actor phrase names aircraft is CAMEO 195 (aerial weapons)."""
    evs = code_record(coder, {"id": "x", "text": text, "published": "2024-10-02"})
    assert [e.cameo for e in evs if e.root == "19"] == [code]
