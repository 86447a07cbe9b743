"""Turn a report file of any supported format into text with provenance.

Each format has one reader module exposing ``read(data: bytes, path: Path, limits: ReadingLimits) ->
Extracted``. ``read_report`` picks the reader by suffix, applies the size limits, refuses a file
whose bytes are another format than its name says, and turns every failure into a ``ReportError``
whose message is one line naming the file.
"""
from __future__ import annotations

from pathlib import Path

from assistant.readers import docx, html, pdf, plain
from assistant.readers.base import DESCRIPTION, Extracted, Kind, ReportError, first_line, sniff
from assistant.settings import ENV_MAX_SIZE_MB, MB, ReadingLimits

READERS = {
    ".txt": plain.read_text,
    ".md": plain.read_markdown,
    ".docx": docx.read,
    ".pdf": pdf.read,
    ".html": html.read,
    ".htm": html.read,
}

_ACCEPTED: dict[str, set[Kind | None]] = {
    ".txt": {None, "html"},
    ".md": {None, "html"},
    ".docx": {"zip"},
    ".pdf": {"pdf", None},  # None: the PDF reader says what is wrong
    ".html": {"html", None},
    ".htm": {"html", None},
}
"""What each suffix's bytes may look like (``sniff``); anything else is a mislabelled file."""


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB / 10 else f"{n} bytes"


def supported_suffixes() -> list[str]:
    return sorted(READERS)


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream a password-protected .docx/.xlsx keeps its encrypted ZIP in, inside an OLE container."""


def _check_kind(data: bytes, path: Path) -> None:
    suffix = path.suffix.lower()
    kind = sniff(data)
    if kind in _ACCEPTED.get(suffix, {kind}):
        return
    if kind == "ole" and _ENCRYPTED_PACKAGE in data:
        raise ReportError(f"{path.name}: encrypted (password-protected) Office document, skipped; "
                          f"save it without a password")
    what, right = DESCRIPTION[kind] if kind else ("not a document format we read", "")
    hint = f"; rename it to {right}" if right and right in READERS and right != suffix else ""
    raise ReportError(f"{path.name}: named {suffix} but the content is {what}{hint}")


def read_report(path: Path, limits: ReadingLimits | None = None) -> Extracted:
    """Read one report; raise ``ReportError`` with a one-line reason when it cannot be used."""
    limits = limits or ReadingLimits()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportError(f"{path.name}: unsupported format {path.suffix!r} "
                          f"(supported: {', '.join(supported_suffixes())})")
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReportError(f"{path.name}: empty file")
        if size > limits.max_bytes:
            raise ReportError(f"{path.name}: {_size(size)} is over the {_size(limits.max_bytes)} size limit "
                              f"(raise it with --max-size-mb or {ENV_MAX_SIZE_MB})")
        data = path.read_bytes()
        _check_kind(data, path)
        extracted = reader(data, path, limits)
    except ReportError as exc:
        message = " ".join(str(exc).split())
        if message != str(exc):  # a reason must stay one line
            raise ReportError(message) from exc
        raise
    except OSError as exc:
        raise ReportError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:  # a reader library failing on malformed input
        raise ReportError(f"{path.name}: unreadable {path.suffix} file ({type(exc).__name__}: "
                          f"{first_line(exc)})") from exc
    if not extracted.text.strip():
        raise ReportError(f"{path.name}: no text in the file")
    if len(extracted.text) > limits.max_chars:
        raise ReportError(f"{path.name}: {len(extracted.text)} characters of text is over the "
                          f"{limits.max_chars}-character limit")
    return extracted


__all__ = ["Extracted", "ReportError", "read_report", "supported_suffixes"]
