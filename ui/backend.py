"""What the interface asks of the library: answers, the report list, uploads, deletes, evals.

The UI never opens a model or an index file itself; it goes through ``assistant``'s public
functions here. ``get_assistant`` reloads when the index's manifest changes, so the chat uses
an index updated by an upload without a restart, and ``view`` gives every page what it shows
from the index as it is now (an upload in one browser tab appears in the others).

An index that cannot be loaded (damaged, missing, of another format) does not stop the page:
``view`` carries its one-line reason as ``problem``, for the chat to show, and every other call
raises it as the ``StoreError`` it is.
"""
from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from assistant.answer import Answer, get_assistant
from assistant.evaluate import (
    HELD_OUT_SPLITS,
    OURS,
    assistant_ask,
    load_items,
    reliability_by_split,
    report,
    run,
    suites_for,
)
from assistant.evaluate import evaluate as evaluate_suites
from assistant.factlist import FactFilters, find_facts
from assistant.factlist import rows as fact_rows
from assistant.factstore import StoredFact
from assistant.indexer import BuildSummary, build_index, build_niced
from assistant.inputs import (
    RAW_LIMIT,
    InputError,
    check_history,
    check_province,
    check_question,
    check_year,
    clean_question,
)
from assistant.readers import ReportError
from assistant.settings import BuildSettings, ReadingLimits
from assistant.store import StoreError
from assistant.uploads import add_report, remove_report

Progress = Callable[[float, str], None]

EXAMPLES_VI = ["{province} duy trì bao nhiêu mô hình?", "{province} có bao nhiêu tập thể, cá nhân được khen thưởng?",
               "Ai phát biểu chỉ đạo tại hội nghị của {province}?"]
EXAMPLES_EN = ["How many models did {province} maintain?", "How many collectives were commended in {province}?"]
MAX_FILTER_CHARS = 200
"""Longest district or unit phrase looked up: stored unit phrases and place names are under 100
characters, and a longer phrase would only slow the unit matcher down."""


@dataclass(frozen=True)
class IndexView:
    """What a page shows from one state of the index; ``version`` tells a page whether to redraw."""

    version: str
    reports: list[dict]
    provinces: list[str]
    years: list[int]
    examples: list[str]
    districts: list[str] = field(default_factory=list)
    """Districts and communes that facts are scoped to (the Figures tab's filter)."""
    fact_years: list[int] = field(default_factory=list)
    """Years that facts' periods begin or end in, and the reports' years (latest first)."""
    problem: str | None = None
    """Why the index cannot be loaded (its one line), or None when it can."""


@dataclass(frozen=True)
class EvalRun:
    """An eval run: metrics (overall, ``by_split``, ``by_tag``, ``reliability`` per split), the items
    and the JSON file of both."""

    summary: dict
    records: list[dict]
    path: Path


@dataclass
class UploadResult:
    added: list[str]
    refused: list[str]
    summary: BuildSummary | None


class Backend:
    def __init__(self, index: Path, corpus: Path, qa: Path = Path("evals/qa.jsonl"),
                 limits: ReadingLimits | None = None) -> None:
        self.index = index
        self.corpus = corpus
        self.qa = qa
        self.limits = limits or ReadingLimits()
        self._write = threading.Lock()  # one index update at a time; readers keep the old one meanwhile
        self._view: IndexView | None = None
        self._view_lock = threading.Lock()  # one page computes a new view; the others wait and share it

    @property
    def assistant(self):
        return get_assistant(self.index)

    def ensure_index(self) -> None:
        """Build the index when there is none yet (first start on a fresh machine)."""
        if not (self.index / "manifest.json").exists():
            self.update_index()

    def update_index(self) -> BuildSummary:
        """Bring the index in line with the corpus, niced, so questions asked meanwhile keep their speed."""
        with self._write:
            return build_niced(partial(build_index, self.corpus, self.index, limits=self.limits),
                               BuildSettings().nice)

    def ask(self, question: object, history: object, province: object, year: object) -> Answer:
        """Answer with every argument checked first, as the CLI checks it: the chat box, the filters
        and the API send whatever a client sent, and a bad value is an ``InputError`` (one line)."""
        return self.assistant.ask(check_question(question), history=check_history(history),
                                  province=check_province(province), year=check_year(year))

    def version(self) -> str:
        """Changes whenever the index is rebuilt (the manifest is rewritten last)."""
        manifest = self.index / "manifest.json"
        return str(manifest.stat().st_mtime_ns) if manifest.exists() else "missing"

    def view(self) -> IndexView:
        """The reports, filters and examples of the current index, computed once per index version."""
        with self._view_lock:
            version = self.version()
            if self._view is None or self._view.version != version:
                try:
                    self._view = self._read_view(version)
                except StoreError as exc:
                    self._view = IndexView(version, [], [], [], [], problem=str(exc))
            return self._view

    def _read_view(self, version: str) -> IndexView:
        """The index as a page shows it: its reports, what each filter offers, answered examples."""
        reports = self._read_reports()
        provinces = sorted({r["province"] for r in reports if r["province"]})
        years = {int(r["date"][:4]) for r in reports if r["date"][:4].isdigit()}
        facts = [s.fact for s in find_facts(self.assistant.data, FactFilters())]
        districts = sorted({f.district for f in facts if f.district})
        fact_years = years | {y for f in facts for y in (f.year_from, f.year_to) if y}
        return IndexView(version, reports, provinces, sorted(years, reverse=True), self._examples(provinces),
                         districts, sorted(fact_years, reverse=True))

    def report_text(self, doc_id: str) -> tuple[str | None, str, str]:
        """Title, file name and extracted text of an indexed report (what citations index into)."""
        report = self.assistant.data.reports[doc_id]
        return report.meta.get("title"), report.source, report.text

    def facts(self, province: object, district: object, year: object, kind: object,
              unit: object) -> list[dict]:
        """The facts matching the Figures tab's filters, as ``assistant.factlist.rows`` gives them,
        each numbered ``n`` (its table row's key, whatever the sort) with the years of its period
        (``year_from``, ``year_to``) and the ``citation`` it opens.

        ``unit`` is matched in Vietnamese, without diacritics or in English by the index's unit
        matcher; an index without quantities has no unit to match, so nothing matches then.
        """
        filters = FactFilters(province=check_province(province), district=_phrase(district),
                              year=check_year(year), kind=_phrase(kind), unit=_phrase(unit))
        assistant = self.assistant
        if filters.unit and assistant.units is None:
            return []
        found = find_facts(assistant.data, filters, assistant.units)
        return [{**row, "n": n, "year_from": stored.fact.year_from, "year_to": stored.fact.year_to,
                 "citation": self._fact_citation(stored, n)}
                for n, (stored, row) in enumerate(zip(found, fact_rows(assistant.data, found)), 1)]

    def _fact_citation(self, stored: StoredFact, n: int) -> dict:
        """A fact's sentence as a citation of the chat's shape (what the viewer and the briefing take),
        with ``figure``, the span of the figure itself inside it."""
        report, fact = self.assistant.data.reports[stored.doc_id], stored.fact
        start, end = fact.passage_start, fact.passage_end
        page = sum(1 for s in report.page_starts if s <= start) if report.page_starts else None
        return {"n": n, "doc_id": stored.doc_id, "source": report.source, "title": report.meta.get("title"),
                "date": report.meta.get("date"), "province": report.meta.get("province"), "start": start,
                "end": end, "text": report.text[start:end], "page": page, "figure": [fact.start, fact.end]}

    def _read_reports(self) -> list[dict]:
        data = self.assistant.data
        rows = [{"title": r.meta.get("title") or "", "province": r.meta.get("province") or "",
                 "date": r.meta.get("date") or "", "source": r.source, "chunks": len(data.chunks.rows_of(r.doc_id))}
                for r in data.reports.values()]
        return sorted(rows, key=lambda r: r["source"])

    def _examples(self, provinces: list[str], per_language: int = 3) -> list[str]:
        """Example questions about the indexed provinces, kept only when the reports answer them."""
        chosen: list[str] = []
        for templates in (EXAMPLES_VI, EXAMPLES_EN):
            found = 0
            for i, province in enumerate(provinces):
                for template in templates[i % len(templates):] + templates[:i % len(templates)]:
                    question = template.format(province=province)
                    if self.ask(question, [], None, None).found:
                        chosen.append(question)
                        found += 1
                        break
                if found == per_language:
                    break
        return chosen

    def upload(self, files: list[tuple[Path, str]], progress: Progress) -> UploadResult:
        """Add each readable report to the corpus, then update the index once.

        A file that cannot be read is refused with its one-line reason and leaves the corpus
        and the index as they were; the others are still added.
        """
        added, refused = [], []
        for i, (path, name) in enumerate(files):
            progress(i / (len(files) + 1), name)
            try:
                added.append(add_report(self.corpus, path, name, self.limits).relative_to(self.corpus).as_posix())
            except ReportError as exc:
                refused.append(str(exc))
        summary = None
        if added:
            progress(len(files) / (len(files) + 1), "index")
            summary = self.update_index()
        return UploadResult(added, refused, summary)

    def delete(self, source: str) -> BuildSummary:
        remove_report(self.corpus, source)
        return self.update_index()

    def evaluate(self, qa: Path | None, split: str) -> EvalRun:
        """Run an eval set: metrics per split and tag, reliability, records, a JSON file.

        The default set's splits are asked of this index; a held-out split (transfer, cross) is asked
        of the evaluation reports' own index, built as ``eval`` builds it (they are never in the corpus).
        """
        if qa is None and split in HELD_OUT_SPLITS:
            summaries, by_config = evaluate_suites(suites_for(None, self.index, self.corpus, [split]),
                                                   compare=False, loro=False)
            summary, records = summaries[OURS], by_config[OURS]
        else:
            results, records = run(load_items(qa or self.qa, split), assistant_ask(self.assistant))
            summary = {**report(results), "reliability": reliability_by_split(records)}
        out = Path(tempfile.mkdtemp(prefix="antq-eval-")) / "eval-run.json"
        out.write_text(json.dumps({**summary, "items": records}, ensure_ascii=False, indent=1), encoding="utf-8")
        return EvalRun(summary, records, out)


def _phrase(value: object) -> str | None:
    """A free-text filter (a district, a kind, a unit) as cleaned text, or None for none given."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("a filter must be text")
    return clean_question(value[:RAW_LIMIT])[:MAX_FILTER_CHARS] or None
