"""The scopes a report does give, for a "not found" reply to a district or year it never names.

"Huyện X có bao nhiêu mô hình?" about a report that lists other districts, or "năm 2019" about a
report of 2022–2023, is not answered (the scorer's scope features see to that). A bare "not found"
would leave the official guessing whether the figure exists at all, so the reply says which
districts or periods the report does give figures for, each with its passage as a related citation,
never as the answer (issue 14).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.across import period_label
from assistant.facts import Fact
from assistant.text import fold

ScopeKind = Literal["district", "year"]
MOST_LISTED = 8
"""Scopes named in one reply at most: a table of thirty communes is for the Figures tab, not for a
one-paragraph "not found"."""


@dataclass(frozen=True)
class GivenScopes:
    """What the report gives instead of the asked scope: one label and one fact (its passage) each."""

    doc_id: str
    kind: ScopeKind
    asked: str
    """The asked district ("huyện Đức Trọng", folded when the question was) or year ("2019")."""
    province: str | None
    labels: tuple[str, ...]
    """Empty for a report whose figures are all province-wide (no district is named with any)."""
    facts: tuple[Fact, ...]


def given_scopes(doc_id: str, facts: Iterable[Fact], kind: ScopeKind, asked: str, province: str | None,
                 focus: Sequence[str] = ()) -> GivenScopes | None:
    """The districts (or periods) of a report's figures, those of the asked noun first; None when it has none.

    ``focus`` holds the question's asked nouns ("mô hình"): when some figures count them, only
    theirs are listed, as the official asked about them; otherwise every figure's scope is.
    """
    quantities = [f for f in facts if f.kind == "quantity"]
    wanted = [_folded(noun) for noun in focus if noun.strip()]
    counting = [f for f in quantities if any(noun in _folded(f.unit or "") for noun in wanted)] or quantities
    labelled = [f for f in counting if _label(f, kind)] or [f for f in quantities if _label(f, kind)]
    if kind == "district" and counting and not labelled:
        return GivenScopes(doc_id, kind, asked, province, (), (counting[0],))  # province-wide figures only
    labels: dict[str, Fact] = {}
    for fact in labelled:
        labels.setdefault(_label(fact, kind), fact)  # type: ignore[arg-type]
        if len(labels) == MOST_LISTED:
            break
    if not labels:
        return None
    return GivenScopes(doc_id, kind, asked, province, tuple(labels), tuple(labels.values()))


def render_given(scopes: GivenScopes, lang: str) -> str:
    """One sentence naming the scopes the report gives, in the order of their related passages.

    No ``[n]`` markers: those point at an answer's citations, and a "not found" has none.
    """
    listed = ", ".join(scopes.labels)
    if lang == "en":
        where = f"The {scopes.province} report" if scopes.province else "The report"
        if not scopes.labels:
            return (f"{where} gives no figure for {scopes.asked}: its figures are province-wide "
                    "(see the related passage).")
        what = "district or commune" if scopes.kind == "district" else "year"
        return (f"{where} gives no figure for the {what} {scopes.asked}; it gives figures for: {listed} "
                "(see the related passages).")
    where = f"Báo cáo của {scopes.province}" if scopes.province else "Báo cáo"
    if not scopes.labels:
        return (f"{where} không nêu số liệu của {scopes.asked}: các số liệu của báo cáo là của toàn tỉnh "
                "(xem đoạn liên quan).")
    what, given = ("", "các địa bàn") if scopes.kind == "district" else ("năm ", "các thời kỳ")
    return (f"{where} không nêu số liệu của {what}{scopes.asked}; báo cáo nêu số liệu của {given}: {listed} "
            "(xem các đoạn liên quan).")


def _label(fact: Fact, kind: ScopeKind) -> str | None:
    """A figure's district, or its period as the cited sentence writes it (with its years)."""
    if kind == "district":
        return fact.district or None
    label = period_label(fact)
    return label[0].lower() + label[1:] if label else None


def _folded(text: str) -> str:
    return fold(text).lower()
