"""Warta: turn Indonesian news into political event data (CAMEO, PLOVER).

``warta.open(db)`` opens an event store for analysis (pandas DataFrames);
``warta.pipeline.Coder`` codes articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from warta.api import Warta


def open(db: Any = ":memory:", *, read_only: bool = False, frame: str = "pandas") -> Warta:  # noqa: A001
    """Open a Warta database: ``warta.open("warta.duckdb").events(actor="CHN")``."""
    from warta.api import open_db

    return open_db(db, read_only=read_only, frame=frame)
