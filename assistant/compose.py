"""Turn the best candidate into cited claims, render them, and check them against the passages.

How a claim is cut from its sentence is the kind's ``shape`` (``assistant.kinds``): a figure is
quoted with its own clause, and a competing figure for the same thing is cited beside it; a name
or a clause is quoted with the clause around it. Verification is the kind's ``verify`` (the quote
holds what it was chosen for) and, for every claim, that the quote lies in its cited sentence and
every number of the rendered line is the report's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.kinds import Asked, clause_around, figure_span, shares
from assistant.numbers import Quantity
from assistant.sentences import Candidate
from assistant.settings import AnsweringSettings
from assistant.store import IndexData

DIGITS = re.compile(r"\d+")
MARKER = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Claim:
    """A quote from the report text (``start``/``end``) backed by citation ``n``."""

    n: int
    candidate: Candidate
    start: int
    end: int
    main: bool = True


def _fitting_figures(candidates: list[Candidate], best: Candidate) -> list[Quantity]:
    """The figures of ``best``'s sentence that fit the question, best-scored first."""
    same = [c for c in candidates if c.doc_id == best.doc_id and c.start == best.start and c.fits
            and c.answer.quantity is not None]
    return [c.answer.quantity for c in same if c.answer.quantity is not None]


def compose_claims(a: Asked, ranked: list[Candidate], data: IndexData, threshold: float,
                   rivals_looked_at: int = AnsweringSettings().rivals_looked_at) -> list[Claim]:
    """The main claim from the best candidate (``ranked`` is best first), and a rival.

    For a figure, a rival is another fitting figure of the same sentence ("xây dựng 70 mô hình, duy
    trì hơn 1.000 mô hình"), else the figure of a fitting candidate of another sentence that the
    scorer would answer with as well (its probability at least ``threshold``), among the next
    ``rivals_looked_at``. For a name or a clause, it is the clause of another sentence the scorer
    would answer with as well.
    """
    best = ranked[0]
    text = data.reports[best.doc_id].text
    x = best.answer.quantity
    if a.spec.shape != "figure" or x is None:
        main = Claim(1, best, *clause_around(text, best.start, best.end, best.answer.start, best.answer.end))
        for other in ranked[1:1 + rivals_looked_at]:
            if other.score < threshold or not other.typed or (other.doc_id, other.start) == (best.doc_id, best.start):
                continue
            otext = data.reports[other.doc_id].text
            rival = Claim(2, other, *clause_around(otext, other.start, other.end, other.answer.start, other.answer.end),
                          main=False)
            if verify_claims(a, [rival], data):
                return [main, rival]
        return [main]
    figures = _fitting_figures(ranked, best)
    cut = figures if x in figures else [x, *figures]
    main = Claim(1, best, *figure_span(text, best.start, best.end, cut, x))
    rivals = [o for o in figures if o is not x and not (main.start <= o.start < main.end)]
    if rivals:
        return [main, Claim(1, best, *figure_span(text, best.start, best.end, cut, rivals[0]), main=False)]
    if not a.focus or not best.fits:
        return [main]
    for other in ranked[1:1 + rivals_looked_at]:
        if (other.doc_id, other.start) != (best.doc_id, best.start) and other.fits and other.answer.quantity is not None and \
                other.score >= threshold:
            otext = data.reports[other.doc_id].text
            ofigures = _fitting_figures(ranked, other)
            return [main, Claim(2, other, *figure_span(otext, other.start, other.end, ofigures,
                                                       other.answer.quantity), main=False)]
    return [main]


def human_date(iso: str | None, lang: str) -> str | None:
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    return f"{int(parts[1])}/{parts[0]}" if len(parts) == 2 else iso


def _prefix(candidate: Candidate, data: IndexData, lang: str) -> str:
    meta = data.reports[candidate.doc_id].meta
    date = human_date(meta.get("date"), lang)
    where = meta.get("province") or ""
    if lang == "en":
        when = f"report of {date}" if date else "report"
        return f"{where} ({when})".strip()
    when = f"báo cáo ngày {date}" if date and date.count("/") == 2 else (f"báo cáo tháng {date}" if date else "báo cáo")
    return f"{where} ({when})".strip()


def render_claims(claims: list[Claim], lang: str, data: IndexData) -> str:
    lines = []
    for claim in claims:
        quote = data.reports[claim.candidate.doc_id].text[claim.start:claim.end]
        prefix = _prefix(claim.candidate, data, lang)
        if lang == "en":
            lead = prefix if claim.main else "The report also gives"
            if not claim.main and claim.candidate.doc_id != claims[0].candidate.doc_id:
                lead = f"Also, {prefix}"
            lines.append(f'{lead}: "{quote}" [{claim.n}]')
        else:
            lead = prefix if claim.main else "Báo cáo cũng nêu"
            if not claim.main and claim.candidate.doc_id != claims[0].candidate.doc_id:
                lead = f"Ngoài ra, {prefix}"
            lines.append(f"{lead}: {quote} [{claim.n}]")
    return "\n".join(lines)


def verify_claims(a: Asked, claims: list[Claim], data: IndexData) -> bool:
    """Every quote lies in its cited sentence and holds its answer, and every number of a rendered line is backed.

    A number may come from the quote (which is the report's own text) or from the report's
    date in the prefix; anything else would be a number the reports do not say. A main claim
    must hold what its candidate was chosen for (``KindSpec.verify``).
    """
    for claim in claims:
        c = claim.candidate
        report = data.reports[c.doc_id]
        if not (c.start <= claim.start < claim.end <= c.end):
            return False
        quote = report.text[claim.start:claim.end]
        check = a.spec.verify if c.typed else shares  # an untyped candidate is quoted around its best clause
        if claim.main and not check(quote, report.text[c.answer.start:c.answer.end]):
            return False
        allowed = set(DIGITS.findall(report.text[c.start:c.end])) | set(DIGITS.findall(str(report.meta.get("date"))))
        allowed |= {d.lstrip("0") for d in allowed}
        line = MARKER.sub("", render_claims([claim], "vi", data) + render_claims([claim], "en", data))
        if quote not in report.text[c.start:c.end]:
            return False
        if any(d not in allowed and d.lstrip("0") not in allowed for d in DIGITS.findall(line)):
            return False
    return True
