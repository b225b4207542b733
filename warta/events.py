"""The event coder: trigger lexicon + Indonesian clause grammar → who did what to whom.

For each sentence the coder gets the tokens, the actor mentions (already resolved, coreference
included) and the trigger matches from :class:`warta.lexicon.Lexicon`. For every trigger it finds

* the **source**: the nearest actor group to the left that is not governed by a preposition and
  not inside a parenthetical "yang …" clause (the subject); for a passive verb the agent after
  "oleh"; for an event noun the genitive actor right after the noun; for a verbal act with no
  subject the speaker of a closing attribution ("…, kata Menlu X");
* the **target**: per the entry's frame — the direct object (active), the subject (passive), or the
  actor after one of the frame's prepositions ("dengan", "kepada", "terhadap" …);
* the **mode**: negation / future / hypothetical cues in a window before the trigger
  (``warta/lang/id/modality.yaml``); a planned cooperative act becomes its 03x intent code.

All word lists come from ``warta/lang/id/grammar.yaml`` and ``modality.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from warta.codebook import Codebook
from warta.lang import LangData
from warta.lexicon import Lexicon, TriggerMatch
from warta.model import ActorMention, Event, EventDate, Evidence


@dataclass(slots=True)
class Token:
    """The coder's view of a token: lowercased text and character span in the article."""

    lower: str
    start: int
    end: int
    is_title: bool = False


@dataclass(slots=True)
class Group:
    """One or more actor mentions acting together ("Xi dan Putin", "kedua negara")."""

    start: int  # token index
    end: int  # token index, exclusive
    mentions: list[ActorMention] = field(default_factory=list)


def _cue_set(items: list[str]) -> tuple[frozenset[str], list[tuple[str, ...]]]:
    single = frozenset(i for i in items if " " not in i)
    multi = [tuple(i.split()) for i in items if " " in i]
    return single, multi


class Grammar:
    """Function-word tables from ``grammar.yaml`` and ``modality.yaml``."""

    def __init__(self, lang: LangData):
        g = lang.yaml("grammar.yaml")
        m = lang.yaml("modality.yaml")
        d = lang.yaml("dates.yaml")
        # month names: a date between coordinated actors ("ke India 21-23 Agustus dan Malaysia")
        self.months = frozenset(str(w).lower() for ws in d["months"].values() for w in ws)
        self.prepositions = frozenset(g["prepositions"])
        self.agent_markers = frozenset(g["agent_markers"])
        self.noun_agent_markers = frozenset(g["noun_agent_markers"])
        self.object_fallback_preps = frozenset(g["object_fallback_preps"])
        self.coordinators = frozenset(g["coordinators"])
        self.coordinator_skip = frozenset(g["coordinator_skip"])
        self.np_fillers = frozenset(g["np_fillers"])
        self.left_boundaries = frozenset(g["left_boundaries"])
        self.right_boundaries = frozenset(g["right_boundaries"])
        self.relative = frozenset(g["relative"])
        self.attribution = frozenset(g["attribution"])
        self.speech_setting_preps = frozenset(g["speech_setting_preps"])
        self.document_nouns = frozenset(g["document_nouns"])
        self.copulas = frozenset(g["copulas"])
        self.characterised_roots = tuple(str(r) for r in g["characterised_roots"])
        self.characterised_code = str(g["characterised_code"])
        self.origin_only_roots = tuple(str(r) for r in g["origin_only_roots"])
        self.light_verbs = frozenset(g["light_verbs"])
        self.fronted = frozenset(g["fronted"])
        self.verb_adverbs = frozenset(g["verb_adverbs"])
        self.noun_premodifiers = frozenset(g["noun_premodifiers"])
        self.conditionals = frozenset(g["conditionals"])
        self.soft_boundaries = frozenset(g["soft_boundaries"])
        self.locatives = frozenset(g["locatives"])
        self.command_nouns = frozenset(g["command_nouns"])
        self.sport_cues: dict[str, list[tuple[str, ...]]] = {}
        for cue in g["sport_cues"]:
            ws = tuple(str(cue).lower().split())
            self.sport_cues.setdefault(ws[0], []).append(ws)
        self.sport_roots = tuple(str(r) for r in g["sport_roots"])
        self.instrument_nouns = frozenset(g["instrument_nouns"])
        self.hard_boundaries = frozenset(g["hard_boundaries"])
        self.origin_markers = frozenset(g["origin_markers"])
        self.undergo_verbs = frozenset(g["undergo_verbs"])
        self.verbal_roots = frozenset(str(r) for r in g["verbal_roots"])
        self.bare_complement_gap = int(g["bare_complement_gap"])
        self.quotes = frozenset(g["quotes"])
        self.place_target_codes = tuple(str(r) for r in g["place_target_codes"])
        self.attend_words = frozenset(g["attend_words"])
        self.demonstratives = frozenset(g["demonstratives"])
        self.setting_preps = frozenset(g["setting_preps"])
        self.topic_verbs = frozenset(g["topic_verbs"])
        self.topic_holder_roots = tuple(str(r) for r in g["topic_holder_roots"])
        self.intrans_verbs = frozenset(g["intrans_verbs"])
        self.purpose = frozenset(g["purpose"])
        self.question_cues = frozenset(g["question_cues"])
        self.force_codes = frozenset(str(r) for r in g["force_codes"])
        self.unconventional_targets = frozenset(g["unconventional_targets"])
        self.nonstate_roles = frozenset(g["nonstate_roles"])
        self.state_force_codes: dict[str, str] = {
            str(k): str(v) for k, v in g["state_force_codes"].items()}
        self.victim_verbs = frozenset(g["victim_verbs"])
        self.adverbial_conjunctions = frozenset(g["adverbial_conjunctions"])
        self.vp_coordinators = frozenset(g["vp_coordinators"])
        self.antara_adjunct = frozenset(g["antara_adjunct"])
        self.reciprocal_cues = frozenset(g["reciprocal_cues"])
        self.complement_subcodes = {str(k): {str(a): str(b) for a, b in v.items()}
                                    for k, v in g["complement_subcodes"].items()}
        self.aside_markers = frozenset(g["aside_markers"])
        self.fronted_openers = frozenset(g["fronted_openers"])
        self.evaluation_verbs = frozenset(g["evaluation_verbs"])
        self.evaluation_gap = int(g["evaluation_gap"])
        self.complement_markers = frozenset(g["complement_markers"])
        self.apposition_max = int(g["apposition_max"])
        self.realized = _cue_set(g["realized_cues"])
        self.realized_codes = {str(k): str(v) for k, v in g["realized_codes"].items()}
        self.transfer_verbs = frozenset(g["transfer_verbs"])
        self.recipient_preps = frozenset(g["recipient_preps"])
        self.inclusion_cues = frozenset(g["inclusion_cues"])
        self.inclusion_gap = int(g["inclusion_gap"])
        self.relation_nouns = frozenset(g["relation_nouns"])
        self.denial_codes = frozenset(g["denial_codes"])
        self.domestic_default_roots = tuple(g["domestic_default_roots"])
        self.domestic_default_roles = frozenset(g["domestic_default_roles"])
        self.domestic_object_max = int(g["domestic_object_max"])
        self.casualty_verbs = frozenset(g["casualty_verbs"])
        self.violent_roots = tuple(g["violent_roots"])
        self.unilateral_roots = tuple(g["unilateral_roots"])
        self.patient_genitive_roots = tuple(g["patient_genitive_roots"])
        self.travel_codes = tuple(g["travel_codes"])
        self.agent_clitic = str(g["agent_clitic"])
        self.aerial_agents = tuple(str(w) for w in g["aerial_agents"])
        self.aerial_codes: dict[str, str] = {str(k): str(v) for k, v in g["aerial_codes"].items()}
        self.return_verbs = frozenset(g["return_verbs"])
        self.return_origin = frozenset(g["return_origin"])
        self.return_gap = int(g["return_gap"])
        self.private_travellers = frozenset(g["private_travellers"])
        self.patient_genitive_roles = frozenset(g["patient_genitive_roles"])
        self.act_separators = frozenset(g["act_separators"])
        self.venue_genitive_roots = tuple(g["venue_genitive_roots"])
        self.antara_joiners = frozenset(g["antara_joiners"])
        self.scare_quote_max = int(g["scare_quote_max"])
        self.responsibility_cues = [tuple(c.split()) for c in g["responsibility_cues"]]
        self.addressed_roots = frozenset(str(r) for r in g["addressed_roots"])
        self.addressee_markers = frozenset(g["addressee_markers"])
        self.unconventional_code = str(g["unconventional_code"])
        self.topic_gap = int(g["topic_gap"])
        self.circumstance_preps = frozenset(g["circumstance_preps"])
        self.antara = frozenset(g["antara"])
        self.antara_gap = int(g["antara_gap"])
        self.origin_heads = frozenset(g["origin_heads"])
        self.complementizers = frozenset(g["complementizers"])
        self.governing_roots = frozenset(str(r) for r in g["governing_roots"])
        self.max_subject_distance = int(g["max_subject_distance"])
        self.max_object_distance = int(g["max_object_distance"])
        self.window = int(m["window"])
        self.negation = _cue_set(m["negation"])
        self.future = _cue_set(m["future"])
        self.future_after = _cue_set(m["future_after"])
        self.hypothetical = _cue_set(m["hypothetical"])
        self.intent_codes: dict[str, str] = dict(m["intent_codes"])
        self.intent_specific: dict[str, str] = dict(m.get("intent_codes_specific") or {})
        self.refusal = frozenset(m["refusal"])
        self.reporting = frozenset(m["reporting"])
        self.obligation = frozenset(m["obligation"])
        self.obligation_code = str(m["obligation_code"])
        self.refusal_codes: dict[str, str] = {str(k): str(v) for k, v in m["refusal_codes"].items()}


    def subcode(self, root: str, act: str) -> str | None:
        """The sub-code of an appeal/demand `root` that the act in its complement implies
        (`complement_subcodes`: "menyerukan … memulai kembali perundingan" → 026)."""
        table = self.complement_subcodes.get(root, {})
        key = next((act[:n] for n in (4, 3, 2) if act[:n] in table), None)
        return table[key] if key is not None else None


def _aerial(text: str, agents: tuple[str, ...]) -> bool:
    """Does an actor phrase name aircraft ('pesawat-pesawat tempur Israel', 'jet tempur')?"""
    words = " ".join(w.split("-")[0] for w in text.lower().split())
    return any(a in words for a in agents)


def _has_cue(words: list[str], cues: tuple[frozenset[str], list[tuple[str, ...]]]) -> str | None:
    single, multi = cues
    for i, w in enumerate(words):
        for seq in multi:
            if tuple(words[i : i + len(seq)]) == seq:
                return " ".join(seq)
        if w in single:
            return w
    return None


def _same_actor(a: ActorMention, others: list[ActorMention]) -> bool:
    """The same actor mentioned twice ("Xi ... ia"), not a second actor of the same country
    (nor a country that is one member of a grouping: "Kuartet … mendukung rencana AS")."""
    for o in others:
        if a.code != o.code:
            continue
        if a.name and o.name:
            if a.name == o.name:
                return True
        elif a.entity and o.entity:
            if a.entity == o.entity and a.role == o.role:
                return True
        elif a.role == o.role:
            return True
    return False


class EventCoder:
    """Codes the events of one sentence. Stateless apart from the loaded tables."""

    def __init__(self, lexicon: Lexicon, codebook: Codebook, lang: LangData):
        self.lexicon = lexicon
        self.codebook = codebook
        self.g = Grammar(lang)
        self._light_keys: set[str] = set()

    # ----------------------------------------------------------------- groups
    def groups(self, tokens: list[Token], mentions: list[ActorMention]) -> list[Group]:
        """Actor mentions as token spans, coordinated actors merged into joint groups.

        "A dan B", "A, B dan C", "baik A maupun B" are joint; "A, B," alone is an apposition
        ("bekas penguasa kolonial Guinea, Perancis,") and stays two groups.
        """
        units: dict[tuple[int, int], list[ActorMention]] = {}
        for m in mentions:
            ts = next((i for i, t in enumerate(tokens) if t.end > m.start), None)
            if ts is None:
                continue
            te = ts
            while te < len(tokens) and tokens[te].start < m.end:
                te += 1
            if te == ts:
                continue
            units.setdefault((ts, te), []).append(m)
        for k, ms in units.items():
            coded = [m for m in ms if m.code != "---"]
            if coded and len(coded) < len(ms):
                units[k] = coded
        for (s1, e1), ms in list(units.items()):
            # "satu delegasi dari Rabat": an unnamed envoy takes the country it comes from
            if (all(m.code == "---" or m.resolved_by == "coref" for m in ms)
                    and e1 + 1 < len(tokens)
                    and tokens[e1].lower in self.g.origin_markers
                    and tokens[e1 - 1].lower in self.g.origin_heads):
                origin = next((k for k in units if k[0] == e1 + 1), None)
                if origin is not None and all(m.code != "---" for m in units[origin]):
                    units[(s1, origin[1])] = list(units[origin])
        # a mention inside a longer one ("Timur Tengah" in "Kuartet Timur Tengah") is part of it
        spans = sorted(k for k in units
                       if not any(o != k and o[0] <= k[0] and k[1] <= o[1] for o in units))
        out: list[Group] = []
        pending: list[Group] = []  # a chain joined by commas only, waiting for a closing "dan"
        for s, e in spans:
            unit = Group(s, e, list(units[(s, e)]))
            prev = pending[-1] if pending else (out[-1] if out else None)
            if prev is not None and s >= prev.end:
                between = [t.lower for t in tokens[prev.end : s]]
                joins = [w for w in between if w in self.g.coordinators and w != ","]
                only = all(w in self.g.coordinators or w in self.g.coordinator_skip
                           or w in self.g.months or w.strip("-–").replace("-", "").isdigit()
                           or w in ("-", "–")
                           for w in between)
                clause = bool(joins) and self._clause_join(tokens, prev, unit)
                if not between or (only and joins and not clause):
                    base = pending[0] if pending else out[-1]
                    for p in pending[1:] + [unit]:
                        base.mentions.extend(p.mentions)
                    base.end = e
                    if not between and any(a.code != "---" for a in base.mentions):
                        # "Ketua Umum Gerindra Prabowo": one actor; its untitled parts go
                        base.mentions = [a for a in base.mentions if a.code != "---"]
                    if pending:
                        out.append(base)
                        pending = []
                    continue
                if only and between == [","]:
                    if not pending:
                        pending = [out.pop()] if out and out[-1] is prev else [prev]
                    pending.append(unit)
                    continue
            if pending:
                out.extend(pending)
                pending = []
            out.append(unit)
        out.extend(pending)
        return self._inclusions(tokens, sorted(out, key=lambda g: g.start))

    def _inclusions(self, tokens: list[Token], groups: list[Group]) -> list[Group]:
        """'X, termasuk Y dan Z,': Y and Z are members of X, one joint group."""
        out: list[Group] = []
        for g in groups:
            prev = out[-1] if out else None
            if prev is not None and g.start >= 2 and tokens[g.start - 1].lower in (
                    self.g.inclusion_cues) and tokens[g.start - 2].lower == ",":
                between = tokens[prev.end : g.start - 2]
                if len(between) <= self.g.inclusion_gap and not any(
                        self._is_verb(t) or not t.lower.isalnum() for t in between):
                    out[-1] = Group(prev.start, g.end, list(prev.mentions) + list(g.mentions))
                    continue
            out.append(g)
        return out

    def _is_verb(self, t: Token) -> bool:
        w = t.lower
        return w.isalpha() and self.lexicon.morph.analyse(w).voice in {"active", "passive"}

    def _clause_join(self, tokens: list[Token], a: Group, b: Group) -> bool:
        """'… menyerang Gaza dan Indonesia mengecam …': "dan" joins clauses, not actors."""
        before = a.start - 1
        after = b.end
        return (before >= 0 and self._is_verb(tokens[before]) and after < len(tokens)
                and self._is_verb(tokens[after]))

    def _governed(self, tokens: list[Token], g: Group) -> str | None:
        """The preposition governing group g (skipping fillers), if any.

        A locative ("di", "ke", "dari" …) governs even across a few plain words ("di tiga hotel
        Amman"), since a place name there is a location, not a participant.
        """
        i = g.start - 1
        while i >= 0 and tokens[i].lower in self.g.np_fillers:
            i -= 1
        if i >= 0 and tokens[i].lower in self.g.prepositions:
            if (tokens[i].lower in self.g.origin_markers and i > 0
                    and tokens[i - 1].lower in self.g.origin_heads):
                return None  # "para menteri dari Uni Eropa": the ministers are the EU
            return tokens[i].lower
        for j in range(i, max(-1, i - 3), -1):
            w = tokens[j].lower
            if w in self.g.command_nouns:
                return None  # "di bawah kepemimpinan NATO": who commands, not where
            if w in self.g.locatives:
                return w
            if not w.isalnum() or w in self.g.coordinators or tokens[j].is_title:
                break
        return None

    def _place_apposition(self, tokens: list[Token], g: Group) -> str | None:
        """'di Makkah, Arab Saudi, …': the locative before a place that g's country names."""
        i = g.start - 1
        if i < 2 or tokens[i].lower != "," or not tokens[g.start].is_title or (
                g.end < len(tokens) and tokens[g.end].lower.isalnum()):
            return None
        j = i - 1
        while j > 0 and i - j <= 3 and tokens[j].is_title:
            j -= 1
        if j < i - 1 and j > 0 and tokens[j].lower in self.g.locatives and tokens[
                j - 1].lower in self.g.prepositions:
            return tokens[j - 1].lower  # "di kota Halle, Jerman": the preposition
        return tokens[j].lower if j < i - 1 and tokens[j].lower in self.g.locatives else None

    # ----------------------------------------------------------------- arguments
    def _left_limit(self, tokens: list[Token], start: int) -> int:
        i = start - 1
        lo = max(0, start - self.g.max_subject_distance)
        while i >= lo:
            w = tokens[i].lower
            if w == ")":
                # jump over a parenthesis "(OKI)"
                j = i - 1
                while j >= lo and tokens[j].lower != "(":
                    j -= 1
                if j >= lo:
                    i = j - 1
                    continue
            if w == ",":
                # jump over a parenthetical ", yang ... ," (its boundaries do not count)
                j = self._comma_before(tokens, i, lo)
                if j >= lo and j + 1 < i and self._parenthetical(tokens, j + 1, i):
                    i = j - 1
                    continue
                if j > lo and j + 1 < i and self._apposition(tokens, j + 1, i):
                    # ", yang … panglima militer Jordan, Jenderal Khalid al-Sarayreh,": a name
                    # in apposition closing an aside belongs to the aside
                    k = self._comma_before(tokens, j, lo)
                    if k >= lo and k + 1 < j and self._parenthetical(tokens, k + 1, j):
                        i = k - 1
                        continue
            if w in self.g.quotes:
                opening = self._scare_quote_open(tokens, i, lo)
                if opening is not None:
                    i = opening - 1  # 'kemitraan "tanpa batas," menegaskan …': a quoted NP
                    continue
            if w in self.g.left_boundaries and not (
                    i + 1 < start and tokens[i + 1].lower in self.g.demonstratives):
                return i + 1  # ("setelah itu", "sejak itu" are adverbs, not clause openers)
            i -= 1
        return lo

    @staticmethod
    def _comma_before(tokens: list[Token], i: int, lo: int) -> int:
        """Index of the last comma before `i` at or after `lo` (lo - 1 if none)."""
        j = i - 1
        while j >= lo and tokens[j].lower != ",":
            j -= 1
        return j

    def _scare_quote_open(self, tokens: list[Token], close: int, lo: int) -> int | None:
        """The opening quote of a short verbless quoted phrase that ends at `close`."""
        j = close - 1
        while j >= lo and close - j <= self.g.scare_quote_max + 1:
            if tokens[j].lower in self.g.quotes:
                inner = tokens[j + 1 : close]
                if inner and not any(self._is_verb(t) for t in inner):
                    return j
                return None
            j -= 1
        return None

    def _skipped_segments(self, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
        """Parenthetical ", yang … ," segments between lo and hi (token ranges)."""
        out: list[tuple[int, int]] = []
        i = lo
        while i < hi:
            if tokens[i].lower == "," and i + 1 < hi:
                j = i + 1
                while j < hi and tokens[j].lower != ",":
                    j += 1
                if j < hi and self._parenthetical(tokens, i + 1, j):
                    k = j + 1
                    while k < hi and tokens[k].lower != ",":
                        k += 1
                    if k < hi and self._apposition(tokens, j + 1, k):
                        j = k  # the aside ends with a name in apposition
                    out.append((i, j + 1))
                    i = j + 1
                    continue
            i += 1
        return out

    def _apposition(self, tokens: list[Token], a: int, b: int) -> bool:
        """Is tokens[a:b] a short verbless name ("Jenderal Khalid al-Sarayreh")?"""
        span = tokens[a:b]
        return (0 < len(span) <= self.g.apposition_max and span[0].is_title
                and not any(self._is_verb(t) or t.lower in self.g.relative for t in span))

    def _parenthetical(self, tokens: list[Token], a: int, b: int) -> bool:
        """Is tokens[a:b], between two commas, an aside: ", yang …," or an adverbial clause
        (", di Kairo setelah bertemu …,")?"""
        if tokens[a].lower in self.g.relative:
            return True
        return any(t.lower in self.g.adverbial_conjunctions or t.lower in self.g.aside_markers
                   for t in tokens[a:b])

    def _fronted_end(self, tokens: list[Token]) -> int | None:
        """The comma closing a sentence-opening adverbial ("Pada awal konferensi London …,",
        "Tak lama setelah pasukan Jerman menyeberangi batas,"), if the sentence opens so."""
        if not tokens or tokens[0].lower not in self.g.fronted_openers:
            return None
        return next((i for i, t in enumerate(tokens) if t.lower == ","), None)

    def find_subject(
        self, tokens: list[Token], groups: list[Group], start: int
    ) -> tuple[Group | None, str]:
        lo = self._left_limit(tokens, start)
        fronted = self._fronted_end(tokens)
        if fronted is not None and fronted < start:
            lo = max(lo, fronted + 1)  # the opening adverbial holds no subject of the main clause
        if lo > 0 and tokens[lo - 1].lower in self.g.adverbial_conjunctions:
            # "… setelah pasukan Jerman menyeberangi batas, Chamberlain menyalahkan …": a full
            # adverbial clause ends at its comma; the main clause's subject comes after it
            comma = next((i for i in range(start - 1, lo - 1, -1) if tokens[i].lower == ","), None)
            if comma is not None and any(self._is_verb(t) for t in tokens[lo:comma]):
                lo = comma + 1
        # trigger inside a relative clause: "X, yang mengecam Y" -> X
        j = start - 1
        while j >= lo and tokens[j].lower in self.g.np_fillers | self.g.verb_adverbs:
            j -= 1
        if j > lo and tokens[j].lower in self.g.light_verbs:
            k = j - 1  # "kedua negara yang telah menunjukkan hubungan …": through a light verb
            while k >= lo and tokens[k].lower in self.g.verb_adverbs:
                k -= 1
            if k >= lo and tokens[k].lower in self.g.relative:
                j = k
        if j >= lo and tokens[j].lower in self.g.relative:
            k = j - 1
            if k >= 0 and tokens[k].lower == ",":
                k -= 1
            for g in reversed(groups):
                if g.end - 1 <= k and g.end >= k:
                    return g, "relative-head"
            if k >= 0 and tokens[k].lower in self.g.document_nouns:
                # "DK PBB mengeluarkan resolusi yang mengecam …": the document's issuer
                issuer, _ = self.find_subject(tokens, groups, k)
                return issuer, "document-issuer" if issuer is not None else ""
            if (k >= 0 and tokens[k].lower.replace("-", "").isalnum()
                    and not self._is_verb(tokens[k])):
                # "perundingan …, yang membahas …": the head is a thing, not an actor
                return None, ""
        shared = self._shared_subject(tokens, groups, lo, start)
        if shared is not None:
            return shared
        skipped = self._skipped_segments(tokens, lo, start)
        for g in reversed(groups):
            if g.end > start or g.start < lo:
                continue
            if any(a <= g.start < b for a, b in skipped):
                continue
            opens_clause = g.start == lo and lo > 0 and tokens[lo - 1].lower in self.g.left_boundaries
            if not opens_clause and self._governed(tokens, g):
                continue
            return g, "subject"
        return self._adverbial_subject(tokens, groups, lo, start)

    def _shared_subject(self, tokens: list[Token], groups: list[Group], lo: int, start: int
                        ) -> tuple[Group | None, str] | None:
        """'Gerilyawan membunuh dua polisi Iran dan menculik empat orang': a verb coordinated
        after another verb's object shares that verb's subject (not the object)."""
        j = start - 1
        while j >= lo and tokens[j].lower in self.g.verb_adverbs:
            j -= 1
        participle = j >= lo and tokens[j].lower == "," and (
            tokens[start].lower in self.g.casualty_verbs)  # "…, menewaskan 12 orang"
        if j < lo or not (tokens[j].lower in self.g.vp_coordinators or participle):
            return None
        # the clause's verb (a ber- verb with a bare object too: "bertemu PM Malaysia dan …")
        v = next((i for i in range(lo, j) if self._is_verb(tokens[i])
                  or tokens[i].lower in self.g.intrans_verbs), None)
        if v is None or not any(v < g.start and g.end <= j for g in groups):
            return None  # no object in between: the ordinary subject search is right
        g, _ = self.find_subject(tokens, groups, v)
        return g, "shared-subject"

    def _adverbial_subject(self, tokens: list[Token], groups: list[Group], lo: int, start: int
                           ) -> tuple[Group | None, str]:
        """'X, di Kairo setelah melakukan pertemuan dengan Y, …' / 'Setelah bertemu Y, X …':
        a subjectless adverbial clause shares the subject of its main clause."""
        opening = start == lo == 0 and self.lexicon.morph.analyse(tokens[0].lower).voice in {
            "active", "passive", "intrans"}
        # ("Berkumpul dalam dunia maya …, kedua pemimpin menyoroti …": the sentence opens with
        # a subjectless verb clause)
        if not opening and (lo == 0 or tokens[lo - 1].lower not in self.g.adverbial_conjunctions):
            return None, ""
        if any(t.lower not in self.g.light_verbs | self.g.verb_adverbs | self.g.noun_premodifiers
               for t in tokens[lo:start]):
            return None, ""  # the clause has words (a subject, a verb) of its own
        before = [g for g in groups if g.end <= lo - 1 and not self._governed(tokens, g)]
        if before:
            return before[-1], "adverbial-subject"
        g = self._subject_after_comma(tokens, groups, start)
        return (g, "adverbial-subject") if g is not None else (None, "")

    def _subject_after_comma(self, tokens: list[Token], groups: list[Group], start: int
                             ) -> Group | None:
        """The main clause's subject after an opening adverbial that reaches `start`."""
        for comma in (i for i in range(start, len(tokens)) if tokens[i].lower == ","):
            # (the main clause follows the adverbial's last comma: "…, Rabu, 4 Februari, X …")
            g = next((g for g in groups if comma < g.start <= comma + 3
                      and not self._governed(tokens, g)
                      and not any(self._is_verb(t) for t in tokens[comma + 1 : g.start])), None)
            if g is not None:  # (not the object: "…, Chamberlain menyalahkan Jerman")
                return g
            if any(self._is_verb(t) for t in tokens[comma + 1 : comma + 4]):
                break
        return None

    def _right_limit(self, tokens: list[Token], end: int) -> int:
        hi = min(len(tokens), end + self.g.max_object_distance)
        i = end
        while i < hi:
            if tokens[i].lower in self.g.right_boundaries:
                return i
            if tokens[i].lower == "," and i + 1 < hi and self._is_verb(tokens[i + 1]):
                return i  # ", memperkuat aliansi antara …": a new clause
            i += 1
        return hi

    def find_after(
        self, tokens: list[Token], groups: list[Group], end: int, preps: set[str],
        inside: tuple[int, int] | None = None, words: frozenset[str] = frozenset(),
    ) -> tuple[Group | None, str]:
        """The first group after `end` introduced by one of `preps` ("obj" = directly).

        `words` are the trigger entry's own words, never its target.

        `inside` is the span of a gapped trigger ("mendesak ... mundur"): a group inside the gap
        is the object.
        """
        if inside is not None:
            for g in groups:
                if inside[0] < g.start and g.end <= inside[1] and not self._governed(tokens, g):
                    if all(t.lower in words for t in tokens[g.start : g.end]):
                        continue  # a word of the trigger itself ("operasi militer")
                    return g, "inside"
        hi = self._right_limit(tokens, end)
        if "obj" in preps:
            # an actor phrase the trigger's last words begin ("memanggil duta besar China")
            across = next((g for g in groups if g.start < end < g.end), None)
            if across is not None:
                return across, "obj"
            # an object right after the verb wins over a later phrase ("meminta Rice untuk …")
            i = end
            while i < hi and tokens[i].lower in self.g.np_fillers:
                i += 1
            first = next((g for g in groups if g.start == i), None)
            if first is not None and i < hi and not self._governed(tokens, first):
                return first, "obj"
        found = self._in_pp(tokens, groups, end, hi, preps - {"obj"})
        if found is not None:
            return found
        for g in groups:
            if g.start < end or g.start >= hi:
                continue
            gov = self._governed(tokens, g)
            if gov is None:
                # direct object: fillers, or up to two plain nouns ("memuji peran Indonesia",
                # "mengecam serangan Israel"), between the trigger and the group
                between = tokens[end : g.start]
                plain = [t for t in between if t.lower not in self.g.np_fillers]
                if "obj" in preps and len(plain) <= 2 and all(self._plain_noun(t) for t in plain):
                    return g, "obj"
                continue
            if gov in preps:
                return g, gov
        return None, ""

    def _in_pp(self, tokens: list[Token], groups: list[Group], end: int, hi: int,
               preps: set[str]) -> tuple[Group, str] | None:
        """An actor inside a frame preposition's phrase, across soft boundaries."""
        if not preps:
            return None
        p = next((i for i in range(end, hi) if tokens[i].lower in preps), None)
        if p is None:
            return None
        stop = p + 1
        while stop < len(tokens) and stop < p + 10 and (
            tokens[stop].lower not in self.g.right_boundaries
            or tokens[stop].lower in self.g.soft_boundaries
        ):
            stop += 1
        for g in groups:
            if not p < g.start < stop:
                continue
            if any(tokens[k].lower in self.g.prepositions for k in range(p + 1, g.start)):
                return None
            if g.start > p + 1 and all(m.resolved_by == "coref" for m in g.mentions):
                continue  # "yang mereka sebut": a pronoun inside the phrase, not its head
            if p + 1 < g.start and tokens[p + 1].lower in self.g.instrument_nouns:
                return None  # "dengan mediasi Qatar": who helps, not the target
            return g, tokens[p].lower
        return None

    def _fronted_target(self, tokens: list[Token], groups: list[Group], m: TriggerMatch,
                        src: Group | None) -> Group | None:
        """'Dengan adanya sanksi dari Barat, Moskow …': the main-clause subject is affected."""
        if not tokens or tokens[0].lower not in self.g.fronted:
            return None
        comma = next((i for i in range(m.end, len(tokens)) if tokens[i].lower == ","), None)
        if comma is None or any(t.lower == "," for t in tokens[: m.start]):
            return None
        for g in groups:
            if g.start > comma and g is not src and not self._governed(tokens, g):
                return g
        return None

    def _plain_noun(self, t: Token) -> bool:
        w = t.lower
        if not w.isalpha() or w in self.g.prepositions or w in self.g.coordinators:
            return False
        if w in self.g.right_boundaries or w in self.g.relative:
            return False
        return self.lexicon.morph.analyse(w).voice not in {"active", "passive"}

    def find_agent(self, tokens: list[Token], groups: list[Group], end: int,
                   markers: frozenset[str] | None = None) -> Group | None:
        hi = self._right_limit(tokens, end)
        markers = markers or self.g.agent_markers
        for g in groups:
            if end <= g.start < hi and self._marker_before(tokens, g) in markers:
                between = tokens[end : g.start]
                if self._marker_before(tokens, g) in self.g.origin_markers and any(
                        self._is_verb(t) for t in between):
                    continue  # "roket ditembakkan dari Libanon": where from, not by whom
                verbs = [k for k, t in enumerate(between) if self._is_verb(t)]
                if verbs and not any(t.lower in self.g.relative for t in between[: verbs[0]]):
                    continue  # "Serangan itu dikecam oleh X": the agent of the verb
                return g
        return None

    def _marker_before(self, tokens: list[Token], g: Group) -> str | None:
        """The word right before group g, skipping fillers ("oleh para pemimpin X")."""
        i = g.start - 1
        while i >= 0 and tokens[i].lower in self.g.np_fillers:
            i -= 1
        return tokens[i].lower if i >= 0 else None

    def _antara_pair(self, tokens: list[Token], groups: list[Group], end: int) -> Group | None:
        """'antara X dan Y' right after the trigger's words: a joint pair of two countries."""
        i, budget = end, self.g.antara_gap
        while i < len(tokens):
            w = tokens[i].lower
            if w in self.g.antara:
                g = next((g for g in groups if i < g.start <= i + 2), None)
                if g is None:
                    return None
                j = g.end
                if j < len(tokens) and tokens[j].lower in self.g.antara_joiners:
                    # "antara Presiden Abbas dengan Olmert", "antara Israel dengan gerakan
                    # Islam Hamas"
                    h = next((h for h in groups if j < h.start <= j + 3 and all(
                        self._plain_noun(t) or t.is_title for t in tokens[j + 1 : h.start])),
                        None)
                    if h is not None:
                        g = Group(g.start, h.end, list(g.mentions) + list(h.mentions))
                if len({a.code for a in g.mentions} - {"---"}) >= 2:
                    return g
                return None
            if w in self.g.antara_adjunct or tokens[i].is_title or w.isdigit():
                if any(g.start == i for g in groups) and tokens[i - 1].lower != "di":
                    return None  # an actor, not an adjunct
                i += 1
                continue  # "pada hari Senin", "di Washington, Selasa,"
            if budget == 0 or not self._plain_noun(tokens[i]):
                return None
            budget -= 1
            i += 1
        return None

    def _clause_subject(self, tokens: list[Token], groups: list[Group], start: int
                        ) -> Group | None:
        """The subject of the clause a phrase at `start` belongs to: the first free actor
        followed by a verb before `start`."""
        lo = self._left_limit(tokens, start)
        skipped = self._skipped_segments(tokens, lo, start)
        for g in groups:
            if g.start < lo or g.end > start or self._governed(tokens, g):
                continue
            if any(a <= g.start < b for a, b in skipped):
                continue
            if any(self._is_verb(t) for t in tokens[g.end : start]):
                return g
        return None

    def _support_verb(self, t: Token) -> bool:
        """A passive of a light verb ("dilakukan", "dilancarkan", "diberlakukan"): its agent is
        the agent of the event noun it carries ("tuduhan yang dibantah X" is not X's)."""
        a = self.lexicon.morph.analyse(t.lower)
        if a.voice != "passive":
            return False
        if not self._light_keys:
            self._light_keys = {self.lexicon.morph.analyse(v).key for v in self.g.light_verbs}
        return a.key in self._light_keys

    def _relative_agent(self, tokens: list[Token], groups: list[Group], end: int) -> Group | None:
        """'sanksi yang terus diberlakukan oleh Barat', 'serangan itu dilakukan oleh AS'."""
        for i in range(end, min(len(tokens), end + self.g.max_object_distance)):
            w = tokens[i].lower
            if w in self.g.hard_boundaries:
                return None
            if w in self.g.agent_markers and i > end:
                verb = tokens[i - 1]
                if verb.lower.startswith("di") and self._support_verb(verb):
                    return next((g for g in groups if i < g.start <= i + 3), None)
            if (w in self.g.relative and i + 1 < len(tokens)):
                # bare passive: "serangan udara yang (kembali) dilancarkan Israel"
                j = i + 1
                while j < len(tokens) and tokens[j].lower in self.g.verb_adverbs:
                    j += 1
                if (j < len(tokens) and tokens[j].lower.startswith("di")
                        and self._support_verb(tokens[j])):
                    g = next((g for g in groups if g.start == j + 1), None)
                    if g is not None:
                        return g
        return None

    def _after_light_verb(self, tokens: list[Token], start: int,
                          verbs: frozenset[str] | None = None) -> bool:
        i = start - 1
        while i >= 0 and start - i <= 3 and tokens[i].lower in (
            self.g.np_fillers | self.g.noun_premodifiers
        ):
            i -= 1
        return i >= 0 and tokens[i].lower in (self.g.light_verbs if verbs is None else verbs)

    def find_speaker(self, tokens: list[Token], groups: list[Group], end: int) -> Group | None:
        """The speaker of a closing attribution (", kata X") or "menurut X"."""
        for g in groups:
            if (g.start >= end and g.end == g.start + 1
                    and tokens[g.start].lower in self.g.attribution):
                return g  # ", katanya": the clitic's own resolution
            i = g.start - 1
            plain = 0  # "kata sebuah laporan independen Inggris": a few nouns before the actor
            while i >= 0 and (tokens[i].lower in self.g.np_fillers or (
                    plain < 3 and self._plain_noun(tokens[i])
                    and tokens[i].lower not in self.g.attribution)):
                plain += tokens[i].lower not in self.g.np_fillers
                i -= 1
            if i >= 0 and tokens[i].lower in self.g.attribution and (
                g.start >= end or tokens[i].lower == "menurut"
                or any(t.lower in self.g.complement_markers for t in tokens[g.end : end])
            ):  # (", kata Bush Jumat, bahwa upaya tersebut … mencapai sukses besar")
                return g
        return None

    def _obliger(self, tokens: list[Token], groups: list[Group], m: TriggerMatch,
                 src: list[ActorMention]) -> Group | None:
        """'Israel mesti mengakhiri pendudukan, kata Raja Abdullah', 'Miranda mengatakan,
        pemerintah harus menganalisis …': whoever says that the subject must act (an empty
        group when nobody is named)."""
        first, last = min(a.start for a in src), max(a.end for a in src)
        # the cue stands between the subject and the trigger, also across coordinated verbs
        # ("negara itu mesti mencari …, menerima …, mengakhiri pendudukan")
        cue = None
        for i in range(m.start - 1, max(-1, m.start - 1 - self.g.max_subject_distance), -1):
            w = tokens[i].lower
            if tokens[i].end <= last or w in self.g.hard_boundaries or w in self.g.quotes:
                break
            if w in self.g.obligation:
                cue = i
                break
        if cue is None:
            return None
        speaker = self.find_speaker(tokens, groups, m.end)
        if speaker is None:  # a reporting verb before the obliged subject
            rep = next((i for i in range(cue - 1, -1, -1) if tokens[i].lower in self.g.reporting
                        and tokens[i].end <= first), None)
            if rep is not None:
                speaker, _ = self.find_subject(tokens, groups, rep)
        if speaker is None:
            return Group(cue, cue)  # obliged by no one named: no appeal, and no act either
        if any(a in src for a in speaker.mentions):
            return None
        return speaker

    # ----------------------------------------------------------------- mode
    def mode_of(self, tokens: list[Token], m: TriggerMatch) -> tuple[str, str | None]:
        limit = self._left_limit(tokens, m.start)
        lo = max(limit, m.start - self.g.window)
        if limit > 0 and tokens[limit - 1].lower in self.g.hypothetical[0]:
            return "hypothetical", tokens[limit - 1].lower
        quoted = False  # words inside quotes ('kemitraan "tanpa batas," …') cue nothing here
        left = []
        for t in tokens[lo : m.start]:
            if t.lower in self.g.quotes:
                quoted = not quoted
            elif not quoted:
                left.append(t.lower)
        if quoted:  # an unclosed quote: the trigger is inside it, all words count
            left = [t.lower for t in tokens[lo : m.start]]
        # "Rencana tersebut ditolak": a cue word with a demonstrative is a noun phrase, no cue
        left = [w for i, w in enumerate(left)
                if not (i + 1 < len(left) and left[i + 1] in self.g.demonstratives)]
        # words in the trigger's gaps count ("menolak … tidak …"), and its own words before
        # the head ("akan berunding"), but not its own words after the head ("serangan pesawat
        # tak berawak": 'tak' is part of the drone)
        own = set(m.entry.pattern.lstrip("=").split())
        left += [t.lower for k, t in enumerate(tokens[m.start : m.end], m.start)
                 if k != m.head and (k < m.head or t.lower not in own)]
        neg = _has_cue(left, self.g.negation)
        if neg:
            return "negated", neg
        hyp = _has_cue(left, self.g.hypothetical)
        if hyp:
            return "hypothetical", hyp
        right = [t.lower for t in tokens[m.end : self._right_limit(tokens, m.end) + 8]]
        hyp = _has_cue([w for w in right if w in self.g.hypothetical[0]], self.g.hypothetical)
        if hyp in self.g.conditionals:
            return "hypothetical", hyp  # "siap menghentikan … jika …": conditional, not planned
        fut = _has_cue(left, self.g.future)
        if fut:
            return "future", fut
        later = [t.lower for t in tokens[m.end : self._right_limit(tokens, m.end)]]
        fut = _has_cue(later, self.g.future_after)
        if fut:
            return "future", fut  # "kunjungan … pada 19-21 Agustus mendatang"
        if "intent" in m.entry.flags and m.entry.cameo in self.g.realized_codes:
            done = _has_cue(left, self.g.realized)
            if done:
                return "asserted", done  # "telah berhasil memperkuat kerja sama": it happened
        if m.entry.cameo.startswith("03") or "intent" in m.entry.flags:
            return "future", "intent"
        return "asserted", None

    def refusal_code(self, cameo: str) -> str | None:
        """'tidak akan berunding' → 125: the 12x code refusing a cooperative act, if any."""
        for k in (cameo, cameo[:3], cameo[:2]):
            if k in self.g.refusal_codes:
                return self.g.refusal_codes[k]
        return None

    def intent_code(self, cameo: str) -> str:
        if cameo.startswith("03"):
            return cameo
        for k in (cameo, cameo[:3]):
            if k in self.g.intent_specific:
                return self.g.intent_specific[k]
        return self.g.intent_codes.get(cameo[:2], cameo)

    def future_by_date(self, ev: Event, article_date: EventDate | None) -> None:
        """An asserted event dated in the text after the article's date lies ahead
        ("bertemu di Islamabad pada 6 Maret" in a February article): mode future, 03x code."""
        if ev.mode != "asserted" or ev.date is None or article_date is None:
            return
        if ev.date.source not in {"clause", "sentence"}:
            return
        n = {"day": 10, "month": 7, "year": 4}.get(ev.date.precision)
        if n is None or ev.date.value[:n] <= article_date.value[:n]:
            return
        cameo = self.intent_code(ev.cameo)
        entry = self.codebook.get(cameo)
        ev.mode, ev.cameo, ev.root = "future", cameo, entry.root
        ev.quad_class, ev.goldstein, ev.plover = entry.quad_class, entry.goldstein, entry.plover
        ev.explanation["mode_cue"] = f"date {ev.date.value}"

    # ----------------------------------------------------------------- coding
    def code_sentence(
        self,
        tokens: list[Token],
        mentions: list[ActorMention],
        *,
        article_id: str,
        sentence_index: int,
        sentence_text: str,
        sentence_start: int,
        previous: list[ActorMention] | None = None,
        places: list[ActorMention] | None = None,
    ) -> list[Event]:
        """`previous`: the actor mentions of the sentence before, a last resort for a target."""
        if not tokens or not mentions:
            return []
        words = [t.lower for t in tokens]
        proper = [t.is_title and i > 0 and tokens[i - 1].lower.isalnum()
                  for i, t in enumerate(tokens)]
        matches = self.lexicon.match(words, proper)
        if not matches:
            return []
        if self._sporty(words):  # GUIDE rule 1: sports talk is no political event
            matches = [m for m in matches if not m.entry.cameo.startswith(self.g.sport_roots)]
            if not matches:
                return []
        groups = [g for g in self.groups(tokens, mentions) if not (
            g.end - g.start == 1 and not tokens[g.start].is_title and any(
                m.end - m.start > 1 and m.start <= g.start < m.end
                and tokens[g.start].lower in m.entry.pattern.split()
                for m in matches))]  # "operasi militer": 'militer' is the trigger's word
        actor_tokens = {i for g in groups for i in range(g.start, g.end)}
        events: dict[tuple[Any, ...], Event] = {}
        coded: set[int] = set()  # ids of matches that gave an event
        governors: dict[int, TriggerMatch] = {}  # complement match id → its appeal/demand/intent
        made: dict[int, tuple[Any, ...]] = {}  # match id → key of the event it made
        spans: dict[tuple[Any, ...], tuple[int, int]] = {}  # event key → its trigger's tokens
        last: tuple[int, list[ActorMention], list[ActorMention]] | None = None  # end, src, tgt
        for m in matches:
            if any(i in actor_tokens for i in range(m.head, m.head + 1)):
                continue  # "Kerja Sama" inside "Organisasi Kerja Sama Shanghai"
            if (self._topic(tokens, m) or self._asked(tokens, m) or self._speech_setting(tokens, m)
                    or self._embedded(tokens, matches, m, coded, governors)
                    or self._anaphoric(tokens, matches, m)):
                continue
            ev = self._code_match(tokens, groups, m)
            if ev is None:
                continue
            src, tgt, why = ev
            code = m.entry.cameo
            if tokens[m.head].lower in self.g.topic_verbs and self._meeting_subject(
                    tokens, matches, m, src):
                continue  # "Rapat kerja Komisi I dengan Menlu membahas anggaran": its topic
            coded.add(id(m))
            if m.entry.cameo.startswith(self.g.characterised_roots) and self._predicated(
                    tokens, src, m):
                # "Iran adalah kontributor penting untuk menyerang …, kata pejabat AS"
                speaker = self.find_speaker(tokens, groups, m.end)
                if speaker is None or any(a in src for a in speaker.mentions):
                    continue
                src, tgt = list(speaker.mentions), src
                why["source"], why["target"] = "speaker", "characterised"
                code = self.g.characterised_code
            if (last is not None and last[2] and (not tgt or why.get("target", "").startswith(
                    "fallback")) and last[1] == src
                    and self._coordinated_with(tokens, last[0], m.start)):
                # "sanksi ekonomi dan isolasi diplomatik yang diberlakukan oleh Barat": the
                # second noun shares the first one's target
                tgt, why["target"] = list(last[2]), "coordinated"
            unknown = tgt if tgt and all(a.code == "---" for a in tgt) else []
            if unknown:
                tgt = []  # try to name it; keep the unidentified target otherwise
            if ((not tgt or why.get("target", "").startswith("fallback")) and places
                    and code.startswith(self.g.place_target_codes)):
                place = self._place_target(tokens, places, m, src)
                if place and (not tgt or place[0].start < tgt[0].start):
                    tgt, why["target"] = place, "place"  # "kunjungannya di Lebanon, … dengan X"
            if tgt and places and all(a.code.startswith("IGO:") for a in tgt) and any(
                    t.lower in self.g.attend_words for t in tokens[m.start : m.end]):
                # "menghadiri pertemuan BRICS di Kazan, Rusia": the host country too
                tgt = [*tgt, *self._place_target(tokens, places, m, src)]
            if why.pop("weak", None) and not tgt:
                continue
            if not tgt and code.startswith(self.g.domestic_default_roots):
                # "ia akan menasionalisasi perusahaan-perusahaan …": its object, before any
                # actor earlier in the sentence
                tgt = self._domestic_object(tokens, m, src, unknown, sentence_text,
                                            sentence_start)
                if tgt:
                    why["target"] = "domestic-object"
            if not tgt:
                tgt = self._before_target(tokens, groups, m, src,
                                          heads_only=why.get("source") == "speaker")
                if tgt:
                    why["target"] = "fallback-before"
            if not tgt and previous and not code.startswith(
                    self.g.unilateral_roots):
                tgt = self._context_target(previous, src)
                if tgt:
                    why["target"] = "context"
            if not tgt and not code.startswith(self.g.unilateral_roots):
                dom = self._fallback_target(tokens, groups, m, Group(0, 0, src), domestic=True)
                if dom is not None:
                    tgt, why["target"] = list(dom.mentions), "domestic"
            if not tgt:
                tgt = unknown
            if code.startswith(self.g.travel_codes) and all(
                    a.role in self.g.private_travellers for a in src):
                continue  # "pengungsi … akan terbang ke Jepang": not a political visit
            mode, cue = self.mode_of(tokens, m)
            cameo = code
            if (mode == "future" and cameo.startswith("01")
                    and why.get("source") in {"speaker", "evaluator"}):
                # "… akan sangat berbahaya, kata laporan Inggris": the comment is made now;
                # the future is its content
                mode, cue = "asserted", None
            obliger = self._obliger(tokens, groups, m, src)
            if obliger is not None and all(a.code == "---" for a in obliger.mentions):
                continue  # an appeal by nobody identifiable (GUIDE rule 7); the act is not fact
            if obliger is not None:
                # "Israel mesti mengakhiri pendudukan, kata Raja Abdullah": the speaker appeals
                # to the one obliged; the act itself has not happened
                src, tgt, mode = list(obliger.mentions), src, "asserted"
                why["source"], why["target"] = "obliger", "obliged"
                cameo = (self.g.subcode(self.g.obligation_code[:2], cameo)
                         or self.g.obligation_code)
            if mode == "asserted" and cue is not None and cameo in self.g.realized_codes:
                cameo = self.g.realized_codes[cameo]
            if mode == "future":
                cameo = self.intent_code(cameo)
            elif mode == "negated" and (cue in self.g.refusal or (
                    m.start > 0 and tokens[m.start - 1].lower == cue
                    and f"{cue} {tokens[m.start].lower}" in self.g.refusal)):
                # ("tidak" + an intent entry "akan berunding": "tidak akan berunding")
                refusal = self.refusal_code(cameo)
                if refusal is not None:
                    cameo, mode = refusal, "asserted"
            if (cameo in self.g.force_codes and tgt
                    and all(a.role in self.g.nonstate_roles for a in src)
                    and all(a.role in self.g.unconventional_targets for a in tgt)):
                cameo = self.g.unconventional_code  # force against civilians, firms, media: 18x
            if cameo in self.g.state_force_codes and not all(
                    a.role in self.g.nonstate_roles for a in src):
                cameo = self.g.state_force_codes[cameo]  # an army's "membom": aerial, 195
            if cameo in self.g.aerial_codes and any(_aerial(
                    sentence_text[max(0, a.start - sentence_start - 30) : a.end - sentence_start],
                    self.g.aerial_agents) for a in src):
                cameo = self.g.aerial_codes[cameo]  # "pesawat-pesawat tempur … melancarkan serangan"
            entry = self.codebook.get(cameo)
            t0, t1 = tokens[m.start].start, tokens[m.end - 1].end
            src_codes = tuple(sorted({a.code for a in src}))
            if (tokens[m.start].lower in self.g.casualty_verbs
                    and any(k[0] == src_codes and k[2] in self.g.violent_roots for k in events)):
                continue  # the casualties of an attack coded before: its outcome
            tgt_codes = tuple(sorted({a.code for a in tgt}))
            if (why.get("source") == "circumstance-subject" and not tgt
                    and any(k[0] == src_codes and k[2] == entry.root for k in events)):
                continue  # "tiba di Baghdad dalam kunjungan …": the same act, told again
            key: tuple[Any, ...] = (src_codes, tgt_codes, entry.root)
            if key in spans and self._separate_acts(tokens, spans[key], m,
                                                    events[key].cameo != cameo):
                key = (*key, m.start)  # "berkunjung ke Teheran … ketika dia bertemu dengan …"
            conf = self._confidence(m, why, tgt)
            if key in events and events[key].confidence >= conf:
                continue
            last = (m.end, src, tgt)
            made[id(m)] = key
            spans[key] = (m.start, m.end)
            events[key] = Event(
                source=src,
                target=tgt,
                cameo=cameo,
                root=entry.root,
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                plover=entry.plover,
                mode=mode,
                trigger=sentence_text[t0 - sentence_start : t1 - sentence_start],
                evidence=Evidence(
                    article_id=article_id,
                    sentence_index=sentence_index,
                    sentence_text=sentence_text,
                    sentence_start=sentence_start,
                    sentence_end=sentence_start + len(sentence_text),
                    trigger_start=t0,
                    trigger_end=t1,
                ),
                confidence=conf,
                explanation={
                    "entry": m.entry.pattern,
                    "entry_id": m.entry.id,
                    "entry_cameo": m.entry.cameo,
                    "frame": list(m.entry.frame),
                    "flags": sorted(m.entry.flags),
                    "voice": m.voice,
                    "source_rule": why.get("source", ""),
                    "target_rule": why.get("target", ""),
                    "mode_cue": cue,
                },
            )
        self._complement_subcodes(matches, governors, made, events)
        return sorted(events.values(), key=lambda e: (e.evidence.trigger_start, e.cameo))

    def _complement_subcodes(self, matches: list[TriggerMatch],
                             governors: dict[int, TriggerMatch], made: dict[int, tuple[Any, ...]],
                             events: dict[tuple[Any, ...], Event]) -> None:
        """An appeal or demand at its generic code takes the sub-code its complement implies
        ('menyerukan … memulai kembali perundingan' → 026)."""
        for m in matches:
            o = governors.get(id(m))
            if o is None or id(o) not in made:
                continue
            ev = events.get(made[id(o)])
            if ev is None or ev.cameo != ev.root + "0" or ev.explanation.get("subcode_from"):
                continue
            code = self.g.subcode(ev.root, m.entry.cameo)
            if code is None:
                continue
            entry = self.codebook.get(code)
            ev.cameo, ev.quad_class, ev.goldstein, ev.plover = (
                code, entry.quad_class, entry.goldstein, entry.plover)
            ev.explanation["subcode_from"] = m.entry.pattern

    def _code_match(
        self, tokens: list[Token], groups: list[Group], m: TriggerMatch
    ) -> tuple[list[ActorMention], list[ActorMention], dict[str, str]] | None:
        frame = set(m.entry.frame)
        flags = m.entry.flags
        why: dict[str, str] = {}
        src: Group | None = None
        tgt: Group | None = None
        preps = {f for f in frame if f not in {"obj", "none"}}
        voice = m.voice
        if voice == "passive" and tokens[m.head].lower in self.g.future[0]:
            voice = "active"  # "dijadwalkan mengunjungi": a modal, not a passive
        verbal = "verbal" in flags or m.entry.cameo[:2] in self.g.verbal_roots
        # a passive right after "yang": "tuduhan yang dibantah Iran", "Gaza yang dikuasai Hamas"
        relative_passive = (voice == "passive" and m.start > 0
                            and tokens[m.start - 1].lower in self.g.relative)
        if voice == "passive":
            subj, _ = self.find_subject(tokens, groups, m.start)
            src = self.find_agent(tokens, groups, m.end)
            if src is None and m.head + 1 < m.end:
                # "Rusia dituduh oleh Ukraina melanggar gencatan senjata": the agent in the gap
                inner = self.find_agent(tokens, groups, m.head + 1)
                src = inner if inner is not None and inner.end <= m.end else None
            why["source"] = "passive-agent" if src else ""
            if (src is None and (m.end == m.head + 1 or verbal)
                    and self.lexicon.morph.analyse(tokens[m.head].lower).prefix == "di"
                    and (verbal or not relative_passive)):
                # bare passive, the agent right after the verb: "dibantah juru bicara KPK",
                # "dituduh Amerika Serikat" (in a relative clause only a speech act: "Gaza yang
                # dikuasai Hamas" describes a place)
                # (in a gapped trigger, right after its verb: "dituduh Ukraina melanggar …")
                i = m.head + 1
                while i < len(tokens) and tokens[i].lower in self.g.verb_adverbs:
                    i += 1
                src = next((g for g in groups if i <= g.start <= i + 1 and all(
                    t.lower in self.g.np_fillers for t in tokens[i : g.start])), None)
                why["source"] = "bare-passive-agent" if src else ""
            if (src is None and tokens[m.head].lower.endswith(self.g.agent_clitic)
                    and self.lexicon.morph.analyse(tokens[m.head].lower).prefix == "di"):
                # "Krimea, yang dicaploknya pada 2014": the clitic is the agent, the nearest
                # actor before the passive's subject
                lo = subj.start if subj is not None else m.start
                src = next((g for g in reversed(groups) if g.end <= lo), None)
                why["source"] = "clitic-agent" if src else ""
            if "obj" in frame or not preps:
                tgt = subj
                why["target"] = "passive-subject" if subj else ""
            else:
                tgt, why["target"] = self.find_after(tokens, groups, m.end, preps)
                # (the subject of a passive is never its agent: "Itu akan dibahas dengan X")
        elif voice == "noun" or "noun" in flags and voice not in {"active", "intrans"}:
            # "serangan Israel terhadap Gaza", "invasi Rusia ke Ukraina", "sanksi dari Barat",
            # "Rusia melancarkan invasi": genitive, agent, antara, or a light verb's subject.
            after = [g for g in groups if (g.start == m.end or m.head < g.start < m.end < g.end)
                     and not self._governed(tokens, g) and not self._venue(m, g)]
            # (a mention may share the trigger's last word: "Operasi [militer Israel]")
            if (after and m.entry.cameo.startswith(self.g.patient_genitive_roots)
                    and all(a.role in self.g.patient_genitive_roles for a in after[0].mentions)):
                # "penahanan warga Australia", "penculikan warga sipil Jepang oleh Korea Utara":
                # civilians after a coercive or violent noun undergo it
                tgt, why["target"], after = after[0], "patient-genitive", []
            if after:
                src, why["source"] = after[0], "genitive"
            else:
                # (from the head on: "serangan oleh massa" may be one lexicon phrase)
                src = self.find_agent(tokens, groups, m.head + 1,
                                      self.g.noun_agent_markers)
                if (src is not None and m.entry.cameo.startswith(self.g.origin_only_roots)
                        and self._marker_before(tokens, src) in self.g.origin_markers
                        and all(a.role is None for a in src.mentions)):
                    src = None  # "tembakan roket dari Libanon": where it came from, not who
                why["source"] = "agent" if src else ""
                if src is None and self._after_light_verb(tokens, m.start):
                    src, why["source"] = self.find_subject(tokens, groups, m.start)
                    why["source"] = "light-verb-subject" if src else ""
                if src is None:
                    src = self._relative_agent(tokens, groups, m.end)
                    why["source"] = "relative-agent" if src else ""
                if src is None:
                    ev_verb = self._evaluation_verb(tokens, m.start)
                    if ev_verb is not None:  # "X menilai kebijakan Y bentuk diskriminasi"
                        src, _ = self.find_subject(tokens, groups, ev_verb)
                        why["source"] = "evaluator" if src else ""
                        tgt = next((g for g in groups if ev_verb < g.start and g.end <= m.start
                                    and not self._governed(tokens, g)), None)
                        if tgt is not None:
                            why["target"] = "evaluated"
                if src is None and m.entry.cameo[:2] in self.g.verbal_roots:
                    cop = self._copula_before(tokens, m.start)
                    speaker = self.find_speaker(tokens, groups, m.end) if cop is not None else None
                    if cop is not None and speaker is not None:
                        # "Tindakan Israel merupakan pelanggaran …, kata Menlu Indonesia"
                        src, why["source"] = speaker, "evaluator"
                        lo = self._left_limit(tokens, cop)
                        tgt = next((g for g in reversed(groups) if lo <= g.start and g.end <= cop
                                    and not self._governed(tokens, g)), None)
                        if tgt is not None:
                            why["target"] = "evaluated"
                if src is None:
                    cue = self._responsibility(tokens, m.start)
                    if cue is not None:  # "X mengklaim bertanggung jawab atas serangan itu"
                        src, _ = self.find_subject(tokens, groups, cue)
                        why["source"] = "claimed-by" if src else ""
                if src is None:
                    back = self._returned_from(tokens, m.start)
                    if back is not None:  # "sepulangnya dia dari lawatan ke …": the traveller
                        src = next((g for g in groups if back < g.start and g.end < m.start),
                                   None) or self.find_subject(tokens, groups, back)[0]
                        if src is None and back == self._left_limit(tokens, back):
                            # "Sepulangnya dari lawatan ke …, Presiden …": the main subject
                            src = self._subject_after_comma(tokens, groups, m.end)
                        why["source"] = "returning-traveller" if src else ""
                if src is None and self._after_light_verb(tokens, m.start,
                                                          self.g.circumstance_preps):
                    # "X mengungkapkan … dalam percakapan dengan Y": the clause subject
                    src = (self._clause_subject(tokens, groups, m.start)
                           or self.find_subject(tokens, groups, m.start)[0])
                    why["source"] = "circumstance-subject" if src else ""
                    if src is not None and any(t.lower in self.g.victim_verbs
                                               for t in tokens[src.end : m.start]):
                        src = None  # "warga Palestina tewas dalam serangan …": the victims
                        why["source"] = ""
            end = src.end if src is not None and src.start >= m.end else m.end
            if tgt is None and self._after_light_verb(tokens, m.start, self.g.transfer_verbs):
                # "menyerahkan rencananya … kepada Sekretaris Jenderal PBB": the recipient
                found = self._in_pp(tokens, groups, end, self._right_limit(tokens, end),
                                    set(self.g.recipient_preps))
                if found is not None:
                    tgt, why["target"] = found
            if tgt is None:
                tgt, why["target"] = self.find_after(tokens, groups, end, preps or {"obj"})
            if tgt is None and self._after_light_verb(tokens, m.start, self.g.undergo_verbs):
                # "Rusia menghadapi sanksi dari Barat": the subject undergoes the act
                tgt, why["target"] = self.find_subject(tokens, groups, m.start)
                why["target"] = "undergoer" if tgt is not None else ""
                if tgt is src:
                    tgt = None
            if tgt is None:
                tgt = self._fronted_target(tokens, groups, m, src)
                why["target"] = "fronted-adverbial" if tgt is not None else ""
        else:
            src, why["source"] = self.find_subject(tokens, groups, m.start)
            inside: tuple[int, int] | None = (m.head, m.end)
            if src is None and "..." in m.entry.pattern and not self._is_verb(tokens[m.start]):
                # "Pesawat tempur Israel menyerang …": the actor in an instrument's gap
                src = next((g for g in groups if m.start < g.start and g.end < m.end), None)
                if src is not None:
                    why["source"], inside = "instrument-owner", None
            tgt, why["target"] = self.find_after(tokens, groups, m.end, frame or {"obj"},
                                                 inside=inside,
                                                 words=frozenset(m.entry.pattern.split()))
            if (tgt is not None and why["target"] == "inside" and src is not None
                    and all(a.resolved_by == "coref" and a.code in {b.code for b in src.mentions}
                            for a in tgt.mentions)):
                # "menarik pasukannya dari Irak": the subject's own forces in the trigger are
                # what it moves; the frame names the target
                tgt, why["target"] = self.find_after(tokens, groups, m.end, frame or {"obj"},
                                                     words=frozenset(m.entry.pattern.split()))
            if tgt is None and frame == {"none"} and m.end - m.start > 1:
                # "menolak tuntutan Singapura": the genitive of the trigger's own noun
                nxt = [g for g in groups if g.start == m.end and not self._governed(tokens, g)]
                if nxt:
                    tgt, why["target"] = nxt[0], "genitive-object"
            if tgt is None and "obj" in frame:
                tgt, why["target"] = self.find_after(tokens, groups, m.end,
                                                     set(self.g.object_fallback_preps))
        if src is None and "recip" in flags:
            # "Hubungan antara Tiongkok dan Rusia telah mengalami penguatan"
            src = self._relation_subject(tokens, groups, m.start)
            if src is not None:
                tgt, why["source"], why["target"] = src, "relation-subject", "reciprocal"
        if ("antara" in frame and tgt is not None and len(tgt.mentions) >= 2 and src is None
                and why.get("target") in self.g.antara):
            src, why["source"] = tgt, "antara"
        if why.get("source") != "antara" and ("recip" in flags or "antara" in frame):
            # "memperkuat aliansi strategis antara Tiongkok dan Rusia": the pair is the actor
            # of a symmetric act (a host's guests are not: "menjadi tuan rumah … antara X dan Y")
            pair = self._antara_pair(tokens, groups, m.end)
            if pair is not None:
                src, tgt = pair, pair
                why["source"] = why["target"] = "antara"
            elif ("recip" in flags and tgt is not None and why.get("target") == "inside"
                  and len({a.code for a in tgt.mentions} - {"---"}) >= 2):
                # "Xi menyoroti kerja sama kedua negara yang semakin erat": the pair inside a
                # symmetric relation is its actor, not the one who speaks of it
                src, why["source"], why["target"] = tgt, "inside-pair", "reciprocal"
        unnamed = src is not None and all(a.code == "---" for a in src.mentions)
        # ("orang-orang yang dicurigai anggota Al-Qaeda": a bare passive in a relative clause
        # describes; it is nobody's speech act)
        if (src is None or unnamed) and not relative_passive and verbal:
            # (an unnamed subject, "Aksi militer … berbahaya, kata laporan Inggris": the
            # speaker's evaluation)
            src = self.find_speaker(tokens, groups, m.end)
            why["source"] = "speaker" if src else ""
        if src is None:
            return None
        if tgt is src and "antara" not in why.get("target", "") and why.get("source") != "antara":
            tgt = None
        if tgt is None and len({(a.code, a.text) for a in src.mentions}) >= 2 and (
                "recip" in flags or self._mutual(tokens, m)):
            tgt, why["target"] = src, "reciprocal"
        if tgt is not None and tgt is not src and all(a.code == "---" for a in tgt.mentions):
            # an unidentified target ("Menlu Khurshid Kasuri"): a known actor nearby may name it
            better = self._fallback_target(tokens, groups, m, src)
            if better is not None:
                tgt, why["target"] = better, "fallback-after"
        if (tgt is None and src is not None and m.entry.cameo not in self.g.denial_codes
                and why.get("source") != "evaluator"):
            # (what follows a denial is what it denies, not whom: no fallback target)
            tgt = self._fallback_target(tokens, groups, m, src)
            if tgt is not None:
                why["target"] = "fallback-after"
        if tgt is not None and tgt is not src and why.get("target") not in {"reciprocal", "antara"}:
            tgt = self._coordinated(tokens, groups, tgt)
        if m.entry.cameo[:2] in self.g.addressed_roots:
            tgt = self._addressees(tokens, groups, m, src, tgt)
        if "weak" in flags and tgt is None and why.get("source") != "evaluator":
            if m.voice == "noun" or not m.entry.cameo.startswith(self.g.place_target_codes):
                return None
            why["weak"] = "place"  # "tiba di Jakarta": only if the place names a country
        # GUIDE rule 7: no identifiable source, no event ("para pemberontak" with no country)
        source = [a for a in src.mentions if a.code != "---"]
        if not source:
            return None
        target = list(tgt.mentions) if tgt is not None else []
        if tgt is not src and target and all(_same_actor(a, source) for a in target):
            target = []  # the same entity twice ("Xi ... ia"), not a domestic dyad
        return source, target, why

    def _embedded(self, tokens: list[Token], matches: list[TriggerMatch], m: TriggerMatch,
                  coded: set[int], governors: dict[int, TriggerMatch] | None = None) -> bool:
        """A trigger in the complement of an appeal, demand or intent ("menyerukan Israel untuk
        mencabut larangan", "mendesak X agar memulai negosiasi"): the outer act is the event."""
        for o in matches:
            if o is m or o.end > m.start:
                continue
            between = [t.lower for t in tokens[o.end : m.start]]
            if any(w in self.g.hard_boundaries for w in between):
                continue
            if id(o) in coded and o.entry.cameo in self.g.denial_codes:
                return True  # "menyangkal laporan pesawatnya memasuki …": denied, not asserted
            if id(o) in coded and any(w in self.g.conditionals for w in between):
                return True  # "siap menghentikan reaktor jika mendapat bantuan": the condition
            purpose = next((k for k, w in enumerate(between) if w in self.g.purpose), None)
            governing = o.entry.cameo[:2] in self.g.governing_roots or "intent" in o.entry.flags
            if id(o) in coded and purpose is not None and "," not in between[purpose:]:
                if governing and governors is not None:
                    governors[id(m)] = o  # "menyerukan Israel untuk memulai perundingan"
                return True  # "meluncurkan kemitraan guna meningkatkan kerja sama": its purpose
            if not governing:
                continue
            comp = next((k for k, w in enumerate(between) if w in self.g.complementizers), None)
            if comp is None and tokens[o.end - 1].lower in self.g.complementizers and not any(
                    w == "," or w in self.g.coordinators for w in between):
                comp = 0  # "sepakat untuk memulihkan hubungan": the trigger ends with it
            if comp is not None and "," not in between[comp:]:
                if governors is not None:
                    governors[id(m)] = o
                return True
            if ((o.voice not in {"passive", "noun"} or (o.voice == "passive" and id(o) in coded))
                    and m.voice in {"active", "intrans", "noun"}
                    and (between or m.voice == "noun" or o.entry.cameo[:2] in self.g.verbal_roots)
                    and len(between) <= self.g.bare_complement_gap
                    and not any(w == "," or w in self.g.coordinators for w in between)):
                if governors is not None:
                    governors[id(m)] = o
                return True  # "meminta dia menandatangani", "mendesak Iran menerima"
        return False

    def _addressees(self, tokens: list[Token], groups: list[Group], m: TriggerMatch,
                    src: Group | None, tgt: Group | None) -> Group | None:
        """'menyerukan Israel untuk …, dan agar rakyat Palestina …': the subject of each
        "agar/supaya" clause of an appeal or demand is addressed too."""
        extra: list[ActorMention] = []
        for i in range(m.end, len(tokens)):
            w = tokens[i].lower
            if w in self.g.hard_boundaries:
                break
            if w in self.g.addressee_markers:
                g = next((g for g in groups if i < g.start <= i + 3 and g is not src
                          and not self._governed(tokens, g)), None)
                if g is not None and (tgt is None or g is not tgt):
                    extra += g.mentions
        if not extra:
            return tgt
        if tgt is None:
            return Group(m.end, m.end, extra)
        return Group(tgt.start, tgt.end, tgt.mentions + extra)

    def _coordinated(self, tokens: list[Token], groups: list[Group], g: Group) -> Group:
        """'terhadap hegemoni Barat dan dominasi AS': a coordinated noun phrase whose actor
        is a genitive joins the target."""
        out = g
        for h in groups:
            if h.start < out.end:
                continue
            between = [t for t in tokens[out.end : h.start] if t.lower not in self.g.quotes]
            if not between or between[0].lower not in self.g.coordinators or between[0].lower == ",":
                break
            rest = [t for t in between[1:] if t.lower not in self.g.np_fillers]
            if not rest or len(rest) > 2 or not all(self._plain_noun(t) for t in rest):
                break  # (bare "A dan B" is already one group unless it joins clauses)
            if h.end < len(tokens) and self._is_verb(tokens[h.end]):
                break  # "… dan dominasi AS menyerang …": a new clause
            out = Group(out.start, h.end, out.mentions + h.mentions)
        return out

    def _asked(self, tokens: list[Token], m: TriggerMatch) -> bool:
        """'ditanya apakah AS mendukung pertemuan itu': a question asserts no event."""
        lo = self._left_limit(tokens, m.start)
        return any(t.lower in self.g.question_cues for t in tokens[lo : m.start])

    def _returned_from(self, tokens: list[Token], start: int) -> int | None:
        """Index of a return verb shortly before 'dari' + the event noun at `start`
        ('sepulangnya dia dari lawatan', 'kembali dari kunjungan')."""
        if start < 2 or tokens[start - 1].lower not in self.g.return_origin:
            return None
        for k in range(start - 2, max(-1, start - 2 - self.g.return_gap), -1):
            if tokens[k].lower in self.g.return_verbs:
                return k
        return None

    def _topic(self, tokens: list[Token], m: TriggerMatch) -> bool:
        """'membahas normalisasi hubungan': an event noun that is the topic of talks."""
        if m.voice != "noun":
            return False
        for i in range(m.start - 1, max(-1, m.start - 1 - self.g.topic_gap), -1):
            w = tokens[i].lower
            if w in self.g.topic_verbs:
                return True
            if not self._plain_noun(tokens[i]) and w not in self.g.np_fillers:
                return False
        return False

    def _speech_setting(self, tokens: list[Token], m: TriggerMatch) -> bool:
        """', kata utusan AS dalam pertemuan enam negara di Beijing': an event noun in the
        closing attribution's circumstance is where the statement was made, not an event."""
        if m.voice != "noun":
            return False
        prep = next((i for i in range(m.start - 1, max(-1, m.start - 4), -1)
                     if tokens[i].lower in self.g.speech_setting_preps), None)
        if prep is None:
            return False
        return any(tokens[i].lower in self.g.attribution and tokens[i - 1].lower == ","
                   for i in range(1, prep))

    def _anaphoric(self, tokens: list[Token], matches: list[TriggerMatch], m: TriggerMatch
                   ) -> bool:
        """'… akan bertemu dengan Putin dalam pertemuan tersebut': an event noun with a
        demonstrative names an event the sentence has already coded."""
        if m.voice != "noun" or m.end >= len(tokens) or tokens[m.end].lower not in self.g.demonstratives:
            return False
        root = m.entry.cameo[:2]
        intent = self.intent_code(m.entry.cameo)[:2]  # "akan bertemu … pertemuan tersebut"
        return any(o.end <= m.start and o.entry.cameo[:2] in {root, intent}
                   for o in matches if o is not m)

    def _fallback_target(self, tokens: list[Token], groups: list[Group], m: TriggerMatch,
                         src: Group, *, domestic: bool = False) -> Group | None:
        """No frame target: the first other actor after the trigger in the same clause."""
        codes = {a.code for a in src.mentions}
        stop = next((i for i in range(m.end, len(tokens))
                     if tokens[i].lower in self.g.hard_boundaries), len(tokens))
        same: Group | None = None
        for g in groups:
            if g.start < m.end or g is src or g.start >= stop:
                continue
            gov = self._governed(tokens, g) or self._place_apposition(tokens, g)
            if gov in self.g.agent_markers or gov in self.g.setting_preps:
                continue  # an agent, or where it happened ("siasatnya di Irak")
            gc = {a.code for a in g.mentions} - {"---"}
            if not gc:
                continue
            if gc <= codes:  # a domestic target: only as the last resort
                if same is None and not all(_same_actor(a, src.mentions) for a in g.mentions):
                    same = g
                continue
            if not domestic:
                return g
        return same if domestic else None

    def _domestic_object(self, tokens: list[Token], m: TriggerMatch, src: list[ActorMention],
                         unknown: list[ActorMention], text: str, offset: int
                         ) -> list[ActorMention]:
        """'KPK menahan tersangka …', '… menahan mantan Sekretaris Jenderal …': the unnamed
        (or country-less) object of a state's coercive act, as a target of its own country."""
        codes = {a.code for a in src}
        if len(codes) != 1 or "---" in codes or any(
                a.role not in self.g.domestic_default_roles for a in src):
            return []
        code = next(iter(codes))
        if unknown:
            return [replace(a, code=code, resolved_by="domestic") for a in unknown]
        if m.voice not in {"active", "noun"}:
            return []
        hi = min(self._right_limit(tokens, m.end), m.end + self.g.domestic_object_max)
        end = m.end
        while end < hi and tokens[end].lower.replace("-", "").isalnum() and tokens[end].lower not in (
                self.g.prepositions | self.g.hard_boundaries):
            end += 1
        if end == m.end:
            return []
        a, b = tokens[m.end].start, tokens[end - 1].end
        return [ActorMention(text=text[a - offset : b - offset], start=a, end=b,
                             code=code, resolved_by="domestic")]

    def _relation_subject(self, tokens: list[Token], groups: list[Group], start: int
                          ) -> Group | None:
        """The 'antara X dan Y' pair of a relation noun in the clause before `start`."""
        lo = self._left_limit(tokens, start)
        for k in range(lo, start - 1):
            if tokens[k].lower in self.g.relation_nouns and tokens[k + 1].lower in self.g.antara:
                return self._antara_pair(tokens, groups, k + 1)
        return None

    def _separate_acts(self, tokens: list[Token], span: tuple[int, int], m: TriggerMatch,
                       other_code: bool) -> bool:
        """Two triggers of the same root and actors are two acts when a coordinator or a
        clause boundary stands between them ('mengadakan perundingan … dan mengunjungi …',
        'sanksi ekonomi dan isolasi diplomatik'); 'artileri Israel membom', 'menandatangani
        kerja sama' and one code's coordinated predicates ('bertemu dan makan malam') are one."""
        lo, hi = (span[1], m.start) if span[0] < m.start else (m.end, span[0])
        return (hi - lo > 1 or other_code) and any(
            t.lower in self.g.act_separators or t.lower in self.g.hard_boundaries
            for t in tokens[lo:hi])

    def _coordinated_with(self, tokens: list[Token], end: int, start: int) -> bool:
        """Only coordinators (and fillers) between a previous trigger's end and `start`."""
        between = [t.lower for t in tokens[end:start]]
        return bool(between) and all(
            w in self.g.coordinators or w in self.g.noun_premodifiers for w in between)

    def _venue(self, m: TriggerMatch, g: Group) -> bool:
        """'Pertemuan BRICS', 'KTT ASEAN', 'Perjanjian London': an organisation or a city after
        a meeting or agreement noun names it."""
        return m.entry.cameo.startswith(self.g.venue_genitive_roots) and all(
            a.code.startswith("IGO:") or a.resolved_by == "metonym" for a in g.mentions)

    def _evaluation_verb(self, tokens: list[Token], start: int) -> int | None:
        """An evaluation verb shortly before an event noun, in the same clause."""
        lo = max(self._left_limit(tokens, start), start - self.g.evaluation_gap)
        for k in range(start - 1, lo - 1, -1):
            if tokens[k].lower in self.g.evaluation_verbs:
                return k
            if self._is_verb(tokens[k]) or tokens[k].lower == ",":
                return None
        return None

    def _sporty(self, words: list[str]) -> bool:
        """A sports sentence: one of `sport_cues` occurs in it."""
        cues = self.g.sport_cues
        return any(tuple(words[i : i + len(c)]) == c
                   for i, w in enumerate(words) for c in cues.get(w, ()))

    def _meeting_subject(self, tokens: list[Token], matches: list[TriggerMatch], m: TriggerMatch,
                         src: list[ActorMention]) -> bool:
        """The subject of a topic verb is the genitive of a meeting noun before it: the
        meeting talks about something ("Rapat kerja X dengan Y membahas Z"), no second act."""
        start = min((a.start for a in src), default=-1)
        return any(o.voice == "noun" and o.entry.cameo.startswith(self.g.topic_holder_roots)
                   and o.end < m.start
                   and tokens[o.end].start <= start < tokens[m.start].start
                   and not any(self._is_verb(t) or t.lower == "," for t in tokens[o.end : m.start])
                   for o in matches)

    def _predicated(self, tokens: list[Token], src: list[ActorMention], m: TriggerMatch) -> bool:
        """A copula between the source (before the trigger) and the trigger, in one clause:
        the act is said of the subject ("Iran adalah kontributor … untuk menyerang")."""
        end = max((a.end for a in src), default=0)
        if end > tokens[m.start].start:
            return False
        for t in reversed(tokens[: m.start]):
            if t.end <= end:
                return False
            if t.lower in self.g.hard_boundaries or t.lower in self.g.relative:
                return False  # ("Israel adalah negara yang menyerang Gaza": the relative's act)
            if t.lower in self.g.copulas:
                return True
        return False

    def _copula_before(self, tokens: list[Token], start: int) -> int | None:
        """A copula right before an event noun (a few fillers between): "… merupakan
        pelanggaran …", "… adalah sebuah provokasi …"."""
        k = start - 1
        while k >= 0 and start - k <= 3 and (tokens[k].lower in self.g.np_fillers
                                             or tokens[k].lower in self.g.noun_premodifiers):
            k -= 1
        return k if k >= 0 and tokens[k].lower in self.g.copulas else None

    def _responsibility(self, tokens: list[Token], start: int) -> int | None:
        """Start of a 'bertanggung jawab atas' right before an event noun, if any."""
        i = start
        while i > 0 and tokens[i - 1].lower in self.g.noun_premodifiers:
            i -= 1
        for cue in self.g.responsibility_cues:
            k = i - len(cue)
            if k >= 0 and tuple(t.lower for t in tokens[k:i]) == cue:
                return k
        return None

    def _mutual(self, tokens: list[Token], m: TriggerMatch) -> bool:
        """'saling' in the trigger's own clause: the joint source acts on each other."""
        hi = self._right_limit(tokens, m.end)
        return any(t.lower in self.g.reciprocal_cues for t in tokens[max(0, m.start - 1) : hi])

    def _place_target(self, tokens: list[Token], places: list[ActorMention], m: TriggerMatch,
                      src: list[ActorMention]) -> list[ActorMention]:
        """'berkunjung ke Teheran', 'tiba di Pyongyang': the country of the place visited."""
        codes = {a.code for a in src}
        end = tokens[m.end - 1].end
        if m.voice == "passive":  # "Krimea, yang dicaploknya": the place is the subject
            k = m.start - 1
            while k >= 0 and (tokens[k].lower in self.g.relative or tokens[k].lower == ","):
                k -= 1
            if k < m.start - 1:
                head = next((p for p in places if p.end == tokens[k].end and p.code not in codes),
                            None)
                if head is not None:
                    return [head]
        stop = next((t.start for t in tokens[m.end:] if t.lower in self.g.hard_boundaries
                     or t.lower in self.g.right_boundaries), tokens[-1].end)
        for p in places:
            if end <= p.start < stop and p.code not in codes:
                return [p]
        return []

    def _before_target(self, tokens: list[Token], groups: list[Group], m: TriggerMatch,
                       src: list[ActorMention], heads_only: bool = False) -> list[ActorMention]:
        """'Bekas penguasa kolonial Guinea, Perancis, mengutuk …': another actor before the
        trigger, when nothing after it or in the sentence before qualifies (not a place:
        'dirawat di rumah sakit di Swiss'). With `heads_only` (a speaker's evaluation of what
        precedes it) not an actor inside a prepositional phrase ("Aksi militer terhadap Iran …
        berbahaya, kata …": the action is evaluated, not Iran)."""
        codes = {a.code for a in src} | {"---"}
        asides = self._skipped_segments(tokens, 0, m.start)
        for g in groups:
            if g.start >= m.start:
                break
            if any(a in src for a in g.mentions):
                continue
            gov = self._governed(tokens, g)
            if gov in self.g.locatives or (heads_only and gov is not None):
                continue
            if any(a <= g.start < b for a, b in asides):
                continue  # "Beshir, yang bertemu dengan gubernur AS itu, menyetujui …"
            other = [a for a in g.mentions if a.code not in codes]
            if other:
                return other
        return []

    @staticmethod
    def _context_target(previous: list[ActorMention], src: list[ActorMention]
                        ) -> list[ActorMention]:
        codes = {a.code for a in src} | {"---"}
        for a in previous:
            if a.code not in codes:
                return [a]
        return []

    @staticmethod
    def _confidence(m: TriggerMatch, why: dict[str, str], target: list[ActorMention]) -> float:
        c = 0.45
        if why.get("source") in {"subject", "passive-agent", "genitive", "relative-head", "antara",
                                 "light-verb-subject"}:
            c += 0.2
        if target:
            c += 0.15
        if m.end - m.start > 1:
            c += 0.1
        if "weak" in m.entry.flags:
            c -= 0.15
        return round(max(0.05, min(0.95, c)), 2)
