"""The command line: a thin layer that turns domain errors into one-line messages.

Heavy imports (torch, FAISS, Gradio) happen inside the chosen subcommand only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from assistant import inputs, settings
from assistant.errors import UserFacingError

T = TypeVar("T")


class UsageError(UserFacingError):
    """Bad input from the user: reported in one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line and exit 2 (its own are usage text, then a line).

    Subcommand parsers are made of the same class, so theirs are one line too.
    """

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _checked(check: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from an ``inputs`` check, so the option's error is the UI's message as well."""
    def convert(text: str) -> T:
        try:
            return check(text)
        except inputs.InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return convert


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant", description="Grounded answers from Vietnamese ANTQ reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    index = sub.add_parser("index", help="build or update the index from the corpus folder")
    index.add_argument("--corpus", type=Path, default=None, help="report folder (default: corpus/)")
    index.add_argument("--index", type=Path, default=None, help="index folder (default: index/)")
    index.add_argument("--model", default=None, help="sentence-transformers model name or folder")
    index.add_argument("--rebuild", action="store_true", help="re-embed every report from scratch")
    index.add_argument("--check", action="store_true",
                       help="verify every index file against the manifest's checksums; change nothing")
    index.add_argument("--max-size-mb", type=float, default=None,
                       help="skip report files larger than this (default 50, or ASSISTANT_MAX_SIZE_MB)")
    index.add_argument("--max-pages", type=int, default=None,
                       help="skip PDFs with more pages than this (default 500, or ASSISTANT_MAX_PAGES)")
    index.add_argument("--engine", choices=["local", "ray"], default="local",
                       help="where new and changed reports are read and embedded: this process (default) or "
                            "a Ray cluster (needs the ray extra: pip install -e '.[ray]')")
    index.add_argument("--ray-address", default=None, metavar="ADDR",
                       help="with --engine ray: a running cluster (auto, HOST:6379, ray://HOST:10001); "
                            "default: start a local one for this build")
    index.add_argument("--workers", type=int, default=None, metavar="N",
                       help="with --engine ray: embedding workers (default: one per GPU, else one per CPU)")

    ask = sub.add_parser("ask", help="answer one question with cited passages")
    ask.add_argument("question")
    ask.add_argument("--index", type=Path, default=None)
    ask.add_argument("--json", action="store_true", help="print the contract's JSON object")
    ask.add_argument("--k", type=_checked(inputs.check_k), default=5, metavar="N",
                     help=f"passages to retrieve, 1 to {inputs.MAX_K} (default 5)")
    ask.add_argument("--province", default=None)
    ask.add_argument("--year", type=_checked(inputs.check_year), default=None, metavar="YYYY",
                     help="only reports of this year")
    ask.add_argument("--history", action="append", default=[], help="an earlier user turn, oldest first")

    serve = sub.add_parser("serve", help="start the Gradio chat interface")
    serve.add_argument("--index", type=Path, default=None)
    serve.add_argument("--corpus", type=Path, default=None)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--auth", type=Path, default=None, help="file of user:password lines")

    evaluate = sub.add_parser("eval", help="run a question-answer eval set and print its metrics")
    evaluate.add_argument("--qa", type=Path, default=None,
                          help="eval file (default: evals/qa.jsonl, and evals/transfer.jsonl for --split transfer)")
    evaluate.add_argument("--index", type=Path, default=None)
    evaluate.add_argument("--corpus", type=Path, default=None,
                          help="the reports of --qa, for the naive baseline (default: corpus/)")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--split", default="all",
                          help="dev, test, transfer, cross or all (all of --qa), or a list: dev,test,transfer,cross")
    evaluate.add_argument("--compare", action="store_true",
                          help="also run BM25 only, dense only and a naive baseline, side by side")
    evaluate.add_argument("--loro", action="store_true",
                          help="also score each report's items with the answer scorer refitted without them")

    facts = sub.add_parser("facts", help="list the reports' figures, people, dates and documents with citations")
    facts.add_argument("--index", type=Path, default=None)
    facts.add_argument("--province", default=None)
    facts.add_argument("--district", default=None, help="a district or commune, e.g. 'Đức Trọng'")
    facts.add_argument("--year", type=_checked(inputs.check_year), default=None, metavar="YYYY",
                       help="facts whose period covers this year")
    facts.add_argument("--kind", choices=["quantity", "person", "date", "model", "document"], default=None)
    facts.add_argument("--unit", default=None,
                       help="what is counted, in Vietnamese, without diacritics or in English ('mô hình', 'models')")
    output = facts.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")

    train = sub.add_parser("train", help="fit the answer scorer on the dev split and facts (writes its JSON)")
    train.add_argument("--index", type=Path, default=None, help="index of the corpus the dev split is about")
    train.add_argument("--qa", type=Path, default=Path("evals/qa.jsonl"), help="eval file; only its dev split is used")
    train.add_argument("--out", type=Path, default=None, help="where to write the scorer (default: the package's)")

    sub.add_parser("setup-model", help="convert the default embedding model (once) into the cache folder")
    return parser


def _cmd_index(args: argparse.Namespace) -> int:
    from assistant.indexer import build_index, lower_priority, progress_wanted
    from assistant.settings import BuildSettings, ReadingLimits, SettingError
    from assistant.store import check_index

    if args.check:
        if args.rebuild:
            raise UsageError("--check verifies the index and --rebuild replaces it; give one of them")
        print(check_index(args.index or settings.index_dir()).line())
        return 0
    try:
        limits = ReadingLimits().with_options(max_size_mb=args.max_size_mb, max_pages=args.max_pages)
    except SettingError as exc:
        raise UsageError(str(exc)) from None
    engine = None
    if args.engine == "ray":
        from assistant.ray_engine import RayEngine  # Ray is imported only when asked for

        engine = RayEngine(args.ray_address, args.workers)
    elif args.ray_address is not None or args.workers is not None:
        raise UsageError("--ray-address and --workers need --engine ray")
    lower_priority(BuildSettings().nice)  # this process only builds: every thread it starts is niced
    summary = build_index(args.corpus or settings.corpus_dir(), args.index or settings.index_dir(),
                          model=args.model, rebuild=args.rebuild, limits=limits, progress=progress_wanted(),
                          engine=engine)
    for reason in summary.skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    print(summary.line())
    return 0


def _cmd_ask(args: argparse.Namespace) -> int:
    question = inputs.check_question(args.question)
    history = inputs.check_history(args.history)
    province = inputs.check_province(args.province)
    from assistant.answer import get_assistant  # after the checks: bad input never waits for the model

    result = get_assistant(args.index or settings.index_dir()).ask(question, history=history, k=args.k,
                                                                 province=province, year=args.year)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(result.to_text())
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import serve

    serve(index=args.index or settings.index_dir(), corpus=args.corpus or settings.corpus_dir(),
          host=args.host, port=args.port, auth_file=args.auth)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evaluate import run_cli

    return run_cli(qa=args.qa, index=args.index or settings.index_dir(), as_json=args.json,
                   split=args.split, compare=args.compare, loro=args.loro,
                   corpus=args.corpus or settings.corpus_dir())


def _cmd_facts(args: argparse.Namespace) -> int:
    from assistant.factlist import FactFilters, find_facts, render, rows

    province = inputs.check_province(args.province)
    district = inputs.check_province(args.district)
    unit = inputs.clean_question(args.unit) if args.unit else None
    from assistant.answer import get_assistant  # after the checks: bad input never waits for the model

    assistant = get_assistant(args.index or settings.index_dir())
    found = find_facts(assistant.data, FactFilters(province, district, args.year, args.kind, unit),
                       assistant.units)
    print(render(rows(assistant.data, found), "json" if args.json else "csv" if args.csv else "text"))
    return 0


def _cmd_setup_model(args: argparse.Namespace) -> int:
    """Everything the default model needs, made once: the converted folder (the torch backend's)
    and its ONNX export beside it (the ONNX backends'), each written aside and renamed into place."""
    from assistant.onnx_export import ensure_onnx_model

    print(f"default embedding model ready at {ensure_onnx_model()}")
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from assistant.scorer import SCORER_FILE
    from assistant.train import run_cli

    return run_cli(args.index or settings.index_dir(), args.qa, args.out or SCORER_FILE)


COMMANDS = {"index": _cmd_index, "ask": _cmd_ask, "serve": _cmd_serve, "eval": _cmd_eval, "facts": _cmd_facts,
            "train": _cmd_train, "setup-model": _cmd_setup_model}


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        args = _parser().parse_args([inputs.decode_arg(a) for a in (sys.argv[1:] if argv is None else argv)])
        return COMMANDS[args.command](args)
    except UserFacingError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`ask … | head`): nothing left to say, to no one
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _one_line(message: str) -> str:
    """A message on one line: it may quote user input (a path, an argument) holding line breaks."""
    return inputs.decode_arg(re.sub(r"\s+", " ", message).strip())
