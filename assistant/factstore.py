"""The facts of every report in one SQLite file of the index folder (``facts.sqlite``).

SQLite rather than DuckDB: it ships with Python (no dependency), opens in well under a
millisecond (a question must not pay for it), serves any number of read-only readers at once
(several ``serve`` replicas over one index folder), and the questions asked of it are filtered
lookups over indexed columns, not scans over millions of rows that a column store would win.
The file is written into the index's temporary folder and swapped in with the rest.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from assistant.facts import Fact
from assistant.text import canonical, fold

FACTS_FILE = "facts.sqlite"
FACTS_FORMAT = 1
"""Schema version of ``facts.sqlite``; the manifest records it and a mismatch re-extracts every report."""

_FACT_COLUMNS = [f.name for f in fields(Fact)]
_COLUMN_TYPES = {"value": "REAL", "value_high": "REAL", "start": "INTEGER", "end": "INTEGER",
                 "passage_start": "INTEGER", "passage_end": "INTEGER", "year_from": "INTEGER", "year_to": "INTEGER"}
_SCHEMA = f"""
CREATE TABLE facts (
    doc_id TEXT NOT NULL, {', '.join(f'"{c}" {_COLUMN_TYPES.get(c, "TEXT")}' for c in _FACT_COLUMNS)},
    unit_key TEXT, district_key TEXT, province_key TEXT);
CREATE INDEX facts_doc ON facts(doc_id);
CREATE INDEX facts_kind_unit ON facts(kind, unit_key);
CREATE INDEX facts_place ON facts(province_key, district_key);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def place_key(name: str | None) -> str | None:
    """A place name as it is matched: folded, so "Đức Trọng" == "duc trong"; place words kept."""
    return fold(canonical(name)) if name else None


def unit_key(unit: str | None) -> str | None:
    return fold(canonical(unit)) if unit else None


@dataclass(frozen=True)
class StoredFact:
    """A fact as stored, with the report it belongs to."""

    doc_id: str
    fact: Fact


def write_facts(folder: Path, facts: Iterable[tuple[str, Fact]]) -> None:
    """Write every (doc_id, fact) into ``folder/facts.sqlite`` (a new file: the folder is a fresh build)."""
    connection = sqlite3.connect(folder / FACTS_FILE)
    try:
        connection.executescript(_SCHEMA)
        placeholders = ", ".join("?" * (len(_FACT_COLUMNS) + 4))
        connection.executemany(
            f"INSERT INTO facts VALUES ({placeholders})",
            ((doc_id, *(getattr(f, c) for c in _FACT_COLUMNS), unit_key(f.unit), place_key(f.district),
              place_key(f.province)) for doc_id, f in facts))
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(FACTS_FORMAT),))
        connection.commit()
    finally:
        connection.close()


@dataclass(frozen=True)
class FactQuery:
    """Filters of ``facts``; None means any. ``units`` are unit keys (already matched)."""

    kind: str | None = None
    province: str | None = None
    district: str | None = None
    year: int | None = None
    units: tuple[str, ...] | None = None
    doc_ids: tuple[str, ...] | None = None


class FactStore:
    """Read-only access to ``facts.sqlite``: one connection per thread (SQLite's rule), opened lazily."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / FACTS_FILE
        self._uri = f"file:{self.file}?mode=ro&immutable=1"

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        return connection

    def format(self) -> int | None:
        with self._connect() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        return int(row[0]) if row else None

    def of_reports(self, doc_ids: Sequence[str]) -> dict[str, list[Fact]]:
        """Each report's facts (what an incremental build reuses for an unchanged report)."""
        out: dict[str, list[Fact]] = {d: [] for d in doc_ids}
        with self._connect() as connection:
            for start in range(0, len(doc_ids), 500):
                part = list(doc_ids[start:start + 500])
                rows = connection.execute(
                    f"SELECT * FROM facts WHERE doc_id IN ({', '.join('?' * len(part))}) ORDER BY rowid", part)
                for row in rows:
                    out[row["doc_id"]].append(_fact(row))
        return out

    def units(self) -> list[tuple[str, str, int]]:
        """Distinct (unit key, a unit as written, how many facts) of the quantities."""
        with self._connect() as connection:
            return [(r[0], r[1], r[2]) for r in connection.execute(
                "SELECT unit_key, min(unit), count(*) FROM facts WHERE kind = 'quantity' AND unit_key IS NOT NULL "
                "GROUP BY unit_key ORDER BY unit_key")]

    def query(self, q: FactQuery, limit: int = 10_000) -> list[StoredFact]:
        clauses, args = [], []
        if q.kind:
            clauses.append("kind = ?")
            args.append(q.kind)
        if q.province:
            clauses.append("province_key = ?")
            args.append(place_key(q.province))
        if q.district:
            clauses.append("(district_key = ? OR district_key LIKE ?)")
            key = place_key(q.district)
            args += [key, f"% {key}"]
        if q.year:
            clauses.append("year_from <= ? AND year_to >= ?")
            args += [q.year, q.year]
        if q.units is not None:
            clauses.append(f"unit_key IN ({', '.join('?' * len(q.units))})" if q.units else "0")
            args += list(q.units)
        if q.doc_ids is not None:
            clauses.append(f"doc_id IN ({', '.join('?' * len(q.doc_ids))})" if q.doc_ids else "0")
            args += list(q.doc_ids)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        with self._connect() as connection:
            rows = connection.execute(f"SELECT * FROM facts{where} ORDER BY doc_id, start LIMIT ?", [*args, limit])
            return [StoredFact(row["doc_id"], _fact(row)) for row in rows]


def _fact(row: sqlite3.Row) -> Fact:
    values: dict[str, Any] = {c: row[c] for c in _FACT_COLUMNS}
    return Fact(**values)
