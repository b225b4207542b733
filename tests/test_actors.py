"""Table-driven tests of the actor resolver: names, titles, metonyms, nicknames, tenure by date."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.actors import ActorResolver

ANY = "*"

# (sentence, article date or None, expected mention text, code, role or ANY or None)
CASES: list[tuple[str, str | None, str, str, str | None]] = [
    # --- compound title + country + person -------------------------------------------------
    ("Presiden Tiongkok Xi Jinping bertemu Presiden Rusia Vladimir Putin di Kazan.", "2024-10-23", "Presiden Tiongkok Xi Jinping", "CHN", "GOV"),
    ("Presiden Tiongkok Xi Jinping bertemu Presiden Rusia Vladimir Putin di Kazan.", "2024-10-23", "Presiden Rusia Vladimir Putin", "RUS", "GOV"),
    ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta.", "2023-07-12", "Menteri Luar Negeri Rusia Sergei Lavrov", "RUS", "GOV"),
    ("Menlu Rusia Sergei Lavrov tiba di Jakarta.", "2023-07-12", "Menlu Rusia Sergei Lavrov", "RUS", "GOV"),
    ("Menlu Rusia Sergeyevich Lavrovski tiba di Jakarta.", "2023-07-12", "Menlu Rusia Sergeyevich Lavrovski", "RUS", "GOV"),
    ("Menteri Luar Negeri Filipina Enrique Manalo menelepon.", "2023-07-12", "Menteri Luar Negeri Filipina Enrique Manalo", "PHL", "GOV"),
    ("Menhan AS Lloyd Austin berkunjung.", "2022-01-05", "Menhan AS Lloyd Austin", "USA", "GOV"),
    ("Perdana Menteri Jepang Fumio Kishida berbicara.", "2023-01-05", "Perdana Menteri Jepang Fumio Kishida", "JPN", "GOV"),
    ("PM India Narendra Modi berpidato.", "2023-01-05", "PM India Narendra Modi", "IND", "GOV"),
    ("Kanselir Jerman Olaf Scholz menolak.", "2023-01-05", "Kanselir Jerman Olaf Scholz", "DEU", "GOV"),
    ("Raja Yordania Abdullah II menerima tamu.", "2020-01-05", "Raja Yordania Abdullah II", "JOR", "GOV"),
    ("Presiden C. Ramaphosa menyambut.", "2022-01-05", "Presiden C. Ramaphosa", "ZAF", "GOV"),
    ("Presiden Afrika Selatan Cyril Ramaphosa menyambut.", "2022-01-05", "Presiden Afrika Selatan Cyril Ramaphosa", "ZAF", "GOV"),
    ("Duta Besar Tiongkok untuk Indonesia datang.", "2022-01-05", "Duta Besar Tiongkok", "CHN", "GOV"),
    ("Dubes AS Sung Kim bertemu.", "2022-01-05", "Dubes AS Sung Kim", "USA", "GOV"),
    ("juru bicara Kemlu Tiongkok Mao Ning mengatakan.", "2024-01-05", "juru bicara Kemlu Tiongkok Mao Ning", "CHN", "GOV"),
    ("Juru bicara Kremlin Dmitry Peskov mengatakan.", "2024-01-05", "Juru bicara Kremlin Dmitry Peskov", "RUS", "GOV"),
    ("Wakil Presiden AS Kamala Harris tiba.", "2023-01-05", "Wakil Presiden AS Kamala Harris", "USA", "GOV"),
    ("Sekjen PBB Antonio Guterres mengecam.", "2023-01-05", "Sekjen PBB Antonio Guterres", "IGO:UN", "GOV"),
    ("Sekretaris Jenderal NATO Jens Stoltenberg berkata.", "2022-01-05", "Sekretaris Jenderal NATO Jens Stoltenberg", "IGO:NATO", "GOV"),
    ("Menteri Pertahanan Israel Yoav Gallant memerintahkan.", "2023-10-10", "Menteri Pertahanan Israel Yoav Gallant", "ISR", "GOV"),
    ("Presiden Prancis Emmanuel Macron menelepon.", "2022-01-05", "Presiden Prancis Emmanuel Macron", "FRA", "GOV"),
    ("Perdana Menteri Malaysia Anwar Ibrahim berkunjung.", "2023-01-09", "Perdana Menteri Malaysia Anwar Ibrahim", "MYS", "GOV"),
    ("Presiden Ukraina Volodymyr Zelensky meminta.", "2022-03-01", "Presiden Ukraina Volodymyr Zelensky", "UKR", "GOV"),
    ("Presiden Turki Recep Tayyip Erdogan menawarkan.", "2022-03-01", "Presiden Turki Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Presiden Korea Selatan Yoon Suk Yeol berbicara.", "2023-03-01", "Presiden Korea Selatan Yoon Suk Yeol", "KOR", "GOV"),
    ("Pemimpin Korea Utara Kim Jong Un menyaksikan.", "2023-03-01", "Pemimpin Korea Utara Kim Jong Un", "PRK", ANY),
    ("Menlu RI Retno Marsudi menegaskan.", "2020-03-01", "Menlu RI Retno Marsudi", "IDN", "GOV"),
    ("Menteri Luar Negeri Sugiono bertemu.", "2025-03-01", "Menteri Luar Negeri Sugiono", "IDN", "GOV"),
    ("Menhan Prabowo Subianto bertemu.", "2021-03-01", "Menhan Prabowo Subianto", "IDN", "GOV"),
    ("Kapolri Listyo Sigit Prabowo mengatakan.", "2021-03-01", "Kapolri Listyo Sigit Prabowo", "IDN", "COP"),
    ("Panglima TNI menginstruksikan.", "2021-03-01", "Panglima TNI", "IDN", "MIL"),
    ("Menteri Luar Negeri Xavier Quimbo hadir.", "2007-04-01", "Menteri Luar Negeri Xavier Quimbo", "---", "GOV"),
    ("President Joe Biden said.", "2022-03-01", "President Joe Biden", "USA", "GOV"),
    ("Prime Minister Anthony Albanese said.", "2023-03-01", "Prime Minister Anthony Albanese", "AUS", "GOV"),
    ("Foreign Minister Wang Yi said.", "2023-03-01", "Foreign Minister Wang Yi", "CHN", "GOV"),
    ("mantan Perdana Menteri Mari Alkatiri diperiksa.", "2007-04-01", "mantan Perdana Menteri Mari Alkatiri", "TLS", None),
    ("mantan Presiden AS Barack Obama berkomentar.", "2020-04-01", "mantan Presiden AS Barack Obama", "USA", None),
    # --- time-dependent leaders ----------------------------------------------------------------
    ("Paus Fransiskus menemui Presiden Prancis.", "2016-11-15", "Paus Fransiskus", "VAT", "GOV"),
    ("Solana bertemu Larijani.", "2007-04-01", "Solana", "IGO:EU", "GOV"),
    ("Mohamed ElBaradei mengecam Iran.", "2007-04-01", "Mohamed ElBaradei", "IGO:IAEA", "GOV"),
    ("Moussa mengecam Israel.", "2007-04-01", "Moussa", "IGO:ARL", "GOV"),
    ("Putin menandatangani dekret.", "2005-06-01", "Putin", "RUS", "GOV"),
    ("Putin menandatangani dekret.", "2010-06-01", "Putin", "RUS", "GOV"),
    ("Putin menandatangani dekret.", "2025-06-01", "Putin", "RUS", "GOV"),
    ("Vladimir Putin menandatangani dekret.", "2010-06-01", "Vladimir Putin", "RUS", "GOV"),
    ("Jokowi meresmikan bendungan.", "2020-06-01", "Jokowi", "IDN", "GOV"),
    ("Jokowi meresmikan bendungan.", "2026-06-01", "Jokowi", "IDN", None),
    ("Joko Widodo meresmikan bendungan.", "2016-06-01", "Joko Widodo", "IDN", "GOV"),
    ("Joko Widodo meresmikan bendungan.", "2010-06-01", "Joko Widodo", "IDN", None),
    ("Prabowo Subianto menerima tamu.", "2025-06-01", "Prabowo Subianto", "IDN", "GOV"),
    ("Prabowo berpidato.", "2025-06-01", "Prabowo", "IDN", "GOV"),
    ("Susilo Bambang Yudhoyono berpidato.", "2008-06-01", "Susilo Bambang Yudhoyono", "IDN", "GOV"),
    ("SBY berpidato.", "2008-06-01", "SBY", "IDN", "GOV"),
    ("SBY berpidato.", "2020-06-01", "SBY", "IDN", None),
    ("Megawati Soekarnoputri berpidato.", "2003-06-01", "Megawati Soekarnoputri", "IDN", "GOV"),
    ("Donald Trump mengancam.", "2018-06-01", "Donald Trump", "USA", "GOV"),
    ("Donald Trump mengancam.", "2023-06-01", "Donald Trump", "USA", None),
    ("Donald Trump mengancam.", "2025-06-01", "Donald Trump", "USA", "GOV"),
    ("Trump mengancam.", "2025-06-01", "Trump", "USA", "GOV"),
    ("Joe Biden berkunjung.", "2022-06-01", "Joe Biden", "USA", "GOV"),
    ("Biden berkunjung.", "2026-06-01", "Biden", "USA", None),
    ("Barack Obama berkunjung.", "2010-11-09", "Barack Obama", "USA", "GOV"),
    ("Xi Jinping berkunjung.", "2019-06-01", "Xi Jinping", "CHN", "GOV"),
    ("Xi berkunjung.", "2019-06-01", "Xi", "CHN", "GOV"),
    ("Hu Jintao berkunjung.", "2008-06-01", "Hu Jintao", "CHN", "GOV"),
    ("Hu Jintao berkunjung.", "2018-06-01", "Hu Jintao", "CHN", None),
    ("Li Qiang hadir.", "2024-06-01", "Li Qiang", "CHN", "GOV"),
    ("Wang Yi hadir.", "2024-06-01", "Wang Yi", "CHN", "GOV"),
    ("Sergei Lavrov hadir.", "2024-06-01", "Sergei Lavrov", "RUS", "GOV"),
    ("Lavrov hadir.", "2024-06-01", "Lavrov", "RUS", "GOV"),
    ("Dmitry Medvedev hadir.", "2010-06-01", "Dmitry Medvedev", "RUS", "GOV"),
    ("Benjamin Netanyahu menolak.", "2024-06-01", "Benjamin Netanyahu", "ISR", "GOV"),
    ("Netanyahu menolak.", "2022-01-01", "Netanyahu", "ISR", None),
    ("Mahmoud Abbas menolak.", "2024-06-01", "Mahmoud Abbas", "PSE", "GOV"),
    ("Ismail Haniyeh menolak.", "2020-06-01", "Ismail Haniyeh", "PSE", "REB"),
    ("Ismail Haniyeh menolak.", "2006-06-01", "Ismail Haniyeh", "PSE", "GOV"),
    ("Bashar al-Assad menolak.", "2020-06-01", "Bashar al-Assad", "SYR", "GOV"),
    ("Bashar al-Assad menolak.", "2025-06-01", "Bashar al-Assad", "SYR", None),
    ("Ahmed al-Sharaa berpidato.", "2025-06-01", "Ahmed al-Sharaa", "SYR", "GOV"),
    ("Ahmed al-Sharaa berpidato.", "2020-06-01", "Ahmed al-Sharaa", "SYR", "REB"),
    ("Volodymyr Zelenskyy berpidato.", "2024-06-01", "Volodymyr Zelenskyy", "UKR", "GOV"),
    ("Zelensky berpidato.", "2024-06-01", "Zelensky", "UKR", "GOV"),
    ("Recep Tayyip Erdogan berpidato.", "2010-06-01", "Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Angela Merkel berpidato.", "2010-06-01", "Angela Merkel", "DEU", "GOV"),
    ("Angela Merkel berpidato.", "2023-06-01", "Angela Merkel", "DEU", None),
    ("Anthony Albanese berpidato.", "2023-06-01", "Anthony Albanese", "AUS", "GOV"),
    ("Narendra Modi berpidato.", "2023-06-01", "Narendra Modi", "IND", "GOV"),
    ("Kim Jong Un menyaksikan uji coba.", "2023-06-01", "Kim Jong Un", "PRK", "GOV"),
    ("Min Aung Hlaing memimpin.", "2019-06-01", "Min Aung Hlaing", "MMR", "MIL"),
    ("Min Aung Hlaing memimpin.", "2022-06-01", "Min Aung Hlaing", "MMR", "GOV"),
    ("Hun Manet berpidato.", "2024-06-01", "Hun Manet", "KHM", "GOV"),
    ("Xanana Gusmao berpidato.", "2024-06-01", "Xanana Gusmao", "TLS", "GOV"),
    ("Antonio Guterres berpidato.", "2024-06-01", "Antonio Guterres", "IGO:UN", "GOV"),
    ("Ursula von der Leyen berpidato.", "2024-06-01", "Ursula von der Leyen", "IGO:EU", "GOV"),
    ("Mark Rutte berpidato.", "2020-06-01", "Mark Rutte", "NLD", "GOV"),
    ("Mark Rutte berpidato.", "2025-06-01", "Mark Rutte", "IGO:NATO", "GOV"),
    ("Javier Milei berpidato.", "2024-06-01", "Javier Milei", "ARG", "GOV"),
    ("Keir Starmer berpidato.", "2025-06-01", "Keir Starmer", "GBR", "GOV"),
    ("Hibatullah Akhundzada memerintahkan.", "2023-06-01", "Hibatullah Akhundzada", "AFG", "GOV"),
    # --- countries: Indonesian and English names, variants -----------------------------------
    ("Tiongkok mengecam langkah itu.", None, "Tiongkok", "CHN", None),
    ("Cina mengecam langkah itu.", None, "Cina", "CHN", None),
    ("China mengecam langkah itu.", None, "China", "CHN", None),
    ("RRT mengecam langkah itu.", None, "RRT", "CHN", None),
    ("AS menjatuhkan sanksi.", None, "AS", "USA", None),
    ("Amerika Serikat menjatuhkan sanksi.", None, "Amerika Serikat", "USA", None),
    ("Amerika menjatuhkan sanksi.", None, "Amerika", "USA", None),
    ("Inggris memanggil dubes.", None, "Inggris", "GBR", None),
    ("Britania Raya memanggil dubes.", None, "Britania Raya", "GBR", None),
    ("Korea Utara menembakkan rudal.", None, "Korea Utara", "PRK", None),
    ("Korut menembakkan rudal.", None, "Korut", "PRK", None),
    ("Korea Selatan membalas.", None, "Korea Selatan", "KOR", None),
    ("Korsel membalas.", None, "Korsel", "KOR", None),
    ("Arab Saudi menengahi.", None, "Arab Saudi", "SAU", None),
    ("Uni Emirat Arab menengahi.", None, "Uni Emirat Arab", "ARE", None),
    ("UEA menengahi.", None, "UEA", "ARE", None),
    ("Palestina menyambut.", None, "Palestina", "PSE", None),
    ("Taiwan memprotes.", None, "Taiwan", "TWN", None),
    ("Timor Leste bergabung.", None, "Timor Leste", "TLS", None),
    ("Papua Nugini menolak.", None, "Papua Nugini", "PNG", None),
    ("Afrika Selatan menolak.", None, "Afrika Selatan", "ZAF", None),
    ("Selandia Baru menolak.", None, "Selandia Baru", "NZL", None),
    ("Vietnam menolak.", None, "Vietnam", "VNM", None),
    ("Filipina menolak.", None, "Filipina", "PHL", None),
    ("Mesir menengahi.", None, "Mesir", "EGY", None),
    ("Yordania menengahi.", None, "Yordania", "JOR", None),
    ("Suriah menolak.", None, "Suriah", "SYR", None),
    ("Ukraina menolak.", None, "Ukraina", "UKR", None),
    ("Mali menolak.", None, "Mali", "MLI", None),
    ("Kazakhstan menolak.", None, "Kazakhstan", "KAZ", None),
    ("Slovenia menolak.", None, "Slovenia", "SVN", None),
    ("Germany refused.", None, "Germany", "DEU", None),
    ("United States refused.", None, "United States", "USA", None),
    ("Russia refused.", None, "Russia", "RUS", None),
    # --- metonyms and nicknames --------------------------------------------------------------
    ("Beijing membantah tuduhan itu.", None, "Beijing", "CHN", "GOV"),
    ("Kremlin membantah tuduhan itu.", None, "Kremlin", "RUS", "GOV"),
    ("Moskow membantah tuduhan itu.", None, "Moskow", "RUS", "GOV"),
    ("Washington membantah tuduhan itu.", None, "Washington", "USA", "GOV"),
    ("Gedung Putih membantah tuduhan itu.", None, "Gedung Putih", "USA", "GOV"),
    ("Pentagon membantah tuduhan itu.", None, "Pentagon", "USA", "GOV"),
    ("Canberra membantah tuduhan itu.", None, "Canberra", "AUS", "GOV"),
    ("Tel Aviv membantah tuduhan itu.", None, "Tel Aviv", "ISR", "GOV"),
    ("Downing Street membantah tuduhan itu.", None, "Downing Street", "GBR", "GOV"),
    ("Istana Merdeka membantah tuduhan itu.", None, "Istana Merdeka", "IDN", "GOV"),
    ("Teheran membantah tuduhan itu.", None, "Teheran", "IRN", "GOV"),
    # capitals derived from GeoNames + Indonesian exonyms (capitals.tsv): GOV metonyms
    ("Rabat menolak usul itu.", None, "Rabat", "MAR", "GOV"),
    ("Harare mengecam sanksi Barat.", None, "Harare", "ZWE", "GOV"),
    ("Nairobi membantah laporan itu.", None, "Nairobi", "KEN", "GOV"),
    ("Addis Ababa mengirim pasukan.", None, "Addis Ababa", "ETH", "GOV"),
    ("Riyad menyambut baik kesepakatan itu.", None, "Riyad", "SAU", "GOV"),
    ("Pyongyang membantah tuduhan itu.", None, "Pyongyang", "PRK", "GOV"),
    ("Negeri Tirai Bambu membantah.", None, "Negeri Tirai Bambu", "CHN", None),
    ("Negeri Sakura membantah.", None, "Negeri Sakura", "JPN", None),
    ("Negeri Jiran membantah.", None, "Negeri Jiran", "MYS", None),
    ("Negeri Paman Sam membantah.", None, "Negeri Paman Sam", "USA", None),
    ("Paman Sam membantah.", None, "Paman Sam", "USA", None),
    # --- organisations and blocs --------------------------------------------------------------
    ("PBB menyerukan gencatan senjata.", None, "PBB", "IGO:UN", None),
    ("Dewan Keamanan PBB menggelar sidang.", None, "Dewan Keamanan PBB", "IGO:UN", None),
    ("DK PBB menggelar sidang.", None, "DK PBB", "IGO:UN", None),
    ("Majelis Umum PBB mengesahkan resolusi.", None, "Majelis Umum PBB", "IGO:UN", None),
    ("UNHCR membantu pengungsi.", None, "UNHCR", "IGO:UNHCR", None),
    ("UNICEF membantu anak-anak.", None, "UNICEF", "IGO:UNICEF", None),
    ("WHO memperingatkan.", None, "WHO", "IGO:WHO", None),
    ("Organisasi Kesehatan Dunia memperingatkan.", None, "Organisasi Kesehatan Dunia", "IGO:WHO", None),
    ("IAEA memeriksa fasilitas.", None, "IAEA", "IGO:IAEA", None),
    ("NATO memperluas keanggotaan.", None, "NATO", "IGO:NATO", None),
    ("Uni Eropa menjatuhkan sanksi.", None, "Uni Eropa", "IGO:EU", None),
    ("ASEAN menggelar KTT.", None, "ASEAN", "IGO:ASEAN", None),
    ("BRICS menerima anggota baru.", None, "BRICS", "IGO:BRICS", None),
    ("OKI mengutuk serangan.", None, "OKI", "IGO:OIC", None),
    ("Liga Arab mengutuk serangan.", None, "Liga Arab", "IGO:ARL", None),
    ("Uni Afrika mengutuk serangan.", None, "Uni Afrika", "IGO:AU", None),
    ("Organisasi Kerja Sama Shanghai bertemu.", None, "Organisasi Kerja Sama Shanghai", "IGO:SCO", None),
    ("G20 bertemu di Bali.", None, "G20", "IGO:G20", None),
    ("IMF memberi pinjaman.", None, "IMF", "IGO:IMF", None),
    ("Bank Dunia memberi pinjaman.", None, "Bank Dunia", "IGO:WBK", None),
    ("WTO memutuskan sengketa.", None, "WTO", "IGO:WTO", None),
    ("Mahkamah Pidana Internasional mengeluarkan surat perintah.", None, "Mahkamah Pidana Internasional", "IGO:ICC", None),
    ("ICJ mengeluarkan putusan.", None, "ICJ", "IGO:ICJ", None),
    ("Barat menjatuhkan sanksi.", None, "Barat", "WST", None),
    ("negara-negara Barat menjatuhkan sanksi.", None, "negara-negara Barat", "WST", None),
    ("Eropa menjatuhkan sanksi.", None, "Eropa", "EUR", None),
    ("Timur Tengah bergolak.", None, "Timur Tengah", "MEA", None),
    # --- armed / political groups --------------------------------------------------------------
    ("Hamas meluncurkan roket.", None, "Hamas", "PSE", "REB"),
    ("Hizbullah meluncurkan roket.", None, "Hizbullah", "LBN", "REB"),
    ("Taliban menyerang pos polisi.", "2010-01-01", "Taliban", "AFG", "REB"),
    ("Taliban melarang perempuan bersekolah.", "2023-01-01", "Taliban", "AFG", "GOV"),
    ("ISIS mengaku bertanggung jawab.", None, "ISIS", "---", "REB"),
    ("Houthi menyerang kapal.", None, "Houthi", "YEM", "REB"),
    ("KKB menembak pekerja.", None, "KKB", "IDN", "REB"),
    ("OPM menembak pekerja.", None, "OPM", "IDN", "REB"),
    ("GAM menandatangani perjanjian.", None, "GAM", "IDN", "REB"),
    ("Jemaah Islamiyah dibubarkan.", None, "Jemaah Islamiyah", "IDN", "REB"),
    ("TNI mengerahkan pasukan.", None, "TNI", "IDN", "MIL"),
    ("Polri menangkap tersangka.", None, "Polri", "IDN", "COP"),
    # --- agents + country ------------------------------------------------------------------------
    ("pasukan Israel menyerbu kamp.", None, "pasukan Israel", "ISR", "MIL"),
    ("pemerintah Timor Leste memecat tentara.", None, "pemerintah Timor Leste", "TLS", "GOV"),
    ("militer India siaga.", None, "militer India", "IND", "MIL"),
    ("polisi Indonesia menangkap tersangka.", None, "polisi Indonesia", "IDN", "COP"),
    ("para pemberontak menyerang.", None, "para pemberontak", "---", "REB"),
    ("tentara AS ditarik.", None, "tentara AS", "USA", "MIL"),
    ("Kementerian Luar Negeri Tiongkok memprotes.", None, "Kementerian Luar Negeri Tiongkok", "CHN", "GOV"),
    ("Kedutaan Besar AS ditutup.", None, "Kedutaan Besar AS", "USA", "GOV"),
    ("Angkatan Laut Tiongkok berlatih.", None, "Angkatan Laut Tiongkok", "CHN", "MIL"),
    ("parlemen Inggris menolak.", None, "parlemen Inggris", "GBR", "LEG"),
    ("pengadilan Rusia memvonis.", None, "pengadilan Rusia", "RUS", "JUD"),
    ("pengungsi Rohingya tiba.", None, "pengungsi", "---", "REF"),
    ("warga Palestina berunjuk rasa.", None, "warga Palestina", "PSE", "CVL"),
    ("intelijen Korea Selatan melaporkan.", None, "intelijen Korea Selatan", "KOR", "SPY"),
    ("oposisi Venezuela menolak.", None, "oposisi Venezuela", "VEN", "OPP"),
    ("militan Hamas menyerang.", None, "militan Hamas", "PSE", "REB"),
    ("pasukan penjaga perdamaian PBB tiba.", None, "pasukan penjaga perdamaian PBB", "IGO:UN", ANY),
    ("wartawan Jepang ditahan.", None, "wartawan Jepang", "JPN", "MED"),
    # --- apposition: the name takes the title's code and role ------------------------------
    ("Wakil Menteri Luar Negeri Jepang, Mitoji Yabunaka, Rabu mengajukan permintaan.", "2007-04-01", "Mitoji Yabunaka", "JPN", "GOV"),
    ("Wakil Menteri Luar Negeri Jepang, Mitoji Yabunaka, Rabu mengajukan permintaan.", "2007-04-01", "Wakil Menteri Luar Negeri Jepang", "JPN", "GOV"),
    ("Ia bertemu dengan Menteri Luar Negeri Iran, Manuchehr Mottakiyan, kemarin.", "2007-04-01", "Manuchehr Mottakiyan", "IRN", "GOV"),
    ("Ali Rezaeian, Menteri Pertahanan Iran, mengatakan hal itu.", "2007-04-01", "Ali Rezaeian", "IRN", "GOV"),
    ("Kata Perdana Menteri Belanda, Jan Pieterszoon.", "2007-04-01", "Jan Pieterszoon", "NLD", "GOV"),
    ("Jurubicara Gedung Putih Tony Fratto mengatakan.", "2007-04-01", "Jurubicara Gedung Putih Tony Fratto", "USA", "GOV"),
    # --- 'untuk' between two actors before the holder's name --------------------------------
    ("Duta Besar AS untuk PBB Bill Richardson tiba.", "2007-04-01", "Duta Besar AS untuk PBB Bill Richardson", "USA", "GOV"),
    ("Utusan Khusus PBB untuk Irak Staffan de Mistura berkata.", "2007-04-01", "Utusan Khusus PBB untuk Irak Staffan de Mistura", "IGO:UN", "GOV"),
    # --- bare surnames of office holders at the article date --------------------------------
    ("Olmert menolak usul itu.", "2007-04-01", "Olmert", "ISR", "GOV"),
    ("Rice tiba di Ramallah.", "2007-04-01", "Rice", "USA", "GOV"),
    ("Ban menyerukan gencatan senjata.", "2007-04-01", "Ban", "IGO:UN", "GOV"),
    ("Kyuma mengatakan Jepang tidak akan mengirim pasukan.", "2007-04-01", "Kyuma", "JPN", "GOV"),
    ("Presiden Gbagbo menandatangani dekrit.", "2007-04-01", "Presiden Gbagbo", "CIV", "GOV"),
    # a long ministry title with "dan" inside is one title
    ("Jokowi menegur Menteri Koordinator Politik Hukum dan Keamanan Tedjo Edhy Purdijatno.", "2015-02-10",
     "Menteri Koordinator Politik Hukum dan Keamanan Tedjo Edhy Purdijatno", "IDN", "GOV"),
    # ... and for the one bearer of the surname a few years after leaving office (no role then)
    ("Mugabe menuduh MDC agen Inggris.", "2019-09-25", "Mugabe", "ZWE", None),
    # --- demonyms and plural heads that need a country ----------------------------------------
    ("Dua orang Iran ditangkap.", None, "orang Iran", "IRN", "CVL"),
    ("Seluruh bangsa Palestina menolak.", None, "bangsa Palestina", "PSE", "CVL"),
    ("Seorang warganegara Inggris ditahan.", None, "Seorang warganegara Inggris", "GBR", "CVL"),
    ("Para pejuang Hamas menembakkan roket.", None, "Para pejuang Hamas", "PSE", "REB"),
    ("Wakil Menteri Luar Negeri AS Nicholas Burns tiba.", "2007-04-01", "Wakil Menteri Luar Negeri AS Nicholas Burns", "USA", "GOV"),
    # --- groups: curated Indonesian names and the Phoenix MilNonState import -----------------
    ("Pengawal Revolusi menahan 15 pelaut Inggris.", "2007-04-01", "Pengawal Revolusi", "IRN", "MIL"),
    ("Kelompok separatis Basque ETA mengumumkan gencatan senjata.", "2007-04-01", "ETA", "ESP", "REB"),
    ("ULFA dituduh melakukan serangan itu.", "2007-04-01", "ULFA", "IND", "REB"),
    ("Partai Sinn Fein menolak.", "2007-04-01", "Partai Sinn Fein", "GBR", "PTY"),
    ("Pemerintah menuduh LTTE menyerang pangkalan itu.", "2007-04-01", "LTTE", "LKA", "REB"),
    ("Serangan pemberontak Tamil menewaskan lima tentara.", "2007-04-01", "pemberontak Tamil", "LKA", "REB"),
    ("Mullah Omar mengeluarkan pernyataan.", "2007-04-01", "Mullah Omar", "AFG", "REB"),
    ("Abu Sayyaf Group menculik dua warga.", "2007-04-01", "Abu Sayyaf Group", "PHL", "REB"),
    ("Front Demokratik untuk Pembebasan Palestina atau DFLP mengecam.", "2007-04-01", "DFLP", "PSE", "REB"),
    # --- titled partial / differently written names of dictionary people -----------------------
    ("Ia bertemu Menteri Luar Negeri Lam Akol.", "2007-04-01", "Menteri Luar Negeri Lam Akol", "SDN", "GOV"),
    ("Ia bertemu Menteri Luar Negeri Khurshid Mahmood Kasuri.", "2007-04-01", "Menteri Luar Negeri Khurshid Mahmood Kasuri", "PAK", "GOV"),
    ("Menteri Luar Negeri Song Min-Soon mengatakan itu.", "2007-04-01", "Menteri Luar Negeri Song Min-Soon", "KOR", "GOV"),
    # two kings Abdullah in office in 2007 (Jordan, Saudi Arabia): no country
    ("Itu penting bagi Israel, kata Raja Abdullah.", "2007-04-01", "Raja Abdullah", "---", "GOV"),
    ("Raja Abdullah II menerima Abbas.", "2007-04-01", "Raja Abdullah II", "JOR", "GOV"),
    # former office holders from the 1990s keep their country (no role); full name only
    ("Bill Richardson memimpin delegasi itu.", "2007-04-01", "Bill Richardson", "USA", None),
    ("Dahlan memiliki hubungan dekat dengan Washington.", "2007-04-01", "Dahlan", "PSE", "GOV"),
    # --- older spellings ------------------------------------------------------------------------
    ("Amerika Serikat mendukung rencana Marokko itu.", "2007-04-01", "Marokko", "MAR", None),
    ("Pemerintah Slowakia menolak.", "2007-04-01", "Pemerintah Slowakia", "SVK", "GOV"),
]

# (sentence, a substring that must NOT be an actor mention)
NEGATIVE: list[tuple[str, str]] = [
    ("Gempa mengguncang Jawa Barat.", "Barat"),
    ("Angin bertiup dari arah barat daya Rusia.", "barat"),
    ("Kota itu di Rusia barat daya.", "barat"),
    ("Ia tampil sebagai pembicara.", "as"),
    ("Pemain basket Michael Jordan pensiun.", "Jordan"),
    ("Festival itu digelar di Beijing pekan lalu.", "Beijing"),
    ("Harga naik pada Maret.", "Maret"),
    ("Warga Papua Barat berkumpul.", "Barat"),
    ("Dia tinggal di Washington Post.", "Washington"),
    ("Pemerintah Amerika Latin bersatu.", "Amerika"),
    ("Empat orang tewas dalam kecelakaan itu.", "orang"),
    ("Majalah itu terbit setiap pekan.", "Majalah"),
    # a capital after a place preposition is a place; capitals that are common words/names
    ("Delegasi itu tiba di Rabat pada Senin.", "Rabat"),
    ("Lima orang tewas dalam serangan itu.", "Lima"),
    ("Sofia memenangi lomba itu.", "Sofia"),
    # "the international community" is no actor (and no country's people)
    ("Pemerintah menyambut baik dukungan masyarakat internasional.", "masyarakat"),
    # a language or a currency names no actor
    ("Para warga berbicara dalam bahasa Turki.", "Turki"),
    ("Jepang menghibahkan 1 juta dolar AS.", "AS"),
    ("Penyidik menemukan uang 200 dollar Amerika Serikat (AS) di ruang kerjanya.", "AS)"),
]

# (sentence, article date, a substring that must NOT be an actor mention at that date)
NEGATIVE_DATED: list[tuple[str, str, str]] = [
    # a surname shared by several people in the Phoenix dictionary is never resolved bare
    ("Hill berbicara kepada wartawan.", "2007-04-01", "Hill"),
    ("Richardson tiba di Khartoum.", "2007-04-01", "Richardson"),
    # a bare surname only for someone in office at the date
    ("Kyuma mengatakan hal itu.", "2020-01-01", "Kyuma"),
    # the text names another bearer of the surname ('Keith' is not the dictionary's Ellison)
    ("Keith Ellison dari Minnesota berkunjung. Ellison mendampingi Pelosi.", "2007-04-01", "Ellison mendampingi"),
    # a title's country, a comma and a place is no apposition
    ("Menlu Iran, Rabu, menegaskan sikapnya.", "2007-04-01", "Rabu"),
    # "Bali" is the Indonesian island, not Algeria's Abdallah Bali (a stop row, and no bare
    # surname after a place preposition)
    ("Polisi melarang munas partai itu di Bali.", "2010-07-06", "Bali"),
    ("Bali menjadi tuan rumah KTT G20.", "2010-07-06", "Bali"),
    # a month written in a date is not the surname "May"
    ("Pertemuan bilateral berlangsung Sabtu pagi (05-May).", "2017-05-27", "May"),
    ("Pertemuan itu digelar May 2017 di Manila.", "2017-05-27", "May"),
    # an all-capital Roman numeral is not the surname "Xi"
    ("Komisi XI DPR bersidang.", "2017-06-01", "XI"),
]


@pytest.mark.parametrize(("text", "when", "span", "code", "role"), CASES)
def test_mentions(resolver: ActorResolver, text: str, when: str | None, span: str, code: str,
                  role: str | None) -> None:
    d = dt.date.fromisoformat(when) if when else None
    ms = resolver.find_text(text, d)
    hit = [m for m in ms if m.text == span]
    assert hit, f"{span!r} not found as a mention in {text!r}: {[(m.text, m.code) for m in ms]}"
    m = hit[0]
    assert m.code == code, (m, code)
    if role != ANY:
        assert m.role == role, (m, role)
    assert text[m.start:m.end] == m.text


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("text", "word"), NEGATIVE)
def test_no_false_positive(resolver: ActorResolver, text: str, word: str) -> None:
    ms = resolver.find_text(text, None)
    k = text.find(word)
    assert not any(m.start <= k < m.end for m in ms), [(m.text, m.code) for m in ms]


@pytest.mark.parametrize(("text", "when", "word"), NEGATIVE_DATED)
def test_no_false_positive_at_date(resolver: ActorResolver, text: str, when: str, word: str
                                   ) -> None:
    ms = resolver.find_text(text, dt.date.fromisoformat(when))
    k = text.find(word)
    assert not any(m.start <= k < m.end for m in ms), [(m.text, m.code) for m in ms]


def test_mentions_are_non_overlapping_and_sorted(resolver: ActorResolver) -> None:
    text = ("Presiden Tiongkok Xi Jinping dan Menteri Luar Negeri Rusia Sergei Lavrov bertemu "
            "Dewan Keamanan PBB, sementara pasukan Israel dan Beijing berselisih.")
    ms = resolver.find_text(text, dt.date(2024, 1, 1))
    assert [m.text for m in ms] == ["Presiden Tiongkok Xi Jinping",
                                    "Menteri Luar Negeri Rusia Sergei Lavrov",
                                    "Dewan Keamanan PBB", "pasukan Israel", "Beijing"]
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start


def test_resolved_by(resolver: ActorResolver) -> None:
    ms = {m.text: m for m in resolver.find_text(
        "Menlu Rusia Ivan Ivanovski, pasukan Israel, Kremlin dan Tiongkok.", None)}
    assert ms["Menlu Rusia Ivan Ivanovski"].resolved_by == "title"
    assert ms["Menlu Rusia Ivan Ivanovski"].name == "Ivan Ivanovski"
    assert ms["pasukan Israel"].resolved_by == "agent"
    assert ms["Kremlin"].resolved_by == "metonym"
    assert ms["Tiongkok"].resolved_by == "dictionary"


def test_find_on_doc_matches_find_text(resolver: ActorResolver) -> None:
    text = "Presiden Rusia Vladimir Putin bertemu PM India Narendra Modi."
    doc = resolver.nlp(text)
    assert resolver.find(doc, dt.date(2024, 7, 8)) == resolver.find_text(text, dt.date(2024, 7, 8))
