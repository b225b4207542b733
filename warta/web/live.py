"""Run the app in a background thread (tests, benchmarks) and take screenshots with Chromium.

Chromium is Debian's ``/usr/bin/chromium`` driven by the ``playwright`` package (a dev
dependency, imported only when a screenshot is taken); no browser is ever downloaded.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlencode

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``with LiveServer(db) as srv: srv.url`` — uvicorn on 127.0.0.1 with a free port."""

    def __init__(self, db_path: str | Path, host: str = "127.0.0.1", port: int | None = None):
        import uvicorn

        from warta.web.app import create_app

        self.host = host
        self.port = port or free_port(host)
        self.app = create_app(db_path)
        config = uvicorn.Config(self.app, host=host, port=self.port, log_level="warning",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="warta-web", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the web app did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.app.state.queries.close()

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def launch_chromium(playwright: Any) -> Any:
    """Launch Debian's Chromium headless through a started ``sync_playwright()`` object."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))


def screenshot(
    db_path: str | Path,
    path: str | Path,
    *,
    a: str | None = None,
    b: str | None = None,
    by: str = "month",
    lang: str = "en",
    width: int = 1200,
    height: int = 900,
    browser: Any = None,
) -> Path:
    """Save a PNG of the dyad explorer (the busiest dyad unless ``a``/``b`` are given).

    ``browser``: an already launched playwright browser (else Chromium is launched here).
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with LiveServer(db_path) as srv:
        if not (a and b):
            top = srv.app.state.queries.overview()["top_dyads"]
            if not top:
                raise ValueError(f"{db_path} has no dyads to show")
            a, b = top[0]["a"], top[0]["b"]
        url = f"{srv.url}/dyad?" + urlencode({"a": a, "b": b, "by": by, "lang": lang, "limit": 8})
        if browser is not None:
            _shoot(browser, url, out, width, height)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                own = launch_chromium(p)
                try:
                    _shoot(own, url, out, width, height)
                finally:
                    own.close()
    return out


def _shoot(browser: Any, url: str, out: Path, width: int, height: int) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = ctx.new_page()
        page.goto(url)
        page.wait_for_selector("#chart-quad[data-ready='1']", timeout=10_000)
        page.screenshot(path=str(out), full_page=True)
    finally:
        ctx.close()
