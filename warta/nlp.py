"""The spaCy pipeline: blank Indonesian tokenizer + Warta's stages as registered components.

All of Warta's components are registered here, in one module (as spaCy registers its own). Each
component loads the data it needs from ``warta/lang/<lang>/`` and ``warta/data/`` when the
pipeline is built, and writes its results to the Doc:

==================  ===============================  ==========================================
component           reads                            writes
==================  ===============================  ==========================================
warta_sentences     tokens                           ``token.is_sent_start``
warta_actors        sentences, ``doc._.anchor``      ``doc._.actors`` (coreference included)
warta_dates         ``doc._.article``                ``doc._.anchor``, ``doc._.article_date``,
                                                     ``doc._.dates``
warta_places        ``doc._.article``                ``doc._.places`` (unless already set),
                                                     ``doc._.dateline_place``
warta_events        all of the above                 ``doc._.events``
==================  ===============================  ==========================================

The pipeline order is sentences → dates → actors → places → events (actors need the date anchor
to pick the office-holder of the day). Coreference needs the places of the text too, so the actors
component runs the places component's gazetteer search once and leaves the result on
``doc._.places``, which the places component then keeps instead of searching again.

``Doc.text`` and ``Doc.sents`` are rebuilt from the tokens on every access, so the components read
them through :func:`doc_text` and :func:`sentences_of`, which compute them once per Doc.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from warta import coref
from warta.actors import ActorResolver
from warta.codebook import Codebook
from warta.dates import DateResolver
from warta.events import EventCoder, Token
from warta.lang import load_lang
from warta.lexicon import Lexicon
from warta.model import ActorMention, Article, EventDate, Place, Sentence
from warta.morph import Morphology
from warta.places import Gazetteer

PIPELINE = ("warta_sentences", "warta_dates", "warta_actors", "warta_places", "warta_events")

_EXTENSIONS: dict[str, Any] = {
    "article": None,
    "anchor": None,
    "article_date": None,
    "actors": None,
    "dates": None,
    "places": None,
    "dateline_place": None,
    "events": None,
}


def _register_extensions() -> None:
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_TEXT_KEY = "warta.text"
_SENTENCES_KEY = "warta.sentences"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data``."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def sentences_of(doc: Doc) -> list[Sentence]:
    """The non-blank sentences of ``doc`` (stripped), computed once per Doc after the splitter ran."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if isinstance(cached, list):
        return list(cached)
    out: list[Sentence] = []
    for s in doc.sents:
        text = s.text.rstrip()
        lead = len(text) - len(text.lstrip())
        if not text.strip():
            continue
        out.append(Sentence(index=len(out), start=s.start_char + lead, end=s.start_char + len(text),
                            text=text.strip()))
    doc.user_data[_SENTENCES_KEY] = out
    return list(out)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class SentenceSplitter:
    """Sentence boundaries: . ! ? (not after an abbreviation or an initial) and line breaks."""

    TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
    CLOSERS = frozenset({'"', "'", ")", "”", "’", "»"})

    def __init__(self, lang: str):
        data = load_lang(lang).yaml("grammar.yaml")
        self.abbreviations = frozenset(a.lower().rstrip(".") for a in data["abbreviations"])

    def _ends_sentence(self, texts: list[str], i: int) -> bool:
        text = texts[i]
        if text in self.TERMINALS:
            if text != "." or i == 0:
                return True
            word = texts[i - 1]
        elif len(text) > 1 and text.endswith(".") and "." not in text[:-1]:
            word = text[:-1]
        else:
            return False
        if word.lower() in self.abbreviations:
            return False
        return not (len(word) == 1 and word.isupper())  # an initial: "Susilo B. Yudhoyono"

    def __call__(self, doc: Doc) -> Doc:
        # token texts read once (Token objects are costly to create); boundaries written in one
        # from_array call: 1 = starts a sentence, -1 = does not (as `token.is_sent_start = bool`)
        pairs = [(t.text, t.is_space) for t in doc]
        texts = [p[0] for p in pairs]
        spaces = [p[1] for p in pairs]
        n = len(texts)
        starts = numpy.full(n, -1, dtype=numpy.int64)
        if n:
            starts[0] = 1
        for i in range(n):
            if spaces[i] and "\n" in texts[i]:
                if i + 1 < n:
                    starts[i + 1] = 1
            elif self._ends_sentence(texts, i):
                j = i + 1
                while j < n and texts[j] in self.CLOSERS:
                    j += 1
                if j < n and (spaces[j] or not texts[j][:1].islower()):
                    starts[j] = 1
        if n:
            doc.from_array([SENT_START], cast(Ints2d, starts.view(numpy.uint64).reshape(n, 1)))
        doc.user_data.pop(_SENTENCES_KEY, None)
        return doc


@Language.factory("warta_sentences", default_config={"lang": "id"})
def make_sentences(nlp: Language, name: str, lang: str) -> SentenceSplitter:
    return SentenceSplitter(lang)


class DatesComponent:
    def __init__(self, lang: str):
        self.resolver = DateResolver.load(load_lang(lang))

    def __call__(self, doc: Doc) -> Doc:
        art: Article | None = doc._.article
        article_date: EventDate | None = None
        if art is not None and art.published and art.published_source != "ingested":
            d = _parse_date(art.published)
            if d is not None:
                article_date = EventDate(d.isoformat(), "day", art.published_source or "published")
        if article_date is None:
            ingested = _parse_date(art.ingested) if art is not None else None
            found = self.resolver.publication_date(doc_text(doc), ingested)
            if found is not None and found.precision == "day":
                article_date = EventDate(found.value, "day", "text", found.text)
        if article_date is None and art is not None:
            d = _parse_date(art.ingested) or _parse_date(art.published)
            if d is not None:
                article_date = EventDate(d.isoformat(), "day", "ingested")
        anchor = _parse_date(article_date.value) if article_date else None
        doc._.article_date = article_date
        doc._.anchor = anchor
        doc._.dates = self.resolver.find(doc_text(doc), anchor) if anchor else []
        return doc


@Language.factory("warta_dates", default_config={"lang": "id"})
def make_dates(nlp: Language, name: str, lang: str) -> DatesComponent:
    return DatesComponent(lang)


class ActorsComponent:
    """Actor mentions + coreference.  Coreference also reads the places of the text
    ('gubernur provinsi Anbar' → IRQ), found with the places component's gazetteer (the
    places component runs later, so it is looked up on first use); the places found are left
    on ``doc._.places`` so that the places component does not search the text again."""

    def __init__(self, lang: str, nlp: Language | None = None):
        self.resolver = ActorResolver.load(load_lang(lang))
        self._nlp = nlp
        self._gazetteer: Gazetteer | None = None
        self._looked_up = False

    def gazetteer(self) -> Gazetteer | None:
        if not self._looked_up:
            self._looked_up = True
            if self._nlp is not None and "warta_places" in self._nlp.pipe_names:
                pipe = self._nlp.get_pipe("warta_places")
                if isinstance(pipe, PlacesComponent):
                    self._gazetteer = pipe.gazetteer
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        when: dt.date | None = doc._.anchor
        mentions = self.resolver.find(doc, when, bare=True)
        places: list[Place] | None = doc._.places
        if places is None:
            gaz = self.gazetteer()
            if gaz is not None:
                places = gaz.find(doc_text(doc))
                doc._.places = places
        doc._.actors = coref.resolve(doc_text(doc), sentences_of(doc), mentions, self.resolver,
                                     when, places=places)
        return doc


@Language.factory("warta_actors", default_config={"lang": "id"})
def make_actors(nlp: Language, name: str, lang: str) -> ActorsComponent:
    return ActorsComponent(lang, nlp)


class PlacesComponent:
    def __init__(self, lang: str):
        self.gazetteer = Gazetteer.load(load_lang(lang))

    def __call__(self, doc: Doc) -> Doc:
        art: Article | None = doc._.article
        if doc._.places is None:  # else the actors component already searched this text
            doc._.places = self.gazetteer.find(doc_text(doc))
        dateline: Place | None = None
        if art is not None and art.dateline_place:
            dateline = self.gazetteer.geocode(art.dateline_place)
        doc._.dateline_place = dateline
        return doc


@Language.factory("warta_places", default_config={"lang": "id"})
def make_places(nlp: Language, name: str, lang: str) -> PlacesComponent:
    return PlacesComponent(lang)


class EventsComponent:
    """Codes events; dates and places come from the pipeline's own date and place components."""

    def __init__(self, nlp: Language, lang: str):
        ld = load_lang(lang)
        self.coder = EventCoder(Lexicon.load(ld, Morphology()), Codebook.load(), ld)
        dates = nlp.get_pipe("warta_dates") if "warta_dates" in nlp.pipe_names else None
        places = nlp.get_pipe("warta_places") if "warta_places" in nlp.pipe_names else None
        self.dates: DateResolver = (dates.resolver if isinstance(dates, DatesComponent)
                                    else DateResolver.load(ld))
        self.gazetteer: Gazetteer = (places.gazetteer if isinstance(places, PlacesComponent)
                                     else Gazetteer.load(ld))

    def __call__(self, doc: Doc) -> Doc:
        art: Article | None = doc._.article
        article_id = art.id if art is not None else ""
        actors = doc._.actors or []
        dates = doc._.dates or []
        places = doc._.places or []
        events = []
        previous: list[ActorMention] = []
        for sent in sentences_of(doc):
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            tokens = [Token(t.lower_, t.idx, t.idx + len(t.text), t.is_title)
                      for t in span if not t.is_space]
            mentions = [a for a in actors if a.start >= sent.start and a.end <= sent.end]
            sent_events = []
            where = [ActorMention(p.text or p.name, p.start, p.end, p.country,
                                  resolved_by="place", entity=f"place:{p.feature_id}")
                     for p in places if p.country and p.start is not None and p.end is not None
                     and sent.start <= p.start < sent.end]
            for ev in self.coder.code_sentence(
                tokens, mentions, article_id=article_id, sentence_index=sent.index,
                sentence_text=sent.text, sentence_start=sent.start, previous=previous,
                places=where,
            ):
                ev.date = self.dates.event_date(ev.evidence.trigger_start, sent, dates,
                                                doc._.article_date, future=ev.mode == "future")
                self.coder.future_by_date(ev, doc._.article_date)
                ev.place = self.gazetteer.event_place(
                    ev.evidence.trigger_start, sent, places,
                    doc._.dateline_place if sent.index == 0 else None)
                events.append(ev)
                sent_events.append(ev)
            # the previous sentence's participants come first as a fallback target
            part = [a for e in sent_events for a in e.target + e.source]
            previous = part + [a for a in mentions if a not in part]
        doc._.events = events
        return doc


@Language.factory("warta_events", default_config={"lang": "id"})
def make_events(nlp: Language, name: str, lang: str) -> EventsComponent:
    return EventsComponent(nlp, lang)


def build_nlp(lang: str = "id", components: tuple[str, ...] = PIPELINE) -> Language:
    """A blank spaCy pipeline for `lang` with Warta's components (all of them by default)."""
    _register_extensions()
    nlp = spacy.blank(lang)
    for name in components:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp
