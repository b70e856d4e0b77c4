"""Reading archives and feeds into the store: every input format, idempotent and resumable."""

from marsad.ingest.formats import Failed
from marsad.ingest.pubdate import parse_pubdate
from marsad.ingest.run import Summary, ingest, ingest_items, ingest_records
from marsad.ingest.sources import read_inputs

__all__ = ["Failed", "Summary", "ingest", "ingest_items", "ingest_records", "parse_pubdate",
           "read_inputs"]
