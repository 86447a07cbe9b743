"""What the interface asks of the library: answers, the report list, uploads, deletes, evals.

The UI never opens a model or an index file itself; it goes through ``assistant``'s public
functions here. ``get_assistant`` reloads when the index's manifest changes, so the chat uses
an index updated by an upload without a restart, and ``view`` gives every page what it shows
from the index as it is now (an upload in one browser tab appears in the others).
"""
from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import Answer, get_assistant
from assistant.evaluate import assistant_ask, load_items, report, run, table
from assistant.indexer import BuildSummary, build_index
from assistant.inputs import check_history, check_province, check_question, check_year
from assistant.readers import Limits, ReportError
from assistant.uploads import add_report, remove_report

Progress = Callable[[float, str], None]

EXAMPLES_VI = ["{province} duy trì bao nhiêu mô hình?", "{province} có bao nhiêu tập thể, cá nhân được khen thưởng?",
               "Ai phát biểu chỉ đạo tại hội nghị của {province}?"]
EXAMPLES_EN = ["How many models did {province} maintain?", "How many collectives were commended in {province}?"]


@dataclass(frozen=True)
class IndexView:
    """What a page shows from one state of the index; ``version`` tells a page whether to redraw."""

    version: str
    reports: list[dict]
    provinces: list[str]
    years: list[int]
    examples: list[str]


@dataclass
class UploadResult:
    added: list[str]
    refused: list[str]
    summary: BuildSummary | None


class Backend:
    def __init__(self, index: Path, corpus: Path, qa: Path = Path("evals/qa.jsonl"),
                 limits: Limits | None = None) -> None:
        self.index = index
        self.corpus = corpus
        self.qa = qa
        self.limits = limits or Limits()
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
        with self._write:
            return build_index(self.corpus, self.index, limits=self.limits)

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
                reports = self._read_reports()
                provinces = sorted({r["province"] for r in reports if r["province"]})
                years = sorted({int(r["date"][:4]) for r in reports if r["date"][:4].isdigit()}, reverse=True)
                self._view = IndexView(version, reports, provinces, years, self._examples(provinces))
            return self._view

    def report_text(self, doc_id: str) -> tuple[str | None, str, str]:
        """Title, file name and extracted text of an indexed report (what citations index into)."""
        report = self.assistant.data.reports[doc_id]
        return report.meta.get("title"), report.source, report.text

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

    def evaluate(self, qa: Path | None, split: str) -> tuple[str, list[dict], Path]:
        """Run an eval set; return its Markdown metrics table, per-item records and a JSON file."""
        items = load_items(qa or self.qa, split)
        results, records = run(items, assistant_ask(self.assistant))
        summary = report(results)
        markdown = "\n\n".join([table({"all": summary["metrics"], **summary["by_split"]}), table(summary["by_tag"])])
        out = Path(tempfile.mkdtemp(prefix="antq-eval-")) / "eval-run.json"
        out.write_text(json.dumps({**summary, "items": records}, ensure_ascii=False, indent=1), encoding="utf-8")
        return markdown, records, out
