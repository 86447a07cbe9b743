"""The values every reader returns and the one error they raise."""
from __future__ import annotations

from dataclasses import dataclass, field

from assistant.errors import UserFacingError


class ReportError(UserFacingError, ValueError):
    """A report that cannot be indexed; the message is one line and names the file."""


@dataclass(frozen=True)
class Limits:
    """Input limits, so a huge or hostile file cannot stall a build."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500


@dataclass(frozen=True)
class Extracted:
    """A report's text as the index stores it; citations are offsets into ``text``.

    ``page_starts[i]`` is the offset in ``text`` where page i+1 begins (PDF only).
    ``meta`` holds what the format itself declares (front matter, HTML title, DOCX
    properties, official header); it overrides what is inferred from the text.
    ``skip`` lists (start, end) spans of ``text`` that are not report content (front matter).
    """

    text: str
    page_starts: tuple[int, ...] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    skip: tuple[tuple[int, int], ...] = ()
