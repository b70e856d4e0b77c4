"""``marsad ingest``, ``events``, ``stats`` and ``export``: the store from the command line."""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

import click

from marsad.cli._util import fail
from marsad.errors import MarsadError

_FILTERS: list[tuple[str, str]] = [
    ("--type", "PLOVER type(s), comma-separated: ASSAULT,PROTEST"),
    ("--mode", "PLOVER mode(s), comma-separated"),
    ("--country", "location country, ISO alpha-2 or alpha-3 (comma-separated)"),
    ("--since", "events on or after this date (YYYY-MM-DD)"),
    ("--until", "events on or before this date (YYYY-MM-DD)"),
    ("--actor", "actor text or code (SYR, MIL), any spelling of hamza/ta marbuta"),
    ("--recipient", "recipient text or code"),
    ("--place", "place name"),
    ("--source", "source or relay (e.g. وكالة سبوتنيك)"),
    ("--text", "words in the event's sentence"),
]


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for flag, help_ in reversed(_FILTERS):
        f = click.option(flag, "f_" + flag[2:], metavar="X", help=help_)(f)
    f = click.option("--no-negated", is_flag=True,
                     help="Leave out negated events (\"did not attack\").")(f)
    f = click.option("--no-hypothetical", is_flag=True,
                     help="Leave out hypothetical and future events.")(f)
    return f


def _make_filter(opts: dict[str, Any]) -> Any:
    from marsad.storage.query import EventFilter

    kw = {k[2:]: v for k, v in opts.items() if k.startswith("f_") and v}
    flt = EventFilter(**kw)
    flt.include_negated = not opts.get("no_negated")
    flt.include_hypothetical = not opts.get("no_hypothetical")
    return flt


def _open(db: str, readonly: bool = True) -> Any:
    from marsad.storage.store import Store

    try:
        return Store(db, readonly=readonly)
    except MarsadError as exc:
        fail(str(exc))


class _Progress:
    """Documents, rate, ETA and failures on one stderr line; silent off a terminal."""

    def __init__(self, quiet: bool, total: int | None) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.total = total
        self._last = 0.0

    def __call__(self, s: Any, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self._last < 0.5):
            return
        self._last = now
        of = f"/{self.total:,}" if self.total else ""
        eta = ""
        if self.total and s.rate > 0 and s.seen < self.total:
            eta = f", ETA {(self.total - s.seen) / s.rate:,.0f}s"
        sys.stderr.write(f"\r{s.done:,}{of} documents, {s.rate:,.0f}/s, {s.added:,} new, "
                         f"{s.skipped:,} already stored, {s.failed:,} failed{eta}   ")
        if final:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _count_inputs(paths: tuple[str, ...]) -> int | None:
    """The number of records, when cheap to know (plain JSONL files, directories)."""
    total = 0
    for p in paths:
        if os.path.isdir(p):
            total += sum(len([f for f in fs if not f.startswith(".")]) for _, _, fs in os.walk(p))
        elif p.lower().endswith((".jsonl", ".ndjson")) and os.path.isfile(p):
            with open(p, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        elif p.lower().endswith((".txt", ".html", ".htm")) and os.path.isfile(p):
            total += 1
        else:
            return None
    return total


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store (SQLite).")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(0, 512),
              help="Extraction processes; this process reads the inputs and writes the "
                   "store meanwhile. 0 extracts here too (one core, least memory).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask runs extraction on a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); a local cluster when left out.")
@click.option("--published", metavar="YYYY-MM-DD", help="Date for inputs that carry none.")
@click.option("--stages", metavar="NAMES", help="Comma-separated stages (default: all).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents per transaction and per task.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
def ingest_cli(paths: tuple[str, ...], db: str, workers: int, engine: str,
               scheduler: str | None, published: str | None, stages: str | None,
               batch_size: int, quiet: bool) -> None:
    """Read articles into the store at --db, extracting their events.

    PATH: JSONL files, .txt files or directories of them, HTML pages, RSS/Atom feeds
    (files or URLs), WARC files, any of them in .gz/.bz2/.zip, or - for stdin. Running
    the same command again adds nothing; a killed run resumes where it stopped.
    Inputs that fail are recorded in the store's failures table and the run goes on.
    """
    from marsad.ingest.run import ingest
    from marsad.io.validate import parse_date

    try:
        pub = parse_date(published)
    except MarsadError as exc:
        fail(str(exc))
        return
    progress = _Progress(quiet, _count_inputs(paths) if not quiet and sys.stderr.isatty()
                         else None)
    try:
        s = ingest(list(paths), db, workers=workers, engine=engine, scheduler=scheduler,
                   stages=stages.split(",") if stages else None, published=pub,
                   batch_size=batch_size, progress=progress)
    except KeyboardInterrupt:
        click.echo("\nmarsad: interrupted; run the same command again to resume.", err=True)
        raise SystemExit(130) from None
    except MarsadError as exc:
        fail(str(exc))
        return
    progress(s, final=True)
    if not quiet:
        codes = ", ".join(f"{c}: {n}" for c, n in sorted(s.failures.items()))
        click.echo(f"marsad: {s.seen:,} records read in {s.seconds:,.1f}s ({s.rate:,.0f}/s): "
                   f"{s.added:,} added, {s.replaced:,} re-extracted, {s.skipped:,} already "
                   f"stored, {s.failed:,} failed{f' ({codes})' if codes else ''}. Store: {db}",
                   err=True)


_TABLE_COLS = [("date", 10), ("type", 9), ("mode", 10), ("cc", 2), ("place", 14),
               ("actor", 22), ("recipient", 22), ("trigger", 14), ("dead", 4), ("document", 24)]


def _cell(v: Any, width: int) -> str:
    s = "" if v is None else str(v).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def _table_row(e: dict[str, Any]) -> list[Any]:
    return [e.get("date") or e.get("published"), e["type"], e.get("mode"), e.get("country"),
            e.get("loc_name") or e.get("loc_text"), e.get("actor_text"), e.get("recipient_text"),
            e["trigger_text"], e.get("fatalities"), e.get("doc_id")]


_PLAIN_COLS = ("uid", "date", "date_precision", "type", "mode", "country", "admin1",
               "loc_text", "loc_name", "lat", "lon", "actor_text", "recipient_text",
               "trigger_text", "trigger_start", "trigger_end", "fatalities", "source_text",
               "negated", "hypothetical", "future", "historical", "confidence", "doc_id",
               "published", "url")


@click.command("events")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The store (SQLite) that `marsad ingest` wrote.")
@_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0),
              help="At most this many events (0: all).")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many events first.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="A readable table, CSV, or one JSON object per line.")
def events_cli(db: str, limit: int, offset: int, fmt: str, **opts: Any) -> None:
    """List stored events, filtered (by type, country, dates, actor, place, source, text)."""
    from marsad.storage.query import count_events, iter_events

    store = _open(db)
    try:
        flt = _make_filter(opts)
        rows = iter_events(store, flt, limit=limit or None, offset=offset)
        if fmt == "json":
            for e in rows:
                click.echo(json.dumps({k: e.get(k) for k in _PLAIN_COLS}, ensure_ascii=False))
        elif fmt == "csv":
            w = csv.DictWriter(sys.stdout, fieldnames=list(_PLAIN_COLS), lineterminator="\n",
                               extrasaction="ignore")
            w.writeheader()
            for e in rows:
                w.writerow(e)
        else:
            head = "  ".join(n.ljust(w) for n, w in _TABLE_COLS)
            click.echo(head)
            click.echo("  ".join("-" * w for _, w in _TABLE_COLS))
            shown = 0
            for e in rows:
                cells = _table_row(e)
                click.echo("  ".join(_cell(v, w).ljust(w) for v, (_, w) in zip(cells, _TABLE_COLS,
                                                                             strict=True)))
                shown += 1
            total = count_events(store, flt)
            click.echo(f"{shown:,} of {total:,} matching events shown.", err=True)
    except MarsadError as exc:
        fail(str(exc))
    finally:
        store.close()


@click.command("stats")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The store (SQLite) that `marsad ingest` wrote.")
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A readable table or JSON.")
def stats_cli(db: str, fmt: str, **opts: Any) -> None:
    """Counts of stored events by type, country and month."""
    from marsad.storage.query import stats

    store = _open(db)
    try:
        st = stats(store, _make_filter(opts))
    except MarsadError as exc:
        fail(str(exc))
        return
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return
    click.echo(f"documents {st['documents']:,}   events {st['events']:,}   "
               f"failures {st['failures']:,}")
    for title, key in (("by type", "by_type"), ("by country", "by_country"),
                       ("by month", "by_month"), ("failures by code", "failures_by_code")):
        if st[key]:
            click.echo(f"\n{title}:")
            for k, n in st[key]:
                click.echo(f"  {str(k or '-'):<12} {n:>8,}")


@click.command("export")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The store (SQLite) that `marsad ingest` wrote.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "plover", "acled-csv", "geojson", "parquet"]),
              help="jsonl (marsad's own), plover (POLECAT-style), acled-csv, geojson, parquet.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file (- for stdout; parquet needs a file).")
@click.option("--with-text", is_flag=True, help="jsonl: include each article's text.")
@_filter_options
def export_cli(db: str, fmt: str, output: str, with_text: bool, **opts: Any) -> None:
    """Export events: jsonl, plover (POLECAT-style), acled-csv, geojson or parquet."""
    from marsad.export.writers import export

    store = _open(db)
    try:
        n = export(store, fmt, output, _make_filter(opts), with_text=with_text)
    except MarsadError as exc:
        fail(str(exc))
        return
    finally:
        store.close()
    if output != "-":
        click.echo(f"marsad: {n:,} records written to {output}.", err=True)


def register(cli: click.Group) -> None:
    """Add the store commands to the ``marsad`` group."""
    for cmd in (ingest_cli, events_cli, stats_cli, export_cli):
        cli.add_command(cmd)
