"""HTML for chat turns, source cards and the report viewer.

Report text is data, never markup: every piece of text that comes from a report, an upload or
a user is passed through ``html.escape`` before it is placed in the page, so a ``<script>`` or an
``<img onerror=…>`` inside a report is shown as the characters it is and never runs.
"""
from __future__ import annotations

import html
import re

from assistant.briefing import is_table, markdown_table
from assistant.evaluate import HELD_OUT_SPLITS
from ui.i18n import TEXT

CONTEXT_CHARS = 240
"""How much of the report to show around a cited sentence on its card."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
_MARKER = re.compile(r"\[\d+\]")


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


def user_turn(question: str, resolved: str, lang: str, inherited: dict | None = None) -> str:
    """The user's words, with the resolved question and what it kept from the conversation shown
    discreetly when it differs."""
    out = html.escape(question)
    if resolved.strip() != question.strip():
        out += f'<br><span class="resolved">↳ {TEXT[lang]["resolved"]}: {html.escape(resolved)}</span>'
    if inherited:
        kept = ", ".join(f"{TEXT[lang]['scope_' + key]} {value}" for key, value in inherited.items())
        out += f'<br><span class="inherited">↳ {TEXT[lang]["inherited"]}: {html.escape(kept)}</span>'
    return out


CONFIDENCE_WORDS = ((0.8, "confidence_high"), (0.5, "confidence_medium"), (0.0, "confidence_low"))
"""How a found answer's probability is said in words. The bands are for reading, not for deciding
(the scorer's learned threshold decides whether to answer at all): from 0.8 most such answers are
right, under 0.5 the answer cleared the threshold but the cited passage deserves a check."""


def confidence_words(confidence: float | None, lang: str) -> str | None:
    """The answer's confidence in words ("Độ tin cậy: cao (0.91)"), or None for answers from the facts."""
    if confidence is None:
        return None
    key = next(key for floor, key in CONFIDENCE_WORDS if confidence >= floor)
    return f"{TEXT[lang]['confidence']}: {TEXT[lang][key]} ({confidence:.2f})"


def answer_turn(answer: dict, lang: str) -> str:
    """An answer bubble; a "not found" reply is styled apart so it cannot pass for an answer."""
    body = _lines(answer["answer"])
    if answer["found"]:
        said = confidence_words(answer.get("confidence"), lang)
        note = f'<br><span class="confidence">{html.escape(said)}</span>' if said else ""
        return f'<div class="answer found">{body}{note}</div>'
    return (f'<div class="answer notfound"><strong>⚠ {TEXT[lang]["not_found"]}.</strong><br>{body}</div>')


def highlighted_passage(text: str, start: int, end: int, answer_text: str) -> str:
    """Context around ``text[start:end]``, the cited sentence marked and its figures in bold.

    Only figures that the answer states are emphasised, so the eye goes to the number the
    answer rests on rather than every number in the sentence.
    """
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    if lo > 0:
        lo = text.find(" ", lo, start) + 1 or lo
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut > 0 else hi
    stated = set(_NUMBER.findall(_MARKER.sub("", answer_text)))
    sentence = text[start:end]
    parts, last = [], 0
    for m in _NUMBER.finditer(sentence):
        if m.group() in stated:
            parts += [html.escape(sentence[last:m.start()]), f'<strong class="num">{html.escape(m.group())}</strong>']
            last = m.end()
    parts.append(html.escape(sentence[last:]))
    before = ("…" if lo > 0 else "") + html.escape(text[lo:start])
    after = html.escape(text[end:hi]) + ("…" if hi < len(text) else "")
    return f'{before}<mark>{"".join(parts)}</mark>{after}'


def source_card(citation: dict, report_text: str, answer_text: str, related: bool, lang: str) -> str:
    """One card per cited passage: title, province, date, file (and page), the passage in context."""
    words = TEXT[lang]
    facts = [x for x in (citation.get("province"), citation.get("date")) if x]
    where = html.escape(citation["source"]) + (f' · {words["page"]} {citation["page"]}' if citation.get("page") else "")
    css = "card related" if related else "card"
    return (f'<div class="{css}">'
            f'<div class="card-head"><span class="badge">[{citation["n"]}]</span> '
            f'<span class="card-title">{html.escape(citation.get("title") or words["untitled"])}</span></div>'
            f'<div class="card-meta">{html.escape(" · ".join(facts))}</div>'
            f'<div class="card-file">{words["file"]}: {where}</div>'
            f'<div class="card-text">{highlighted_passage(report_text, citation["start"], citation["end"], answer_text)}'
            f'</div></div>')


def report_view(title: str | None, source: str, text: str, start: int, end: int, lang: str,
                figure: tuple[int, int] | None = None) -> str:
    """The whole report, the cited passage marked in place (the page scrolls it into view).

    ``figure``, a span inside the passage (the Figures tab's fact), is set in bold within the mark.
    """
    heading = html.escape(title or TEXT[lang]["untitled"])
    marked = html.escape(text[start:end])
    if figure and start <= figure[0] < figure[1] <= end:
        lo, hi = figure
        marked = (f'{html.escape(text[start:lo])}<strong class="num">{html.escape(text[lo:hi])}</strong>'
                  f'{html.escape(text[hi:end])}')
    return (f'<div class="report-head"><strong>{heading}</strong><br><span class="card-file">'
            f'{html.escape(source)}</span></div>'
            f'<div class="report-text">{html.escape(text[:start])}<mark id="cited-passage">'
            f'{marked}</mark>{html.escape(text[end:])}</div>')


def problem_turn(message: str) -> str:
    """An index that cannot be loaded, in the chat: its one line, styled as no answer is."""
    return f'<div class="answer damaged">⚠ {html.escape(message)}</div>'


def facts_status(rows: int | None, lang: str) -> str:
    """How many facts the filters found, or (``rows`` None, nothing looked up yet) how to start."""
    words = TEXT[lang]
    count = words["facts_hint"] if rows is None else words["facts_count"].format(n=rows) if rows else \
        words["facts_none"]
    return f'<p class="muted">{html.escape(count)}</p>'


def notes(lines: list[str]) -> str:
    """Why compared figures are not directly comparable, set apart beside the chart."""
    return "".join(f'<p class="note">{html.escape(line)}</p>' for line in lines)


def briefing_list(items: list[dict], lang: str) -> str:
    if not items:
        return f'<p class="muted">{html.escape(TEXT[lang]["briefing_empty"])}</p>'
    rows = []
    for i, item in enumerate(items, 1):
        quotes = "".join(f'<blockquote>{html.escape(c["text"])}<br><span class="card-file">[{c["n"]}] '
                         f'{html.escape(" · ".join(str(x) for x in (c.get("title"), c.get("province"), c.get("date"), c["source"]) if x))}'
                         f'</span></blockquote>' for c in item["citations"])
        table = _html_table(item["columns"], item["rows"]) if is_table(item) else ""
        rows.append(f'<li><div class="brief-q">{html.escape(item["question"])}</div>'
                    f'<div>{_lines(item["answer"])}</div>{table}{quotes}</li>')
    return f'<ol class="briefing">{"".join(rows)}</ol>'


def _html_table(columns: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="brief-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


EVAL_METRICS = (("n", "metric_n"), ("answer_accuracy", "metric_answer"),
                ("evidence_recall_at_k", "metric_evidence"), ("unanswerable_accuracy", "metric_unanswerable"),
                ("false_answer_rate", "metric_false"))
"""The eval tab's columns: the contract's metric and its ``ui.i18n`` label."""


def _metric(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def eval_tables(summary: dict, lang: str) -> str:
    """Markdown: the metrics over all items and per split, then per tag (if any), labelled in ``lang``."""
    words = TEXT[lang]
    columns = ["", *(words[label] for _, label in EVAL_METRICS)]

    def table(groups: dict[str, dict]) -> list[str]:
        return markdown_table(columns, [[name, *(_metric(m.get(k)) for k, _ in EVAL_METRICS)]
                                        for name, m in groups.items()])

    lines = [f'#### {words["eval_splits"]}', "", *table({words["eval_all"]: summary["metrics"],
                                                         **summary["by_split"]})]
    if summary["by_tag"]:  # an eval file may tag nothing
        lines += ["", f'#### {words["eval_tags"]}', "", *table(summary["by_tag"])]
    return "\n".join(lines)


def failures(records: list[dict], lang: str) -> str:
    """The eval tab's failing items: question, why it failed, the answer and its citations."""
    words = TEXT[lang]
    failed = [r for r in records if not r["passed"] and r.get("split") not in HELD_OUT_SPLITS]
    held_out = sum(1 for r in records if not r["passed"] and r.get("split") in HELD_OUT_SPLITS)
    note = f'<p>{html.escape(words["held_out_failures"].format(n=held_out))}</p>' if held_out else ""
    if not failed:
        return note or f'<p>{html.escape(words["no_failures"])}</p>'
    rows = [note]
    for r in failed:
        cites = "".join(f'<li>[{c["n"]}] {html.escape(c["source"])}: {html.escape(c["text"])}</li>'
                        for c in r.get("citations") or [])
        rows.append(f'<details><summary><code>{html.escape(str(r["id"]))}</code> {html.escape(r["question"])}</summary>'
                    f'<p><em>{html.escape("; ".join(r["reasons"]))}</em></p>'
                    f'<p>{words["got"]}: {_lines(r.get("answer") or "")}</p><ul>{cites}</ul></details>')
    return "".join(rows)


CSS = """
.answer.notfound { border-left: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; color: #7c2d12; }
.answer.found { border-left: 4px solid #15803d; padding: 2px 10px; }
.resolved, .inherited { font-size: 0.8em; opacity: 0.75; font-style: italic; }
.confidence { font-size: 0.8em; opacity: 0.75; }
.card { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px; margin-bottom: 4px; background: #fff; color: #111827; }
.card.related { background: #f3f4f6; border-style: dashed; }
.card-head { font-weight: 600; }
.badge { background: #1d4ed8; color: #fff; border-radius: 4px; padding: 0 5px; font-size: 0.85em; }
.card-meta, .card-file { font-size: 0.85em; color: #4b5563; }
.card-text { margin-top: 4px; font-size: 0.92em; line-height: 1.45; }
.card-text mark, .report-text mark { background: #fef08a; color: inherit; }
strong.num { background: #fde047; padding: 0 2px; }
.report-text { white-space: pre-wrap; max-height: 60vh; overflow-y: auto; font-size: 0.92em; line-height: 1.5;
  border: 1px solid #e5e7eb; padding: 8px; border-radius: 6px; background: #fff; color: #111827; }
.briefing li { margin-bottom: 10px; }
.brief-q { font-weight: 600; }
.muted { color: #6b7280; }
.note { color: #7c2d12; background: #fff7ed; border-left: 3px solid #b45309; padding: 2px 8px;
  font-size: 0.9em; }
.answer.damaged { border-left: 4px solid #b91c1c; background: #fef2f2; padding: 6px 10px; color: #7f1d1d; }
#fig-table, #reports-table { --font-mono: var(--font); }
.brief-table { border-collapse: collapse; margin: 6px 0; font-size: 0.92em; }
.brief-table th, .brief-table td { border: 1px solid #d1d5db; padding: 2px 8px; text-align: left; }
"""


def scroll_to_cited(viewer_id: str) -> str:
    """Browser code that scrolls the marked passage of the viewer ``viewer_id`` into view, once drawn."""
    return f"""() => {{ setTimeout(() => {{
  const m = document.querySelector('#{viewer_id} #cited-passage');
  if (m) {{ m.scrollIntoView({{block: 'center'}}); }}
}}, 150); }}"""
