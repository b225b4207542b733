"""The dashboard in real headless Chromium (Debian's /usr/bin/chromium via playwright).

One server and one browser for the whole module; each test opens its own browser context.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from web_fixtures import JOINT_ID, build_db

from warta.web.live import CHROMIUM, LiveServer, launch_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
NAV_EN = ["Overview", "Events", "Dyad", "Network", "Map", "Actors", "Articles"]
NAV_ID = ["Ikhtisar", "Peristiwa", "Diad", "Jaringan", "Peta", "Aktor", "Artikel"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = build_db(tmp_path_factory.mktemp("webb") / "web.duckdb")
    with LiveServer(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(server) -> list[str]:
    """Every page of the app, with real ids from the test database."""
    client = server.app.state.queries
    from warta.filters import EventFilter

    ev = client.events(EventFilter.of(dyad="CHN-RUS", code="040"), limit=1)["items"][0]["id"]
    return ["/", "/events", "/events?actor=CHN", f"/events/{ev}", "/dyad", "/dyad?a=CHN&b=RUS",
            "/network", "/map", "/actors", "/articles", "/articles/kompas-xi",
            f"/articles/{JOINT_ID}", "/events?limit=0"]


def _watch(pg, server) -> tuple[list[str], list[str]]:
    external: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(server.url) else external.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "400" not in m.text
          else None)
    return external, errors


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(**DESKTOP)
    pg = ctx.new_page()
    external, errors = _watch(pg, server)
    yield pg
    ctx.close()
    assert external == [], f"requests left the app: {external}"
    assert errors == [], f"JavaScript errors: {errors}"


def _ts(iso: str) -> float:
    return datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp()


def test_click_overview_dyad_event_article(page, server):
    page.goto(server.url + "/?lang=en")
    assert page.locator("[data-count='events'] .num").inner_text() == "12"
    assert "Latest events" in page.inner_text("#latest h2")
    # overview → busiest dyad
    page.locator("#top-dyads a.dyad-link").first.click()
    page.wait_for_selector("#chart-quad[data-ready='1']")
    assert page.inner_text("#dyad-title") == "CHN ↔ RUS"
    assert page.locator("#chart-quad canvas").count() >= 1
    assert page.locator("#chart-goldstein canvas").count() >= 1
    # the time axis spans the data (June–November 2024) and no more, with month ticks
    quad = page.locator("#chart-quad")
    x_min, x_max = float(quad.get_attribute("data-x-min")), float(quad.get_attribute("data-x-max"))
    assert _ts("2024-05-01") < x_min <= _ts("2024-06-01")
    assert _ts("2024-11-01") <= x_max < _ts("2024-12-31")
    ticks = quad.get_attribute("data-ticks").split("|")
    assert ticks[0].endswith("2024") and 3 <= len(ticks) <= 7
    assert all(re.fullmatch(r"[A-Z][a-z]{2}( 2024)?", t) for t in ticks), ticks
    assert page.locator("#dyad-events [data-total]").inner_text() == "8"
    # dyad → the phone call event (CAMEO 040)
    row = page.locator("#dyad-events tr", has_text="040")
    row.locator("a.event-link").click()
    page.wait_for_selector("blockquote.evidence")
    assert "Consult" in page.inner_text("h1") and "CHN → RUS" in page.inner_text("h1")
    assert page.locator("blockquote.evidence").count() == 4
    assert page.locator("blockquote.evidence mark.trigger").first.inner_text() in (
        "berbicara melalui telepon", "menelepon", "pembicaraan telepon")
    assert page.locator("blockquote.evidence mark.source").first.inner_text() == "Xi Jinping"
    assert page.locator("blockquote.evidence mark.target").first.inner_text() == "Vladimir Putin"
    # event → its article, the coded sentence is focused and highlighted
    page.locator("a.article-link[href^='/articles/kompas-xi']").click()
    page.wait_for_selector("#article-text .coded.focus")
    coded = page.locator("#article-text .coded.focus")
    assert coded.is_visible()
    assert coded.locator("mark.trigger").inner_text() == "berbicara melalui telepon"
    assert coded.locator("mark.source").inner_text() == "Xi Jinping"
    assert coded.locator("mark.target").inner_text() == "Vladimir Putin"
    assert "Xi Jinping" in page.inner_text("#article-title")
    assert page.locator("#article-events tr[data-event-id]").count() == 1


def test_joint_meeting_click_through(page, server):
    """The joint meeting shows as two events (CHN→RUS, RUS→CHN) that lead to one sentence."""
    page.goto(server.url + "/dyad?a=RUS&b=CHN&lang=en")
    page.wait_for_selector("#chart-quad[data-ready='1']")
    rows = page.locator("#dyad-events tr", has_text="2024-11-05")
    assert rows.count() == 2
    dyads = sorted(r.locator("td.src").inner_text() + ">" + r.locator("td.tgt").inner_text()
                   for r in rows.all())
    assert dyads == ["CHN>RUS", "RUS>CHN"]
    rows.filter(has=page.locator("td.src", has_text="RUS")).locator("a.event-link").click()
    page.wait_for_selector("blockquote.evidence")
    assert "RUS → CHN" in page.inner_text("h1")
    ev = page.locator("blockquote.evidence")
    assert ev.locator("mark.source").inner_text() == "Vladimir Putin"
    assert ev.locator("mark.target").inner_text() == "Xi Jinping"
    assert ev.locator("mark.place").inner_text() == "Kazan"
    page.locator(f"a.article-link[href^='/articles/{JOINT_ID}']").click()
    page.wait_for_selector("#article-text .coded.focus")
    coded = page.locator("#article-text .coded.focus")
    assert [m.inner_text() for m in coded.locator("mark.source.target").all()] == [
        "Xi Jinping", "Vladimir Putin"]
    assert coded.locator("mark.trigger").inner_text() == "bertemu"
    assert coded.locator("mark.place").inner_text() == "Kazan"
    assert page.locator("#article-events tr[data-event-id]").count() == 2
    assert "source & target" in page.inner_text(".legend")


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_page_fits_the_screen_and_nav_is_reachable(browser, server, pages, device):
    opts = PHONE if device == "phone" else DESKTOP
    width = opts["viewport"]["width"]
    ctx = browser.new_context(**opts)
    pg = ctx.new_page()
    external, errors = _watch(pg, server)
    try:
        for path in pages:
            pg.goto(server.url + path)
            pg.wait_for_load_state("load")
            doc_w = pg.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert doc_w <= width, (device, path, doc_w)
            for link in pg.locator("header nav a").all():
                box = link.bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (path, box)
                assert link.is_visible()
            assert pg.locator("[data-lang-switch='en']").is_visible()
            assert pg.locator("h1").first.is_visible()
            tallest = pg.evaluate("Math.max(0, ...[...document.querySelectorAll("
                                  "'form.filters input:not([type=hidden]), form.filters select')]"
                                  ".map(e => e.getBoundingClientRect().height))")
            assert tallest <= 48, (device, path, tallest)  # form fields keep their normal size
        # the nav works by touch/click on this screen size
        pg.goto(server.url + "/")
        pg.locator("[data-nav='network']").click()
        pg.wait_for_selector("#network[data-ready='1']")
        box = pg.locator("#network svg").bounding_box()
        assert box is not None and box["width"] <= width
    finally:
        ctx.close()
    assert external == [] and errors == [], (external, errors)


def test_language_switch_on_every_page(browser, server, pages):
    ctx = browser.new_context(**DESKTOP)
    pg = ctx.new_page()
    try:
        for path in pages:
            pg.goto(server.url + path + ("&" if "?" in path else "?") + "lang=id")
            assert pg.locator("header nav a").all_inner_texts() == NAV_ID, path
            id_text = pg.inner_text("main")
            pg.click("[data-lang-switch='en']")
            pg.wait_for_load_state("load")
            assert pg.locator("header nav a").all_inner_texts() == NAV_EN, path
            assert pg.get_attribute("html", "lang") == "en"
            en_text = pg.inner_text("main")
            assert en_text != id_text, path
            # no label falls back to its raw key (e.g. "nav_map", "quad_1")
            assert not re.search(r"\b(?:nav|quad|hl|mode)_[a-z0-9]+\b", en_text), path
            assert path.split("?")[0] in pg.url  # the switch keeps the page and its query
    finally:
        ctx.close()


def test_dyad_form_and_language_switch(page, server):
    page.goto(server.url + "/dyad")
    assert "Pilih dua aktor" in page.inner_text("main")  # Indonesian by default
    page.select_option("#actor-a", "IDN")
    page.select_option("#actor-b", "ISR")
    page.click("#dyad-show")
    page.wait_for_selector("#chart-quad[data-ready='1']")
    assert page.inner_text("#dyad-title") == "IDN ↔ ISR"
    assert "Konflik verbal" in page.inner_text(".legend")
    page.click("[data-lang-switch='en']")
    page.wait_for_selector("#chart-quad[data-ready='1']")
    assert "Verbal conflict" in page.inner_text(".legend")
    assert page.inner_text("#dyad-title") == "IDN ↔ ISR"  # the switch keeps the query
    page.goto(server.url + "/network")
    assert page.inner_text("[data-nav='network']") == "Network"  # cookie remembers English


def test_network_and_map_draw_svg(page, server):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-ready='1']")
    assert page.locator("#network circle.node").count() >= 6
    edge = page.locator("#network line.edge[data-source='CHN'][data-target='RUS']")
    assert edge.get_attribute("stroke") == "#1b7f4b"  # mostly cooperation
    edge.click()
    page.wait_for_selector("#chart-quad[data-ready='1']")
    assert "/dyad?a=CHN&b=RUS" in page.url
    page.goto(server.url + "/map")
    page.wait_for_selector("#map[data-land='1']")
    names = {c.get_attribute("data-name") for c in page.locator("#map circle.pt").all()}
    assert names == {"Moskow", "Kazan", "Gaza", "Canberra"}
    assert page.locator("#map path.land").get_attribute("d").startswith("M")


def test_docs_load_offline(page, server):
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=10_000)
    assert page.locator(".opblock-summary-path", has_text="/events").count() >= 1


def test_screenshot_helper(browser, server, tmp_path):
    from warta.web import screenshot

    out = screenshot(server.app.state.queries.store.path, tmp_path / "dyad.png", browser=browser)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
