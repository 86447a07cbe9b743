"""Adding and removing reports in the corpus folder on a user's behalf (the chat UI's Reports tab).

An upload arrives with a name chosen by someone else, so the name is reduced to a safe file
name inside the corpus (no folders, no ``..``, no hidden files) and never replaces another
report. The file is read with the same readers the index uses before it is copied, so a
broken upload is refused with the reader's one-line reason and the corpus stays as it was.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from assistant.metadata import SIDECAR_SUFFIX
from assistant.readers import ReportError, read_report, supported_suffixes
from assistant.settings import ReadingLimits

_UNSAFE = re.compile(r"[^\w.\-]+")
_MAX_NAME = 120


def safe_name(name: str) -> str:
    """A file name that cannot leave the corpus folder: last path part, NFC, only word characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    stem, dot, suffix = base.rpartition(".")
    stem, suffix = (stem, suffix) if dot else (base, "")
    stem = _UNSAFE.sub("_", stem).strip("._-")[:_MAX_NAME] or "report"
    suffix = _UNSAFE.sub("", suffix).lower()
    return f"{stem}.{suffix}" if suffix else stem


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _free_path(corpus: Path, name: str) -> Path:
    """``name`` in ``corpus``, or ``name-2``, ``name-3``… when that file already exists."""
    target = corpus / name
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():
        target = corpus / f"{stem}-{n}{suffix}"
        n += 1
    return target


def add_report(corpus: Path, uploaded: Path, original_name: str, limits: ReadingLimits | None = None) -> Path:
    """Copy an uploaded report into ``corpus`` under a safe, new name; return where it went.

    Raises ``ReportError`` (one line) when the file is not a readable report of a supported
    format or is the same content as a report already in the corpus; nothing is written then.
    """
    limits = limits or ReadingLimits()
    name = safe_name(original_name)
    suffix = Path(name).suffix.lower()
    if suffix not in supported_suffixes():
        raise ReportError(f"{name}: unsupported format {suffix or '(none)'!r} "
                          f"(supported: {', '.join(supported_suffixes())})")
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / name  # the readers name the file in their messages and sniff by suffix
        shutil.copyfile(uploaded, staged)
        read_report(staged, limits)
        digest = _sha256(staged)
        for existing in corpus.rglob("*"):
            if existing.is_file() and existing.suffix.lower() in supported_suffixes() \
                    and existing.stat().st_size == staged.stat().st_size and _sha256(existing) == digest:
                raise ReportError(f"{name}: same content as {existing.relative_to(corpus).as_posix()}, "
                                  f"already in the corpus")
        corpus.mkdir(parents=True, exist_ok=True)
        target = _free_path(corpus, name)
        partial = target.with_name(f".{target.name}.part")
        shutil.copyfile(staged, partial)
        partial.replace(target)
        return target


def remove_report(corpus: Path, source: str) -> None:
    """Delete the report ``source`` (a path relative to ``corpus``) and its sidecar metadata file."""
    root = corpus.resolve()
    path = (root / source).resolve()
    if root not in path.parents or not path.is_file():
        raise ReportError(f"{source}: no such report in the corpus")
    path.unlink()
    path.with_name(path.name + SIDECAR_SUFFIX).unlink(missing_ok=True)
