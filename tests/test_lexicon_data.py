"""Integrity of the trigger lexicon data (warta/lang/id/triggers*.tsv)."""

from __future__ import annotations

import pytest

from warta.lexicon import FLAGS, FRAMES, STOP_CODE, Lexicon, load_entries, trigger_files

# 3-digit codes with no trigger: 010 is a bare statement, handled by the coder's modality data.
UNCOVERED_3DIGIT = {"010"}



@pytest.fixture(scope="module")
def entries(lang):
    return load_entries(lang)


@pytest.fixture(scope="module")
def lex(lang) -> Lexicon:
    return Lexicon.load(lang)


def test_files_have_the_columns(lang):
    for name in trigger_files(lang):
        rows = lang.tsv(name)
        assert rows, name
        assert list(rows[0]) == ["pattern", "cameo", "frame", "flags", "note"], name


def test_size(entries):
    assert len(entries) >= 1200


def test_codes_exist(entries, codebook):
    bad = [(e.pattern, e.cameo) for e in entries if e.cameo not in codebook and "stop" not in e.flags]
    assert bad == []


def test_stop_entries(entries):
    stops = [e for e in entries if "stop" in e.flags]
    assert len(stops) >= 20
    assert all(e.cameo == STOP_CODE and e.frame == ("none",) for e in stops)


def test_urge_is_an_appeal_not_a_demand(entries):
    """Manual 2.2/2.10: urge/call on (mendesak, menyerukan, mengimbau) are appeals (02x); demands
    (menuntut) are 10x."""
    for e in entries:
        head = e.pattern.split()[0]
        if "maaf" in e.pattern:  # meminta maaf: apologise (055)
            continue
        if head in {"mendesak", "menyerukan", "mengimbau", "menyeru", "meminta", "desakan"}:
            assert e.cameo.startswith("02") or e.cameo == "113", e  # 113: call for a boycott
        if head == "menuntut":
            assert e.cameo.startswith("10") or e.cameo in {"115", "173"}, e  # sue, prosecute


def test_frames_and_flags_allowed(entries):
    for e in entries:
        assert e.frame and set(e.frame) <= FRAMES, e
        assert e.flags <= FLAGS, e
        if "none" in e.frame:
            assert e.frame == ("none",), e


def test_no_duplicate_pattern(entries):
    seen: dict[str, str] = {}
    for e in entries:
        assert e.pattern not in seen, f"duplicate pattern {e.pattern!r}"
        seen[e.pattern] = e.cameo


def test_no_conflicting_equivalent_patterns(entries, lex):
    """Two spellings that match the same tokens (menyerang / diserang) must agree on code and frame."""
    seen: dict[object, tuple[str, tuple[str, ...], str]] = {}
    clashes = []
    for e in entries:
        sig = lex.signature(e)
        if sig in seen and seen[sig][:2] != (e.cameo, e.frame):
            clashes.append((seen[sig][2], e.pattern))
        seen.setdefault(sig, (e.cameo, e.frame, e.pattern))
    assert clashes == []


def test_every_root_present(entries):
    roots = {e.cameo[:2] for e in entries if "stop" not in e.flags}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}


def test_three_digit_coverage(entries, codebook):
    three = {c.code for c in codebook if len(c.code) == 3}
    covered = {e.cameo[:3] for e in entries}
    missing = three - covered
    assert missing == UNCOVERED_3DIGIT
    assert len(three & covered) / len(three) >= 0.9


def test_intent_entries_are_03x(entries):
    assert all(e.cameo.startswith("03") for e in entries if "intent" in e.flags)


def test_no_bare_reporting_verbs(entries, lang):
    """Bare reporting verbs (modality.yaml `reporting`, CAMEO 010) must never be triggers."""
    reporting = set(lang.yaml("modality.yaml")["reporting"])
    assert {"mengatakan", "menyatakan", "kata", "ujar", "menurut", "katanya"} <= reporting
    assert not [e.pattern for e in entries if e.pattern in reporting]


def test_patterns_well_formed(entries, lex):
    for e in entries:
        words = e.pattern.split()
        assert words[0] != "..." and words[-1] != "...", e.pattern
        assert "... ..." not in e.pattern, e.pattern
        assert e.pattern == e.pattern.strip() and "\t" not in e.pattern
        lex.compile(e.pattern)


@pytest.mark.parametrize("name", ["grammar.yaml", "modality.yaml", "dates.yaml", "clean.yaml"])
def test_no_duplicate_yaml_keys(lang, name):
    """A key written twice in a language file silently keeps only its last value."""
    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        dup = sorted({str(k) for k in keys if keys.count(k) > 1})
        assert not dup, f"{name}: duplicate keys {dup}"
        return loader.construct_mapping(node, deep=deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(lang.path(name).read_text(encoding="utf-8"), Loader=Strict)
