"""Command-line interface: a thin layer over the library (one click command per feature)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from warta import __version__

DEFAULT_DB = "warta.duckdb"
FORMATS = ["table", "json", "csv"]


def _console() -> Console:
    return Console(soft_wrap=False, width=200 if not sys.stdout.isatty() else None)


def _err(msg: str) -> None:
    click.echo(f"error: {msg}", err=True)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    """Print rows as a rich table, JSON lines array, or CSV."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    if fmt == "csv":
        buf = io.StringIO()
        keys = list(dict.fromkeys(k for r in rows for k in r)) or columns
        w = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for k, v in r.items()})
        click.echo(buf.getvalue(), nl=False)
        return
    table = Table(title=title or None, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
    _console().print(table)


@click.group()
@click.version_option(__version__, prog_name="warta")
def cli() -> None:
    """Warta: political event data (CAMEO/PLOVER) from Indonesian news."""


# --------------------------------------------------------------------------- coding


def _actor_str(actors: list[dict[str, Any]]) -> str:
    return " + ".join(f"{a['code']}{'/' + a['role'] if a.get('role') else ''}" for a in actors)


def _event_row(ev: Any, codebook: Any) -> dict[str, Any]:
    from warta.model import to_dict

    d = to_dict(ev)
    return {
        "date": ev.date.value if ev.date else None,
        "source": _actor_str(d["source"]),
        "cameo": ev.cameo,
        "event": codebook.get(ev.cameo).name,
        "target": _actor_str(d["target"]),
        "mode": ev.mode,
        "place": ev.place.name if ev.place else None,
        "trigger": ev.trigger,
        "conf": ev.confidence,
    }


def _read_articles(inputs: Iterable[str], stdin: Any = None) -> Iterator[Any]:
    from warta.ingest import iter_inputs
    from warta.lang import load_lang

    yield from iter_inputs(list(inputs), load_lang("id"), stdin=stdin)


@cli.command("code")
@click.argument("source", required=False)
@click.option("--published", help="Publication date (YYYY-MM-DD) anchoring relative dates.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Show why each event was coded.")
@click.option("--sentences", "sentences", type=click.Path(exists=True, dir_okay=False),
              help="Gold-format JSONL input (sentence mode, for evaluation).")
@click.option("--out", type=click.Path(dir_okay=False), help="Output JSONL for --sentences.")
def code_cmd(source: str | None, published: str | None, fmt: str, explain: bool,
             sentences: str | None, out: str | None) -> None:
    """Code raw text (FILE or - for stdin) without a database and print the events."""
    from warta.codebook import Codebook
    from warta.model import Article, Skip, to_dict
    from warta.pipeline import Coder

    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise click.BadParameter("use YYYY-MM-DD", param_hint="--published") from None
    coder = Coder.load()
    if sentences:
        from warta.gold import GoldFormatError, predict, read_records

        sink = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
        try:
            for rec in read_records(sentences):
                if published and not rec.get("published"):
                    rec["published"] = published
                sink.write(json.dumps(predict(coder, rec), ensure_ascii=False) + "\n")
        except GoldFormatError as e:
            _err(f"{sentences}: {e}")
            raise SystemExit(2) from None
        finally:
            if out:
                sink.close()
        return
    if not source:
        raise click.UsageError("give a FILE, '-' for stdin, or --sentences IN.jsonl")
    codebook = Codebook.load()
    stdin = sys.stdin.buffer if source == "-" else None
    rows: list[dict[str, Any]] = []
    full: list[dict[str, Any]] = []
    skipped = 0
    for item in _read_articles([source], stdin):
        if isinstance(item, Skip):
            _err(f"skipped {item.source}: {item.reason}")
            skipped += 1
            continue
        assert isinstance(item, Article)
        if published:
            item.published, item.published_source = published, "field"
        coded = coder.code(item)
        for ev in coded.events:
            row = _event_row(ev, codebook)
            if explain:
                row["why"] = ev.explanation
                row["sentence"] = ev.evidence.sentence_text
            rows.append(row)
            full.append(to_dict(ev))
    if fmt == "json":
        click.echo(json.dumps(full, ensure_ascii=False, indent=1))
    else:
        cols = ["date", "source", "cameo", "event", "target", "mode", "place", "trigger", "conf"]
        if explain and fmt == "table":
            for r in rows:
                w = r.pop("why")
                r["why"] = (f"entry '{w['entry']}' ({w['entry_cameo']}, frame {','.join(w['frame'])})"
                            f"; voice {w['voice']}; source by {w['source_rule'] or '-'}; target by "
                            f"{w['target_rule'] or '-'}; mode cue {w['mode_cue'] or '-'}")
            cols += ["why"]
        _emit(rows, fmt, cols)
    if skipped and not rows:
        raise SystemExit(1)


@cli.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score an existing prediction file instead of running the coder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--worst", default=15, show_default=True, help="How many worst sentences to list.")
def evaluate_cmd(gold: str, pred: str | None, fmt: str, worst: int) -> None:
    """Score the coder on a gold file (precision/recall/F1 per shared/gold/GUIDE.md)."""
    from warta.codebook import Codebook
    from warta.evaluate import score
    from warta.gold import GoldFormatError, predict, read_records

    codebook = Codebook.load()
    try:
        records = list(read_records(gold))
        if pred:
            predicted = {str(r["id"]): r.get("events", [])
                         for r in read_records(pred, require_text=False)}
        else:
            from warta.pipeline import Coder

            coder = Coder.load()
            predicted = {str(r["id"]): predict(coder, r)["events"] for r in records}
    except GoldFormatError as e:
        _err(str(e))
        raise SystemExit(2) from None
    report = score(records, predicted, codebook)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(worst), ensure_ascii=False, indent=1, default=str))
        return
    con = _console()
    con.print(f"{report.n_records} records, {report.n_gold_events} gold events, "
              f"{report.n_pred_events} predicted events")
    t = Table(title="Scores (triples pooled over sentences)")
    for c in ["variant", "P", "R", "F1", "tp", "fp", "fn"]:
        t.add_column(c, justify="right" if c != "variant" else "left")
    for k, v in report.scores.items():
        t.add_row(k, f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", str(v.tp), str(v.fp),
                  str(v.fn))
    con.print(t)
    t = Table(title="Per CAMEO root")
    for c in ["root", "name", "P", "R", "F1", "tp", "fp", "fn"]:
        t.add_column(c)
    for root, v in sorted(report.per_root.items()):
        name = codebook.get(root).name if root in codebook else ""
        t.add_row(root, name, f"{v.precision:.2f}", f"{v.recall:.2f}", f"{v.f1:.2f}", str(v.tp),
                  str(v.fp), str(v.fn))
    con.print(t)
    t = Table(title="Confusion (gold root → predicted root, same dyad; 'none' = missed/spurious)")
    for c in ["gold", "predicted", "count"]:
        t.add_column(c)
    for (g, p), n in report.confusion.most_common(25):
        t.add_row(g, p, str(n))
    con.print(t)
    con.print(f"[bold]Worst {worst} sentences[/bold]")
    for m in report.worst(worst):
        con.print(f"- {m.id}: {m.text[:160]}")
        con.print(f"    missed:   {m.missed}")
        con.print(f"    spurious: {m.spurious}")


# --------------------------------------------------------------------------- store


def _open_store(db: str, read_only: bool = True) -> Any:
    from warta.db import Store, StoreError

    if read_only and not Path(db).exists():
        _err(f"no database at {db} (run 'warta ingest PATH --db {db}' first)")
        raise SystemExit(2)
    try:
        return Store(db, read_only=read_only)
    except StoreError as e:
        _err(str(e))
        raise SystemExit(2) from None


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    buf: list[Any] = []
    for it in items:
        buf.append(it)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file.")
@click.option("--processes", default=1, show_default=True, help="Worker processes for coding.")
@click.option("--batch-size", default=200, show_default=True,
              help="Articles per transaction (a killed ingest loses at most one batch).")
@click.option("--max-bytes", default=200_000_000, show_default=True,
              help="Files larger than this are skipped with a reason.")
@click.option("--quiet", is_flag=True, help="No progress bar, only the summary line.")
def ingest_cmd(paths: tuple[str, ...], db: str, processes: int, batch_size: int, max_bytes: int,
               quiet: bool) -> None:
    """Ingest files, directories or - (stdin), code them, and store the events in DB."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from warta.ingest import Ingestor
    from warta.lang import load_lang
    from warta.model import Skip
    from warta.pipeline import Coder

    store = _open_store(db, read_only=False)
    ingestor = Ingestor(load_lang("id"), max_bytes=max_bytes)
    stdin = sys.stdin.buffer if "-" in paths else None
    coder = Coder.load()
    totals = {"read": 0, "added": 0, "already": 0, "skipped": 0, "events": 0, "duplicates": 0}
    skip_reasons: list[Skip] = []
    progress = Progress(TextColumn("[bold]ingest[/bold]"), BarColumn(), TextColumn("{task.completed} articles"),
                        TimeElapsedColumn(), disable=quiet, console=Console(stderr=True))
    with progress, store:
        task = progress.add_task("ingest", total=None)
        for batch in _batched(ingestor.iter_inputs(paths, stdin=stdin), batch_size):
            skips = [x for x in batch if isinstance(x, Skip)]
            arts = [x for x in batch if not isinstance(x, Skip)]
            ids = [a.id for a in arts]
            known = {r["id"] for r in store.query(
                "SELECT id FROM articles WHERE list_contains(?, id)", [ids])} if ids else set()
            todo = [a for a in arts if a.id not in known]
            stats = store.add_batch(coder.code_many(todo, processes=processes), skips)
            totals["read"] += len(arts)
            totals["added"] += stats.added
            totals["already"] += len(arts) - len(todo) + stats.already_present
            totals["skipped"] += len(skips)
            totals["events"] += stats.events
            totals["duplicates"] += stats.duplicates
            skip_reasons.extend(skips)
            progress.update(task, advance=len(batch))
    for s in skip_reasons[:20]:
        _err(f"skipped {s.source}: {s.reason}")
    if len(skip_reasons) > 20:
        _err(f"... and {len(skip_reasons) - 20} more skips (see 'warta skips --db {db}')")
    click.echo(f"{totals['read']} articles read, {totals['added']} added, {totals['already']} "
               f"already present, {totals['duplicates']} near-duplicates linked, "
               f"{totals['skipped']} inputs skipped, {totals['events']} event mentions stored in {db}")


def _filters(actor: tuple[str, ...], dyad: tuple[str, str] | None, since: str | None,
             until: str | None, root: tuple[str, ...]) -> dict[str, Any]:
    for name, v in (("--since", since), ("--until", until)):
        if v:
            try:
                dt.date.fromisoformat(v)
            except ValueError:
                raise click.BadParameter("use YYYY-MM-DD", param_hint=name) from None
    for r in root:
        if not (r.isdigit() and len(r) == 2 and 1 <= int(r) <= 20):
            raise click.BadParameter(f"{r!r} is not a CAMEO root (01-20)", param_hint="--root")
    return {"actor": list(actor) or None, "dyad": f"{dyad[0]}~{dyad[1]}" if dyad else None,
            "since": since,
            "until": until, "root": list(root) or None}


def _pair(row: dict[str, Any], kind: str) -> str:
    actors = row.get(f"{kind}s")
    if isinstance(actors, str):
        try:
            actors = json.loads(actors)
        except ValueError:
            actors = None
    if isinstance(actors, list) and actors:
        seen = dict.fromkeys(f"{a['code']}/{a['role']}" if a.get("role") else str(a["code"])
                             for a in actors)
        return " + ".join(seen)
    code = row.get(f"{kind}_code")
    role = row.get(f"{kind}_role")
    name = row.get(f"{kind}_name")
    if not code:
        return ""
    s = f"{code}/{role}" if role else str(code)
    return f"{s} ({name})" if name else s


@cli.command("events")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", multiple=True, help="Actor code (source or target); repeatable.")
@click.option("--dyad", nargs=2, help="Two actor codes: events between them (either direction).")
@click.option("--since", help="Event date from (YYYY-MM-DD).")
@click.option("--until", help="Event date until (YYYY-MM-DD).")
@click.option("--root", multiple=True, help="CAMEO root code (01-20); repeatable.")
@click.option("--mentions", is_flag=True, help="One row per mention (sentence) instead of per event.")
@click.option("--limit", default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def events_cmd(db: str, actor: tuple[str, ...], dyad: tuple[str, str] | None, since: str | None,
               until: str | None, root: tuple[str, ...], mentions: bool, limit: int,
               fmt: str) -> None:
    """List coded events in DB (deduplicated across articles), filtered."""
    from warta.db import StoreError

    filters = _filters(actor, dyad, since, until, root)
    with _open_store(db) as store:
        try:
            rows = (store.mentions if mentions else store.events)(limit=limit, **filters)
        except StoreError as e:
            _err(str(e))
            raise SystemExit(2) from None
    if fmt != "table":
        _emit(rows, fmt, [])
        return
    view = []
    for r in rows:
        view.append({
            "date": r.get("date_value"),
            "source": _pair(r, "source"),
            "cameo": r.get("cameo"),
            "target": _pair(r, "target"),
            "mode": r.get("mode"),
            "place": r.get("place_name"),
            "mentions": r.get("num_mentions"),
            "sources": r.get("num_sources"),
            "trigger": r.get("trigger"),
            "sentence": (r.get("sentence_text") or "")[:90],
        })
    cols = ["date", "source", "cameo", "target", "mode", "place", "trigger", "sentence"]
    if not mentions:
        cols[6:6] = ["mentions", "sources"]
    _emit(view, fmt, cols, title=f"{len(rows)} events")


@cli.command("actors")
@click.argument("text", required=False)
@click.option("--date", "when", help="Article date (YYYY-MM-DD) for time-dependent leaders.")
@click.option("--db", default=DEFAULT_DB, show_default=True,
              help="Without TEXT: list the actors stored in this database.")
@click.option("--limit", default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def actors_cmd(text: str | None, when: str | None, db: str, limit: int, fmt: str) -> None:
    """Recognise actors in TEXT (or - for stdin); without TEXT, list the actors in DB."""
    if text is None:
        with _open_store(db) as store:
            rows = store.actors(limit=limit)
        _emit(rows, fmt, ["code", "role", "events_as_source", "events_as_target", "mentions",
                          "names"], title="Actors")
        return
    from warta import coref
    from warta.actors import ActorResolver
    from warta.lang import load_lang
    from warta.model import to_dict
    from warta.nlp import build_nlp, sentences_of

    if text == "-":
        text = sys.stdin.read()
    day = None
    if when:
        try:
            day = dt.date.fromisoformat(when)
        except ValueError:
            raise click.BadParameter("use YYYY-MM-DD", param_hint="--date") from None
    resolver = ActorResolver.load(load_lang("id"))
    doc = build_nlp("id", ("warta_sentences",))(text)
    mentions = coref.resolve(doc.text, sentences_of(doc), resolver.find(doc, day), resolver, day)
    rows = [to_dict(m) for m in mentions]
    _emit(rows, fmt, ["text", "start", "end", "code", "role", "name", "resolved_by"],
          title=f"{len(rows)} actor mentions")


@cli.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True)
@click.option("--directed", is_flag=True, help="Only A→B (default: both directions).")
@click.option("--plot", "plot", type=click.Path(dir_okay=False), help="Save a PNG chart here.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def dyad_cmd(a: str, b: str, db: str, by: str, directed: bool, plot: str | None, fmt: str) -> None:
    """Events between actors A and B per period: counts per quad class, Goldstein, tone."""
    from warta.api import plot_dyad
    from warta.db import StoreError

    with _open_store(db) as store:
        try:
            rows = store.dyad_series(a.upper(), b.upper(), by=by, directed=directed)
        except StoreError as e:
            _err(str(e))
            raise SystemExit(2) from None
    if plot:
        plot_dyad(rows, plot, title=f"{a.upper()} {'→' if directed else '↔'} {b.upper()} by {by}")
        click.echo(f"wrote {plot}", err=True)
    cols = list(rows[0].keys()) if rows else ["period"]
    _emit(rows, fmt, cols, title=f"{a.upper()} – {b.upper()} by {by}")


@cli.command("articles")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--outlet", multiple=True)
@click.option("--since")
@click.option("--until")
@click.option("--q", help="Text search.")
@click.option("--limit", default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def articles_cmd(db: str, outlet: tuple[str, ...], since: str | None, until: str | None,
                 q: str | None, limit: int, fmt: str) -> None:
    """List stored articles (newest first) with their event counts and duplicate links."""
    from warta.db import StoreError

    _filters((), None, since, until, ())
    with _open_store(db) as store:
        try:
            rows = store.articles(outlet=list(outlet) or None, since=since, until=until, q=q,
                                  limit=limit)
        except StoreError as e:
            _err(str(e))
            raise SystemExit(2) from None
    cols = [c for c in ["id", "published", "outlet", "title", "n_events", "tone", "duplicate_of"]
            if not rows or c in rows[0]]
    _emit(rows, fmt, cols, title=f"{len(rows)} articles")


@cli.command("skips")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def skips_cmd(db: str, fmt: str) -> None:
    """Inputs that were skipped during ingest, with the reason."""
    with _open_store(db) as store:
        rows = store.skips()
    _emit(rows, fmt, ["source", "reason"], title=f"{len(rows)} skipped inputs")


@cli.command("export")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "parquet", "csv", "jsonl", "sqlite"]),
              required=True)
@click.option("--table", default="events", show_default=True,
              help="For parquet/csv/jsonl: events, mentions, articles, actors, …")
def export_cmd(out: str, db: str, fmt: str, table: str) -> None:
    """Export the store: GDELT 2.0 events layout, Parquet, CSV, JSONL or SQLite (Datasette)."""
    from warta.db import StoreError
    from warta.export import export

    with _open_store(db) as store:
        try:
            res = export(store, fmt, out, table=table)
        except StoreError as e:
            _err(str(e))
            raise SystemExit(2) from None
    click.echo(f"wrote {res['rows']} rows to {', '.join(res['files'])}")


@cli.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve_cmd(db: str, host: str, port: int) -> None:
    """Serve the dashboard and REST API over DB (read-only; OpenAPI at /docs)."""
    from warta.web import serve

    if not Path(db).exists():
        _err(f"no database at {db} (run 'warta ingest PATH --db {db}' first)")
        raise SystemExit(2)
    click.echo(f"Warta dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    serve(db, host=host, port=port)


def main() -> None:
    cli()
