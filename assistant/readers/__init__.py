"""Turn a report file of any supported format into text with provenance.

Each format has one reader module exposing ``read(data: bytes, path: Path, limits: Limits) ->
Extracted``. ``read_report`` picks the reader by suffix, applies the size limit and turns every
failure into a ``ReportError`` whose message is one line naming the file.
"""
from __future__ import annotations

from pathlib import Path

from assistant.readers.base import Extracted, Limits, ReportError
from assistant.readers import plain

READERS = {
    ".txt": plain.read_text,
    ".md": plain.read_markdown,
}


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_report(path: Path, limits: Limits | None = None) -> Extracted:
    """Read one report; raise ``ReportError`` with a one-line reason when it cannot be used."""
    limits = limits or Limits()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportError(f"{path.name}: unsupported format {path.suffix!r} "
                          f"(supported: {', '.join(supported_suffixes())})")
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReportError(f"{path.name}: empty file")
        if size > limits.max_bytes:
            raise ReportError(f"{path.name}: {size} bytes is over the {limits.max_bytes}-byte limit")
        extracted = reader(path.read_bytes(), path, limits)
    except ReportError:
        raise
    except OSError as exc:
        raise ReportError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:  # a reader library failing on malformed input
        raise ReportError(f"{path.name}: unreadable {path.suffix} file ({type(exc).__name__}: "
                          f"{str(exc).splitlines()[0] if str(exc) else 'no detail'})") from exc
    if not extracted.text.strip():
        raise ReportError(f"{path.name}: no text in the file")
    return extracted


__all__ = ["Extracted", "Limits", "ReportError", "read_report", "supported_suffixes"]
