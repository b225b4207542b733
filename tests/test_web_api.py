"""REST API of the dashboard (``warta serve``): filters, pagination, content negotiation, 4xx."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from web_fixtures import JOINT_ID, build_db

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


@pytest.fixture(scope="module")
def event_id(client) -> str:
    return client.get("/events.json?dyad=CHN-RUS&code=040").json()["items"][0]["id"]


def ids(resp) -> list[str]:
    return [e["id"] for e in resp.json()["items"]]


@pytest.mark.parametrize(
    ("query", "total", "check"),
    [
        ("", 12, None),
        ("actor=CHN", 9, lambda e: "CHN" in (e["source"], e["target"])),
        ("actor=chn", 9, None),  # codes are case-insensitive
        ("actor=ISR", 2, lambda e: "ISR" in (e["source"], e["target"])),
        ("dyad=CHN-RUS", 6, lambda e: (e["source"], e["target"]) == ("CHN", "RUS")),
        ("dyad=RUS-CHN", 2, lambda e: (e["source"], e["target"]) == ("RUS", "CHN")),
        ("dyad=CHN~RUS", 8, lambda e: {e["source"], e["target"]} == {"CHN", "RUS"}),
        ("code=04", 4, lambda e: e["cameo"].startswith("04")),
        ("code=190", 2, lambda e: e["cameo"] == "190"),
        ("root=11", 2, lambda e: e["root"] == "11"),
        ("quad=4", 2, lambda e: e["quad_class"] == 4),
        ("quad=3&actor=IDN", 1, lambda e: e["quad_class"] == 3),
        ("since=2024-10-01", 7, lambda e: e["date"] >= "2024-10"),
        ("until=2024-08-31", 4, lambda e: e["date"] <= "2024-08-31"),
        ("since=2024-07&until=2024-08", 3, None),
        ("outlet=tempo.co", 1, lambda e: e["source"] == "IDN"),
        ("q=menandatangani", 2, lambda e: "menandatangani" in e["sentence"]),
        ("q=tidak%20ada%20kata%20ini", 0, None),
        ("actor=CHN&quad=&code=", 9, None),  # empty form fields mean "any"
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


def test_joint_meeting_is_two_directed_events(client):
    """"Xi Jinping dan Vladimir Putin bertemu": one sentence, a CHN→RUS and a RUS→CHN event."""
    art = client.get(f"/articles/{JOINT_ID}.json").json()
    pairs = {(e["source"], e["target"]) for e in art["events"]}
    assert pairs == {("CHN", "RUS"), ("RUS", "CHN")}
    assert len(set(art["sentences"][0]["event_ids"])) == 2
    html = client.get(f"/articles/{JOINT_ID}").text
    coded = re.search(r'<span class="coded" id="s0">(.*?)</span>', html, re.S)
    assert coded is not None  # in the running text both leaders are on both sides
    assert '<mark class="source target">Xi Jinping</mark>' in coded.group(1)
    assert '<mark class="source target">Vladimir Putin</mark>' in coded.group(1)
    for e in art["events"]:  # each event's own evidence marks its own source and target
        ev = client.get(f"/events/{e['id']}").text
        src, tgt = ("Xi Jinping", "Vladimir Putin") if e["source"] == "CHN" else (
            "Vladimir Putin", "Xi Jinping")
        assert f'<mark class="source">{src}</mark>' in ev
        assert f'<mark class="target">{tgt}</mark>' in ev
        d = client.get(f"/events/{e['id']}.json").json()
        assert {(m["side"], m["code"]) for m in d["mentions"]} == {
            ("source", e["source"]), ("target", e["target"])}


def test_pagination_is_stable_and_complete(client):
    everything = ids(client.get("/events.json?limit=1000"))
    pages = []
    for off in range(0, 12, 5):
        r = client.get(f"/events.json?limit=5&offset={off}")
        body = r.json()
        assert body["total"] == 12 and body["limit"] == 5 and body["offset"] == off
        pages += ids(r)
    assert pages == everything and len(set(pages)) == 12
    assert client.get("/events.json?offset=500").json()["items"] == []


# (route, its paginated?, takes dates?) — every data route of the app
ROUTES = [
    ("/index.json", False, False),
    ("/events.json", True, True),
    ("/actors.json", True, False),
    ("/dyad.json?a=CHN&b=RUS", True, True),
    ("/network.json", False, True),
    ("/map.json", False, True),
    ("/articles.json", True, True),
    (f"/articles/{JOINT_ID}.json", False, False),
    ("/events/{event_id}.json", False, False),
]


def _route_cases() -> list[tuple[str, str, str]]:
    cases = []
    for route, paged, dated in ROUTES:
        cases += [(route, "format=xml", "format"), (route, "lang=EN", "lang"),
                  (route, "colour=blue", "unknown parameter 'colour'")]
        if paged:
            cases += [(route, "limit=0", "limit"), (route, "limit=1001", "limit"),
                      (route, "limit=ten", "limit"), (route, "offset=-1", "offset"),
                      (route, "limit=99999999999999999999", "limit")]
        if dated:
            cases += [(route, "since=yesterday", "since"), (route, "since=2024-02-30", "not a real date"),
                      (route, "until=2024-13", "until"), (route, "since=2024-10-02&until=2024-10-01", "after")]
    return cases


@pytest.mark.parametrize(("route", "query", "needle"), _route_cases())
def test_every_route_rejects_bad_parameters(client, event_id, route, query, needle):
    url = route.replace("{event_id}", event_id)
    url += ("&" if "?" in url else "?") + query
    r = client.get(url)
    assert r.status_code == 400, (url, r.status_code, r.text)
    assert r.headers["content-type"] == "application/json"
    assert needle.lower() in r.json()["error"].lower(), r.json()


@pytest.mark.parametrize(
    ("url", "status", "needle"),
    [
        ("/events.json?quad=5", 400, "quad"),
        ("/events.json?quad=x", 400, "quad"),
        ("/events.json?code=abc", 400, "code"),
        ("/events.json?code=0999", 400, "unknown cameo code"),
        ("/events.json?root=1", 400, "root"),
        ("/events.json?root=99", 400, "root"),
        ("/events.json?dyad=CHN", 400, "dyad"),
        ("/events.json?actor=ZZZ", 400, "unknown actor code 'ZZZ'"),
        ("/events.json?dyad=CHN~ZZZ", 400, "unknown actor code 'ZZZ'"),
        ("/map.json?actor=XYZ", 400, "unknown actor code 'XYZ'"),
        ("/dyad.json?a=ZZZ&b=CHN", 400, "unknown actor code 'ZZZ' for 'a'"),
        ("/dyad.json?a=CHN&b=Q", 400, "unknown actor code 'Q' for 'b'"),
        ("/events.json?actor=%27%3B%20DROP%20TABLE%20events", 400, "actor"),
        ("/network.json?actor=CHN", 400, "unknown parameter 'actor'"),
        ("/events/123.json", 404, "no event"),
        ("/events/not-a-number.json", 404, "no event"),
        ("/events/99999999999999999999999.json", 404, "no event"),
        ("/articles/nope.json", 404, "no article"),
        ("/dyad.json?a=CHN", 400, "both actors"),
        ("/dyad.json?a=CHN&b=RUS&by=decade", 400, "by"),
        ("/dyad.json?a=CHN&b=RUS&directed=maybe", 400, "directed"),
        ("/network.json?min_events=0", 400, "min_events"),
        ("/network.json?max_nodes=1", 400, "max_nodes"),
        ("/actors.json?q=" + "x" * 101, 400, "q"),
        ("/events.json?q=" + "x" * 201, 400, "q"),
        ("/articles.json?since=2024-99", 400, "not a real date"),
        ("/nowhere.json", 404, "Not Found"),
    ],
)
def test_bad_parameters_give_clear_4xx(client, url, status, needle):
    r = client.get(url)
    assert r.status_code == status, r.text
    assert needle.lower() in r.json()["error"].lower()


NASTY = ["", "0", "-1", "x" * 250, "%00", "%27%22%3C", "%F0%9F%98%80", "2024-00-00", "9999-99",
         "CHN-", "~"]


@pytest.mark.parametrize("param", ["actor", "dyad", "code", "root", "quad", "since", "until",
                                   "outlet", "q", "limit", "offset", "a", "b", "by", "min_events",
                                   "max_nodes", "directed", "format", "lang"])
def test_no_input_gives_a_500(client, event_id, param):
    routes = [r.replace("{event_id}", event_id) for r, _, _ in ROUTES] + ["/", "/events", "/dyad"]
    for route in routes:
        for value in NASTY:
            url = route + ("&" if "?" in route else "?") + f"{param}={value}"
            r = client.get(url)
            assert r.status_code < 500, (url, r.text)
            if r.status_code >= 400:
                assert r.json()["error"] if "json" in r.headers["content-type"] else "error-message" in r.text


def test_bad_parameter_html_page(client):
    r = client.get("/events?quad=9")
    assert r.status_code == 400
    assert "text/html" in r.headers["content-type"]
    assert "quad" in r.text and 'id="error-message"' in r.text


@pytest.mark.parametrize(
    "path", ["/", "/events?actor=CHN", "/actors", "/dyad?a=CHN&b=RUS", "/network", "/map?quad=1",
             "/articles", "/articles/kompas-xi", "/events/{event_id}"])
def test_same_route_serves_html_and_json(client, event_id, path):
    path = path.replace("{event_id}", event_id)
    html = client.get(path, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    assert "<nav>" in html.text
    via_accept = client.get(path, headers={"accept": "application/json"})
    assert via_accept.status_code == 200
    assert via_accept.headers["content-type"] == "application/json"
    sep = "&" if "?" in path else "?"
    via_param = client.get(f"{path}{sep}format=json")
    assert via_param.json() == via_accept.json()
    base, _, qs = path.partition("?")
    via_suffix = client.get(("/index" if base == "/" else base) + ".json" + (f"?{qs}" if qs else ""),
                            headers={"accept": "text/html"})  # the suffix wins over the header
    assert via_suffix.headers["content-type"] == "application/json"
    assert via_suffix.json() == via_accept.json()
    assert "_html" not in via_accept.text  # presentation fields stay out of the JSON


def test_errors_follow_the_requested_format(client):
    as_json = client.get("/events?limit=0", headers={"accept": "application/json"})
    assert as_json.status_code == 400 and as_json.json()["status"] == 400
    as_html = client.get("/events?limit=0", headers={"accept": "text/html"})
    assert as_html.status_code == 400 and 'id="error-message"' in as_html.text
    missing = client.get("/events/123", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "no event with id" in missing.text
    lang = client.get("/lang/xx", headers={"accept": "application/json"})
    assert lang.status_code == 404 and "unknown language" in lang.json()["error"]


def test_overview(client):
    body = client.get("/index.json").json()
    assert body["counts"]["events"] == 12 and body["counts"]["articles"] == 12
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
        "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2024-11-01"]
    assert [s["q3"] for s in d["series"]] == [0, 1, 0, 0, 0, 0]
    assert [s["q1"] for s in d["series"]] == [1, 0, 1, 1, 1, 2]  # the joint meeting counts twice
    assert d["series"][1]["goldstein"] == -2.0
    assert d["chart"]["ts"][0] == 1717200000  # 2024-06-01T00:00Z
    assert d["events"]["total"] == 8  # both directions, all modes
    directed = client.get("/dyad.json?a=RUS&b=CHN&directed=true").json()
    assert directed["events"]["total"] == 2
    assert client.get("/dyad.json").json()["series"] == []


def test_actors_network_map_articles(client):
    actors = client.get("/actors.json").json()
    assert actors["items"][0]["code"] == "CHN" and actors["total"] == 7
    assert client.get("/actors.json?q=putin").json()["items"][0]["code"] == "RUS"
    assert len(client.get("/actors.json?limit=2&offset=2").json()["items"]) == 2
    net = client.get("/network.json").json()
    edge = next(e for e in net["edges"] if {e["source"], e["target"]} == {"CHN", "RUS"})
    assert edge["events"] == 7 and edge["conflict"] == 1 and edge["cooperation"] == 6  # asserted
    assert {n["id"] for n in net["nodes"]} >= {"CHN", "RUS", "IDN", "ISR"}
    pts = {p["name"]: p for p in client.get("/map.json").json()["points"]}
    assert pts["Moskow"]["events"] == 2 and pts["Kazan"]["events"] == 2
    assert pts["Gaza"]["lat"] == 31.5
    assert [p["name"] for p in client.get("/map.json?quad=4").json()["points"]] == ["Gaza"]
    arts = client.get("/articles.json?outlet=kompas.com&limit=2").json()
    assert arts["total"] == 5 and len(arts["items"]) == 2
    assert client.get("/articles.json?q=Canberra").json()["total"] == 1
    assert client.get("/articles.json?since=2024-11").json()["total"] == 1
    assert client.get("/articles.json?until=2024-08").json()["total"] == 4  # all of August


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


def test_every_label_exists_in_every_language():
    """Each label the templates and charts.js look up is translated into id and en."""
    from warta.filters import MODES
    from warta.web.app import NAV, STATIC, TEMPLATES, Labels
    from warta.web.queries import BY_VALUES
    from warta.web.render import HL_ORDER

    labels = Labels()
    used = set()
    for tpl in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z0-9_]+)'\)", tpl.read_text(encoding="utf-8")))
    used |= set(re.findall(r'\bt\("([a-z0-9_]+)"\)', (STATIC / "charts.js").read_text(encoding="utf-8")))
    used |= {f"nav_{k}" for k, _ in NAV} | {f"quad_{q}" for q in (1, 2, 3, 4)}
    used |= {f"mode_{m}" for m in MODES} | {f"hl_{k}" for k in HL_ORDER} | set(BY_VALUES)
    used |= {"events", "articles", "actors", "mentions"}
    assert len(used) > 60
    for lang in labels.languages:
        missing = sorted(k for k in used if k not in labels.table.get(lang, {}))
        assert missing == [], (lang, missing)
