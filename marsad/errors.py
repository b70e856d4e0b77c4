"""One error hierarchy for marsad, with stable codes and messages that say what to do.

Every error a user can meet carries a short code (``E1xx`` input, ``E2xx`` pipeline,
``E3xx`` store, ``E4xx`` server) so that a per-document failure record in a JSONL
output or a store can be grouped and searched. The message always ends with the
next step to take.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" {hint}" if hint else ""))


# -- input ------------------------------------------------------------------------------


class InputError(MarsadError):
    """An input file or document cannot be read as an article."""

    code = "E100"


class UnreadableInput(InputError):
    """The path does not exist, is a directory, or cannot be opened."""

    code = "E101"


class EncodingError(InputError):
    """The bytes are not UTF-8 (or UTF-16 with a byte-order mark)."""

    code = "E102"


class EmptyDocument(InputError):
    """The document has no text once whitespace is removed."""

    code = "E103"


class BinaryInput(InputError):
    """The input looks like binary data (NUL bytes or control characters)."""

    code = "E104"


class MalformedRecord(InputError):
    """A JSONL line is not a JSON object with a string ``text``."""

    code = "E105"


class DocumentTooLarge(InputError):
    """A document is longer than the configured maximum."""

    code = "E106"


class NotArabic(InputError):
    """A document holds too few Arabic letters to be an Arabic article."""

    code = "E107"


class BadDate(InputError):
    """A ``published`` value is not an ISO date (YYYY-MM-DD)."""

    code = "E108"


# -- pipeline ---------------------------------------------------------------------------


class PipelineError(MarsadError):
    """The pipeline is mis-configured."""

    code = "E200"


class UnknownStage(PipelineError):
    code = "E201"


class StageRequirementsError(PipelineError):
    """Stages were ordered so that one reads what no earlier stage adds."""

    code = "E202"


class StageFailed(PipelineError):
    """A stage raised while processing one document (recorded per document)."""

    code = "E203"


class ResourceMissing(PipelineError):
    """A data file that ships with marsad is missing (a broken install)."""

    code = "E204"


# -- store ------------------------------------------------------------------------------


class StoreError(MarsadError):
    code = "E300"


def error_record(doc_id: str | None, exc: BaseException) -> dict[str, object]:
    """The JSON record written in place of a document that could not be processed."""
    if isinstance(exc, MarsadError):
        code, message = exc.code, exc.message
    else:
        code, message = StageFailed.code, f"{type(exc).__name__}: {exc}"
    return {"id": doc_id, "error": {"code": code, "type": type(exc).__name__, "message": message}}
