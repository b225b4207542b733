"""The dashboard in real headless Chromium (Debian's /usr/bin/chromium via playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_fixtures import build_db

from warta.web.live import CHROMIUM, LiveServer, launch_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


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


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    external: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(server.url) else external.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert external == [], f"requests left the app: {external}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_click_overview_dyad_event_article(page, server):
    page.goto(server.url + "/?lang=en")
    assert page.locator("[data-count='events'] .num").inner_text() == "10"
    assert "Latest events" in page.inner_text("#latest h2")
    # overview → busiest dyad
    page.locator("#top-dyads a.dyad-link").first.click()
    page.wait_for_selector("#chart-quad[data-ready='1']")
    assert page.inner_text("#dyad-title") == "CHN ↔ RUS"
    assert page.locator("#chart-quad canvas").count() >= 1
    assert page.locator("#chart-goldstein canvas").count() >= 1
    assert page.locator("#dyad-events [data-total]").inner_text() == "6"
    # dyad → the phone call event (CAMEO 040)
    row = page.locator("#dyad-events tr", has_text="040")
    row.locator("a.event-link").click()
    page.wait_for_selector("blockquote.evidence")
    assert "Consult" in page.inner_text("h1")
    assert page.locator("blockquote.evidence").count() == 4
    assert page.locator("blockquote.evidence mark.trigger").first.inner_text() in (
        "berbicara melalui telepon", "menelepon", "pembicaraan telepon")
    # event → its article, the coded sentence is focused and highlighted
    page.locator("a.article-link[href^='/articles/kompas-xi']").click()
    page.wait_for_selector("#article-text .coded.focus")
    coded = page.locator("#article-text .coded.focus")
    assert coded.locator("mark.trigger").inner_text() == "berbicara melalui telepon"
    assert coded.locator("mark.source").inner_text() == "Xi Jinping"
    assert coded.locator("mark.target").inner_text() == "Vladimir Putin"
    assert "Xi Jinping" in page.inner_text("#article-title")


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
    assert page.locator("#map circle.pt").count() == 3
    assert page.locator("#map path.land").get_attribute("d").startswith("M")


def test_phone_layout_has_no_horizontal_scroll(browser, server):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = ctx.new_page()
    try:
        for path in ("/", "/events", "/dyad?a=CHN&b=RUS", "/articles/tempo-riaus", "/map"):
            pg.goto(server.url + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
    finally:
        ctx.close()


def test_docs_load_offline(page, server):
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=10_000)
    assert page.locator(".opblock-summary-path", has_text="/events").count() >= 1


def test_screenshot_helper(browser, server, tmp_path):
    from warta.web import screenshot

    out = screenshot(server.app.state.queries.store.path, tmp_path / "dyad.png", browser=browser)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
