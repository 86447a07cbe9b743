"""The Gradio chat interface: ask with cited sources, manage reports, collect a briefing, run evals.

``build_app`` lays out the page and wires events to ``ui.backend.Backend`` (the library's public
API); ``serve`` adds login and starts the server. The same ``ask`` is exposed to
``gradio_client`` as ``api_name="/ask"``.

What a page shows from the index (reports table, delete choices, filters, examples) is read again
when the page loads, when a tab is opened and after each question, upload or delete, whenever the
index has changed since the page last drew it; so every browser tab follows the others' uploads.

Handlers that update several parts of the page return a dict keyed by component, so each part is
named where it is set. An index that cannot be loaded is said in the chat, as its one line; input
errors are shown in the page's language (``ui.i18n.error_text``).
"""
from __future__ import annotations

import html
import ipaddress
import logging
import sys
import tempfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant.briefing import reordered, to_markdown, write_docx
from assistant.errors import UserFacingError
from assistant.inputs import InputError
from assistant.readers import supported_suffixes
from assistant.store import StoreError
from ui import figures, plots, render
from ui.auth import USER_LIMITS, RecordClientAddress, checker
from ui.backend import Backend, IndexView
from ui.i18n import LANGUAGES, TEXT, error_text

MAX_CARDS = 5
"""Source card slots; an answer cites at most a few passages, "not found" lists three related."""
INTERNAL_ERROR = "internal error: the question could not be answered (the server log has the details)"
"""What an API client is told about an unexpected failure; the exception itself is only logged."""

log = logging.getLogger(__name__)


def _chat_messages(turns: list[dict], lang: str, problem: str | None = None) -> list[dict]:
    """The conversation; ``problem``, why the index cannot be loaded, closes it as its one line."""
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": render.user_turn(turn["question"], turn["resolved"], lang,
                                                                      turn["answer"].get("inherited"))})
        messages.append({"role": "assistant", "content": render.answer_turn(turn["answer"], lang)})
    if problem:
        messages.append({"role": "assistant", "content": render.problem_turn(problem)})
    return messages


def _user_error(exc: UserFacingError, lang: str) -> gr.Error:
    """A one-line error for the page: an input error in the page's language, any other as it is."""
    message = error_text(str(exc), lang) if isinstance(exc, InputError) else str(exc)
    return gr.Error(message, print_exception=False)


def _sources(backend: Backend, turn: dict | None, lang: str) -> list:
    """Outputs for the sources panel (one turn's): shown citations, heading, hint, cards, open buttons."""
    words = TEXT[lang]
    answer = turn["answer"] if turn else None
    related = bool(answer) and not answer["found"]
    shown = (answer["related"] if related else answer["citations"]) if answer else []
    shown = shown[:MAX_CARDS]
    cards, buttons = [], []
    for i in range(MAX_CARDS):
        if i < len(shown):
            c = shown[i]
            try:
                _, _, text = backend.report_text(c["doc_id"])
            except KeyError:  # the report was deleted since: show the passage alone
                text, c = c["text"], {**c, "start": 0, "end": len(c["text"])}
            cards.append(gr.update(value=render.source_card(c, text, answer["answer"], related, lang), visible=True))
            buttons.append(gr.update(value=f'{words["open"]} [{c["n"]}]', visible=True))
        else:
            cards.append(gr.update(value="", visible=False))
            buttons.append(gr.update(visible=False))
    heading = f'### {words["related"] if related else words["sources"]}'
    hint = "" if shown else f'<p class="muted">{html.escape(words["no_sources"])}</p>'
    return [shown, heading, hint, *cards, *buttons]


def _briefing_outputs(items: list[dict], lang: str, selected: int | None = 0) -> list:
    """Outputs for the briefing tab: the list, the item picker and both downloads (labelled in ``lang``)."""
    words = TEXT[lang]
    choices = [(f'{i + 1}. {item["answer"].splitlines()[0][:80]}', i) for i, item in enumerate(items)]
    if not items:
        return [render.briefing_list(items, lang), gr.update(choices=[], value=None, label=words["pick_item"]),
                gr.update(value=None, interactive=False, label=words["export_md"]),
                gr.update(value=None, interactive=False, label=words["export_docx"])]
    folder = Path(tempfile.mkdtemp(prefix="antq-briefing-"))
    md = folder / "briefing.md"
    md.write_text(to_markdown(items, lang), encoding="utf-8")
    docx = write_docx(items, folder / "briefing.docx", lang)
    return [render.briefing_list(items, lang), gr.update(choices=choices, value=selected, label=words["pick_item"]),
            gr.update(value=str(md), interactive=True, label=words["export_md"]),
            gr.update(value=str(docx), interactive=True, label=words["export_docx"])]


def _report_rows(view: IndexView) -> list[list]:
    return [[r["title"], r["province"], r["date"], r["source"], r["chunks"]] for r in view.reports]


def _filter(all_label: str, empty: str | int, choices: list, label: str, value: object) -> dict:
    """A filter offering "all" and ``choices``; it keeps ``value`` while the choices still hold it."""
    return gr.update(choices=[(all_label, empty)] + choices, label=label,
                     value=value if value in choices else empty)


def _exports(rows: list[dict]) -> tuple[dict, dict]:
    """The Figures tab's CSV and XLSX downloads of ``rows`` (disabled when there is nothing to export)."""
    if not rows:
        return gr.update(value=None, interactive=False), gr.update(value=None, interactive=False)
    folder = Path(tempfile.mkdtemp(prefix="antq-figures-"))
    return (gr.update(value=str(figures.write_csv(rows, folder / "figures.csv")), interactive=True),
            gr.update(value=str(figures.write_xlsx(rows, folder / "figures.xlsx")), interactive=True))


def build_app(backend: Backend, lang: str = "vi") -> gr.Blocks:
    words = TEXT[lang]
    view = backend.view()  # the first draw; each page load reads it again
    with gr.Blocks(title=words["title"], analytics_enabled=False) as app:
        ui_lang = gr.State(lang)
        turns = gr.State([])
        current = gr.State(None)  # the turn whose sources are shown and which "add to briefing" takes
        shown = gr.State([])
        briefing = gr.State([])
        seen = gr.State(view.version)  # the index version this page shows

        with gr.Row(equal_height=True):
            with gr.Column(scale=4, min_width=300):
                header = gr.Markdown(f'## {words["title"]}\n{words["subtitle"]}')
            with gr.Column(scale=1, min_width=220):
                lang_pick = gr.Radio(list(LANGUAGES), value=next(k for k, v in LANGUAGES.items() if v == lang),
                                     label=words["language"], elem_id="language")

        with gr.Tabs():
            with gr.Tab(words["tab_chat"], id="chat") as tab_chat:
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=320):
                        chatbot = gr.Chatbot(label=words["chat"], height=440, elem_id="chat",
                                             buttons=["copy"], group_consecutive_messages=False)
                        with gr.Row(equal_height=True):
                            question = gr.Textbox(label=words["question"], placeholder=words["placeholder"],
                                                  scale=5, lines=1, max_lines=4, elem_id="question")
                            send = gr.Button(words["send"], variant="primary", scale=1, min_width=80, elem_id="send")
                        with gr.Row():
                            province = gr.Dropdown([(words["all"], "")] + view.provinces, value="",
                                                   label=words["province"], elem_id="province")
                            year = gr.Dropdown([(words["all"], 0)] + view.years, value=0,
                                               label=words["year"], elem_id="year")
                        with gr.Row():
                            add_brief = gr.Button(words["add_briefing"], elem_id="add-briefing")
                            clear = gr.Button(words["clear"], elem_id="clear")
                        examples = gr.Examples(view.examples, inputs=question, label=words["examples"])
                    with gr.Column(scale=2, min_width=300, elem_id="sources"):
                        sources_heading = gr.Markdown(f'### {words["sources"]}')
                        sources_hint = gr.HTML(f'<p class="muted">{html.escape(words["no_sources"])}</p>')
                        cards, opens = [], []
                        for i in range(MAX_CARDS):
                            cards.append(gr.HTML(visible=False, elem_id=f"card-{i}", elem_classes=["source-card"]))
                            opens.append(gr.Button(words["open"], visible=False, size="sm", elem_id=f"open-{i}"))
                        with gr.Accordion(words["report_view"], open=False) as viewer_box:
                            viewer = gr.HTML(elem_id="report-view")

            with gr.Tab(words["tab_reports"], id="reports") as tab_reports:
                reports_heading = gr.Markdown(f'### {words["reports_list"]}')
                reports_table = gr.Dataframe(_report_rows(view), headers=[
                    words["col_title"], words["col_province"], words["col_date"], words["col_file"],
                    words["col_chunks"]], interactive=False, wrap=True, elem_id="reports-table")
                with gr.Row():
                    upload = gr.File(label=words["upload"], file_count="multiple", file_types=supported_suffixes(),
                                     elem_id="upload")
                    with gr.Column():
                        upload_button = gr.Button(words["upload_button"], variant="primary", elem_id="upload-button")
                        delete_pick = gr.Dropdown([r["source"] for r in view.reports], value=None,
                                                  label=words["delete_pick"], elem_id="delete-pick")
                        delete_button = gr.Button(words["delete"], variant="stop", elem_id="delete-button")
                reports_status = gr.HTML(elem_id="reports-status")

            with gr.Tab(words["tab_briefing"], id="briefing") as tab_briefing:
                briefing_heading = gr.Markdown(f'### {words["briefing_items"]}')
                briefing_view = gr.HTML(render.briefing_list([], lang), elem_id="briefing-list")
                with gr.Row():
                    item_pick = gr.Dropdown([], label=words["pick_item"], elem_id="briefing-item")
                    up = gr.Button(words["up"], size="sm")
                    down = gr.Button(words["down"], size="sm")
                    remove = gr.Button(words["remove"], size="sm", variant="stop")
                with gr.Row():
                    export_md = gr.DownloadButton(words["export_md"], interactive=False, elem_id="export-md")
                    export_docx = gr.DownloadButton(words["export_docx"], interactive=False, elem_id="export-docx")

            with gr.Tab(words["tab_figures"], id="figures") as tab_figures:
                fig_rows = gr.State(None)  # the facts shown (Backend.facts rows); None before a search
                fig_query = gr.State({})  # the filters they were found with
                with gr.Row(equal_height=True):
                    fig_province = gr.Dropdown([(words["all"], "")] + view.provinces, value="", min_width=150,
                                               label=words["province"], elem_id="fig-province")
                    fig_district = gr.Dropdown([(words["all"], "")] + view.districts, value="", min_width=150,
                                               label=words["district"], elem_id="fig-district")
                    fig_year = gr.Dropdown([(words["all"], 0)] + view.fact_years, value=0, min_width=110,
                                           label=words["year"], elem_id="fig-year")
                    fig_kind = gr.Dropdown(figures.kind_choices(lang), value="", label=words["kind"],
                                           min_width=140, elem_id="fig-kind")
                    fig_unit = gr.Textbox(label=words["unit"], placeholder=words["unit_placeholder"], lines=1,
                                          max_lines=1, scale=2, min_width=180, elem_id="fig-unit")
                    fig_filter = gr.Button(words["filter"], variant="primary", scale=0, min_width=90,
                                           elem_id="fig-filter")
                fig_status = gr.HTML(render.facts_status(None, lang), elem_id="fig-status")
                fig_table = gr.Dataframe(headers=figures.table_headers(lang), datatype=figures.DATATYPES,
                                         column_widths=figures.COLUMN_WIDTHS,
                                         label=words["facts_table"], interactive=False, wrap=True,
                                         max_height=420, elem_id="fig-table")
                with gr.Accordion(words["passage_view"], open=False) as fig_viewer_box:
                    fig_viewer = gr.HTML(elem_id="fig-view")
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=320):
                        fig_chart = gr.Plot(label=words["chart"], show_label=False, elem_id="fig-chart")
                    with gr.Column(scale=2, min_width=260):
                        fig_compare = gr.Dropdown([], label=words["compare_unit"], elem_id="fig-compare")
                        fig_notes = gr.HTML(elem_id="fig-notes")
                        fig_add = gr.Button(words["add_comparison"], interactive=False, elem_id="fig-add")
                        with gr.Row():
                            fig_csv = gr.DownloadButton(words["export_csv"], interactive=False, size="md",
                                                        elem_id="fig-csv")
                            fig_xlsx = gr.DownloadButton(words["export_xlsx"], interactive=False, size="md",
                                                         elem_id="fig-xlsx")

            with gr.Tab(words["tab_eval"], id="eval") as tab_eval:
                with gr.Row():
                    qa_file = gr.File(label=words["eval_file"], file_types=[".jsonl"], elem_id="qa-file")
                    with gr.Column():
                        split = gr.Radio(["test", "dev", "all", "transfer", "cross"], value="test", label=words["split"])
                        run_eval = gr.Button(words["run_eval"], variant="primary", elem_id="run-eval")
                eval_result = gr.State(None)  # the last run (summary, records), redrawn in another language
                eval_table = gr.Markdown(elem_id="eval-table")
                reliability_plot = gr.Plot(label=words["reliability"], elem_id="eval-reliability")
                failures_heading = gr.Markdown(f'### {words["failures"]}')
                failures_view = gr.HTML(elem_id="eval-failures")
                eval_json = gr.File(label=words["eval_json"], interactive=False, elem_id="eval-json")

        source_outputs = [shown, sources_heading, sources_hint, *cards, *opens]
        briefing_outputs = [briefing_view, item_pick, export_md, export_docx]
        index_filters = [province, year, fig_province, fig_district, fig_year]  # choices from the index
        index_outputs = [seen, reports_table, delete_pick, *index_filters, examples.dataset]
        index_inputs = [ui_lang, seen, *index_filters]

        def index_updates(lang_: str, kept: Sequence) -> dict:
            """The parts of the page drawn from the index, from the index as it is now, in ``lang_``.

            A filter keeps its value (``kept``, in the order of ``index_filters``) while the index
            still has it; the delete choice is cleared, since the report it named may be gone.
            """
            w, now = TEXT[lang_], backend.view()
            province_, year_, fig_province_, fig_district_, fig_year_ = kept
            return {
                seen: now.version,
                reports_table: {"data": _report_rows(now), "headers": [
                    w["col_title"], w["col_province"], w["col_date"], w["col_file"], w["col_chunks"]]},
                delete_pick: gr.update(choices=[r["source"] for r in now.reports], value=None,
                                       label=w["delete_pick"]),
                province: _filter(w["all"], "", now.provinces, w["province"], province_),
                year: _filter(w["all"], 0, now.years, w["year"], year_),
                fig_province: _filter(w["all"], "", now.provinces, w["province"], fig_province_),
                fig_district: _filter(w["all"], "", now.districts, w["district"], fig_district_),
                fig_year: _filter(w["all"], 0, now.fact_years, w["year"], fig_year_),
                examples.dataset: gr.update(samples=[[q] for q in now.examples], label=w["examples"]),
            }

        def on_index_changed(lang_: str, seen_: str, *kept) -> dict:
            """Redraw the index's parts of the page when the index changed since this page drew them."""
            return gr.skip() if seen_ == backend.version() else index_updates(lang_, kept)

        def follow_index(event: gr.events.Dependency) -> None:
            """After ``event``, even a failed one (a delete of a report another tab deleted), show what
            the index holds now; an upload or delete also redraws at once, with its status."""
            event.then(on_index_changed, index_inputs, index_outputs, api_visibility="private",
                       show_progress="hidden")

        app.load(on_index_changed, index_inputs, index_outputs, api_visibility="private", show_progress="hidden")

        def on_load(lang_: str) -> dict:
            """A page opened on an index that cannot be loaded says so in the chat at once."""
            problem = backend.view().problem
            return {chatbot: _chat_messages([], lang_, problem)} if problem else gr.skip()

        app.load(on_load, [ui_lang], [chatbot], api_visibility="private", show_progress="hidden")
        for tab in (tab_chat, tab_reports, tab_figures):
            tab.select(on_index_changed, index_inputs, index_outputs, api_visibility="private",
                       show_progress="hidden")

        def on_ask(text: str, turns_: list[dict], province_: str, year_: int, lang_: str) -> dict:
            """Answer and show the sources; an index that cannot be loaded answers with its one line."""
            if not text or not text.strip():
                raise gr.Error(TEXT[lang_]["placeholder"], print_exception=False)
            try:
                answer = backend.ask(text, [t["question"] for t in turns_], province_, year_)
            except StoreError as exc:
                asked = {"role": "user", "content": render.user_turn(text, text, lang_)}
                return {chatbot: [*_chat_messages(turns_, lang_), asked,
                                  {"role": "assistant", "content": render.problem_turn(str(exc))}]}
            except UserFacingError as exc:
                raise _user_error(exc, lang_) from None
            turns_ = [*turns_, {"question": answer.question, "resolved": answer.resolved_question,
                                "answer": answer.to_json()}]
            return {question: "", turns: turns_, current: len(turns_) - 1,
                    chatbot: _chat_messages(turns_, lang_),
                    **dict(zip(source_outputs, _sources(backend, turns_[-1], lang_)))}

        ask_outputs = [question, turns, current, chatbot, *source_outputs]
        for trigger in (send.click, question.submit):
            follow_index(trigger(on_ask, [question, turns, province, year, ui_lang], ask_outputs,
                                 api_visibility="private"))

        def on_clear(lang_: str):
            return [[], None, [], *_sources(backend, None, lang_), "", gr.update(open=False)]

        clear.click(on_clear, [ui_lang], [turns, current, chatbot, *source_outputs, viewer, viewer_box],
                    api_visibility="private")

        def on_select(turns_: list[dict], lang_: str, evt: gr.SelectData):
            """Clicking an earlier turn shows its sources and makes it the one to add to the briefing."""
            index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            turn = min(int(index) // 2, len(turns_) - 1)
            return [turn, *_sources(backend, turns_[turn], lang_)]

        chatbot.select(on_select, [turns, ui_lang], [current, *source_outputs], api_visibility="private")

        def on_open(i: int, shown_: list[dict], lang_: str):
            citation = shown_[i]
            try:
                title, source, text = backend.report_text(citation["doc_id"])
            except KeyError:
                raise gr.Error(TEXT[lang_]["gone"].format(source=citation["source"])) from None
            return render.report_view(title, source, text, citation["start"], citation["end"], lang_), \
                gr.update(open=True)

        for i, button in enumerate(opens):
            button.click(partial(on_open, i), [shown, ui_lang], [viewer, viewer_box], api_visibility="private") \
                .then(None, js=render.scroll_to_cited("report-view"))

        def on_add(turns_: list[dict], turn: int | None, items: list[dict], lang_: str):
            if not turns_ or turn is None:
                raise gr.Error(TEXT[lang_]["briefing_nothing"])
            answer = turns_[turn]["answer"]
            if not answer["found"]:
                raise gr.Error(TEXT[lang_]["briefing_not_found"])
            items = [*items, answer]
            gr.Info(TEXT[lang_]["briefing_added"])
            return [items, *_briefing_outputs(items, lang_)]

        add_brief.click(on_add, [turns, current, briefing, ui_lang], [briefing, *briefing_outputs], api_visibility="private")

        def on_move(step: int | None, items: list[dict], picked: int | None, lang_: str):
            if picked is None or not items:
                return [items, *_briefing_outputs(items, lang_)]
            items, selected = reordered(items, picked, step)
            return [items, *_briefing_outputs(items, lang_, selected)]

        for button, step in ((up, -1), (down, 1), (remove, None)):
            button.click(partial(on_move, step), [briefing, item_pick, ui_lang], [briefing, *briefing_outputs],
                         api_visibility="private")

        def on_upload(files: list[str] | None, lang_: str, *kept, progress=gr.Progress()) -> dict:
            w = TEXT[lang_]
            if not files:
                raise gr.Error(w["no_file"])
            progress(0, desc=w["indexing"])
            result = backend.upload([(Path(f), Path(f).name) for f in files],
                                    lambda frac, name: progress(frac, desc=f'{w["indexing"]} {name}'))
            lines = [f'✅ {w["added"]}: {html.escape(s)}' for s in result.added]
            lines += [f'❌ {w["refused"]}: {html.escape(r)}' for r in result.refused]
            if result.summary:
                lines.append(html.escape(result.summary.line()))
            return {reports_status: "<br>".join(lines), upload: None, **index_updates(lang_, kept)}

        follow_index(upload_button.click(on_upload, [upload, ui_lang, *index_filters],
                                         [reports_status, upload, *index_outputs], api_visibility="private"))

        def on_delete(source: str | None, lang_: str, *kept) -> dict:
            w = TEXT[lang_]
            if not source:
                raise gr.Error(w["delete_pick"])
            try:
                summary = backend.delete(source)
            except UserFacingError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            return {reports_status: f'🗑 {w["removed"]}: {html.escape(source)}<br>{html.escape(summary.line())}',
                    **index_updates(lang_, kept)}

        follow_index(delete_button.click(on_delete, [delete_pick, ui_lang, *index_filters],
                                         [reports_status, *index_outputs], api_visibility="private"))

        def eval_updates(result: dict | None, lang_: str) -> dict:
            """The eval tab's metrics (per split and tag), reliability plot and failures, in ``lang_``."""
            label = TEXT[lang_]["reliability"]
            if result is None:
                return {reliability_plot: gr.update(label=label)}
            return {eval_table: render.eval_tables(result["summary"], lang_),
                    reliability_plot: gr.update(label=label, value=plots.reliability_chart(
                        result["summary"]["reliability"], lang_)),
                    failures_view: render.failures(result["records"], lang_)}

        def on_eval(qa: str | None, split_: str, lang_: str) -> dict:
            try:
                run = backend.evaluate(Path(qa) if qa else None, split_)
            except UserFacingError as exc:
                raise _user_error(exc, lang_) from None
            result = {"summary": run.summary, "records": run.records}
            return {eval_result: result, eval_json: str(run.path), **eval_updates(result, lang_)}

        run_eval.click(on_eval, [qa_file, split, ui_lang],
                       [eval_result, eval_json, eval_table, reliability_plot, failures_view],
                       api_visibility="private")

        def comparison_updates(rows: list[dict] | None, key: str | None, query: dict, lang_: str) -> dict:
            """The chart of one unit's figures, the unit picker, the notes on comparability, the briefing
            button; ``rows`` None is a tab not searched yet."""
            w, chosen = TEXT[lang_], figures.compared(rows or [], key)
            choices = figures.unit_choices(rows or [], query.get("unit"))
            return {fig_compare: gr.update(choices=choices, value=key if chosen else None,
                                           label=w["compare_unit"]),
                    fig_chart: gr.update(value=plots.comparison_chart(chosen, lang_), label=w["chart"]),
                    fig_notes: render.notes(figures.notes(chosen, lang_)),
                    fig_add: gr.update(interactive=bool(chosen), value=w["add_comparison"])}

        def table_update(rows: list[dict] | None, lang_: str) -> dict:
            """The facts table and its count in ``lang_``; ``rows`` None is a tab not searched yet."""
            return {fig_table: gr.update(label=TEXT[lang_]["facts_table"], value={
                "data": figures.table_rows(rows or [], lang_), "headers": figures.table_headers(lang_)}),
                fig_status: render.facts_status(None if rows is None else len(rows), lang_)}

        def on_filter(province_: str | None, district_: str | None, year_: int | None, kind_: str | None,
                      unit_: str | None, lang_: str) -> dict:
            """The facts the filters find: the table, both downloads, and the first unit compared."""
            try:
                rows = backend.facts(province_, district_, year_, kind_, unit_)
            except UserFacingError as exc:
                raise _user_error(exc, lang_) from None
            query = {"province": province_, "district": district_, "year": year_, "kind": kind_,
                     "unit": (unit_ or "").strip()}
            choices = figures.unit_choices(rows, query["unit"])
            csv_file, xlsx_file = _exports(rows)
            return {fig_rows: rows, fig_query: query, **table_update(rows, lang_), fig_csv: csv_file,
                    fig_xlsx: xlsx_file, fig_viewer_box: gr.update(open=False),
                    **comparison_updates(rows, choices[0][1] if choices else None, query, lang_)}

        filter_inputs = [fig_province, fig_district, fig_year, fig_kind, fig_unit, ui_lang]
        filter_outputs = [fig_rows, fig_query, fig_table, fig_status, fig_csv, fig_xlsx, fig_viewer_box,
                          fig_compare, fig_chart, fig_notes, fig_add]
        for trigger in (fig_filter.click, fig_unit.submit, fig_province.input, fig_district.input,
                        fig_year.input, fig_kind.input):
            trigger(on_filter, filter_inputs, filter_outputs, api_visibility="private")

        fig_compare.input(comparison_updates, [fig_rows, fig_compare, fig_query, ui_lang],
                          [fig_compare, fig_chart, fig_notes, fig_add], api_visibility="private")

        def on_fact(rows: list[dict], lang_: str, evt: gr.SelectData) -> dict:
            """A row clicked (in any sort order: its "#" cell names it) opens its passage in the report."""
            number = int(float(evt.row_value[0]))
            citation = next(r["citation"] for r in rows if r["n"] == number)
            try:
                title, source, text = backend.report_text(citation["doc_id"])
            except KeyError:
                raise gr.Error(TEXT[lang_]["gone"].format(source=citation["source"])) from None
            return {fig_viewer: render.report_view(title, source, text, citation["start"], citation["end"],
                                                   lang_, tuple(citation["figure"])),
                    fig_viewer_box: gr.update(open=True)}

        fig_table.select(on_fact, [fig_rows, ui_lang], [fig_viewer, fig_viewer_box],
                         api_visibility="private").then(None, js=render.scroll_to_cited("fig-view"))

        def on_add_comparison(rows: list[dict] | None, key: str | None, query: dict, items: list[dict],
                              lang_: str) -> dict:
            """The compared figures, as a table with their citations, become the briefing's next item."""
            chosen = figures.compared(rows or [], key)
            if not chosen:
                raise gr.Error(TEXT[lang_]["comparison_nothing"])
            items = [*items, figures.briefing_item(chosen, query, lang_)]
            gr.Info(TEXT[lang_]["briefing_added"])
            return {briefing: items, **dict(zip(briefing_outputs, _briefing_outputs(items, lang_)))}

        fig_add.click(on_add_comparison, [fig_rows, fig_compare, fig_query, briefing, ui_lang],
                      [briefing, *briefing_outputs], api_visibility="private")

        relabel = {  # the fixed texts of the page by component (the others are redrawn with their content)
            header: lambda w: f'## {w["title"]}\n{w["subtitle"]}',
            lang_pick: lambda w: gr.update(label=w["language"]),
            tab_chat: lambda w: gr.update(label=w["tab_chat"]),
            tab_reports: lambda w: gr.update(label=w["tab_reports"]),
            tab_briefing: lambda w: gr.update(label=w["tab_briefing"]),
            tab_figures: lambda w: gr.update(label=w["tab_figures"]),
            tab_eval: lambda w: gr.update(label=w["tab_eval"]),
            question: lambda w: gr.update(label=w["question"], placeholder=w["placeholder"]),
            send: lambda w: gr.update(value=w["send"]),
            add_brief: lambda w: gr.update(value=w["add_briefing"]),
            clear: lambda w: gr.update(value=w["clear"]),
            viewer_box: lambda w: gr.update(label=w["report_view"]),
            reports_heading: lambda w: f'### {w["reports_list"]}',
            upload: lambda w: gr.update(label=w["upload"]),
            upload_button: lambda w: gr.update(value=w["upload_button"]),
            delete_button: lambda w: gr.update(value=w["delete"]),
            briefing_heading: lambda w: f'### {w["briefing_items"]}',
            up: lambda w: gr.update(value=w["up"]),
            down: lambda w: gr.update(value=w["down"]),
            remove: lambda w: gr.update(value=w["remove"]),
            qa_file: lambda w: gr.update(label=w["eval_file"]),
            split: lambda w: gr.update(label=w["split"]),
            run_eval: lambda w: gr.update(value=w["run_eval"]),
            eval_json: lambda w: gr.update(label=w["eval_json"]),
            failures_heading: lambda w: f'### {w["failures"]}',
            fig_unit: lambda w: gr.update(label=w["unit"], placeholder=w["unit_placeholder"]),
            fig_filter: lambda w: gr.update(value=w["filter"]),
            fig_viewer_box: lambda w: gr.update(label=w["passage_view"]),
            fig_csv: lambda w: gr.update(label=w["export_csv"]),
            fig_xlsx: lambda w: gr.update(label=w["export_xlsx"]),
        }

        def on_language(choice: str, turns_: list[dict], turn: int | None, items: list[dict],
                        rows: list[dict] | None, compared_key: str | None, query: dict, result: dict | None,
                        *kept) -> dict:
            lang_ = LANGUAGES[choice]
            w = TEXT[lang_]
            return {
                ui_lang: lang_, **{component: words_of(w) for component, words_of in relabel.items()},
                chatbot: gr.update(label=w["chat"],
                                   value=_chat_messages(turns_, lang_, backend.view().problem)),
                **dict(zip(source_outputs, _sources(backend, turns_[turn] if turn is not None else None, lang_))),
                **dict(zip(briefing_outputs, _briefing_outputs(items, lang_))),
                **index_updates(lang_, kept),
                fig_kind: gr.update(choices=figures.kind_choices(lang_), label=w["kind"]),
                **table_update(rows, lang_), **comparison_updates(rows, compared_key, query, lang_),
                **eval_updates(result, lang_),
            }

        lang_pick.change(on_language, [lang_pick, turns, current, briefing, fig_rows, fig_compare, fig_query,
                                       eval_result, *index_filters],
                         [ui_lang, *relabel, chatbot, *source_outputs, *briefing_outputs, *index_outputs,
                          fig_kind, fig_table, fig_status, fig_compare, fig_chart, fig_notes, fig_add, eval_table,
                          reliability_plot, failures_view],
                         api_visibility="private")

        def ask(question: str, history: list[str] | None = None, province: str = "", year: int = 0) -> dict:
            """Answer a question from the reports, with citations (the `ask --json` shape)."""
            try:
                return backend.ask(question, history, province, year).to_json()
            except UserFacingError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            except Exception:
                log.exception("/ask failed")
                raise gr.Error(INTERNAL_ERROR, print_exception=False) from None

        gr.api(ask, api_name="ask")
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(index: Path, corpus: Path, host: str = "127.0.0.1", port: int = 7860, auth_file: Path | None = None,
          lang: str = "vi", block: bool = True) -> gr.Blocks:
    """Start the interface; without ``block`` return the running app (tests).

    A bad auth file stops it before anything starts. Errors reach a browser or a client only as the
    one-line messages of ``gr.Error``; any other exception shows as a bare "Error" (``show_error``
    off) and its traceback stays in the server's log.
    """
    backend = Backend(index, corpus)
    guard = checker(auth_file) if auth_file else None
    if guard is None and not _is_loopback(host):
        print(f"warning: serving on {host} without --auth: anyone who can reach this address can use it "
              f"and change the reports", file=sys.stderr)
    backend.ensure_index()
    app = build_app(backend, lang)
    app.queue(default_concurrency_limit=2)
    login = {"auth": guard.login, "auth_message": TEXT[lang]["login_note"].format(free=USER_LIMITS.free_failures),
             "app_kwargs": {"middleware": [Middleware(RecordClientAddress)]}} if guard else {}
    app.launch(server_name=host, server_port=port, max_file_size=backend.limits.max_bytes,
               prevent_thread_lock=not block, quiet=not block, css=render.CSS, show_error=False, **login)
    return app
