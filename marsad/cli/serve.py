"""``marsad serve``: the HTTP API and the web page over a store, opened read-only."""

from __future__ import annotations

import click

from marsad.cli._util import fail
from marsad.errors import MarsadError


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False),
              help="The store to browse (written by `marsad ingest --db`); opened read-only.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. The default only answers this machine; "
                   "0.0.0.0 exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="Server log level.")
def serve_cli(db: str, host: str, port: int, log_level: str) -> None:
    """Browse a store: a JSON API (/api/..., described at /openapi.json) and a web page
    with a map, a timeline, filters, an event table and each article highlighted.

    \b
    Example:
      marsad serve --db events.sqlite
      then open http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from marsad.api import create_app
    except ModuleNotFoundError as exc:
        fail(f"`marsad serve` needs {exc.name}: pip install 'marsad[server]'.")
        return
    try:
        app = create_app(db)
    except MarsadError as exc:
        fail(str(exc))
        return
    click.echo(f"marsad: serving {db} (read-only) on http://{host}:{port}/  (Ctrl-C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False)
    app.state.store.close()


def register(cli: click.Group) -> None:
    """Add ``serve`` to the ``marsad`` command group."""
    cli.add_command(serve_cli)
