"""Within-article coreference for actors: pronouns, "kedua negara", surname-only mentions.

Conservative by design (GUIDE.md rule 6): an anaphor is resolved only when the nearest
sentence(s) with candidates leave exactly one reading; otherwise it stays unresolved.
The cue words live in ``warta/data/actors/coref.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from warta.actors import BLOCS, NO_COUNTRY, ActorResolver, fold, read_tsv, written_as_month
from warta.model import ActorMention, Place, Sentence

_PERSONISH = ("person:",)
_GROUPISH = ("group:", "org:")
_GROUPING = "grouping:"
_PRON_KEYS = ("person_pronouns", "party_pronouns", "pair_country", "pair_leader", "pair_any",
              "triple_country", "triple_leader", "triple_any", "plural_pronouns",
              "country_anaphora", "group_anaphora")
# anaphor key → (how many referents, which antecedents count)
_NUMBERED = {"pair_country": 2, "pair_leader": 2, "pair_any": 2,
             "triple_country": 3, "triple_leader": 3, "triple_any": 3}


def _is_person(m: ActorMention) -> bool:
    return (m.entity or "").startswith(_PERSONISH) or (m.resolved_by == "title" and m.name is not None)


def _is_official(m: ActorMention) -> bool:
    """A leader antecedent ('kedua menteri'): a person, or a titled official with no name
    ('Menteri Luar Negeri Jepang')."""
    return _is_person(m) or m.resolved_by == "title"


def _is_group(m: ActorMention) -> bool:
    """A plural-capable antecedent: an agent phrase, country, organisation or group — not a
    single titled person or named individual."""
    return m.resolved_by == "agent" or not (_is_person(m) or m.resolved_by == "title")


def _is_country(m: ActorMention) -> bool:
    return len(m.code) == 3 and m.code.isalpha() and m.code.isupper() and m.code not in BLOCS


def _coordinated(doc_text: str, grp: list[ActorMention], joiners: frozenset[str],
                 keep: Any) -> list[list[ActorMention]]:
    """Chains of mentions joined by 'dan' / ',' / '-' in one sentence ('Tiongkok dan Rusia',
    'Xi dan Putin', 'hubungan Tiongkok-Rusia'), each with two or more codes; in text order."""
    chains: list[list[ActorMention]] = []
    cur: list[ActorMention] = []
    ordered = sorted((m for m in grp if m.code != NO_COUNTRY), key=lambda m: (m.start, m.end))
    for m in ordered:
        if cur and m.start < cur[-1].end:
            continue  # same span (a second code of one mention)
        if cur and doc_text[cur[-1].end:m.start].strip().lower() in joiners:
            cur.append(m)
            continue
        if len({c.code for c in cur}) >= 2:
            chains.append(cur)
        cur = [m]
    if len({c.code for c in cur}) >= 2:
        chains.append(cur)
    return [c for c in chains if all(keep(m) for m in c)]


def _coordinated_pair(doc_text: str, groups: list[list[ActorMention]], joiners: frozenset[str],
                      keep: Any) -> list[ActorMention] | None:
    """The nearest coordination of distinct actors ('Tiongkok dan Rusia') in the window:
    nearest sentence first, last chain of that sentence."""
    for grp in groups:
        chains = _coordinated(doc_text, grp, joiners, keep)
        if chains:
            seen: dict[str, ActorMention] = {}
            for m in chains[-1]:
                seen.setdefault(m.code, m)
            return list(seen.values())
    return None


def _is_joint(mentions: list[ActorMention], m: ActorMention) -> bool:
    """A coref mention that shares its span with another code ('kedua negara' → CHN, RUS)."""
    return any(o is not m and o.start == m.start and o.end == m.end and o.code != m.code
               for o in mentions)


def _rel_head(doc_text: str, m: ActorMention, pos: int, rel: frozenset[str]) -> bool:
    """``m`` heads a relative clause ('Barat, yang …') that runs on to ``pos`` in one clause."""
    gap = doc_text[m.end:pos]
    words = gap.replace(",", " , ").split()
    return bool(words) and (words[0] in rel or (words[0] == "," and len(words) > 1
                                                 and words[1] in rel)) \
        and "," not in words[2:] and "." not in gap


def _patterns(resolver: ActorResolver) -> dict[str, re.Pattern[str]]:
    def make() -> dict[str, re.Pattern[str]]:
        out: dict[str, re.Pattern[str]] = {}
        def alt(key: str) -> str:
            words = sorted((str(w) for w in resolver.cues.get(key, [])), key=len, reverse=True)
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

        for key in _PRON_KEYS + ("first_person",):
            if alt(key):
                out[key] = re.compile(rf"(?<![\w-])(?:{alt(key)})(?![\w-])", re.IGNORECASE)
        clitic = re.escape(str(resolver.cues.get("clitic", "nya")))
        if alt("clitic_heads"):
            out["clitic"] = re.compile(rf"(?<![\w-])({alt('clitic_heads')}){clitic}(?![\w-])",
                                       re.IGNORECASE)
        if alt("speech_after"):
            out["speech_after"] = re.compile(
                rf",\s*(?:{alt('speech_after')})({clitic})?(?![\w-])\s*", re.IGNORECASE)
        if alt("speech_before"):
            out["speech_before"] = re.compile(rf"(?<![\w-])(?:{alt('speech_before')})(?![\w-])",
                                              re.IGNORECASE)
        if alt("place_heads"):
            out["place_heads"] = re.compile(rf"\s+(?:(?:{alt('place_heads')})\s+)?",
                                            re.IGNORECASE)
        return out

    result: dict[str, re.Pattern[str]] = resolver.cached("coref_patterns", make)
    return result


def _sentence_index(sentences: list[Sentence], pos: int) -> int:
    for s in sentences:
        if s.start <= pos < s.end:
            return s.index
    return sentences[-1].index if sentences else 0


def _window(mentions: list[ActorMention], sentences: list[Sentence], pos: int, window: int,
            keep: Any) -> list[list[ActorMention]]:
    """Candidate mentions before ``pos``, grouped by sentence, nearest sentence first."""
    si = _sentence_index(sentences, pos)
    groups: list[list[ActorMention]] = []
    for k in range(si, max(-1, si - window - 1), -1):
        if k < 0 or k >= len(sentences):
            continue
        s = sentences[k]
        grp = [m for m in mentions if s.start <= m.start < s.end and m.end <= pos and keep(m)]
        groups.append(grp)
    return groups


def _copy(m: ActorMention, text: str, start: int, end: int, role: str | None = None,
          keep_role: bool = True) -> ActorMention:
    return ActorMention(text=text, start=start, end=end, code=m.code,
                        role=m.role if keep_role else role, name=m.name, resolved_by="coref",
                        entity=m.entity)


def _reporter(doc_text: str, base: list[ActorMention], sentences: list[Sentence], pos: int,
              markers: frozenset[str]) -> ActorMention | None:
    """'Hong Kong, yang mengimpor … unggas Inggris, mengumumkan bahwa pihaknya akan …': in a
    reported clause the speaker's side is the sentence's opening actor (its subject)."""
    sent = sentences[_sentence_index(sentences, pos)]
    first = next((m for m in base if sent.start <= m.start < pos), None)
    if first is None or first.code == NO_COUNTRY or doc_text[sent.start : first.start].strip():
        return None  # no actor opens the sentence
    between = doc_text[first.end : pos].lower().split()
    return first if any(w.strip(",.") in markers for w in between) else None


def _single(groups: list[list[ActorMention]]) -> ActorMention | None:
    """Nearest sentence with candidates; resolved only if all share one code."""
    for grp in groups:
        if grp:
            codes = {m.code for m in grp if m.code != "---"}
            if len(codes) == 1:
                return next(m for m in reversed(grp) if m.code in codes)
            return None
    return None


def _distinct(groups: list[list[ActorMention]], n: int = 2) -> list[ActorMention] | None:
    """Accumulate distinct codes sentence by sentence (nearest first) until ``n`` are found;
    more than ``n`` in the sentence that completes the set is ambiguous."""
    seen: dict[str, ActorMention] = {}
    for grp in groups:
        for m in reversed(grp):
            if m.code != "---" and m.code not in seen:
                seen[m.code] = m
        if len(seen) >= n:
            return list(seen.values()) if len(seen) == n else None
    return None


def _is_grouping(m: ActorMention) -> bool:
    return (m.entity or "").startswith(_GROUPING)


def _group_antecedent(groups: list[list[ActorMention]]) -> list[ActorMention] | None:
    """'kelompok itu': in the nearest sentence with a grouping or a group, the last grouping
    (all its members) when no other group is there, else the one code of its groups."""
    for grp in groups:
        if not grp:
            continue
        multi = [m for m in grp if _is_grouping(m)]
        if multi:
            if len(multi) != len(grp):
                return None
            last = max(m.start for m in multi)
            return [m for m in multi if m.start == last]
        codes = {m.code for m in grp}
        if len(codes) == 1 and NO_COUNTRY not in codes:
            return [grp[-1]]
        return None
    return None


def _groupings(resolver: ActorResolver) -> list[tuple[re.Pattern[str], tuple[str, ...],
                                                         re.Pattern[str] | None, str]]:
    """``groupings.tsv``: (phrase pattern, member codes, context pattern or None, name)."""
    def words(alts: list[str]) -> re.Pattern[str]:
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(alts, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def make() -> list[tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None, str]]:
        path = resolver.root / "groupings.tsv"
        if not path.exists():
            return []
        rows = read_tsv(path)
        rows.sort(key=lambda r: -len(r["pattern"]))
        out = []
        for row in rows:
            ctx = [w for w in row.get("context", "").split("|") if w.strip()]
            out.append((words([row["pattern"]]), tuple(row["members"].split("|")),
                        words(ctx) if ctx else None, row.get("name") or row["pattern"]))
        return out

    result: list[tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None, str]] = \
        resolver.cached("groupings", make)
    return result


def _grouping_mentions(doc_text: str, sentences: list[Sentence], resolver: ActorResolver,
                       window: int, free: Any) -> list[ActorMention]:
    """One mention per member on each grouping phrase ('Kuartet Timur Tengah', 'empat
    sponsor internasional' in a Middle-East context), longest phrases first."""
    out: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for pat, members, ctx, name in _groupings(resolver):
        for mt in pat.finditer(doc_text):
            s, e = mt.start(), mt.end()
            if not free(s, e) or any(a < e and s < b for a, b in taken):
                continue
            if ctx is not None:
                si = _sentence_index(sentences, s)
                lo = sentences[max(0, si - window)].start if sentences else 0
                hi = sentences[si].end if sentences else len(doc_text)
                if not ctx.search(doc_text, lo, hi):
                    continue
            taken.append((s, e))
            out.extend(ActorMention(text=mt.group(0), start=s, end=e, code=c,
                                    resolved_by="coref", entity=f"{_GROUPING}{name}")
                       for c in members)
    return out


def resolve(doc_text: str, sentences: list[Sentence], mentions: list[ActorMention],
            resolver: ActorResolver, when: dt.date | None = None,
            places: Sequence[Place] | None = None) -> list[ActorMention]:
    """Return ``mentions`` plus coreference mentions (``resolved_by="coref"``), sorted by start.

    ``mentions`` may include bare titles (``resolved_by="bare"``, from
    ``ActorResolver.find(..., bare=True)``): they are returned only as coded coref mentions.
    ``places`` (the gazetteer's mentions of the same text) give country-less officials the
    country of the place they head ('wali kota Basra') or the one place the sentence names."""
    pats = _patterns(resolver)
    window = int(resolver.cues.get("window_sentences", 3))
    preps = frozenset(str(p).lower() for p in resolver.cues.get("place_prepositions", []))
    joiners = frozenset(str(w).lower() for w in resolver.cues.get("pair_joiners", ["dan"]))
    rel = frozenset(str(w).lower() for w in resolver.cues.get("relative_markers", []))
    reported = frozenset(str(w).lower() for w in resolver.cues.get("reported_markers", []))
    bare = [m for m in mentions if m.resolved_by == "bare"]
    base = sorted((m for m in mentions if m.resolved_by != "bare"), key=lambda m: m.start)
    # a place that is also an actor mention ('Lebanon') is coded by the actor dictionary
    places = [p for p in places or [] if p.start is not None and p.end is not None
              and p.country and p.country in resolver.valid_codes
              and not any(m.start < p.end and p.start < m.end and m.code != NO_COUNTRY
                          for m in base)]
    covered = [(m.start, m.end) for m in base]
    # a span with only country-less mentions ('pemerintahan' in 'kedua pemerintahan') may be
    # the head noun of an anaphor phrase around it
    coded_spans = {(m.start, m.end) for m in base if m.code != NO_COUNTRY}
    soft = {(m.start, m.end) for m in base if m.code == NO_COUNTRY} - coded_spans

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in covered)

    def free_around(s: int, e: int) -> bool:
        return not any(a < e and s < b and not ((a, b) in soft and s <= a and b <= e)
                       for a, b in covered)

    new: list[ActorMention] = []
    if resolver.cues.get("grouping_mentions", False):
        new = _grouping_mentions(doc_text, sentences, resolver, window, free)
    covered.extend((m.start, m.end) for m in new)
    for key, pat in pats.items():
        if key not in _PRON_KEYS:
            continue
        for mt in pat.finditer(doc_text):
            s, e = mt.start(), mt.end()
            if not free_around(s, e):
                continue
            span = doc_text[s:e]
            if key == "person_pronouns":
                got = _single(_window(base, sentences, s, window, _is_person))
                if got:
                    new.append(_copy(got, span, s, e))
            elif key == "party_pronouns":
                got = _single(_window(base, sentences, s, window, lambda m: True))
                if got is None:
                    got = _reporter(doc_text, base, sentences, s, reported)
                if got:
                    new.append(_copy(got, span, s, e))
            elif key == "plural_pronouns":
                # the head of the relative clause holding the pronoun ('dominasi Barat, yang
                # menurut mereka …') is not its antecedent; a resolved pair anaphor is one
                cands = sorted([*(m for m in base if not _rel_head(doc_text, m, s, rel)),
                                *(m for m in new if m.resolved_by == "coref"
                                  and _is_joint(new, m))], key=lambda m: (m.start, m.end))
                groups = _window(cands, sentences, s, window, lambda m: True)
                nearest = next((g for g in groups if g), [])
                last = [m for m in nearest if _is_joint(new, m)
                        and m.start == max(x.start for x in nearest)]
                pair = last or _coordinated_pair(doc_text, [nearest], joiners, lambda m: True)
                if pair:  # 'Xi dan Putin … mereka', 'kedua negara … mereka'
                    new.extend(_copy(m, span, s, e) for m in pair)
                else:
                    got = _single(_window(cands, sentences, s, window, _is_group))
                    if got is None:
                        # 'Juru bicara Taliban mengatakan bahwa mereka …': the group the
                        # speaker of the reported clause speaks for
                        got = _reporter(doc_text, base, sentences, s, reported)
                        if got is not None and not (got.entity or "").startswith(_GROUPISH):
                            got = None
                    if got:
                        new.append(_copy(got, span, s, e))
            elif key == "country_anaphora":
                got = _single(_window(base, sentences, s, window, _is_country))
                if got:
                    new.append(_copy(got, span, s, e, role=None, keep_role=False))
            elif key == "group_anaphora":
                antecedents = [*base, *(m for m in new if _is_grouping(m))]
                groups = _window(sorted(antecedents, key=lambda m: m.start), sentences, s,
                                 window, lambda m: _is_grouping(m) or (m.entity or "")
                                 .startswith("group:"))
                for m in _group_antecedent(groups) or []:
                    new.append(_copy(m, span, s, e))
            else:
                n = _NUMBERED[key]
                kind = key.split("_")[1]
                kind_ok = {"country": _is_country, "leader": _is_official,
                           "any": lambda m: True}[kind]

                def keep(m: ActorMention, kind_ok: Any = kind_ok) -> bool:
                    # ('Meshaal, yang berpusat di Suriah, dan Abbas': a place is no party)
                    return bool(kind_ok(m)) and not _after_place_prep(doc_text, m.start, preps)

                groups = _window(base, sentences, s, window, keep)
                coord = _coordinated_pair(doc_text, groups, joiners, keep)
                # 'kedua' = exactly two, 'ketiga' = exactly three
                pair = _distinct(groups, n) if coord is None else (
                    coord if len(coord) == n else None)
                if pair:
                    role = "GOV" if kind == "leader" else None
                    for m in pair:
                        new.append(_copy(m, span, s, e, role=role, keep_role=kind == "any"))
            covered.append((s, e))
    if "clitic" in pats:
        new.extend(_clitics(doc_text, sentences, base, resolver, pats["clitic"], window, preps,
                            free))
    new.extend(_surnames(doc_text, base, resolver, when, free))
    located = frozenset(str(r) for r in resolver.cues.get("located_roles", []))
    ctx = _Context(doc_text, sentences, base, places, resolver, pats, preps)
    anaphors = [(m.start, m.end) for m in new]
    new.extend(ctx.resolve_all([m for m in [*base, *bare] if not any(
        a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in anaphors)],
        window, located))
    if "first_person" in pats:
        new.extend(_speakers(doc_text, sentences, [*base, *new], pats, free,
                             bool(resolver.cues.get("quote_continues", 0))))
    return sorted([*base, *new], key=lambda m: (m.start, m.end))


def _surnames(doc_text: str, base: list[ActorMention], resolver: ActorResolver,
              when: dt.date | None, free: Any) -> list[ActorMention]:
    """'Lavrov' after 'Menlu Rusia Sergei Lavrov' (unknown to the dictionary): same actor."""
    table: dict[str, list[ActorMention]] = {}
    for m in base:
        if m.name and _is_person(m):
            last = m.name.split()[-1]
            if len(last) > 2 and last[:1].isupper() and last.isalpha():
                table.setdefault(last, []).append(m)
    out: list[ActorMention] = []
    for last, ms in table.items():
        codes = {m.code for m in ms}
        if len(codes) != 1:
            continue  # two people share the surname: ambiguous
        first_end = min(m.end for m in ms)
        for mt in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", doc_text):
            if (mt.start() >= first_end and free(mt.start(), mt.end())
                    and not written_as_month(doc_text, mt.start(), mt.end())):  # "3 May 2017"
                out.append(_copy(ms[0], last, mt.start(), mt.end()))
    return out


def _after_place_prep(doc_text: str, start: int, preps: frozenset[str]) -> bool:
    words = doc_text[max(0, start - 30):start].lower().split()
    return bool(words) and (words[-1] in preps or " ".join(words[-2:]) in preps)




def _clitics(doc_text: str, sentences: list[Sentence], base: list[ActorMention],
             resolver: ActorResolver, pat: re.Pattern[str], window: int,
             preps: frozenset[str], free: Any) -> list[ActorMention]:
    """'pemerintahnya', 'pasukannya': the head's role, with the country of the nearest actor
    (places after 'di'/'ke' are no antecedent); only when the nearest sentence with
    candidates names one country."""
    out: list[ActorMention] = []

    def keep(m: ActorMention) -> bool:
        return (m.code != NO_COUNTRY and m.code not in BLOCS
                and not _after_place_prep(doc_text, m.start, preps))

    for mt in pat.finditer(doc_text):
        s, e = mt.start(), mt.end()
        if not free(s, e):
            continue
        head = " ".join(mt.group(1).lower().split())
        role = next((en.role for en in resolver.entries.get(head, [])
                     if en.kind in ("title", "agent") and en.role), None)
        if role is None:
            continue
        got = _single(_window(base, sentences, s, window, keep))
        if got is not None:
            out.append(ActorMention(text=mt.group(0), start=s, end=e, code=got.code, role=role,
                                    resolved_by="coref", entity=f"agent:{head}"))
    return out


def _speakers(doc_text: str, sentences: list[Sentence], mentions: list[ActorMention],
              pats: dict[str, re.Pattern[str]], free: Any, continues: bool = False
              ) -> list[ActorMention]:
    """'kami'/'saya'/'kita' in a quotation: the speaker of the same sentence — ', kata X' /
    ', ujar X' after it (', katanya': the pronoun's own resolution) or 'X mengatakan' before
    it.  With ``continues``, a sentence with no attribution of its own continues the quote
    of the previous sentence when that one has a named attribution (', kata McCormack').
    No speaker with one code, no mention."""
    out: list[ActorMention] = []
    after, before = pats.get("speech_after"), pats.get("speech_before")
    for mt in pats["first_person"].finditer(doc_text):
        s, e = mt.start(), mt.end()
        if not free(s, e):
            continue
        si = _sentence_index(sentences, s)
        sent = sentences[si] if sentences else Sentence(0, 0, len(doc_text), doc_text)
        speaker: list[ActorMention] = []
        att = after.search(doc_text, e, sent.end) if after is not None else None
        if att is not None:
            if att.group(1):  # 'katanya': the coref mention on that word
                lo = att.start() + doc_text[att.start():att.end()].lower().rfind(
                    att.group(1).lower()) - 1
                speaker = [m for m in mentions if m.start <= lo < m.end]
            else:
                speaker = [m for m in mentions if m.start == att.end()]
        elif before is not None and before.search(doc_text, sent.start, s) is not None:
            for bt in before.finditer(doc_text, sent.start, s):
                lead = doc_text[sent.start:bt.start()].rstrip()
                speaker = [m for m in mentions if m.end == sent.start + len(lead)
                           and m.start >= sent.start]
        elif continues and si > 0 and after is not None and not (
                after.search(doc_text, sent.start, sent.end)
                or (before is not None and before.search(doc_text, sent.start, sent.end))):
            prev = sentences[si - 1]
            last = None
            for att_prev in after.finditer(doc_text, prev.start, prev.end):
                last = att_prev
            if last is not None and not last.group(1):  # named: ', kata McCormack'
                speaker = [m for m in mentions if m.start == last.end()]
        codes = {m.code for m in speaker if m.code != NO_COUNTRY}
        if len(codes) == 1:
            src = next(m for m in speaker if m.code in codes)
            out.append(_copy(src, mt.group(0), s, e))
    return out


class _Context:
    """Country of a country-less official/agent ('---') from its context, in order:

    1. the place it heads: 'wali kota Basra', 'gubernur provinsi Anbar' (gazetteer places or
       ``regions.tsv``);
    2. the most recent earlier mention with the same head ('Presiden Rwanda …' → 'presiden'),
       or for ``same_role_roles`` the same role ('pasukan Israel' → 'militer') — only if the
       nearest sentence with such mentions has one country;
    3. the one country the sentence names (actors and places), else the nearest earlier
       sentence with countries (bare titles look back ``bare_window_sentences`` only);
       rebels/police/civilians of a sentence with several countries take the place
       introduced by a preposition ('… di Irak').
    """

    def __init__(self, doc_text: str, sentences: list[Sentence], base: list[ActorMention],
                 places: list[Place], resolver: ActorResolver, pats: dict[str, re.Pattern[str]],
                 preps: frozenset[str]):
        self.text = doc_text
        self.sentences = sentences
        self.base = base
        self.places = places
        self.resolver = resolver
        self.heads = pats.get("place_heads")
        self.preps = preps
        cues = resolver.cues
        self.same_roles = frozenset(str(r) for r in cues.get("same_role_roles", []))
        self.bare_window = int(cues.get("bare_window_sentences", 1))
        self.polity_roles = frozenset(str(r) for r in cues.get("polity_roles", []))
        # where a located actor is (not where it goes: "membelokkan pesawat ke Paris")
        self.at_preps = preps - {str(p).lower() for p in cues.get("destination_prepositions", [])}
        self.foreign = [str(h).lower().split() for h in cues.get("foreign_heads", [])]
        self.dets: frozenset[str] = resolver.cached("coref_dets", lambda: frozenset(
            k for k, es in resolver.entries.items()
            if any(en.kind in ("det", "former") for en in es)))

    def resolve_all(self, cands: list[ActorMention], window: int,
                    located: frozenset[str]) -> list[ActorMention]:
        out: list[ActorMention] = []
        for m in cands:
            if m.code != NO_COUNTRY or m.resolved_by not in ("agent", "title", "bare") \
                    or m.role is None:
                continue
            if (m.entity or "").startswith(("group:", "org:")):
                continue  # a group with no home country by definition (Al-Qaeda, ISIS, MSF)
            code = self.place_of(m)
            if code is None:
                code = self.same_head(m)
            # a named person ('Raja Abdullah', 'Menlu Song Min-Soon') is often the OTHER
            # party of the sentence's one country: only a title/apposition names their country
            if code is None and not self.posted_abroad(m) and not self.named_person(m):
                code = self.sentence_country(
                    m, self.bare_window if m.resolved_by == "bare" else window, located)
            if code is not None:
                out.append(ActorMention(text=m.text, start=m.start, end=m.end, code=code,
                                        role=m.role, name=None if m.name and self.place_of(m)
                                        else m.name, resolved_by="coref", entity=m.entity))
        return out

    def place_of(self, m: ActorMention) -> str | None:
        if m.name and fold(m.name) in self.resolver.regions:
            return self.resolver.regions[fold(m.name)]
        for p in self.places:
            assert p.start is not None and p.end is not None
            if m.start < p.start and p.end <= m.end and m.name and p.text and p.text in m.name:
                return p.country
        if self.heads is None:
            return None
        mt = self.heads.match(self.text, m.end)
        if mt is None:
            return None
        pos = mt.end()
        for p in self.places:
            if p.start == pos:
                return p.country
        words = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", self.text[pos:pos + 60])
        if words is None:
            return None
        toks = words.group(0).split()
        for k in range(len(toks), 0, -1):
            code = self.resolver.regions.get(fold(" ".join(toks[:k])))
            if code is not None:
                return code
        return None

    @staticmethod
    def named_person(m: ActorMention) -> bool:
        return m.resolved_by == "title" and bool(m.name)

    def posted_abroad(self, m: ActorMention) -> bool:
        head = self._head(m.text)
        return any(head[:len(f)] == f for f in self.foreign)

    def _head(self, text: str) -> list[str]:
        words = text.lower().split()
        while words and words[0] in self.dets:
            words = words[1:]
        return words

    def same_head(self, m: ActorMention) -> str | None:
        head = self._head(m.text)
        if not head:
            return None
        n = len(head)
        hits: list[ActorMention] = []
        for a in self.base:
            if a.start >= m.start or a.code == NO_COUNTRY or a.code in BLOCS:
                continue
            words = self._head(a.text)
            if (len(words) > n and words[:n] == head) or (
                    m.role in self.same_roles and a.role == m.role
                    and a.resolved_by in ("agent", "title")):
                hits.append(a)
        if not hits:
            return None
        last = max(hits, key=lambda a: a.start)
        si = _sentence_index(self.sentences, last.start)
        codes = {a.code for a in hits if _sentence_index(self.sentences, a.start) == si}
        return last.code if len(codes) == 1 else None

    def subject_country(self, m: ActorMention, pos: int, c: ActorMention | None,
                        located: frozenset[str]) -> bool:
        """Whether a country after a country-less subject ``m`` in its own sentence may be
        its country.  A bare country name or capital ('… pejabat menuduh Damaskus'), forces
        or people ('Militer menahan 18 orang Palestina') are mostly what it acts on; its
        genitive right after it, a politician or institution (``polity_roles``: '… setuju
        dengan Jokowi', '… melalui MPR') and, for ``located`` roles, the place after a
        preposition ('Gerilyawan membunuh … di Irak') are mostly its own."""
        if m.role in located and _after_place_prep(self.text, pos, self.at_preps):
            return True
        if c is None:
            return False
        return not self.text[m.end:pos].strip() or (
            c.role in self.polity_roles and c.resolved_by not in ("metonym", "coref"))

    def sentence_country(self, m: ActorMention, window: int,
                         located: frozenset[str]) -> str | None:
        si = _sentence_index(self.sentences, m.start)
        groups: list[list[tuple[int, str]]] = []
        for k in range(si, max(-1, si - window - 1), -1):
            if 0 <= k < len(self.sentences):
                sent = self.sentences[k]
                cands: list[tuple[int, str, ActorMention | None]] = [
                    (c.start, c.code, c) for c in self.base
                    if sent.start <= c.start < sent.end and _is_country(c) and c is not m
                    and (m.role in located
                         or not _after_place_prep(self.text, c.start, self.preps))]
                # a place after 'di'/'ke' is where something happens, not whose official
                # this is — except for rebels/police/civilians (``located``)
                cands += [(p.start, p.country, None) for p in self.places
                          if p.start is not None and p.country
                          and sent.start <= p.start < sent.end
                          and not (m.start <= p.start < m.end)
                          and (m.role in located
                               or not _after_place_prep(self.text, p.start, self.preps))]
                if k == si and not any(pos < m.start for pos, _, _ in cands):
                    # the sentence's first actor is its subject: what follows is mostly what
                    # it acts on ('… pejabat menuduh Damaskus'), see ``subject_country``
                    cands = [x for x in cands if self.subject_country(m, x[0], x[2], located)]
                groups.append([(pos, c) for pos, c, _ in cands])
        for grp in groups:
            if grp:
                codes = {c for _, c in grp}
                if len(codes) == 1:
                    return next(iter(codes))
                break
        if m.role in located and groups:
            # 'Gerilyawan membunuh tiga prajurit AS di Irak': rebels/police/civilians of the
            # one country the sentence places the event in
            placed = {c for pos, c in groups[0]
                      if _after_place_prep(self.text, pos, self.at_preps)}
            if len(placed) == 1:
                return next(iter(placed))
        return None
