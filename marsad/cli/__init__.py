"""The ``marsad`` command line: a click group with one module per command group."""

from __future__ import annotations

import click

from marsad import __version__
from marsad.cli.extract import extract_cli


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad reads Arabic news articles and writes source-attributed event records.

    Every field points at character offsets in the article as given.
    Start with:  marsad extract --example --pretty
    """


cli.add_command(extract_cli)


def _register_optional() -> None:
    """Commands of later stages (ingest, store, serve) when their modules are present."""
    import importlib

    for mod, attr in (
        ("marsad.cli.store", "register"),
        ("marsad.cli.serve", "register"),
    ):
        try:
            module = importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name != mod:
                raise
            continue
        getattr(module, attr)(cli)


_register_optional()


def main() -> None:
    cli(prog_name="marsad")
