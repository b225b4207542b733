"""Python API: ``warta.open(db)`` → an object whose queries return pandas DataFrames.

    >>> import warta
    >>> w = warta.open("warta.duckdb")
    >>> w.events(dyad=("CHN", "RUS"), since="2024-01-01")          # clustered events
    >>> f = EventFilter.of(dyad="CHN~RUS", quad=[3, 4], limit=20)     # one reusable filter
    >>> w.events(f), w.count_events(f)                                # page + total
    >>> w.dyad("CHN", "RUS", by="month")                              # counts per quad class
    >>> w.mentions(actor="IDN", q="kerja sama")                      # evidence sentences
    >>> w.sql("SELECT root, count(*) AS n FROM events GROUP BY 1")    # raw DuckDB SQL
    >>> w.con                                                         # the DuckDB connection

Polars frames are available with ``frame="polars"`` when polars is installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from warta.db import Store, StoreError
from warta.filters import EventFilter

FRAMES = ("pandas", "polars")


class Warta:
    """A Warta database opened for analysis (wraps :class:`warta.db.Store`)."""

    def __init__(self, store: Store, *, frame: str = "pandas"):
        if frame not in FRAMES:
            raise ValueError(f"frame must be one of {FRAMES}, got {frame!r}")
        self.store = store
        self.frame = frame

    # ------------------------------------------------------------------ plumbing

    @property
    def con(self) -> Any:
        """The DuckDB connection (``duckdb.DuckDBPyConnection``)."""
        return self.store.con

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Warta:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Warta {self.store.path!r}>"

    def _frame(self, rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> Any:
        df = pd.DataFrame(rows, columns=list(columns) if columns and not rows else None)
        if self.frame == "polars":
            try:
                import polars as pl
            except ImportError as e:  # pragma: no cover - depends on the environment
                raise StoreError("frame='polars' needs the polars package") from e
            return pl.from_pandas(df)
        return df

    def sql(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run raw SQL on the database and return a DataFrame."""
        rel = self.con.execute(query, params if params is not None else [])
        if self.frame == "polars":
            return rel.pl()
        return rel.df()

    def _columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]

    # ------------------------------------------------------------------ queries

    def filter(self, filter: EventFilter | None = None, /, **keywords: Any) -> EventFilter:
        """A validated :class:`warta.filters.EventFilter` from loose keywords (``actor``,
        ``dyad``, ``since``, ``until``, ``root``, ``quad``, ``code``, ``outlet``, ``q``,
        ``limit``, ``offset``, ``mode``, ``min_confidence``, ``directed``)."""
        return self.store.filter(filter, **keywords)

    def events(self, filter: EventFilter | str | Sequence[str] | None = None, /,
               **keywords: Any) -> Any:
        """Clustered events (one row per real-world event and directed dyad) as a DataFrame.

        Pass an :class:`~warta.filters.EventFilter` and/or its loose keywords
        (``w.events(dyad="CHN~RUS", since="2024-10")``).
        """
        return self._frame(self.store.events(filter, **keywords), self._columns("events"))

    def count_events(self, filter: EventFilter | None = None, /, **keywords: Any) -> int:
        """How many events match the filter (paging ignored)."""
        return self.store.count_events(filter, **keywords)

    def mentions(self, filter: EventFilter | str | Sequence[str] | None = None, /, *,
                 event_id: int | None = None, **keywords: Any) -> Any:
        """Event mentions (one coded event in one sentence, with evidence) as a DataFrame;
        ``event_id`` keeps the mentions supporting that event."""
        rows = self.store.mentions(filter, event_id=event_id, **keywords)
        return self._frame(rows, [*self._columns("mentions"), "outlet", "url", "title",
                                  "published", "duplicate_of", "is_duplicate", "event_ids"])

    def event(self, id: int | str) -> dict[str, Any] | None:
        """One event with all its mentions (a dict; mentions as a list of dicts)."""
        return self.store.event(id)

    def dyad(
        self,
        a: str,
        b: str,
        by: str = "month",
        *,
        directed: bool = False,
        mode: str | Sequence[str] | None = "asserted",
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> Any:
        """Per-period series for a dyad (see :meth:`warta.db.Store.dyad_series`)."""
        rows = self.store.dyad_series(a, b, by, directed=directed, mode=mode, since=since,
                                      until=until)
        return self._frame(rows, DYAD_COLUMNS)

    def actors(self, limit: int | None = None) -> Any:
        return self._frame(self.store.actors(limit), ACTOR_COLUMNS)

    def articles(
        self,
        outlet: str | Sequence[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        q: str | None = None,
        has_events: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Any:
        return self._frame(self.store.articles(outlet, since, until, q, has_events, limit, offset))

    def article(self, id: str) -> dict[str, Any] | None:
        return self.store.article(id)

    def skips(self) -> Any:
        return self._frame(self.store.skips(), ("source", "reason", "added_at"))

    def stats(self) -> dict[str, Any]:
        return self.store.stats()


DYAD_COLUMNS = ("period", "events", "mentions", "q1_verbal_coop", "q2_material_coop",
                "q3_verbal_conflict", "q4_material_conflict", "goldstein", "tone")
ACTOR_COLUMNS = ("code", "role", "events_as_source", "events_as_target", "mentions", "names")


def open_db(
    db: str | Path | Store = ":memory:", *, read_only: bool = False, frame: str = "pandas"
) -> Warta:
    """Open a Warta database (path, ``":memory:"`` or an existing :class:`Store`)."""
    store = db if isinstance(db, Store) else Store(db, read_only=read_only)
    return Warta(store, frame=frame)


def plot_dyad(rows: Sequence[dict[str, Any]] | pd.DataFrame, path: str | Path,
              title: str | None = None) -> Path:
    """Stacked bars of events per quad class and a mean-Goldstein line, saved as an image."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    out = Path(path)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    try:
        if df.empty:
            ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        else:
            labels = [str(p) for p in df["period"]]
            x = range(len(labels))
            bottom = [0.0] * len(labels)
            quads = (("q1_verbal_coop", "verbal cooperation", "#4c9a2a"),
                     ("q2_material_coop", "material cooperation", "#1f6f3f"),
                     ("q3_verbal_conflict", "verbal conflict", "#e08a1e"),
                     ("q4_material_conflict", "material conflict", "#b22222"))
            for col, label, color in quads:
                vals = [float(v) for v in df[col].fillna(0)]
                ax.bar(x, vals, bottom=bottom, label=label, color=color)
                bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
            ax.set_ylabel("events")
            ax.set_xticks(list(x))
            ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=8)
            ax2 = ax.twinx()
            ax2.plot(list(x), df["goldstein"].astype(float), color="black", marker="o",
                     linewidth=1, label="mean Goldstein")
            ax2.set_ylim(-10.5, 10.5)
            ax2.set_ylabel("mean Goldstein")
            ax.legend(loc="upper left", fontsize=8)
        if title:
            ax.set_title(title)
        fig.tight_layout()
        fig.savefig(out, dpi=110)
    finally:
        plt.close(fig)
    return out
