"""The facts of every report in one SQLite file of the index folder (``facts.sqlite``).

SQLite rather than DuckDB: it ships with Python (no dependency), opens in well under a
millisecond (a question must not pay for it), serves any number of read-only readers at once
(several ``serve`` replicas over one index folder), and the questions asked of it are filtered
lookups over indexed columns, not scans over millions of rows that a column store would win.
The file is written into the index's temporary folder and swapped in with the rest; the unit
phrases' vectors lie beside it in ``units.npy``. Beside the facts it holds, made at build time, the
few figures per province and unit that a cross-report comparison ranks (``candidates``), so that a
question never ranks every fact of its unit (5.5 s at a million chunks before).
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from assistant.facts import Fact
from assistant.text import canonical, fold

FACTS_FILE = "facts.sqlite"
UNITS_FILE = "units.npy"
FACTS_FORMAT = 3
"""Schema version of ``facts.sqlite``; a mismatch is refused at load (the index format,
``store.FORMAT_VERSION``, changes with it, so ``index`` reads every report again). 2: ``action_key``,
the folded words of what was done, so that a comparison ranks in SQL. 3: ``fact_id`` and the
``candidates`` table that ``best_figures`` ranks."""
FUNCTION_WORDS = frozenset("cho va cac cua duoc da voi trong la co nhieu bao nhieu nao hon nhat the of and to".split())
"""Folded words that say nothing about what was done: left out when actions are compared."""

_FACT_COLUMNS = [f.name for f in fields(Fact)]
_COLUMN_TYPES = {"value": "REAL", "value_high": "REAL", "start": "INTEGER", "end": "INTEGER",
                 "passage_start": "INTEGER", "passage_end": "INTEGER", "year_from": "INTEGER", "year_to": "INTEGER"}
_SCHEMA = f"""
CREATE TABLE facts (
    fact_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL,
    {', '.join(f'"{c}" {_COLUMN_TYPES.get(c, "TEXT")}' for c in _FACT_COLUMNS)},
    unit_key TEXT, district_key TEXT, province_key TEXT, action_key TEXT);
CREATE INDEX facts_doc ON facts(doc_id);
CREATE INDEX facts_kind_unit ON facts(kind, unit_key);
CREATE INDEX facts_place ON facts(province_key, district_key);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
_CANDIDATES = """
CREATE TABLE candidates AS
SELECT fact_id, province_key, unit_key, action_key, year_from, year_to, total, exact, start, doc_id FROM (
    SELECT *, scope = 'total' AS total, bound = 'exact' AS exact, row_number() OVER (
        PARTITION BY province_key, unit_key, action_key, year_from, year_to
        ORDER BY scope = 'total' DESC, bound = 'exact' DESC, start, doc_id, fact_id) AS pick
    FROM facts
    WHERE kind = 'quantity' AND scope != 'breakdown' AND province_key IS NOT NULL AND unit_key IS NOT NULL)
WHERE pick = 1;
CREATE INDEX candidates_unit ON candidates(unit_key);
"""
"""The only facts ``best_figures`` can pick: the first of each (province, unit, action, period) group.

``total`` and ``exact`` keep the comparisons the ranking sorts on; ``fact_id`` (the order stored) breaks
the last ties, so a pick never depends on the order SQLite happens to read rows in.

Within such a group every term of the question-time order but the total, the exact value and the
position is equal (the asked noun is matched against the unit, the asked words against the action),
and the year filter keeps the whole group or none of it; so no other row of the group can ever be
ranked first. Made from the whole ``facts`` table at every build, so it follows an incremental build's
reused, replaced and dropped reports by construction.
"""


def place_key(name: str | None) -> str | None:
    """A place name as it is matched: folded, so "Đức Trọng" == "duc trong"; place words kept."""
    return fold(canonical(name)) if name else None


def action_key(action: str | None) -> str:
    """The folded content words of what was done, space-delimited on both sides (" duy tri ")."""
    words = sorted(set(fold(canonical(action or "")).split()) - FUNCTION_WORDS)
    return f" {' '.join(words)} " if words else " "


def unit_key(unit: str | None) -> str | None:
    return fold(canonical(unit)) if unit else None


@dataclass(frozen=True)
class StoredFact:
    """A fact as stored, with the report it belongs to."""

    doc_id: str
    fact: Fact


@dataclass(frozen=True)
class FactQuery:
    """Filters of ``facts``; None means any. ``units`` are unit keys (already matched)."""

    kind: str | None = None
    province: str | None = None
    district: str | None = None
    year: int | None = None
    units: tuple[str, ...] | None = None
    doc_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class UnitTable:
    """Every distinct unit phrase of the quantities (folded key, a form as written) and its vector.

    Row i of ``vectors`` is ``keys[i]``; vectors are float16 (a unit is matched by the nearest
    cosine, which half precision keeps to three decimals) and made with the query prompt, as the
    phrase they are compared with is.
    """

    keys: list[str]
    written: list[str]
    vectors: np.ndarray


class FactStore:
    """The facts in SQLite: built in memory by a build, saved into the index folder, opened read-only.

    One connection, opened at load, is kept: it holds the file the index was loaded with even when a
    later build swaps a new index in, so a question never mixes two builds. A lock serialises it
    across the server's threads (SQLite connections are not thread-safe).
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        connection.row_factory = sqlite3.Row
        self._connection = connection
        self._lock = threading.Lock()

    @classmethod
    def build(cls, facts: Iterable[tuple[str, Fact]]) -> FactStore:
        """A store in memory holding ``facts`` (doc_id, fact), as a build assembles them."""
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.executescript(_SCHEMA)
        placeholders = ", ".join("?" * (len(_FACT_COLUMNS) + 6))
        connection.executemany(
            f"INSERT INTO facts VALUES ({placeholders})",
            ((None, doc_id, *(getattr(f, c) for c in _FACT_COLUMNS), unit_key(f.unit), place_key(f.district),
              place_key(f.province), action_key(f.action)) for doc_id, f in facts))
        connection.executescript(_CANDIDATES)
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(FACTS_FORMAT),))
        connection.commit()
        return cls(connection)

    @classmethod
    def open(cls, folder: Path) -> FactStore:
        """The saved store of an index folder, read-only; ``sqlite3.DatabaseError`` when it is damaged."""
        connection = sqlite3.connect(f"file:{folder / FACTS_FILE}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        store = cls(connection)
        if store.format() != FACTS_FORMAT:
            raise sqlite3.DatabaseError(f"facts format {store.format()}, not {FACTS_FORMAT}")
        return store

    def save(self, folder: Path) -> None:
        """Copy the store into ``folder/facts.sqlite`` (SQLite's backup: a consistent copy, page by page)."""
        target = sqlite3.connect(folder / FACTS_FILE)
        try:
            with self._lock:
                self._connection.backup(target)
        finally:
            target.close()

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._connection.execute(sql, list(args)).fetchall()

    def format(self) -> int | None:
        row = self._rows("SELECT value FROM meta WHERE key = 'format'")
        return int(row[0][0]) if row else None

    def count(self) -> int:
        return int(self._rows("SELECT count(*) FROM facts")[0][0])

    def of_reports(self, doc_ids: Sequence[str]) -> dict[str, list[Fact]]:
        """Each report's facts (what an incremental build reuses for an unchanged report)."""
        out: dict[str, list[Fact]] = {d: [] for d in doc_ids}
        for start in range(0, len(doc_ids), 500):
            part = list(doc_ids[start:start + 500])
            for row in self._rows(f"SELECT * FROM facts WHERE doc_id IN ({', '.join('?' * len(part))}) "
                                  f"ORDER BY rowid", part):
                out[row["doc_id"]].append(_fact(row))
        return out

    def units(self) -> list[tuple[str, str, int]]:
        """Distinct (unit key, a unit as written, how many facts) of the quantities, by key."""
        return [(r[0], r[1], r[2]) for r in self._rows(
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
        rows = self._rows(f"SELECT * FROM facts{where} ORDER BY doc_id, start LIMIT ?", [*args, limit])
        return [StoredFact(row["doc_id"], _fact(row)) for row in rows]

    def best_figures(self, units: Sequence[str], noun: str | None, words: Iterable[str],
                     year: int | None = None) -> dict[str, StoredFact]:
        """Each province's figure for ``units`` that a cross-report question compares, by province key.

        Among a province's totals and unscoped figures (never a breakdown row): a total first, then
        a unit that starts with the asked ``noun`` ("45 mô hình" before "1.589 điểm mô hình"), then
        the most of the question's folded ``words`` in what was done, then an exact value, then the
        first stated (then the first stored). Ranked in SQL over the build's ``candidates`` (a few rows
        per province and unit, found by the unit's index), so a question never reads every fact of its unit.
        """
        if not units:
            return {}
        words = sorted(set(words) - FUNCTION_WORDS)
        overlap = " + ".join(["(instr(action_key, ?) > 0)"] * len(words)) or "0"
        noun_first = "(unit_key = ? OR substr(unit_key, 1, length(?) + 1) = ? || ' ')" if noun else "0"
        where = f"unit_key IN ({', '.join('?' * len(units))})"
        args: list[Any] = [*([noun] * 3 if noun else []), *(f" {w} " for w in words), *units]  # in SQL order
        if year:
            where += " AND year_from <= ? AND year_to >= ?"
            args += [year, year]
        rows = self._rows(
            f"SELECT facts.* FROM (SELECT fact_id, row_number() OVER (PARTITION BY province_key ORDER BY "
            f"total DESC, {noun_first} DESC, ({overlap}) DESC, exact DESC, start, doc_id, fact_id) AS pick "
            f"FROM candidates WHERE {where}) AS ranked JOIN facts USING (fact_id) WHERE pick = 1", args)
        return {row["province_key"]: StoredFact(row["doc_id"], _fact(row)) for row in rows}


def _fact(row: sqlite3.Row) -> Fact:
    values: dict[str, Any] = {c: row[c] for c in _FACT_COLUMNS}
    return Fact(**values)
