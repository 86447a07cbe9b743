"""The Figures tab's content: the facts table, one unit compared across places, and the exports.

Rows are ``Backend.facts`` rows: the columns of ``assistant.factlist.COLUMNS`` plus ``n`` (the
row's key), ``year_from``/``year_to`` and ``citation``. The table shows a reader's columns in the
page's language; the CSV and XLSX files hold every column under the names that
``python -m assistant facts --csv`` uses, so a file from either is read the same way.
"""
from __future__ import annotations

import csv
import re
import textwrap
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from assistant.across import WORDS as ACROSS_WORDS
from assistant.factlist import COLUMNS
from assistant.factstore import unit_key
from ui.i18n import TEXT

KINDS = ("quantity", "person", "date", "model", "document")
"""The kinds of facts (``assistant.facts.types.Kind``), in the order the kind filter offers them."""
TABLE_COLUMNS = ("n", "province", "district", "period", "scope", "kind", "text", "value", "unit", "what",
                 "source")
HEADER_KEYS = {"source": "col_file"}
"""Headers whose ``ui.i18n`` key is not ``col_<column>``."""
COLUMN_WIDTHS = ["44px", "100px", "110px", "140px", "100px", "90px", "110px", "85px", "140px", "160px", "130px"]
"""The table's column widths, 1,209 px in all (the page's width at 1366 px): fixed rather than shares,
so a phone scrolls the table sideways instead of squeezing each column to a letter."""
DATATYPES = ["number" if c in ("n", "value") else "str" for c in TABLE_COLUMNS]
"""Numbers sort as numbers in the page's table, "1.589" after "45"."""
_FORMULA = re.compile(r"^[=+\-@\t\r]")
"""How a spreadsheet cell that runs as a formula begins (OWASP's list for CSV injection)."""


def kind_choices(lang: str) -> list[tuple[str, str]]:
    words = TEXT[lang]
    return [(words["all"], "")] + [(words[f"kind_{k}"], k) for k in KINDS]


def table_headers(lang: str) -> list[str]:
    words = TEXT[lang]
    return [words[HEADER_KEYS.get(c, f"col_{c}")] for c in TABLE_COLUMNS]


def _what(row: dict) -> str:
    """What a fact says besides its text: the action counted, or a person's or document's title."""
    named = row["name"] if row["name"] and row["name"] != row["text"] else None
    return ", ".join(x for x in (row["action"], row["title"], named) if x)


def table_rows(rows: list[dict], lang: str) -> list[list]:
    """The page's table: one line per fact, kinds and scopes in ``lang``, the value of quantities only."""
    words = TEXT[lang]
    cells = {"kind": lambda r: words[f"kind_{r['kind']}"], "scope": lambda r: words[f"scope_{r['scope']}"],
             "value": lambda r: r["value"] if r["kind"] == "quantity" else None, "what": _what}
    return [[cells[c](r) if c in cells else r[c] or "" for c in TABLE_COLUMNS] for r in rows]


def place(row: dict) -> str:
    """Whose figure: the district with its province, the province, or the report when neither is known."""
    return ", ".join(x for x in (row["district"], row["province"]) if x) or row["source"]


def period_label(row: dict, lang: str) -> str:
    """The period as written, with its years where the words do not say them ("hiện (2023)")."""
    period, first, last = row["period"], row.get("year_from"), row.get("year_to")
    if not period:
        return TEXT[lang]["no_period"]
    if first is None or str(first) in period:
        return period
    return f"{period} ({first})" if first == last else f"{period} ({first}–{last})"


def _quantities(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["kind"] == "quantity" and r["value"] is not None and r["unit"]]


def unit_choices(rows: list[dict], phrase: str | None = None) -> list[tuple[str, str]]:
    """The units of the rows' figures as (label with the number of figures, unit key), the one worth
    comparing first: a unit holding every word of the typed ``phrase`` (the unit matcher also
    returns units that are only near it), then the unit counted in the most places."""
    places: dict[str, set[str]] = {}
    written: dict[str, list[str]] = {}
    for row in _quantities(rows):
        key = unit_key(row["unit"]) or ""
        places.setdefault(key, set()).add(place(row))
        written.setdefault(key, []).append(row["unit"])
    words = set(unit_key(phrase).split()) if phrase and unit_key(phrase) else set()
    order = sorted(places, key=lambda k: (not words <= set(k.split()), -len(places[k]), -len(written[k]), k))
    return [(f"{written[k][0]} ({len(written[k])})", k) for k in order]


def compared(rows: list[dict], key: str | None) -> list[dict]:
    """The figures of one unit (by its key), largest first."""
    chosen = [r for r in _quantities(rows) if unit_key(r["unit"]) == key]
    return sorted(chosen, key=lambda r: -r["value"])


def notes(rows: list[dict], lang: str) -> list[str]:
    """What makes the compared figures not directly comparable, in the chat's own words
    (``assistant.across``): periods that differ or are not stated, and bounds."""
    words = ACROSS_WORDS["en" if lang == "en" else "vi"]
    periods = {(r.get("year_from"), r.get("year_to")) for r in rows}
    out = []
    if len(rows) >= 2 and (len(periods) > 1 or (None, None) in periods):
        out.append(words["period"])
    if any(r["bound"] != "exact" for r in rows):
        out.append(words["bound"])
    return out


def bar_label(row: dict, lang: str, width: int = 36) -> str:
    """A bar's label: whose figure and its period, wrapped to fit beside the bar."""
    return textwrap.fill(f"{place(row)} · {period_label(row, lang)}", width)


def describe(query: dict, lang: str) -> str:
    """The filters a table was made with, in words ("Tỉnh: Kon Tum; Đơn vị: mo hinh")."""
    words = TEXT[lang]
    labels = {"province": words["province"], "district": words["district"], "year": words["year"],
              "kind": words["kind"], "unit": words["unit"]}
    shown = [(label, words[f"kind_{query[name]}"] if name == "kind" else query[name])
             for name, label in labels.items() if query.get(name)]
    return "; ".join(f"{label}: {value}" for label, value in shown) or words["any_filter"]


def briefing_item(rows: list[dict], query: dict, lang: str) -> dict:
    """The comparison as a briefing table item (see ``assistant.briefing``): one line per figure
    with its place, period, scope and citation; a passage stating two figures is cited once."""
    words = TEXT[lang]
    citations: list[dict] = []
    numbers: dict[tuple, int] = {}
    table = []
    for row in rows:
        c = row["citation"]
        key = (c["doc_id"], c["start"], c["end"])
        if key not in numbers:
            numbers[key] = len(citations) + 1
            citations.append({k: v for k, v in c.items() if k != "figure"} | {"n": numbers[key]})
        table.append([place(row), period_label(row, lang), words[f"scope_{row['scope']}"], row["text"],
                      row["unit"], f"[{numbers[key]}]"])
    title = words["comparison_title"].format(unit=rows[0]["unit"])
    return {"kind": "table", "found": True, "question": f'{words["figures_query"]}: {describe(query, lang)}',
            "answer": "\n".join([title, *notes(rows, lang)]), "citations": citations, "rows": table,
            "columns": [words[k] for k in ("col_place", "col_period", "col_scope", "col_text", "col_unit",
                                           "col_cite")]}


def _csv_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, quoted with a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and _FORMULA.match(value) else value


def write_csv(rows: list[dict], path: Path) -> Path:
    """Every column, UTF-8 with a byte-order mark (so Excel reads the Vietnamese right)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows([_csv_cell(r[c]) for c in COLUMNS] for r in rows)
    return path


def write_xlsx(rows: list[dict], path: Path) -> Path:
    """Every column in one sheet: numbers as numbers, text always as text (never a formula)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "facts"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, 2):
        for col, name in enumerate(COLUMNS, 1):
            value = row[name]
            if isinstance(value, str):
                sheet.cell(r, col, ILLEGAL_CHARACTERS_RE.sub("", value)).data_type = "s"
            else:
                sheet.cell(r, col, value)
    sheet.freeze_panes = "A2"
    book.save(path)
    return path
