"""The shape of a fact: what it states, where, and for which scope."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Kind = Literal["quantity", "person", "date", "model", "document"]
Bound = Literal["exact", "lower", "upper", "approx"]
Scope = Literal["total", "breakdown", "unknown"]
"""``total``: the figure of the report's whole area; ``breakdown``: one district's, commune's or row's."""


@dataclass(frozen=True)
class Fact:
    """One typed fact; ``[start, end)`` is the exact text stated, ``[passage_start, passage_end)`` its sentence."""

    kind: Kind
    subkind: str
    text: str
    start: int
    end: int
    passage_start: int
    passage_end: int
    value: float | None = None
    value_high: float | None = None
    bound: Bound = "exact"
    unit: str | None = None
    action: str | None = None
    actor: str | None = None
    province: str | None = None
    district: str | None = None
    period: str | None = None
    period_kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    period_source: str | None = None
    scope: Scope = "unknown"
    name: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Period:
    """A period as written, its kind (year, part, range, as_of, since) and the years it covers."""

    text: str
    kind: str
    year_from: int
    year_to: int
    start: int
