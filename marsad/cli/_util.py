"""Helpers shared by the commands: progress on stderr, error exits."""

from __future__ import annotations

import sys
import time

import click


class Progress:
    """A one-line counter on stderr; silent when stderr is not a terminal or when quiet."""

    def __init__(self, quiet: bool = False, total: int | None = None, every: float = 0.5) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.total = total
        self.done = self.failed = 0
        self.started = time.monotonic()
        self._last = 0.0
        self._every = every

    def update(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and now - self._last >= self._every:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        of = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0:
            eta = f", ETA {max(self.total - self.done, 0) / rate:.0f}s"
        sys.stderr.write(f"\r{self.done}{of} documents, {rate:.0f}/s, "
                         f"{self.failed} failed{eta}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")


def fail(message: str) -> None:
    """Print a one-line error and exit with status 1."""
    click.echo(f"marsad: error: {message}", err=True)
    raise SystemExit(1)
