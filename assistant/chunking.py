"""Split report content into passages whose offsets point exactly into the report text.

The splitter works on each content span separately, so boilerplate never enters a chunk,
and every chunk is located in the text by a forward search from the previous chunk's start
(robust when the same sentence appears twice in a report).
"""
from __future__ import annotations

from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.settings import ChunkingSettings

SEPARATORS = ["\n\n", "\n", ". ", "! ", "? ", "; ", ": ", ", ", " ", ""]
"""Paragraphs first, then sentences (". " never splits "2.250" or "11.03.2019"), then clauses."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join content spans separated only by whitespace, so paragraphs can share a chunk."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def split_spans(text: str, spans: list[tuple[int, int]], settings: ChunkingSettings) -> list[Span]:
    """Chunk the content spans; return (start, end) offsets into ``text``."""
    splitter = RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
        strip_whitespace=True,
    )
    out: list[Span] = []
    for span_start, span_end in merge_spans(text, spans):
        region = text[span_start:span_end]
        cursor = 0
        for piece in splitter.split_text(region):
            found = region.find(piece, cursor)
            if found < 0:  # the splitter never rewrites text, so this is a bug, not bad input
                raise AssertionError(f"chunk not found in its span: {piece[:60]!r}")
            out.append(Span(span_start + found, span_start + found + len(piece)))
            cursor = found + 1
    return out
