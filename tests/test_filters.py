"""EventFilter: one validated filter record for the store, the API and the exports."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures_store import corpus, skips

from warta.api import open_db
from warta.db import InvalidFilterError, Store, StoreError
from warta.filters import EventFilter, FilterError, as_filter, parse_date


@pytest.fixture(scope="module")
def store():
    s = Store()
    s.add_batch(corpus(), skips())
    yield s
    s.close()


@pytest.mark.parametrize(
    ("kwargs", "field", "want"),
    [
        ({"actor": "chn"}, "actor", ("CHN",)),
        ({"actor": ["CHNGOV", "IGO:UN"]}, "actor", ("CHNGOV", "IGO:UN")),
        ({"dyad": "CHN-RUS"}, "dyad", ("CHN", "RUS")),
        ({"dyad": "CHN,RUS"}, "directed", True),
        ({"dyad": "CHN~RUS"}, "directed", False),
        ({"dyad": ("chn", "rus"), "directed": False}, "dyad", ("CHN", "RUS")),
        ({"since": "2024"}, "since", date(2024, 1, 1)),
        ({"since": "2024-10"}, "since", date(2024, 10, 1)),
        ({"until": "2024-02"}, "until", date(2024, 2, 29)),
        ({"until": "2024"}, "until", date(2024, 12, 31)),
        ({"until": date(2024, 5, 6)}, "until", date(2024, 5, 6)),
        ({"root": 4}, "root", ("04",)),
        ({"root": ["4", "19"]}, "root", ("04", "19")),
        ({"quad": "3"}, "quad", (3,)),
        ({"quad": [1, 2]}, "quad", (1, 2)),
        ({"code": "0571"}, "code", ("0571",)),
        ({"mode": "negated"}, "mode", ("negated",)),
        ({"outlet": "kompas.com"}, "outlet", ("kompas.com",)),
        ({"q": "  telepon "}, "q", "telepon"),
        ({"q": "  "}, "q", None),
        ({"limit": "20", "offset": 40}, "limit", 20),
        ({"min_confidence": "0.5"}, "min_confidence", 0.5),
        ({}, "actor", ()),
    ],
)
def test_loose_values_are_normalised(kwargs, field, want):
    assert getattr(EventFilter.of(**kwargs), field) == want


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2024-02-30"}, "real date"),
        ({"until": "2024-13"}, "until"),
        ({"since": "2024-10-02", "until": "2024-10-01"}, "after"),
        ({"quad": 5}, "quad"),
        ({"quad": "x"}, "quad"),
        ({"root": "21"}, "root"),
        ({"root": "ab"}, "root"),
        ({"code": "abc"}, "code"),
        ({"code": "99"}, "code"),
        ({"dyad": "CHN"}, "dyad"),
        ({"dyad": ("CHN", "RUS", "USA")}, "dyad"),
        ({"actor": "'; DROP TABLE events"}, "actor"),
        ({"mode": "maybe"}, "mode"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"limit": -1}, "limit"),
        ({"offset": -5}, "offset"),
    ],
)
def test_bad_values_raise_a_clear_value_error(kwargs, message):
    with pytest.raises(FilterError, match=message):
        EventFilter.of(**kwargs)
    with pytest.raises(ValueError, match=message):
        EventFilter.of(**kwargs)


def test_record_is_frozen_validated_and_hashable():
    f = EventFilter.of(actor="CHN", quad=[1, 2])
    with pytest.raises(AttributeError):
        f.actor = ("RUS",)  # type: ignore[misc]
    assert hash(f) == hash(EventFilter.of(actor=["CHN"], quad=(1, 2)))
    with pytest.raises(FilterError, match="quad"):
        EventFilter(quad=(7,))
    with pytest.raises(FilterError, match="since"):
        EventFilter(since="2024-01-01")  # type: ignore[arg-type]
    assert f.page(10, 20).limit == 10 and f.page(10, 20).unpaged == f
    assert parse_date(None, "since") is None


def test_as_filter_keywords_override_a_record():
    base = EventFilter.of(dyad="CHN~RUS", quad=1)
    f = as_filter(base, since="2024-10", limit=5)
    assert (f.dyad, f.directed, f.quad, f.since, f.limit) == (
        ("CHN", "RUS"), False, (1,), date(2024, 10, 1), 5)
    assert as_filter(base, dyad="IDN-ISR").directed is True
    assert as_filter(base) is base


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"actor": "CHN"}, {"dyad": ("CHN", "RUS")}, {"dyad": "RUS~CHN"}, {"quad": [1, 3]},
     {"since": "2024-10-02"}, {"outlet": "detik.com"}, {"q": "mengecam keras"},
     {"mode": "negated"}, {"root": ["19", "11"]}],
)
def test_record_and_keywords_give_the_same_rows(store, kwargs):
    f = EventFilter.of(**kwargs)
    assert store.events(f) == store.events(**kwargs)
    assert store.count_events(f) == len(store.events(f)) == store.count_events(**kwargs)
    assert store.count_mentions(f) == len(store.mentions(f))


def test_count_ignores_paging_and_positional_actor_still_works(store):
    f = EventFilter.of(limit=2, offset=1)
    assert len(store.events(f)) == 2 and store.count_events(f) == 6
    assert store.events("CHN") == store.events(actor="CHN")
    with pytest.raises(StoreError, match="twice"):
        store.events("CHN", actor="RUS")


def test_undirected_dyad(store):
    assert store.count_events(dyad="RUS~CHN") == 2  # CHN→RUS call + negated RUS→CHN
    assert store.count_events(dyad="RUS-CHN") == 1


def test_store_errors_are_store_and_value_errors(store):
    for call in (lambda: store.events(quad=9), lambda: store.count_events(since="nope"),
                 lambda: store.event_filter("e", dyad="CHN"), lambda: store.events(colour=1)):
        with pytest.raises(InvalidFilterError) as exc:
            call()
        assert isinstance(exc.value, StoreError) and isinstance(exc.value, ValueError)


def test_api_accepts_the_record(store):
    w = open_db(store)
    f = w.filter(dyad="CHN~RUS", mode="asserted")
    assert len(w.events(f)) == w.count_events(f) == 1
    assert list(w.events(f)["source_code"]) == ["CHN"]
    assert len(w.mentions(f)) == 4
