"""What the eval sets' tests share: the reports' citable text as the scorer compares it, and the files.

Used by the tests of the transfer, cross-report and dev-report sets (no model is loaded).
"""
from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
import unicodedata
from functools import cached_property
from pathlib import Path
from types import ModuleType

import pytest

from assistant.readers import Extracted, read_report
from assistant.text import canonical, sentences

SPACE = re.compile(r"\s+")


def form(s: str) -> str:
    """The scorer's comparison form (``assistant.metrics``): canonical, whitespace collapsed."""
    return SPACE.sub(" ", canonical(s)).strip()


def content(extracted: Extracted) -> list[tuple[int, int]]:
    """The citable ranges of a report's text: everything but its skipped spans (Markdown front matter)."""
    ranges, cursor = [], 0
    for start, end in sorted(extracted.skip):
        if start > cursor:
            ranges.append((cursor, start))
        cursor = max(cursor, end)
    return [*ranges, (cursor, len(extracted.text))]


def pieces(extracted: Extracted) -> list[str]:
    """Each sentence of the citable text, cut where a PDF page begins, in comparison form."""
    text, cuts = extracted.text, sorted(set(extracted.page_starts or ()))
    out = []
    for start, end in content(extracted):
        for a, b in sentences(text, start, end):
            bounds = [a, *(c for c in cuts if a < c < b), b]
            out.extend(form(text[x:y]) for x, y in itertools.pairwise(bounds))
    return out


def body(extracted: Extracted) -> str:
    """The citable text in one string."""
    return "".join(extracted.text[a:b] for a, b in content(extracted))


class ReportFolder:
    """The reports of one eval folder, read once: by report tag (a file named ``<tag>_…``, ``tag``
    matching a pattern such as ``t\\d\\d``), the file and what the readers extract, its citable
    sentences and its citable text."""

    def __init__(self, folder: Path, tag: str) -> None:
        self.folder, self.tag = folder, tag

    @cached_property
    def files(self) -> dict[str, tuple[Path, Extracted]]:
        out = {}
        for path in sorted(self.folder.iterdir()):
            if m := re.match(rf"({self.tag})_", path.name):
                out[m.group(1)] = (path, read_report(path))
        return out

    @cached_property
    def _pieces(self) -> dict[str, tuple[str, ...]]:
        return {tag: tuple(pieces(extracted)) for tag, (_, extracted) in self.files.items()}

    @cached_property
    def _bodies(self) -> dict[str, str]:
        return {tag: body(extracted) for tag, (_, extracted) in self.files.items()}

    def extracted(self, tag: str) -> Extracted:
        return self.files[tag][1]

    def pieces(self, tag: str) -> tuple[str, ...]:
        return self._pieces[tag]

    def body(self, tag: str) -> str:
        return self._bodies[tag]


def load_jsonl(path: Path) -> list[dict]:
    """The items of an eval file, failing the test at the first blank or broken line."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"line {number} is blank"
        try:
            items.append(json.loads(line))
        except ValueError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{path.name} line {number} is not JSON: {exc}")
    return items


def has_diacritics(s: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def load_script(path: Path) -> ModuleType:
    """A script of evals/ (not part of the package) as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
