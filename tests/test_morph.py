"""Indonesian morphology: root, affixes, voice and matching key (warta.morph)."""

from __future__ import annotations

import pytest

from warta.morph import DEFAULT_ROOTS, Analysis, Morphology, affix_class, read_roots


@pytest.fixture(scope="module")
def morph() -> Morphology:
    return Morphology()


# word, root, prefix, suffix, voice, key
ROWS = [
    ("menyerang", "serang", "meN", "", "active", "serang|V"),
    ("diserang", "serang", "di", "", "passive", "serang|V"),
    ("terserang", "serang", "ter", "", "passive", "serang|V"),
    ("serangan", "serang", "", "an", "noun", "serang|an"),
    ("penyerangan", "serang", "peN", "an", "noun", "serang|Nan"),
    ("menyerangnya", "serang", "meN", "", "active", "serang|V"),
    ("serang-menyerang", "serang", "meN", "", "active", "serang|V"),
    ("tembak-menembak", "tembak", "meN", "", "active", "tembak|V"),
    ("menembak", "tembak", "meN", "", "active", "tembak|V"),
    ("ditembak", "tembak", "di", "", "passive", "tembak|V"),
    ("tertembak", "tembak", "ter", "", "passive", "tembak|V"),
    ("menembaki", "tembak", "meN", "i", "active", "tembak|Vi"),
    ("ditembaki", "tembak", "di", "i", "passive", "tembak|Vi"),
    ("penembakan", "tembak", "peN", "an", "noun", "tembak|Nan"),
    ("tembakan", "tembak", "", "an", "noun", "tembak|an"),
    ("pembicaraan", "bicara", "peN", "an", "noun", "bicara|Nan"),
    ("pembicaraan-pembicaraan", "bicara", "peN", "an", "noun", "bicara|Nan"),
    ("pembicaraannya", "bicara", "peN", "an", "noun", "bicara|Nan"),
    ("perundingan", "runding", "peN", "an", "noun", "runding|Nan"),
    ("perundingan-perundingan", "runding", "peN", "an", "noun", "runding|Nan"),
    ("berunding", "runding", "ber", "", "intrans", "runding|ber"),
    ("merundingkan", "runding", "meN", "kan", "active", "runding|Vkan"),
    ("menemukan", "temu", "meN", "kan", "active", "temu|Vkan"),
    ("bertemu", "temu", "ber", "", "intrans", "temu|ber"),
    ("bertemunya", "temu", "ber", "", "intrans", "temu|ber"),
    ("pertemuan", "temu", "per", "an", "noun", "temu|PERan"),
    ("menemui", "temu", "meN", "i", "active", "temu|Vi"),
    ("memperingatkan", "ingat", "memper", "kan", "active", "ingat|Pkan"),
    ("diperingatkan", "ingat", "diper", "kan", "passive", "ingat|Pkan"),
    ("memperingati", "ingat", "memper", "i", "active", "ingat|Pi"),
    ("kunjungan", "kunjung", "", "an", "noun", "kunjung|an"),
    ("kunjungannya", "kunjung", "", "an", "noun", "kunjung|an"),
    ("berkunjung", "kunjung", "ber", "", "intrans", "kunjung|ber"),
    ("dikunjungi", "kunjung", "di", "i", "passive", "kunjung|Vi"),
    ("menjatuhkan", "jatuh", "meN", "kan", "active", "jatuh|Vkan"),
    ("dijatuhkan", "jatuh", "di", "kan", "passive", "jatuh|Vkan"),
    ("dijatuhi", "jatuh", "di", "i", "passive", "jatuh|Vi"),
    ("menandatangani", "tandatangan", "meN", "i", "active", "tandatangan|Vi"),
    ("ditandatangani", "tandatangan", "di", "i", "passive", "tandatangan|Vi"),
    ("penandatanganan", "tandatangan", "peN", "an", "noun", "tandatangan|Nan"),
    ("mengusir", "usir", "meN", "", "active", "usir|V"),
    ("diusir", "usir", "di", "", "passive", "usir|V"),
    ("pengusiran", "usir", "peN", "an", "noun", "usir|Nan"),
    ("keprihatinan", "prihatin", "ke", "an", "noun", "prihatin|KEan"),
    ("kesepakatan", "sepakat", "ke", "an", "noun", "sepakat|KEan"),
    ("bersepakat", "sepakat", "ber", "", "intrans", "sepakat|ber"),
    ("pemberontakan", "berontak", "peN", "an", "noun", "berontak|Nan"),
    ("pemberontak", "berontak", "peN", "", "noun", "berontak|peN"),
    ("memveto", "veto", "meN", "", "active", "veto|V"),
    ("diveto", "veto", "di", "", "passive", "veto|V"),
    ("menginvasi", "invasi", "meN", "", "active", "invasi|V"),
    ("invasi", "invasi", "", "", "intrans", "invasi|"),
    ("mengembargo", "embargo", "meN", "", "active", "embargo|V"),
    ("mengebom", "bom", "meN", "", "active", "bom|V"),
    ("membom", "bom", "meN", "", "active", "bom|V"),
    ("dibom", "bom", "di", "", "passive", "bom|V"),
    ("pengeboman", "bom", "peN", "an", "noun", "bom|Nan"),
    ("pemboman", "bom", "peN", "an", "noun", "bom|Nan"),
    ("pemogokan", "mogok", "peN", "an", "noun", "mogok|Nan"),
    ("berdemonstrasi", "demonstrasi", "ber", "", "intrans", "demonstrasi|ber"),
    ("dideportasi", "deportasi", "di", "", "passive", "deportasi|V"),
    ("menahan", "tahan", "meN", "", "active", "tahan|V"),
    ("penahanan", "tahan", "peN", "an", "noun", "tahan|Nan"),
    ("tahanan", "tahan", "", "an", "noun", "tahan|an"),
    ("kutukan", "kutuk", "", "an", "noun", "kutuk|an"),
    ("mengutuk", "kutuk", "meN", "", "active", "kutuk|V"),
    ("mengecam", "kecam", "meN", "", "active", "kecam|V"),
    ("kecaman", "kecam", "", "an", "noun", "kecam|an"),
    ("mengkritik", "kritik", "meN", "", "active", "kritik|V"),
    ("berdiskusi", "diskusi", "ber", "", "intrans", "diskusi|ber"),
    ("bekerjasama", "kerjasama", "ber", "", "intrans", "kerjasama|ber"),
    ("kerjasama", "kerjasama", "", "", "intrans", "kerjasama|"),
    ("perdamaian", "damai", "per", "an", "noun", "damai|PERan"),
    ("berdamai", "damai", "ber", "", "intrans", "damai|ber"),
    ("mendamaikan", "damai", "meN", "kan", "active", "damai|Vkan"),
    ("menewaskan", "tewas", "meN", "kan", "active", "tewas|Vkan"),
    ("tewas", "tewas", "", "", "intrans", "tewas|"),
    ("sekolah", "sekolah", "", "", "intrans", "sekolah|"),
    ("hanya", "hanya", "", "", "intrans", "hanya|"),
    ("kata-kata", "kata", "", "", "intrans", "kata|"),
    ("tawar-menawar", "tawar", "meN", "", "active", "tawar|V"),
    ("Menyerang", "serang", "meN", "", "active", "serang|V"),
]


@pytest.mark.parametrize(("word", "root", "prefix", "suffix", "voice", "key"), ROWS)
def test_analyse(morph, word, root, prefix, suffix, voice, key):
    a = morph.analyse(word)
    assert (a.root, a.prefix, a.suffix, a.voice, a.key) == (root, prefix, suffix, voice, key)
    assert a.word == word.lower()


def test_rows_enough():
    assert len(ROWS) >= 60


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("menyerang", "diserang"),
        ("menyerang", "serang-menyerang"),
        ("mengunjungi", "dikunjungi"),
        ("menyepakati", "disepakati"),
        ("pembicaraan", "pembicaraan-pembicaraan"),
        ("menjatuhkan", "dijatuhkan"),
        ("memperingatkan", "diperingatkan"),
        ("menangkap", "ditangkap"),
        ("menangkap", "tertangkap"),
    ],
)
def test_voice_alternants_share_a_key(morph, a, b):
    assert set(morph.analyse(a).keys) & set(morph.analyse(b).keys)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("menemukan", "bertemu"),  # Sastrawi gives both "temu": the affix class separates them
        ("serangan", "penyerangan"),
        ("menjatuhkan", "dijatuhi"),
        ("kunjungan", "berkunjung"),
        ("menyerang", "mengerang"),
        ("memperingatkan", "memperingati"),
        ("perbatasan", "pembatasan"),  # border / restriction
        ("pertemuan", "penemuan"),  # meeting / discovery
        ("pertahanan", "penahanan"),  # defence / detention
        ("persatuan", "penyatuan"),
    ],
)
def test_different_words_do_not_share_a_key(morph, a, b):
    assert not set(morph.analyse(a).keys) & set(morph.analyse(b).keys)


def test_ambiguous_nasal_root_has_alternative(morph):
    a = morph.analyse("mengunjungi")
    assert "kunjung|Vi" in a.keys


@pytest.mark.parametrize("word", ["Jakarta", "Bertemu", "Al-Qaeda", "Pemberontak"])
def test_proper_names_not_stemmed(morph, word):
    a = morph.analyse(word, is_proper=True)
    assert a.root == word.lower() and a.prefix == "" and a.suffix == ""
    assert a.key == word.lower() + "|"


def test_non_alpha_tokens(morph):
    for tok in [".", "2.000", "(", "10"]:
        a = morph.analyse(tok)
        assert isinstance(a, Analysis) and a.key == tok + "|"


def test_cache_returns_same_object(morph):
    assert morph.analyse("menyerang") is morph.analyse("menyerang")


@pytest.mark.parametrize(
    ("prefix", "suffix", "cls"),
    [("meN", "", "V"), ("di", "kan", "Vkan"), ("ter", "i", "Vi"), ("memper", "kan", "Pkan"),
     ("diper", "", "P"), ("ber", "", "ber"), ("ber", "an", "beran"), ("peN", "an", "Nan"),
     ("per", "an", "PERan"), ("ke", "an", "KEan"), ("", "an", "an"), ("", "", "")],
)
def test_affix_class(prefix, suffix, cls):
    assert affix_class(prefix, suffix) == cls


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("menghimbau", "dihimbau"),  # root from morph_roots.txt (Sastrawi lacks "himbau")
        ("menghadang", "dihadang"),
        ("memberlakukan", "diberlakukan"),  # member- = meN + ber-stem
        ("memberhentikan", "diberhentikan"),
        ("memerangi", "diperangi"),  # di + perang + i, not diper + rang + i
    ],
)
def test_passives_of_roots_sastrawi_lacks(morph, a, b):
    assert set(morph.analyse(a).keys) & set(morph.analyse(b).keys)


def test_suffix_on_extra_root(morph):
    assert morph.analyse("himbauan").key == "himbau|an"


def test_extra_roots_parameter():
    m = Morphology(extra_roots=["zzqroot"])
    assert m.in_dictionary("zzqroot")
    assert m.analyse("dizzqroot").key == "zzqroot|V"


def test_roots_file_is_clean():
    roots = read_roots(DEFAULT_ROOTS)
    assert len(roots) >= 10
    assert all(r == r.lower() and r.isalpha() for r in roots)
