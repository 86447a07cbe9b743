"""``python -m assistant facts``: the stored facts, filtered, each with its citation.

Trainers gather figures for briefings: every row says what was counted, for whom, for which
period, whether it is a total or a row, and where the report says it (file, offsets, passage).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.factstore import FactQuery, StoredFact
from assistant.places import standard_province
from assistant.store import IndexData

COLUMNS = ("source", "province", "district", "period", "scope", "kind", "subkind", "text", "value", "value_high",
           "bound", "unit", "action", "name", "title", "start", "end", "passage")
"""The columns of ``--csv`` and the keys of ``--json`` rows, in order."""
TEXT_COLUMNS = ("province", "district", "period", "scope", "text", "unit", "source")
"""What the plain listing shows: enough to tell figures apart; the rest is in --json/--csv."""


@dataclass(frozen=True)
class FactFilters:
    province: str | None = None
    district: str | None = None
    year: int | None = None
    kind: str | None = None
    unit: str | None = None


def find_facts(data: IndexData, filters: FactFilters, matcher=None) -> list[StoredFact]:
    """Facts matching ``filters``; ``unit`` is matched by ``matcher`` (words and vectors) when given."""
    units = tuple(matcher.match(filters.unit)) if filters.unit and matcher else None
    province = standard_province(filters.province) or filters.province if filters.province else None
    return data.facts.query(FactQuery(kind=filters.kind, province=province, district=filters.district,
                                      year=filters.year, units=units))


def rows(data: IndexData, facts: Sequence[StoredFact]) -> list[dict]:
    """One dict per fact with its report's source and the passage that states it."""
    out = []
    for stored in facts:
        fact, report = stored.fact, data.reports[stored.doc_id]
        row = {name: getattr(fact, name, None) for name in COLUMNS if hasattr(fact, name)}
        row.update(source=report.source, province=fact.province or report.meta.get("province"),
                   passage=report.text[fact.passage_start:fact.passage_end])
        out.append({name: row.get(name) for name in COLUMNS})
    return out


def render(table: list[dict], fmt: str) -> str:
    """``table`` as JSON lines of an array, CSV, or an aligned plain listing."""
    if fmt == "json":
        return json.dumps(table, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
        return buffer.getvalue().rstrip("\n")
    if not table:
        return "no facts match"
    lines = [" | ".join(str(r.get(c) or "–") for c in TEXT_COLUMNS) for r in table]
    return "\n".join([" | ".join(TEXT_COLUMNS), *lines, f"{len(table)} facts"])
