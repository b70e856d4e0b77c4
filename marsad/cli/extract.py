"""``marsad extract``: articles in, one JSON record per article out (JSONL)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib import resources
from typing import IO, Any

import click

from marsad.cli._util import Progress, fail
from marsad.errors import InputError, MarsadError
from marsad.io.readers import read_inputs
from marsad.io.validate import parse_date
from marsad.jsonio import dumps_bytes


def example_record() -> dict[str, Any]:
    """The bundled example article (the Kazakhstan report of 6 January 2022)."""
    base = resources.files("marsad") / "data"
    meta = json.loads((base / "example.json").read_text(encoding="utf-8"))
    text = (base / meta.pop("file")).read_text(encoding="utf-8")
    return {**meta, "text": text}


@click.command("extract")
@click.argument("paths", nargs=-1, metavar="[PATH ...]")
@click.option("--example", is_flag=True,
              help="Process the bundled example article instead of PATHs.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (.txt files, stdin).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write JSONL here instead of stdout.")
@click.option("--pretty", is_flag=True, help="Indented JSON, one document after another.")
@click.option("--with-text", is_flag=True, help="Include each article's text in its record.")
@click.option("--stages", metavar="NAMES",
              help="Comma-separated stages to run (default: all). See `marsad stages`.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
def extract_cli(paths: tuple[str, ...], example: bool, published: str | None,
                output: str | None, pretty: bool, with_text: bool, stages: str | None,
                quiet: bool) -> None:
    """Extract events, figures, dates, quotes and sources from Arabic articles.

    PATH is a .txt file (one article; its id is the file name), a .jsonl file (one
    article per line: id, text, published; other fields are passed through) or - for
    stdin. Writes one JSON object per article (JSONL). An article that cannot be
    processed yields an error record {"id", "error": {"code", "message"}} and the run
    goes on; the exit status is 1 only when no article succeeded.
    """
    from marsad.pipeline import Pipeline

    if not paths and not example:
        fail("give PATHs to read (or - for stdin), or --example. See `marsad extract --help`.")
    try:
        default_date = parse_date(published)
        nlp = Pipeline(stages.split(",") if stages else None)
        nlp.warm_up(freeze=True)
    except MarsadError as exc:
        fail(str(exc))
        return
    records: Iterator[Any] = iter([example_record()]) if example else read_inputs(list(paths))
    out: IO[bytes]
    if output:
        out = open(output, "wb")  # noqa: SIM115
    else:
        sys.stdout.flush()
        out = sys.stdout.buffer
    progress = Progress(quiet)
    ok = 0
    try:
        for rec in nlp.pipe(records, default_published=default_date, with_text=with_text):
            good = "error" not in rec
            ok += good
            progress.update(good)
            out.write(dumps_bytes(rec, pretty=pretty))
            out.write(b"\n")
    except InputError as exc:
        progress.close()
        fail(str(exc))
    finally:
        if output:
            out.close()
        else:
            out.flush()
    progress.close()
    if not quiet and progress.done > 1:
        click.echo(f"marsad: {ok} of {progress.done} documents extracted, "
                   f"{progress.failed} failed.", err=True)
    if ok == 0:
        fail("no document could be processed; see the error records in the output.")



@click.command("stages")
def stages_cli() -> None:
    """List the pipeline's stages in their default order, with what each needs and adds."""
    from marsad import registry
    from marsad.pipeline import DEFAULT_STAGES

    extra = [n for n in registry.names() if n not in DEFAULT_STAGES]
    for name in (*DEFAULT_STAGES, *extra):
        info = registry.get(name)
        needs = ", ".join(info.requires) or "-"
        click.echo(f"{name:10s} needs: {needs:40s} adds: {', '.join(info.assigns)}")
