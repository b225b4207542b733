"""Integrity of the actor data: valid codes and roles, no conflicting duplicates, good dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from babel import Locale

from warta.actors import BLOCS, NO_COUNTRY, ROLES, ActorResolver, data_dir, read_tsv


def iso3_codes() -> set[str]:
    from babel.core import get_global

    a2 = set(Locale("en").territories)
    return {a3 for a3, t in get_global("territory_aliases").items()
            if len(a3) == 3 and a3.isalpha() and len(t) == 1 and t[0] in a2}


def valid_code(code: str, iso: set[str], extra: set[str], igos: set[str]) -> bool:
    return code in iso or code in extra or code in BLOCS or code == NO_COUNTRY or code in igos


def test_every_code_valid(resolver: ActorResolver) -> None:
    iso = iso3_codes()
    extra = set(resolver.cues.get("extra_codes", []))
    igos = {r["code"] for r in read_tsv(data_dir() / "orgs.tsv") if r["code"].startswith("IGO:")}
    assert len(igos) >= 80
    bad = []
    for key, entries in resolver.entries.items():
        for e in entries:
            if e.kind in ("stop", "title", "agent", "former", "det", "person"):
                if e.code and e.kind != "stop" and not valid_code(e.code, iso, extra, igos):
                    bad.append((key, e.code))
                continue
            if not valid_code(e.code, iso, extra, igos):
                bad.append((key, e.code))
    for p in resolver.people.values():
        for t in p.tenures:
            if not valid_code(t.code, iso, extra, igos):
                bad.append((p.id, t.code))
    assert not bad, bad[:20]


def test_roles_valid(resolver: ActorResolver) -> None:
    bad = [(k, e.role) for k, es in resolver.entries.items() for e in es
           if e.role is not None and e.role not in ROLES]
    bad += [(p.id, t.role) for p in resolver.people.values() for t in p.tenures
            if t.role is not None and t.role not in ROLES]
    assert not bad, bad[:20]


def test_no_conflicting_duplicate_patterns(resolver: ActorResolver) -> None:
    """A pattern may appear twice only with the same code, or with case rules / date ranges
    that can never both apply (e.g. Taliban REB before 2021-08-15, GOV after)."""
    conflicts = []
    for key, entries in resolver.entries.items():
        actors = [e for e in entries if e.kind in ("country", "org", "bloc", "group", "stop")]
        by_case: dict[tuple[str, tuple[str, ...]], list] = defaultdict(list)
        for e in actors:
            by_case[(e.case, e.orth if e.case == "exact" else ())].append(e)
        for group in by_case.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a.code == b.code:
                        continue
                    a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
                    a_start, b_start = a.start or dt.date.min, b.start or dt.date.min
                    if a_start < b_end and b_start < a_end:
                        conflicts.append((key, a.code, b.code))
        heads = {(e.kind, e.role, e.code) for e in entries if e.kind in ("title", "agent")}
        if len({(r, c) for _, r, c in heads}) > 1 and len({k for k, _, _ in heads}) == 1:
            conflicts.append((key, "head", str(heads)))
    assert not conflicts, conflicts[:20]


def test_tenure_dates_well_formed(resolver: ActorResolver) -> None:
    bad = []
    for p in resolver.people.values():
        for t in p.tenures:
            if t.start and t.end and not t.start < t.end:
                bad.append((p.id, t))
            for d in (t.start, t.end):
                if d and not dt.date(1940, 1, 1) <= d <= dt.date(2026, 12, 31):
                    bad.append((p.id, d))
    assert not bad, bad[:20]


def test_leaders_file_columns_and_sources() -> None:
    rows = read_tsv(data_dir() / "leaders.tsv")
    assert len(rows) >= 250
    for r in rows:
        assert r["id"] and r["name"] and r["code"] and r["start"], r
        assert r["source"], r
        if r["end"]:
            assert dt.date.fromisoformat(r["start"]) < dt.date.fromisoformat(r["end"]), r


def test_leaders_cover_key_countries() -> None:
    rows = read_tsv(data_dir() / "leaders.tsv")
    codes = {r["code"] for r in rows}
    g20 = set(["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"])
    asean = set(["BRN", "KHM", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "IDN"]) - {"LAO"}
    assert g20 <= codes, g20 - codes
    assert asean <= codes, asean - codes


def test_groups_have_source() -> None:
    for r in read_tsv(data_dir() / "groups.tsv"):
        assert r["source"], r


def test_every_iso_country_has_a_name(resolver: ActorResolver) -> None:
    codes = {e.code for es in resolver.entries.values() for e in es if e.kind == "country"}
    missing = iso3_codes() - codes - {"AAA"}
    assert len(missing) < 10, sorted(missing)


def test_readme_present() -> None:
    text = (data_dir() / "README.md").read_text(encoding="utf-8")
    assert "Babel" in text and "Phoenix" in text and "Factbook" in text


def test_punctuated_patterns_tokenised_like_spacy(resolver: ActorResolver) -> None:
    """The resolver tokenises patterns with punctuation ('Ki-moon', 'J.D. Vance') with a
    trimmed tokenizer (load time); it must split them exactly like ``spacy.blank('id')``."""
    import spacy

    nlp = spacy.blank("id")
    assert len(resolver.punct_patterns) > 100
    bad = {p: (orth, tuple(t.text for t in nlp.make_doc(p)))
           for p, orth in resolver.punct_patterns.items()
           if orth != tuple(t.text for t in nlp.make_doc(p))}
    assert not bad, list(bad.items())[:10]


def test_people_tables_load_fast() -> None:
    import time

    t = time.perf_counter()
    ActorResolver.load()
    assert time.perf_counter() - t < 10


def test_regions_table(resolver: ActorResolver) -> None:
    """regions.tsv (ISO 3166-2 names, scripts/build_actors.py): valid codes, one per name."""
    rows = read_tsv(data_dir() / "regions.tsv")
    assert len(rows) > 3000
    names = [r["pattern"].lower() for r in rows]
    assert len(names) == len(set(names))
    assert all(r["code"] in resolver.valid_codes for r in rows)
    for name, code in [("Anbar", "IRQ"), ("Bayelsa", "NGA"), ("Helmand", "AFG"), ("Aceh", "IDN")]:
        assert resolver.regions[name.lower()] == code


def test_capitals_table(resolver: ActorResolver) -> None:
    """capitals.tsv (GeoNames capitals + exonyms, scripts/build_actors.py): GOV metonyms with
    valid codes, none shadowing a curated pattern or a stop phrase."""
    rows = read_tsv(data_dir() / "capitals.tsv")
    assert len(rows) > 80
    curated = {r["pattern"].lower() for r in read_tsv(data_dir() / "countries.tsv")}
    for r in rows:
        assert r["code"] in resolver.valid_codes and r["role"] == "GOV", r
        assert r["kind"] == "metonym" and r["pattern"].lower() not in curated, r
    got = {r["pattern"]: r["code"] for r in rows}
    for name, code in [("Rabat", "MAR"), ("Nairobi", "KEN"), ("Harare", "ZWE"),
                       ("Abuja", "NGA"), ("Kigali", "RWA"), ("Addis Ababa", "ETH")]:
        assert got.get(name) == code, name
    for name in ("Lima", "Sofia", "Douglas", "Hamilton", "Kingston", "Hongkong"):
        assert name not in got, name


def test_groupings_table(resolver: ActorResolver) -> None:
    """groupings.tsv: members are valid codes, at least two per grouping."""
    rows = read_tsv(data_dir() / "groupings.tsv")
    assert rows
    for r in rows:
        members = r["members"].split("|")
        assert len(members) >= 2 and len(set(members)) == len(members), r
        assert all(m in resolver.valid_codes for m in members), r


def test_coref_cue_lists_present(resolver: ActorResolver) -> None:
    for key in ("place_heads", "first_person", "speech_after", "speech_before", "clitic_heads",
                "same_role_roles", "foreign_heads"):
        assert resolver.cues.get(key), key
    # every clitic head is a title/agent with a role (its role is the clitic mention's role)
    for head in resolver.cues["clitic_heads"]:
        assert any(e.kind in ("title", "agent") and e.role
                   for e in resolver.entries.get(str(head).lower(), [])), head
