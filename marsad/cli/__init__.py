"""The ``marsad`` command line: a click group with one module per command group."""

from __future__ import annotations

import click

from marsad import __version__
from marsad.cli import serve, store
from marsad.cli.extract import extract_cli, stages_cli


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad reads Arabic news articles and writes source-attributed event records.

    Every field points at character offsets in the article as given.
    Start with:  marsad extract --example --pretty
    """


cli.add_command(extract_cli)
cli.add_command(stages_cli)
store.register(cli)
serve.register(cli)


def main() -> None:
    cli(prog_name="marsad")
