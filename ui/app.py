"""The Gradio chat interface: ask with cited sources, manage reports, collect a briefing, run evals.

``build_app`` lays out the page and wires events to ``ui.backend.Backend`` (the library's public
API); ``serve`` adds login and starts the server. The same ``ask`` is exposed to
``gradio_client`` as ``api_name="/ask"``.

What a page shows from the index (reports table, delete choices, filters, examples) is read again
when the page loads, when a tab is opened and after each question, upload or delete, whenever the
index has changed since the page last drew it; so every browser tab follows the others' uploads.
"""
from __future__ import annotations

import html
import ipaddress
import logging
import sys
import tempfile
from functools import partial
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant.briefing import reordered, to_markdown, write_docx
from assistant.errors import UserFacingError
from assistant.readers import supported_suffixes
from ui import render
from ui.auth import USER_LIMITS, RecordClientAddress, checker
from ui.backend import Backend, IndexView
from ui.i18n import LANGUAGES, TEXT

MAX_CARDS = 5
"""Source card slots; an answer cites at most a few passages, "not found" lists three related."""
INTERNAL_ERROR = "internal error: the question could not be answered (the server log has the details)"
"""What an API client is told about an unexpected failure; the exception itself is only logged."""

log = logging.getLogger(__name__)


def _chat_messages(turns: list[dict], lang: str) -> list[dict]:
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": render.user_turn(turn["question"], turn["resolved"], lang)})
        messages.append({"role": "assistant", "content": render.answer_turn(turn["answer"], lang)})
    return messages


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

            with gr.Tab(words["tab_eval"], id="eval") as tab_eval:
                with gr.Row():
                    qa_file = gr.File(label=words["eval_file"], file_types=[".jsonl"], elem_id="qa-file")
                    with gr.Column():
                        split = gr.Radio(["test", "dev", "all"], value="test", label=words["split"])
                        run_eval = gr.Button(words["run_eval"], variant="primary", elem_id="run-eval")
                eval_table = gr.Markdown(elem_id="eval-table")
                failures_heading = gr.Markdown(f'### {words["failures"]}')
                failures_view = gr.HTML(elem_id="eval-failures")
                eval_json = gr.File(label=words["eval_json"], interactive=False, elem_id="eval-json")

        source_outputs = [shown, sources_heading, sources_hint, *cards, *opens]
        briefing_outputs = [briefing_view, item_pick, export_md, export_docx]
        index_outputs = [seen, reports_table, delete_pick, province, year, examples.dataset]
        index_inputs = [ui_lang, seen, province, year]

        def index_updates(lang_: str, province_: str | None, year_: int | None) -> dict:
            """The parts of the page drawn from the index, from the index as it is now, in ``lang_``.

            A filter keeps its value while the index still has it; the delete choice is cleared,
            since the report it named may be gone.
            """
            w, now = TEXT[lang_], backend.view()
            return {
                seen: now.version,
                reports_table: {"data": _report_rows(now), "headers": [
                    w["col_title"], w["col_province"], w["col_date"], w["col_file"], w["col_chunks"]]},
                delete_pick: gr.update(choices=[r["source"] for r in now.reports], value=None,
                                       label=w["delete_pick"]),
                province: gr.update(choices=[(w["all"], "")] + now.provinces, label=w["province"],
                                    value=province_ if province_ in now.provinces else ""),
                year: gr.update(choices=[(w["all"], 0)] + now.years, label=w["year"],
                                value=year_ if year_ in now.years else 0),
                examples.dataset: gr.update(samples=[[q] for q in now.examples], label=w["examples"]),
            }

        def on_index_changed(lang_: str, seen_: str, province_: str | None, year_: int | None) -> dict:
            """Redraw the index's parts of the page when the index changed since this page drew them."""
            return gr.skip() if seen_ == backend.version() else index_updates(lang_, province_, year_)

        def follow_index(event: gr.events.Dependency) -> None:
            """After ``event``, even a failed one (a delete of a report another tab deleted), show what
            the index holds now; an upload or delete also redraws at once, with its status."""
            event.then(on_index_changed, index_inputs, index_outputs, api_visibility="private",
                       show_progress="hidden")

        app.load(on_index_changed, index_inputs, index_outputs, api_visibility="private", show_progress="hidden")
        for tab in (tab_chat, tab_reports):
            tab.select(on_index_changed, index_inputs, index_outputs, api_visibility="private",
                       show_progress="hidden")

        def on_ask(text: str, turns_: list[dict], province_: str, year_: int, lang_: str):
            if not text or not text.strip():
                raise gr.Error(TEXT[lang_]["placeholder"], print_exception=False)
            try:
                answer = backend.ask(text, [t["question"] for t in turns_], province_, year_)
            except UserFacingError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            turns_ = [*turns_, {"question": answer.question, "resolved": answer.resolved_question,
                                "answer": answer.to_json()}]
            return ["", turns_, len(turns_) - 1, _chat_messages(turns_, lang_),
                    *_sources(backend, turns_[-1], lang_)]

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
                raise gr.Error(f'{citation["source"]}: no longer in the index') from None
            return render.report_view(title, source, text, citation["start"], citation["end"], lang_), \
                gr.update(open=True)

        for i, button in enumerate(opens):
            button.click(partial(on_open, i), [shown, ui_lang], [viewer, viewer_box], api_visibility="private") \
                .then(None, js=render.SCROLL_TO_CITED)

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

        def on_upload(files: list[str] | None, lang_: str, province_: str | None, year_: int | None,
                      progress=gr.Progress()) -> dict:
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
            return {reports_status: "<br>".join(lines), upload: None, **index_updates(lang_, province_, year_)}

        follow_index(upload_button.click(on_upload, [upload, ui_lang, province, year],
                                         [reports_status, upload, *index_outputs], api_visibility="private"))

        def on_delete(source: str | None, lang_: str, province_: str | None, year_: int | None) -> dict:
            w = TEXT[lang_]
            if not source:
                raise gr.Error(w["delete_pick"])
            try:
                summary = backend.delete(source)
            except UserFacingError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            return {reports_status: f'🗑 {w["removed"]}: {html.escape(source)}<br>{html.escape(summary.line())}',
                    **index_updates(lang_, province_, year_)}

        follow_index(delete_button.click(on_delete, [delete_pick, ui_lang, province, year],
                                         [reports_status, *index_outputs], api_visibility="private"))

        def on_eval(qa: str | None, split_: str, lang_: str):
            try:
                table, records, path = backend.evaluate(Path(qa) if qa else None, split_)
            except UserFacingError as exc:
                raise gr.Error(str(exc)) from None
            return table, render.failures(records, lang_), str(path)

        run_eval.click(on_eval, [qa_file, split, ui_lang], [eval_table, failures_view, eval_json],
                       api_visibility="private")

        relabel = {  # the fixed texts of the page by component (the others are redrawn with their content)
            header: lambda w: f'## {w["title"]}\n{w["subtitle"]}',
            lang_pick: lambda w: gr.update(label=w["language"]),
            tab_chat: lambda w: gr.update(label=w["tab_chat"]),
            tab_reports: lambda w: gr.update(label=w["tab_reports"]),
            tab_briefing: lambda w: gr.update(label=w["tab_briefing"]),
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
        }

        def on_language(choice: str, turns_: list[dict], turn: int | None, items: list[dict],
                        province_: str | None, year_: int | None) -> dict:
            lang_ = LANGUAGES[choice]
            w = TEXT[lang_]
            return {
                ui_lang: lang_, **{component: words_of(w) for component, words_of in relabel.items()},
                chatbot: gr.update(label=w["chat"], value=_chat_messages(turns_, lang_)),
                **dict(zip(source_outputs, _sources(backend, turns_[turn] if turn is not None else None, lang_))),
                **dict(zip(briefing_outputs, _briefing_outputs(items, lang_))),
                **index_updates(lang_, province_, year_),
            }

        lang_pick.change(on_language, [lang_pick, turns, current, briefing, province, year],
                         [ui_lang, *relabel, chatbot, *source_outputs, *briefing_outputs, *index_outputs],
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
