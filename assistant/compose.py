"""Turn the best sentences into cited claims, render them, and check them against the passages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numbers import Quantity
from assistant.question import Question, expand_english
from assistant.people import holder_near_role, person_spans
from assistant.sentences import COUNT_KINDS, QUOTED, Candidate, focus_in, question_role, time_answers
from assistant.store import IndexData
from assistant.text import canonical, syllables

MAX_QUOTE = 260
CLAUSE_BREAKS = ";:"
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


def compose_claims(q: Question, candidates: list[Candidate], data: IndexData) -> list[Claim]:
    """The main claim from the best sentence; for a figure, a competing figure as a second claim."""
    best = candidates[0]
    text = data.reports[best.doc_id].text
    focus = tuple(canonical(f) for f in q.focus_terms)
    wanted = _wanted_quantities(q, text, best.quantities, focus)
    if wanted:
        chosen = max(wanted, key=lambda x: _context_overlap(q, text, best, wanted, x))
        main = Claim(1, best, *figure_span(text, best, wanted, chosen))
        rivals = [x for x in wanted if x is not chosen and not (main.start <= x.start < main.end)]
        if rivals:
            other = max(rivals, key=lambda x: _context_overlap(q, text, best, wanted, x))
            return [main, Claim(1, best, *figure_span(text, best, wanted, other), main=False)]
        rival = _rival_sentence(q, candidates, focus, data)
        if rival is not None:
            second, figures = rival
            stext = data.reports[second.doc_id].text
            return [main, Claim(2, second, *figure_span(stext, second, figures, figures[0]), main=False)]
        return [main]
    anchor = _anchor(q, text, best)
    return [Claim(1, best, *clause_around(text, best.start, best.end, *anchor))]


def _wanted_quantities(q: Question, text: str, quantities: list[Quantity], focus: tuple[str, ...]) -> list[Quantity]:
    if q.kind == "count":
        counts = [x for x in quantities if x.kind in COUNT_KINDS]
        matching = [x for x in counts if focus and focus_in(focus, x.unit or "")]
        return matching or ([] if focus else counts)
    if q.kind == "rate":
        return [x for x in quantities if x.kind in ("percent", "ratio")]
    if q.kind == "when":
        return time_answers(q, text, quantities)
    return []


def _rival_sentence(q: Question, candidates: list[Candidate], focus: tuple[str, ...],
                    data: IndexData) -> tuple[Candidate, list[Quantity]] | None:
    """Another sentence, close in score, that gives a figure for the same thing, and its figures."""
    best = candidates[0]
    if not focus:
        return None
    for other in candidates[1:4]:
        if other.score >= 0.85 * best.score and other.fits:
            figures = _wanted_quantities(q, data.reports[other.doc_id].text, other.quantities, focus)
            if figures:
                return other, figures
    return None


def figure_span(text: str, sentence: Candidate, figures: list[Quantity], x: Quantity) -> tuple[int, int]:
    """The part of the sentence that gives figure ``x`` when it gives several of the same thing.

    "xây dựng … 70 mô hình, duy trì và củng cố hơn 1.000 mô hình …" is cut at the comma
    between the figures, so each figure is quoted with its own verb.
    """
    start, end = sentence.start, sentence.end
    for other in figures:
        if other.end <= x.start:
            cut = max(text.rfind(b, other.end, x.start) for b in CLAUSE_BREAKS + ",")
            start = max(start, cut + 1) if cut >= 0 else start
        elif other.start >= x.end:
            cuts = [i for i in (text.find(b, x.end, other.start) for b in CLAUSE_BREAKS + ",") if i >= 0]
            end = min(end, min(cuts)) if cuts else end
    return clause_around(text, start, end, x.start, x.end)


def _context_overlap(q: Question, text: str, sentence: Candidate, figures: list[Quantity], x: Quantity) -> float:
    """How many question words stand in the part of the sentence that gives a figure (verb and noun)."""
    start, end = figure_span(text, sentence, figures, x)
    words = set(syllables(text[start:end]))
    asked = set(syllables(q.text + (" " + expand_english(q.text) if q.lang == "en" else "")))
    return len(words & asked) - 0.001 * (x.start - sentence.start)


def _anchor(q: Question, text: str, sentence: Candidate) -> tuple[int, int]:
    """The part of the sentence the answer is about: a person, a quoted name, or the words asked."""
    body = text[sentence.start:sentence.end]
    if q.kind == "who":
        role = question_role(q)
        holder = holder_near_role(role, body) if role else None
        names = [holder] if holder else person_spans(body)
        if names:
            return sentence.start + names[0][0], sentence.start + names[0][1]
    asked = set(syllables(q.text + (" " + expand_english(q.text) if q.lang == "en" else "")))
    names = list(QUOTED.finditer(body)) if q.kind == "which_model" else []
    if names:
        match = max(names, key=lambda m: (len(set(syllables(m.group(1))) & asked), -m.start()))
        return sentence.start + match.start(), sentence.start + match.end()
    best, best_hits = (sentence.start, sentence.start), -1
    for m in re.finditer(r"[^,;:]+", body):
        hits = len(set(syllables(m.group())) & asked)
        if hits > best_hits:
            best, best_hits = (sentence.start + m.start(), sentence.start + m.end()), hits
    return best


def clause_around(text: str, s_start: int, s_end: int, a_start: int, a_end: int,
                  max_len: int = MAX_QUOTE) -> tuple[int, int]:
    """The clause of sentence [s_start, s_end) that holds [a_start, a_end), at most about ``max_len``.

    Clauses end at ; and : first; when that is still too long, at commas near the anchor.
    """
    start, end = s_start, s_end
    for breaks in (CLAUSE_BREAKS, CLAUSE_BREAKS + ","):
        if end - start <= max_len:
            break
        left = max((text.rfind(b, start, a_start) for b in breaks), default=-1)
        right = [i for i in (text.find(b, a_end, end) for b in breaks) if i >= 0]
        if left >= start and a_end - left <= max_len:
            start = left + 1
        if right and min(right) - start <= max_len:
            end = min(right)
    if end - start > max_len:
        start = max(start, a_start - max_len // 2)
        end = min(end, max(a_end, start + max_len))
    while start < end and (text[start].isspace() or text[start] in ",;:."):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


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


def verify_claims(claims: list[Claim], data: IndexData) -> bool:
    """Every quote lies in its cited sentence and every number in a rendered line is backed.

    A number may come from the quote (which is the report's own text) or from the report's
    date in the prefix; anything else would be a number the reports do not say.
    """
    for claim in claims:
        c = claim.candidate
        report = data.reports[c.doc_id]
        if not (c.start <= claim.start < claim.end <= c.end):
            return False
        quote = report.text[claim.start:claim.end]
        allowed = set(DIGITS.findall(report.text[c.start:c.end])) | set(DIGITS.findall(str(report.meta.get("date"))))
        allowed |= {d.lstrip("0") for d in allowed}
        line = MARKER.sub("", render_claims([claim], "vi", data) + render_claims([claim], "en", data))
        if quote not in report.text[c.start:c.end]:
            return False
        if any(d not in allowed and d.lstrip("0") not in allowed for d in DIGITS.findall(line)):
            return False
    return True
