"""Within-article coreference for actors: pronouns, "kedua negara", surname-only mentions.

Conservative by design (GUIDE.md rule 6): an anaphor is resolved only when the nearest
sentence(s) with candidates leave exactly one reading; otherwise it stays unresolved.
The cue words live in ``warta/data/actors/coref.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from warta.actors import BLOCS, NO_COUNTRY, ActorResolver
from warta.model import ActorMention, Sentence

_PERSONISH = ("person:",)


def _is_person(m: ActorMention) -> bool:
    return (m.entity or "").startswith(_PERSONISH) or (m.resolved_by == "title" and m.name is not None)


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


def _patterns(resolver: ActorResolver) -> dict[str, re.Pattern[str]]:
    def make() -> dict[str, re.Pattern[str]]:
        out: dict[str, re.Pattern[str]] = {}
        for key in ("person_pronouns", "party_pronouns", "plural_pronouns", "pair_country",
                    "pair_leader", "pair_any", "country_anaphora"):
            words = sorted((str(w) for w in resolver.cues.get(key, [])), key=len, reverse=True)
            if words:
                alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                out[key] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
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


def _single(groups: list[list[ActorMention]]) -> ActorMention | None:
    """Nearest sentence with candidates; resolved only if all share one code."""
    for grp in groups:
        if grp:
            codes = {m.code for m in grp if m.code != "---"}
            if len(codes) == 1:
                return next(m for m in reversed(grp) if m.code in codes)
            return None
    return None


def _pair(groups: list[list[ActorMention]]) -> list[ActorMention] | None:
    """Accumulate distinct codes sentence by sentence (nearest first) until two are found."""
    seen: dict[str, ActorMention] = {}
    for grp in groups:
        for m in reversed(grp):
            if m.code != "---" and m.code not in seen:
                seen[m.code] = m
        if len(seen) >= 2:
            return list(seen.values()) if len(seen) == 2 else None
    return None


def resolve(doc_text: str, sentences: list[Sentence], mentions: list[ActorMention],
            resolver: ActorResolver, when: dt.date | None = None) -> list[ActorMention]:
    """Return ``mentions`` plus coreference mentions (``resolved_by="coref"``), sorted by start."""
    pats = _patterns(resolver)
    window = int(resolver.cues.get("window_sentences", 3))
    joiners = frozenset(str(w).lower() for w in resolver.cues.get("pair_joiners", ["dan"]))
    base = sorted(mentions, key=lambda m: m.start)
    covered = [(m.start, m.end) for m in base]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in covered)

    new: list[ActorMention] = []
    for key, pat in pats.items():
        for mt in pat.finditer(doc_text):
            s, e = mt.start(), mt.end()
            if not free(s, e):
                continue
            span = doc_text[s:e]
            if key == "person_pronouns":
                got = _single(_window(base, sentences, s, window, _is_person))
                if got:
                    new.append(_copy(got, span, s, e))
            elif key == "party_pronouns":
                got = _single(_window(base, sentences, s, window, lambda m: True))
                if got:
                    new.append(_copy(got, span, s, e))
            elif key == "plural_pronouns":
                groups = _window(base, sentences, s, window, lambda m: True)
                nearest = next((g for g in groups if g), [])
                pair = _coordinated_pair(doc_text, [nearest], joiners, lambda m: True)
                if pair:  # 'Xi dan Putin … mereka'
                    new.extend(_copy(m, span, s, e) for m in pair)
                else:
                    got = _single(_window(base, sentences, s, window, _is_group))
                    if got:
                        new.append(_copy(got, span, s, e))
            elif key == "country_anaphora":
                got = _single(_window(base, sentences, s, window, _is_country))
                if got:
                    new.append(_copy(got, span, s, e, role=None, keep_role=False))
            else:
                keep = {"pair_country": _is_country, "pair_leader": _is_person,
                        "pair_any": lambda m: True}[key]
                groups = _window(base, sentences, s, window, keep)
                coord = _coordinated_pair(doc_text, groups, joiners, keep)
                # 'kedua' = exactly two: three coordinated actors are ambiguous
                pair = _pair(groups) if coord is None else (coord if len(coord) == 2 else None)
                if pair:
                    role = "GOV" if key == "pair_leader" else None
                    for m in pair:
                        new.append(_copy(m, span, s, e, role=role,
                                         keep_role=key == "pair_any"))
            covered.append((s, e))
    new.extend(_surnames(doc_text, base, resolver, when, free))
    located = frozenset(str(r) for r in resolver.cues.get("located_roles", []))
    preps = frozenset(str(p).lower() for p in resolver.cues.get("place_prepositions", []))
    new.extend(_country_context(base, sentences, window, doc_text, located, preps))
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
            if mt.start() >= first_end and free(mt.start(), mt.end()):
                out.append(_copy(ms[0], last, mt.start(), mt.end()))
    return out


def _after_place_prep(doc_text: str, start: int, preps: frozenset[str]) -> bool:
    words = doc_text[max(0, start - 30):start].lower().split()
    return bool(words) and (words[-1] in preps or " ".join(words[-2:]) in preps)


def _country_context(base: list[ActorMention], sentences: list[Sentence], window: int,
                     doc_text: str = "", located_roles: frozenset[str] = frozenset(),
                     preps: frozenset[str] = frozenset()) -> list[ActorMention]:
    """'para pemberontak' / 'Menteri Luar Negeri Lam Akol' with no country ('---'): when the
    sentence (else the nearest earlier sentence with countries) names exactly one country,
    add a coref mention with that country on the same span.  Two or more → left alone."""
    out: list[ActorMention] = []
    for m in base:
        if m.code != "---" or m.resolved_by not in ("agent", "title") or m.role is None:
            continue
        if (m.entity or "").startswith(("group:", "org:")):
            continue  # a group with no home country by definition (Al-Qaeda, ISIS, MSF)
        si = _sentence_index(sentences, m.start)
        groups: list[list[ActorMention]] = []
        for k in range(si, max(-1, si - window - 1), -1):
            if 0 <= k < len(sentences):
                sent = sentences[k]
                groups.append([c for c in base if sent.start <= c.start < sent.end
                               and _is_country(c) and c is not m])
        got = _single(groups)
        if got is None and m.role in located_roles and groups:
            # 'Gerilyawan membunuh tiga prajurit AS di Irak': rebels/police/civilians of the
            # one country the sentence places the event in
            placed = [c for c in groups[0] if _after_place_prep(doc_text, c.start, preps)]
            got = _single([placed])
        if got is not None:
            out.append(ActorMention(text=m.text, start=m.start, end=m.end, code=got.code,
                                    role=m.role, name=m.name, resolved_by="coref",
                                    entity=m.entity))
    return out
