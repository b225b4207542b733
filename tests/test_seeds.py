"""End to end on the two seed articles: the events the foundation issue names must come out."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.ingest import Ingestor
from warta.model import Article, CodedArticle, Event
from warta.pipeline import Coder

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def seeds(shared, lang, coder: Coder) -> dict[str, CodedArticle]:
    ing = Ingestor(lang, now=NOW)
    arts = [a for a in ing.iter_inputs([shared / "seeds"]) if isinstance(a, Article)]
    assert len(arts) == 2
    return {a.source_path.rsplit("/", 1)[-1][:3]: coder.code(a) for a in arts}


def _find(coded: CodedArticle, src: set[str], tgt: set[str] | None, root: str | tuple[str, ...]
          ) -> list[Event]:
    roots = (root,) if isinstance(root, str) else root
    out = []
    for e in coded.events:
        s = {a.code for a in e.source}
        t = {a.code for a in e.target}
        if e.root in roots and src <= s and (tgt is None or tgt <= t):
            out.append(e)
    return out


def test_seed000_dateline_and_publication(seeds) -> None:
    art = seeds["000"].article
    assert art.dateline_place == "Beijing" and art.outlet == "matajambi.com"
    assert art.published == "2024-10-02"
    assert "Baca Juga" not in art.text


def test_seed000_china_russia_intent(seeds) -> None:
    evs = _find(seeds["000"], {"CHN"}, {"RUS"}, "03")
    assert any(e.date and e.date.value == "2024-10-02" for e in evs)


def test_seed000_invasion_2022(seeds) -> None:
    evs = _find(seeds["000"], {"RUS"}, {"UKR"}, "19")
    assert any(e.date and e.date.value == "2022" and e.date.precision == "year" for e in evs)


def test_seed000_western_sanctions(seeds) -> None:
    evs = [e for e in seeds["000"].events if e.cameo == "163" and "WST" in {a.code for a in e.source}]
    assert evs and any("RUS" in {a.code for a in e.target} for e in evs)


def test_seed000_xi_putin_criticise_west(seeds) -> None:
    evs = _find(seeds["000"], {"CHN", "RUS"}, None, ("11", "12"))
    assert any({a.code for a in e.target} & {"WST", "USA"} for e in evs)


def test_seed000_brics_kazan(seeds) -> None:
    evs = [e for e in _find(seeds["000"], {"CHN"}, None, "03") if e.mode == "future"
           and e.place is not None and e.place.name == "Kazan"]
    assert evs
    e = evs[0]
    assert e.date is not None and (e.date.value, e.date.precision) == ("2024-10", "month")
    assert e.place is not None and e.place.country == "RUS"
    assert abs((e.place.lat or 0) - 55.8) < 0.3 and abs((e.place.lon or 0) - 49.1) < 0.3


def test_seed000_praise(seeds) -> None:
    evs = [e for e in _find(seeds["000"], {"CHN"}, {"RUS"}, "05") if e.cameo == "051"]
    assert any(e.date and e.date.value == "2024-10-02" for e in evs)


def test_seed004_consultation_year_from_weekday(seeds) -> None:
    evs = _find(seeds["004"], {"CHN", "RUS"}, {"CHN", "RUS"}, "04")
    assert any(e.date and e.date.value == "2026-02-04" for e in evs)


def test_every_event_has_evidence(seeds) -> None:
    for coded in seeds.values():
        text = coded.article.text
        for e in coded.events:
            ev = e.evidence
            assert ev.article_id == coded.article.id
            assert text[ev.sentence_start : ev.sentence_end] == ev.sentence_text
            assert ev.sentence_start <= ev.trigger_start < ev.trigger_end <= ev.sentence_end
