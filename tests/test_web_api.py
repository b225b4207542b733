"""REST API of the dashboard (``warta serve``): filters, pagination, content negotiation, 4xx."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from web_fixtures import build_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db: Path):
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.queries.close()


def ids(resp) -> list[str]:
    return [e["id"] for e in resp.json()["items"]]


@pytest.mark.parametrize(
    ("query", "total", "check"),
    [
        ("", 10, None),
        ("actor=CHN", 7, lambda e: "CHN" in (e["source"], e["target"])),
        ("actor=ISR", 2, lambda e: "ISR" in (e["source"], e["target"])),
        ("dyad=CHN-RUS", 5, lambda e: (e["source"], e["target"]) == ("CHN", "RUS")),
        ("dyad=RUS-CHN", 1, lambda e: (e["source"], e["target"]) == ("RUS", "CHN")),
        ("dyad=CHN~RUS", 6, lambda e: {e["source"], e["target"]} == {"CHN", "RUS"}),
        ("code=04", 2, lambda e: e["cameo"].startswith("04")),
        ("code=190", 2, lambda e: e["cameo"] == "190"),
        ("root=11", 2, lambda e: e["root"] == "11"),
        ("quad=4", 2, lambda e: e["quad_class"] == 4),
        ("quad=3&actor=IDN", 1, lambda e: e["quad_class"] == 3),
        ("since=2024-10-01", 5, lambda e: e["date"] >= "2024-10"),
        ("until=2024-08-31", 4, lambda e: e["date"] <= "2024-08-31"),
        ("since=2024-07&until=2024-08", 3, None),
        ("outlet=tempo.co", 1, lambda e: e["source"] == "IDN"),
        ("q=menandatangani", 2, lambda e: "menandatangani" in e["sentence"]),
        ("q=tidak%20ada%20kata%20ini", 0, None),
        ("actor=CHN&quad=&code=", 7, None),  # empty form fields mean "any"
    ],
)
def test_event_filters(client, query, total, check):
    r = client.get(f"/events.json?{query}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == total
    assert len(body["items"]) == min(total, 50)
    if check:
        assert all(check(e) for e in body["items"]), body["items"]


def test_pagination_is_stable_and_complete(client):
    everything = ids(client.get("/events.json?limit=1000"))
    pages = []
    for off in range(0, 10, 3):
        r = client.get(f"/events.json?limit=3&offset={off}")
        body = r.json()
        assert body["total"] == 10 and body["limit"] == 3 and body["offset"] == off
        pages += ids(r)
    assert pages == everything and len(set(pages)) == 10
    assert client.get("/events.json?offset=500").json()["items"] == []


@pytest.mark.parametrize(
    ("url", "status", "needle"),
    [
        ("/events.json?limit=0", 400, "limit"),
        ("/events.json?limit=5000", 400, "limit"),
        ("/events.json?limit=abc", 400, "valid integer"),
        ("/events.json?offset=-1", 400, "offset"),
        ("/events.json?quad=5", 400, "quad"),
        ("/events.json?quad=x", 400, "quad"),
        ("/events.json?since=yesterday", 400, "since"),
        ("/events.json?since=2024-02-30", 400, "invalid date"),
        ("/events.json?until=2024-13", 400, "invalid date"),
        ("/events.json?since=2024-10-02&until=2024-10-01", 400, "after"),
        ("/events.json?code=abc", 400, "code"),
        ("/events.json?root=1", 400, "root"),
        ("/events.json?dyad=CHN", 400, "dyad"),
        ("/events.json?actor=%27%3B%20DROP%20TABLE%20events", 400, "actor"),
        ("/events/123.json", 404, "no event"),
        ("/events/not-a-number.json", 404, "no event"),
        ("/articles/nope.json", 404, "no article"),
        ("/dyad.json?a=CHN", 400, "both actors"),
        ("/dyad.json?a=CHN&b=RUS&by=decade", 400, "by"),
        ("/network.json?min_events=0", 400, "min_events"),
        ("/articles.json?since=2024-99", 400, "invalid date"),
        ("/nowhere.json", 404, "Not Found"),
    ],
)
def test_bad_parameters_give_clear_4xx(client, url, status, needle):
    r = client.get(url)
    assert r.status_code == status, r.text
    assert needle.lower() in r.json()["error"].lower()


def test_bad_parameter_html_page(client):
    r = client.get("/events?quad=9")
    assert r.status_code == 400
    assert "text/html" in r.headers["content-type"]
    assert "quad" in r.text and 'id="error-message"' in r.text


@pytest.mark.parametrize(
    "path", ["/", "/events", "/actors", "/dyad?a=CHN&b=RUS", "/network", "/map", "/articles",
             "/articles/kompas-xi"])
def test_same_route_serves_html_and_json(client, path):
    html = client.get(path, headers={"accept": "text/html"})
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    via_accept = client.get(path, headers={"accept": "application/json"})
    assert via_accept.headers["content-type"] == "application/json"
    sep = "&" if "?" in path else "?"
    via_param = client.get(f"{path}{sep}format=json")
    assert via_param.json() == via_accept.json()
    if path != "/":
        base, _, qs = path.partition("?")
        via_suffix = client.get(f"{base}.json" + (f"?{qs}" if qs else ""))
        assert via_suffix.json() == via_accept.json()
    assert "_html" not in via_accept.text  # presentation fields stay out of the JSON


def test_overview(client):
    body = client.get("/index.json").json()
    assert body["counts"]["events"] == 10 and body["counts"]["articles"] == 11
    assert body["top_actors"][0]["code"] == "CHN"
    assert (body["top_dyads"][0]["a"], body["top_dyads"][0]["b"]) == ("CHN", "RUS")
    assert len(body["latest"]) == 10
    assert body["date_min"] == "2024-06-12"


def test_event_detail_has_all_mentions_and_evidence(client):
    ev = client.get("/events.json?dyad=CHN-RUS&code=040").json()["items"][0]
    assert isinstance(ev["id"], str)  # 64-bit ids would lose precision as JSON numbers
    d = client.get(f"/events/{ev['id']}.json").json()
    assert d["cameo"] == "040" and d["cameo_name"] == "Consult"
    arts = {e["article_id"] for e in d["evidence"]}
    assert arts == {"kompas-xi", "detik-xi", "antara-xi", "wartasampel-xi"}
    for e in d["evidence"]:
        s = e["sentence_text"]
        trig = s[e["trigger_start"] - e["sentence_start"]: e["trigger_end"] - e["sentence_start"]]
        assert trig == e["trigger"]
    assert any(e["is_duplicate"] for e in d["evidence"])
    sides = {(m["side"], m["code"]) for m in d["mentions"]}
    assert sides == {("source", "CHN"), ("target", "RUS")}
    html = client.get(f"/events/{ev['id']}").text
    assert '<mark class="trigger">berbicara melalui telepon</mark>' in html
    assert 'href="/articles/kompas-xi#s0"' in html


def test_dyad_series(client):
    d = client.get("/dyad.json?a=CHN&b=RUS&by=month").json()
    assert [s["period"] for s in d["series"]] == [
        "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01"]
    assert [s["q3"] for s in d["series"]] == [0, 1, 0, 0, 0]
    assert d["series"][1]["goldstein"] == -2.0
    assert d["chart"]["ts"][0] == 1717200000  # 2024-06-01T00:00Z
    assert d["events"]["total"] == 6  # both directions, all modes
    directed = client.get("/dyad.json?a=RUS&b=CHN&directed=true").json()
    assert directed["events"]["total"] == 1
    assert client.get("/dyad.json").json()["series"] == []


def test_actors_network_map_articles(client):
    actors = client.get("/actors.json").json()
    assert actors["items"][0]["code"] == "CHN" and actors["total"] == 7
    assert client.get("/actors.json?q=putin").json()["items"][0]["code"] == "RUS"
    assert len(client.get("/actors.json?limit=2&offset=2").json()["items"]) == 2
    net = client.get("/network.json").json()
    edge = next(e for e in net["edges"] if {e["source"], e["target"]} == {"CHN", "RUS"})
    assert edge["events"] == 5 and edge["conflict"] == 1 and edge["cooperation"] == 4
    assert {n["id"] for n in net["nodes"]} >= {"CHN", "RUS", "IDN", "ISR"}
    pts = {p["name"]: p for p in client.get("/map.json").json()["points"]}
    assert pts["Moskow"]["events"] == 2 and pts["Gaza"]["lat"] == 31.5
    assert [p["name"] for p in client.get("/map.json?quad=4").json()["points"]] == ["Gaza"]
    arts = client.get("/articles.json?outlet=kompas.com&limit=2").json()
    assert arts["total"] == 5 and len(arts["items"]) == 2
    assert client.get("/articles.json?q=Canberra").json()["total"] == 1


def test_article_with_coded_sentences(client):
    a = client.get("/articles/tempo-riaus.json").json()
    assert a["outlet"] == "tempo.co" and a["text"].startswith("Menteri Pertahanan")
    assert a["sentences"][0]["event_ids"] and not a["sentences"][1]["event_ids"]
    assert a["events"][0]["cameo"] == "057"
    html = client.get("/articles/tempo-riaus").text
    coded = re.search(r'<span class="coded" id="s0">(.*?)</span>', html, re.S)
    assert coded is not None
    for kind, text in [("source", "Prabowo Subianto"), ("target", "Richard Marles"),
                       ("trigger", "menandatangani"), ("place", "Canberra")]:
        assert f'<mark class="{kind}">{text}</mark>' in coded.group(1)


def test_language_switch(client):
    assert "Peristiwa terbaru" in client.get("/").text  # Indonesian by default
    r = client.get("/?lang=en")
    assert "Latest events" in r.text and r.cookies.get("warta_lang") == "en"
    assert "Latest events" in client.get("/").text  # the cookie keeps the choice
    assert "Peristiwa terbaru" in client.get("/?lang=id").text
    assert "Peristiwa terbaru" in client.get("/?lang=xx").text  # unknown: the default


def test_everything_is_served_locally(client):
    pages = ["/", "/dyad?a=CHN&b=RUS", "/network", "/map", "/articles/kompas-xi", "/docs"]
    for p in pages:
        html = client.get(p).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html)
        external = [u for u in refs if re.match(r"^(https?:)?//", u) and "/read/" not in u]
        assert external == [], (p, external)
        for u in refs:
            if u.startswith("/static/"):
                assert client.get(u).status_code == 200, u
    spec = client.get("/openapi.json").json()
    assert "/events" in spec["paths"] and "/dyad" in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "code", "root", "quad", "since", "until", "outlet", "q",
            "limit", "offset"} <= params
