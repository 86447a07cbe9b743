"""HTML for chat turns, source cards and the report viewer.

Report text is data, never markup: every piece of text that comes from a report, an upload or
a user is passed through ``html.escape`` before it is placed in the page, so a ``<script>`` or an
``<img onerror=…>`` inside a report is shown as the characters it is and never runs.
"""
from __future__ import annotations

import html
import re

from ui.i18n import TEXT

CONTEXT_CHARS = 240
"""How much of the report to show around a cited sentence on its card."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
_MARKER = re.compile(r"\[\d+\]")


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


def user_turn(question: str, resolved: str, lang: str) -> str:
    """The user's words, with the resolved question shown discreetly when it differs."""
    out = html.escape(question)
    if resolved.strip() != question.strip():
        out += f'<br><span class="resolved">↳ {TEXT[lang]["resolved"]}: {html.escape(resolved)}</span>'
    return out


def answer_turn(answer: dict, lang: str) -> str:
    """An answer bubble; a "not found" reply is styled apart so it cannot pass for an answer."""
    body = _lines(answer["answer"])
    if answer["found"]:
        return f'<div class="answer found">{body}</div>'
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


def report_view(title: str | None, source: str, text: str, start: int, end: int, lang: str) -> str:
    """The whole report, the cited passage marked in place (the page scrolls it into view)."""
    heading = html.escape(title or TEXT[lang]["untitled"])
    return (f'<div class="report-head"><strong>{heading}</strong><br><span class="card-file">'
            f'{html.escape(source)}</span></div>'
            f'<div class="report-text">{html.escape(text[:start])}<mark id="cited-passage">'
            f'{html.escape(text[start:end])}</mark>{html.escape(text[end:])}</div>')


def briefing_list(items: list[dict], lang: str) -> str:
    if not items:
        return f'<p class="muted">{html.escape(TEXT[lang]["briefing_empty"])}</p>'
    rows = []
    for i, item in enumerate(items, 1):
        quotes = "".join(f'<blockquote>{html.escape(c["text"])}<br><span class="card-file">[{c["n"]}] '
                         f'{html.escape(" · ".join(str(x) for x in (c.get("title"), c.get("province"), c.get("date"), c["source"]) if x))}'
                         f'</span></blockquote>' for c in item["citations"])
        rows.append(f'<li><div class="brief-q">{html.escape(item["question"])}</div>'
                    f'<div>{_lines(item["answer"])}</div>{quotes}</li>')
    return f'<ol class="briefing">{"".join(rows)}</ol>'


def failures(records: list[dict], lang: str) -> str:
    """The eval tab's failing items: question, why it failed, the answer and its citations."""
    words = TEXT[lang]
    failed = [r for r in records if not r["passed"]]
    if not failed:
        return f'<p>{html.escape(words["no_failures"])}</p>'
    rows = []
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
.resolved { font-size: 0.8em; opacity: 0.75; font-style: italic; }
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
"""

SCROLL_TO_CITED = """() => { setTimeout(() => {
  const m = document.querySelector('#report-view #cited-passage');
  if (m) { m.scrollIntoView({block: 'center'}); }
}, 150); }"""
