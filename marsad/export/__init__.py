"""Exports of the store: jsonl, PLOVER (POLECAT-style), ACLED CSV, GeoJSON, Parquet."""

from marsad.export.mapping import ACLED_COLUMNS, acled_row, acled_type, plover_record
from marsad.export.writers import FORMATS, ExportError, export, iter_acled, iter_plover

__all__ = ["ACLED_COLUMNS", "FORMATS", "ExportError", "acled_row", "acled_type", "export",
           "iter_acled", "iter_plover", "plover_record"]
