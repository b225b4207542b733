"""Warta's local web dashboard and REST API (``warta serve``)."""

from __future__ import annotations

from warta.web.app import create_app, serve
from warta.web.live import LiveServer, screenshot

__all__ = ["LiveServer", "create_app", "screenshot", "serve"]
