"""Plain-text and Markdown reports."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import yaml

from assistant.readers.base import Extracted, ReportError, decode_utf16_without_bom
from assistant.settings import ReadingLimits

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_META_KEYS = ("title", "date", "author", "province", "source")


def decode(data: bytes, name: str) -> str:
    """UTF-8 or UTF-16, with or without BOM, normalised to NFC."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif (utf16 := decode_utf16_without_bom(data)) is not None:
        text = utf16
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReportError(f"{name}: not UTF-8 or UTF-16 text (bad byte at offset {exc.start})") from None
    if "\x00" in text:
        raise ReportError(f"{name}: binary data, not text")
    return unicodedata.normalize("NFC", text)


def read_text(data: bytes, path: Path, limits: ReadingLimits) -> Extracted:
    return Extracted(text=decode(data, path.name))


def read_markdown(data: bytes, path: Path, limits: ReadingLimits) -> Extracted:
    """YAML front matter becomes metadata and is skipped; offsets still index the whole file."""
    text = decode(data, path.name)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Extracted(text=text)
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ReportError(f"{path.name}: bad YAML front matter ({str(exc).splitlines()[0]})") from None
    fields = fields if isinstance(fields, dict) else {}
    meta = {key: str(fields[key]).strip() for key in _META_KEYS
            if fields.get(key) not in (None, "")}
    return Extracted(text=text, meta=meta, skip=((0, match.end()),))
