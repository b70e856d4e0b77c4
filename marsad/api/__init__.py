"""marsad's HTTP API and web page (``marsad serve``): read-only views of a store."""

from __future__ import annotations

from marsad.api.app import create_app

__all__ = ["create_app"]
