"""The public surface: exported names, and help text for every command."""

from __future__ import annotations

import click
from click.testing import CliRunner

import marsad
from marsad.cli import cli


def test_all_is_sorted_and_importable():
    assert marsad.__all__ == sorted(marsad.__all__)
    for name in marsad.__all__:
        assert hasattr(marsad, name), name


def test_every_command_has_help_and_options_are_described():
    def walk(cmd: click.Command, path: list[str]):
        yield path, cmd
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, [*path, name])

    for path, cmd in walk(cli, []):
        assert cmd.help, f"`marsad {' '.join(path)}` has no help text"
        for p in cmd.params:
            if isinstance(p, click.Option) and p.name not in ("help", "version"):
                assert p.help, f"option {p.opts} of `marsad {' '.join(path)}` has no help"
        res = CliRunner().invoke(cli, [*path, "--help"])
        assert res.exit_code == 0 and "Usage:" in res.output
