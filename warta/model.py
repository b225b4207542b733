"""Typed records that travel between Warta's stages.

Every stage takes and returns these plain dataclasses, so a coded article can be
pickled to a worker process, written to JSON, or stored in DuckDB without any
stage knowing about the others.  Character offsets are always offsets into
``Article.text`` (the cleaned text), half-open ``[start, end)``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["asserted", "future", "negated", "hypothetical"]
Precision = Literal["day", "month", "year"]
MODES: tuple[str, ...] = ("asserted", "future", "negated", "hypothetical")


@dataclass(slots=True)
class Article:
    """One cleaned news article, ready for NLP."""

    id: str  # stable hash of the normalised text (see warta.ingest.article_id)
    text: str  # cleaned text: boilerplate and dateline removed, whitespace normalised
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime
    published_source: str | None = None  # field | html | dateline | text | ingested
    dateline_place: str | None = None  # "Beijing" from "BEIJING, MATAJAMBI.COM - ..."
    source_path: str | None = None  # file (and line/row) the article came from
    external_id: str | None = None  # the input's own id field, if any
    ingested: str | None = None  # ISO datetime when ingest read it (fallback date anchor)
    language: str = "id"
    raw_text: str | None = None  # text before cleaning (kept for evidence, not hashed)


@dataclass(slots=True)
class Skip:
    """An input that could not become an article, with the reason (never silently lost)."""

    source: str
    reason: str


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ActorMention:
    """A span of text resolved to an actor code (country/IGO/bloc) and role."""

    text: str
    start: int
    end: int
    code: str  # ISO3 "CHN", "IGO:UN", bloc "WST", or "---" when no country is identifiable
    role: str | None = None  # GOV MIL COP REB OPP LEG JUD PTY BUS MED CVL REF SPY EDU HLH NGO
    name: str | None = None  # canonical entity name (person, organisation) when known
    resolved_by: str = "dictionary"  # dictionary | title | agent | metonym | coref | domestic
    entity: str | None = None  # dictionary entry id, for explanation


@dataclass(slots=True)
class DateMention:
    """A date expression found in text and resolved against an anchor date."""

    text: str
    start: int
    end: int
    value: str  # ISO to the precision: "2024-10-02", "2024-10", "2022"
    precision: Precision
    rule: str = ""  # which rule/table resolved it (explainability)


@dataclass(slots=True)
class EventDate:
    value: str
    precision: Precision
    source: str  # clause | sentence | dateline | published | ingested
    text: str | None = None


@dataclass(slots=True)
class Place:
    """A geocoded place (GDELT-style geo fields)."""

    name: str
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_type: int = 0  # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    feature_id: str | None = None  # gazetteer id (geonames id)
    text: str | None = None  # as written
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Evidence:
    """Where an event came from: article, sentence and character offsets."""

    article_id: str
    sentence_index: int
    sentence_text: str
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int


@dataclass(slots=True)
class Event:
    source: list[ActorMention]
    target: list[ActorMention]
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: str  # one of MODES
    trigger: str
    evidence: Evidence
    date: EventDate | None = None
    place: Place | None = None
    confidence: float = 0.5
    explanation: dict[str, Any] = field(default_factory=dict)

    @property
    def source_code(self) -> str | None:
        return self.source[0].code if self.source else None

    @property
    def target_code(self) -> str | None:
        return self.target[0].code if self.target else None


@dataclass(slots=True)
class CodedArticle:
    """The output of coding one article: a pure function of article + resources."""

    article: Article
    sentences: list[Sentence]
    actors: list[ActorMention]
    dates: list[DateMention]
    places: list[Place]
    events: list[Event]


def to_dict(record: Any) -> Any:
    """Plain-dict (JSON-ready) form of any record in this module."""
    return dataclasses.asdict(record)


def actor_from_dict(d: dict[str, Any]) -> ActorMention:
    return ActorMention(**d)


def event_from_dict(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["source"] = [ActorMention(**a) for a in d["source"]]
    d["target"] = [ActorMention(**a) for a in d["target"]]
    d["evidence"] = Evidence(**d["evidence"])
    if d.get("date"):
        d["date"] = EventDate(**d["date"])
    if d.get("place"):
        d["place"] = Place(**d["place"])
    return Event(**d)
