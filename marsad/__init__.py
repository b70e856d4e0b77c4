"""marsad: Arabic news articles to source-attributed PLOVER event records, with provenance.

    >>> import marsad
    >>> nlp = marsad.Pipeline()
    >>> record = nlp.process({"id": "a1", "text": "...", "published": "2022-01-06"})
"""

from __future__ import annotations

__version__ = "0.1.0"

from marsad.errors import MarsadError  # noqa: E402
from marsad.model import Document, Span  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

__all__ = ["Document", "MarsadError", "Pipeline", "Span", "__version__"]
