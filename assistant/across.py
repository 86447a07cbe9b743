"""Questions across reports, answered from the stored facts: comparisons, superlatives, totals, lists.

Chat-with-documents systems answer "which province has the most …" from a few retrieved chunks
and get it wrong. Here each province's figure for the asked unit is looked up in the facts of
every report, each figure is cited on its own line with its period, and figures are compared
only when they are comparable: the same period, exact values (a bound is said to be one), and
a unit that every compared report counts. A total of bounds is a bound.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from assistant.facts import Fact
from assistant.factstore import FactStore, place_key, unit_key
from assistant.settings import AnsweringSettings
from assistant.text import canonical, fold

Intent = Literal["compare", "most", "least", "total", "list", "earliest", "latest"]

_CUES: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple((intent, re.compile(pattern, re.IGNORECASE)) for intent, pattern in (
    ("earliest", r"\b(?:sớm nhất|som nhat|earliest|first report|oldest)\b"),
    ("latest", r"\b(?:muộn nhất|gần đây nhất|mới nhất|muon nhat|moi nhat|latest|most recent|newest)\b"),
    ("most", r"\b(?:(?:nhiều|cao|lớn|nhieu|lon)(?:\s+\S+){0,5}?\s+(?:nhất|nhat)|the most|highest|largest|most)\b"),
    ("least", r"\b(?:(?:ít|thấp|nhỏ|it|thap|nho)(?:\s+\S+){0,5}?\s+(?:nhất|nhat)|fewest|lowest|smallest|least)\b"),
    ("total", r"\b(?:tổng cộng|cộng lại|tong cong|cong lai|in total|altogether|combined|all together|sum of)\b"),
    ("list", r"\b(?:liệt kê|lliet ke|list the|list all|các số liệu|cac so lieu)\b"),
    ("compare", r"\b(?:so sánh|so sanh|compare|comparison|versus|vs\.?|hơn|hon|more than|fewer than)\b"),
))
"""How a question asks across reports, most specific first ("nhiều nhất" before the "hơn" of a comparison)."""
_ACROSS_SUBJECT = re.compile(r"\b(?:tỉnh nào|tinh nao|địa phương nào|dia phuong nao|which province|which of|"
                             r"các tỉnh|cac tinh|hai tỉnh|hai tinh|both provinces|each province|mỗi tỉnh|moi tinh|"
                             r"báo cáo nào|bao cao nao|which report)\b", re.IGNORECASE)
_STRIP = re.compile(r"\b(?:tỉnh nào|tinh nao|which province|which|tỉnh|tinh|province|so sánh|so sanh|compare|"
                    r"giữa|giua|between|và|va|and|hay|or|nhiều nhất|nhieu nhat|ít nhất|it nhat|nhất|nhat|hơn|hon|"
                    r"the most|most|fewest|tổng cộng|tong cong|in total|có|co|bao nhiêu|bao nhieu|how many|"
                    r"did|does|has|have|the|of|số|so)\b|[?,.:;]", re.IGNORECASE)


def intent_of(question: str, provinces: Sequence[str], asks_figure: bool = True) -> Intent | None:
    """Whether a question asks across reports, and how; None for a question about one report.

    Two provinces and no cross-report cue mean "compare" only when the question asks for a figure
    (``asks_figure``): "how far apart were the conferences in A and B" is answered per province
    from passages, not by comparing whatever figures the two reports hold.
    """
    across = len(provinces) >= 2 or _ACROSS_SUBJECT.search(question)
    if not across:
        return None
    for intent, pattern in _CUES:
        if pattern.search(question):
            if intent == "compare" and len(provinces) < 2:
                continue
            return intent
    return "compare" if len(provinces) >= 2 and asks_figure else None


def asked_phrase(question: str, provinces: Sequence[str]) -> str:
    """What is counted, with the cross-report words and province names taken out."""
    text = question
    for name in provinces:
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
        text = re.sub(re.escape(fold(name)), " ", text, flags=re.IGNORECASE)
    return " ".join(_STRIP.sub(" ", text).split())


@dataclass(frozen=True)
class Row:
    """One province's line: its figure (or, for earliest/latest, its report's date) and citation number."""

    province: str
    doc_id: str
    fact: Fact | None
    n: int
    date: str | None = None


@dataclass
class AcrossAnswer:
    intent: Intent
    unit: str | None
    rows: list[Row] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Provinces asked about whose reports do not count the unit."""
    comparable: bool = True
    notes: list[str] = field(default_factory=list)


class UnitMatcher:
    """Stored unit phrases and their vectors: a phrase in any language finds the units it means."""

    def __init__(self, keys: Sequence[str], written: Sequence[str], vectors: np.ndarray, embedder,
                 settings: AnsweringSettings | None = None) -> None:
        """``settings`` gives the cosine margin and floor of a match (``AnsweringSettings.unit_margin``)."""
        self.keys, self.written, self.vectors, self.embedder = list(keys), list(written), vectors, embedder
        self.settings = settings or AnsweringSettings()

    def match(self, phrase: str) -> list[str]:
        """Unit keys meaning ``phrase``: every key holding its folded words, and the nearest by cosine."""
        if not phrase.strip() or not self.keys:
            return []
        words = fold(canonical(phrase)).split()
        lexical = [k for k in self.keys if words and all(re.search(rf"\b{re.escape(w)}\b", k) for w in words)]
        query = self.embedder.embed_query([phrase])[0]
        cosines = np.asarray(self.vectors, dtype=np.float32) @ query
        best = float(cosines.max())
        reach = max(best - self.settings.unit_margin, self.settings.unit_floor)
        near = [self.keys[i] for i in np.flatnonzero(cosines >= reach)]
        return list(dict.fromkeys(lexical + near))


def answer_across(intent: Intent, phrase: str, provinces: Sequence[str], units: Sequence[str],
                  store: FactStore, province_of: dict[str, str | None], report_dates: dict[str, str | None],
                  year: int | None = None, noun: str = "") -> AcrossAnswer:
    """Each asked province's figure for ``units`` (every province with reports when none is named).

    ``phrase`` is what the question counts, with its verb ("duy trì … mô hình"); ``noun`` the asked
    noun alone ("mô hình"), which the chosen figure's unit should start with.
    """
    if intent in ("earliest", "latest"):
        return _by_date(intent, provinces, province_of, report_dates)
    answer = AcrossAnswer(intent, units[0] if units else None)
    best = store.best_figures(units, unit_key(noun), fold(canonical(phrase)).split(), year)
    wanted = list(provinces) or sorted({p for p in province_of.values() if p})
    for province in wanted:
        figure = best.get(place_key(province))
        if figure is None:
            answer.missing.append(province)
            continue
        answer.rows.append(Row(province, figure.doc_id, figure.fact, len(answer.rows) + 1,
                               report_dates.get(figure.doc_id)))
    _judge(answer)
    return answer


def _judge(answer: AcrossAnswer) -> None:
    """Say what makes the figures not comparable: other periods, bounds, a unit some report lacks."""
    facts = [r.fact for r in answer.rows if r.fact]
    periods = {(f.year_from, f.year_to) for f in facts}
    if len(facts) >= 2 and (len(periods) > 1 or (None, None) in periods):
        answer.comparable = False
        answer.notes.append("period")
    if any(f.bound != "exact" for f in facts):
        answer.notes.append("bound")
    if len({unit_key(f.unit) for f in facts}) > 1:
        answer.notes.append("unit")
    if answer.missing and answer.intent in ("most", "least", "compare"):
        answer.comparable = False


def _by_date(intent: Intent, provinces: Sequence[str], province_of: dict[str, str | None],
             report_dates: dict[str, str | None]) -> AcrossAnswer:
    """Reports ordered by their date, earliest (or latest) first; undated reports cannot take part."""
    answer = AcrossAnswer(intent, None)
    dated = sorted(((d, doc) for doc, d in report_dates.items()
                    if d and province_of.get(doc) and (not provinces or province_of[doc] in provinces)),
                   reverse=intent == "latest")
    answer.rows = [Row(str(province_of[doc]), doc, None, i + 1, d) for i, (d, doc) in enumerate(dated)]
    answer.missing = [p for p in provinces if p not in {r.province for r in answer.rows}]
    return answer


def winner(answer: AcrossAnswer) -> Row | None:
    """The row that decides the question, when the figures are comparable (or the dates known)."""
    if answer.intent in ("earliest", "latest"):
        return answer.rows[0] if answer.rows else None
    if not answer.comparable or len(answer.rows) < 2 or answer.intent in ("total", "list"):
        return None
    pick = min if answer.intent == "least" else max
    return pick(answer.rows, key=lambda r: r.fact.value or 0.0 if r.fact else 0.0)


def total(answer: AcrossAnswer) -> tuple[float, bool]:
    """The sum of the figures, and whether it is a bound (any figure a bound makes the sum one)."""
    facts = [r.fact for r in answer.rows if r.fact]
    return sum(f.value or 0.0 for f in facts), any(f.bound != "exact" for f in facts)


def vietnamese_number(value: float) -> str:
    """2250 → "2.250", 7.5 → "7,5": how the reports write figures."""
    whole = f"{value:,.2f}".rstrip("0").rstrip(".")
    return whole.replace(",", " ").replace(".", ",").replace(" ", ".")


WORDS = {
    "vi": {"most": "nhiều nhất", "least": "ít nhất", "compare": "nhiều hơn", "earliest": "sớm nhất",
           "latest": "muộn nhất", "no_period": "kỳ của báo cáo", "missing": "báo cáo không có số liệu này",
           "period": "Các số liệu thuộc các kỳ khác nhau (hoặc không nêu kỳ), nên không so sánh trực tiếp được.",
           "bound": "Có số liệu là ước lượng hoặc cận (\"hơn\", \"gần\", \"khoảng\").",
           "unit": "Các báo cáo đếm những đơn vị không hoàn toàn giống nhau.",
           "total": "Tổng cộng", "at_least": "ít nhất", "none": "Không tìm thấy số liệu này trong các báo cáo.",
           "not_comparable": "Không so sánh được:"},
    "en": {"most": "has the most", "least": "has the fewest", "compare": "has more", "earliest": "is the earliest",
           "latest": "is the latest", "no_period": "the report's period", "missing": "its report does not give this figure",
           "period": "The figures cover different periods (or do not say which), so they are not directly comparable.",
           "bound": "Some figures are bounds or estimates (\"hơn\" = more than, \"gần\" = nearly, \"khoảng\" = about).",
           "unit": "The reports do not count exactly the same thing.",
           "total": "In total", "at_least": "at least", "none": "Not in the reports: no report gives this figure.",
           "not_comparable": "Not comparable:"},
}
"""The words of a cross-report answer, in the question's language."""


def render(answer: AcrossAnswer, lang: str) -> str:
    """The answer: the deciding line first, then each province's figure with its period and ``[n]``."""
    w = WORDS["en" if lang == "en" else "vi"]
    if not answer.rows:
        return w["none"]
    lines = []
    top = winner(answer)
    if top and top.fact:
        lines.append(f"{top.province} {w[answer.intent]}: {top.fact.text}{_unit(top.fact)} [{top.n}].")
    elif top:
        lines.append(f"{top.province} {w[answer.intent]}: {top.date} [{top.n}].")
    elif answer.intent == "total":
        value, bound = total(answer)
        prefix = f"{w['at_least']} " if bound else ""
        lines.append(f"{w['total']}: {prefix}{vietnamese_number(value)}{_unit(answer.rows[0].fact)}.")
    elif not answer.comparable and answer.intent in ("most", "least", "compare"):
        lines.append(w["not_comparable"])
    for row in answer.rows:
        if row.fact:
            period = period_label(row.fact) or w["no_period"]
            lines.append(f"- {row.province} ({period}): {row.fact.text}{_unit(row.fact)} [{row.n}]")
        else:
            lines.append(f"- {row.province}: {row.date} [{row.n}]")
    lines += [f"- {p}: {w['missing']}" for p in answer.missing]
    lines += [w[note] for note in answer.notes]
    return "\n".join(lines)


def period_label(fact: Fact) -> str | None:
    """A figure's period as written, with its years where the words do not say them ("hiện nay (2023)")."""
    if not fact.period:
        return None
    if fact.period_source not in ("sentence", "row"):
        return None  # read from the title or a heading, not from the cited sentence: never shown as cited
    years = str(fact.year_from) if fact.year_from == fact.year_to else f"{fact.year_from}–{fact.year_to}"
    return fact.period if str(fact.year_from) in fact.period else f"{fact.period} ({years})"


def _unit(fact: Fact | None) -> str:
    return f" {fact.unit}" if fact and fact.unit else ""


def table(answer: AcrossAnswer) -> list[dict]:
    """The JSON answer's ``table``: one row per figure, with its scope and citation number."""
    return [{"province": r.province, "district": r.fact.district if r.fact else None,
             "period": r.fact.period if r.fact else r.date, "scope": r.fact.scope if r.fact else None,
             "value": r.fact.value if r.fact else None, "bound": r.fact.bound if r.fact else None,
             "unit": r.fact.unit if r.fact else None, "text": r.fact.text if r.fact else r.date, "n": r.n}
            for r in answer.rows]
