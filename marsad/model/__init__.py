"""The typed data model: a document that owns its text, and the records found in it."""

from marsad.model.document import Document, Sentence, Token, Word
from marsad.model.records import (
    Actor,
    DateMention,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Source,
)
from marsad.model.span import Span

__all__ = [
    "Actor",
    "DateMention",
    "Document",
    "Entity",
    "Event",
    "Figure",
    "Place",
    "Quote",
    "Sentence",
    "Source",
    "Span",
    "Token",
    "Word",
]
