"""Training the answer scorer (``python -m assistant train``): questions, labels, fit, threshold.

**Questions.** The ``dev`` split of ``evals/qa.jsonl`` (never ``test``, never the transfer or
cross-report sets: ``dev_questions`` refuses any other split), and questions generated from the
facts the index holds for its reports (``generated_questions``):

- for each figure whose unit the report states: template questions in Vietnamese, the same without
  diacritics and, where the glossary covers the unit, in English; its answer is that figure;
- near misses, all unanswerable: the same unit in a year the report gives no figure of it for,
  in a district of the province the report never names (from the gazetteer), in another indexed
  province whose report does not count it, units that the report does not count at all
  (``UNCOUNTED_UNITS``, and those other reports count), and money from a report that states none;
- for each named person with a title: "who is the {title}?", and offices the report names nobody for
  (the office itself when the report names only its deputy);
- the models a report names, and the district a model runs in; a model of another report is a near miss.

**Labels.** A candidate is positive when it answers: for a dev item, its sentence holds the item's
evidence and its claim, rendered, holds an expected answer (exactly what the eval checks); for a
generated question, it offers the very figure (or person) the question was made from. Every
candidate of an unanswerable question is negative.

**Fit and threshold.** A logistic regression on every candidate row (``assistant.scorer.fit``).
The threshold is chosen on the dev items, each answered by a scorer fitted without its report's
questions (out of fold, so a dev item never scores itself), by the rule of ``FitSettings.rule``
(see ``assistant.scorer``); what both rules give on dev is recorded. ``Trainer.fit(without=...)`` does the same without
some reports' questions altogether: leave-one-report-out (``assistant.loro``) refits with it.

The scorer is written to ``assistant/data/answer_scorer.json`` with the hash of its questions, the
index's reports, the model, the features and the settings.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer import Assistant, Gathered
from assistant.compose import compose_claims, render_claims
from assistant.errors import UserFacingError
from assistant.evalset import load_items
from assistant.facts import Fact
from assistant.factstore import unit_key
from assistant.features import FEATURES
from assistant.glossary import english_for, english_head, english_plural, english_verb
from assistant.loro import outcome, reports_of
from assistant.metrics import answer_matches, evidence_rank
from assistant.places import DATA as GAZETTEER
from assistant.scorer import (
    SCORER_FILE,
    FitSettings,
    LearnedScorer,
    Outcome,
    choose_threshold,
    fit,
    most_passed_threshold,
    threshold_for,
)
from assistant.sentences import Candidate
from assistant.store import IndexData, load_index
from assistant.text import canonical, fold

TRAINING_SPLIT = "dev"
"""The only split of an eval file that is ever trained on."""
GENERATOR_VERSION = 6
"""Bumped whenever the templates or near misses change: part of the training data's hash."""
YEARS_AROUND = 3
"""Near-miss years are sought this far before and after a figure's period."""
DISTRICTS_PER_REPORT = 2
"""Districts of the report's province (from the gazetteer, never named in the report) asked about."""
OTHER_UNITS_PER_REPORT = 3
"""Units of other reports that this report does not count, asked about it."""
OFFICES = (("Chủ tịch UBND tỉnh", "chairman of the provincial People's Committee"),
           ("Giám đốc Công an tỉnh", "director of the provincial police"),
           ("Phó Giám đốc Công an tỉnh", "deputy director of the provincial police"),
           ("Chủ tịch Ủy ban MTTQ tỉnh", "chairman of the provincial Fatherland Front committee"))
"""Offices a report may name nobody for: "who is the …" is then a near miss. A report that names only
the deputy ("Phó Chủ tịch UBND tỉnh") names nobody for the office itself."""
DEPUTY = "Phó "
"""The word that makes an office its deputy's: "who is the chairman" is a near miss for a report naming
only the vice chairman."""
MONEY_QUESTIONS = (("Tổng kinh phí {province} đã chi là bao nhiêu tiền?", "How much money did {province} spend?"),
                   ("{province} đã huy động được bao nhiêu tiền?", "How much funding did {province} raise?"))
"""Money asked of a report that states no amount of money: near misses, as the answer would be a count."""
UNCOUNTED_UNITS = (("đại biểu", "delegates"), ("vụ án", "criminal cases"), ("lượt người", "participants"))
"""Units a report of this genre may well not count: asked of each report whose text never writes them."""
ACTION_SYLLABLES = 5
"""Syllables of a figure's verb phrase kept in a template ("phối hợp triển khai quản lý")."""
_ACTION_STOPS = frozenset(["hiện", "nay", "toàn", "tỉnh", "và", "với", "cho", "được", "của", "có", "các", "những", "đã", "là", "thì", "tại", "ở", "trong", "trên", "hơn", "gần", "khoảng"])


@dataclass(frozen=True)
class TrainingQuestion:
    """One question to learn from, with what answers it (an eval item, or a generated question)."""

    id: str
    question: str
    groups: tuple[str, ...]
    """The reports it is about (eval report tags: ``r000``…), for leaving reports out."""
    source: str
    """``dev`` or ``generated``."""
    answerable: bool = True
    history: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    target: tuple[str, int] | None = None
    """A generated figure question: (doc_id, where the figure starts)."""
    target_value: float | None = None
    target_unit: str | None = None
    target_texts: tuple[str, ...] = ()
    """A generated name, place or date question: what the quoted answer must hold (compared without marks)."""

    def item(self) -> dict[str, Any]:
        """As an eval item, for ``score_item``."""
        return {"id": self.id, "question": self.question, "answers": list(self.answers),
                "evidence": list(self.evidence), "answerable": self.answerable, "tags": list(self.groups)}


# ---------------------------------------------------------------- the questions


def dev_questions(qa: Path) -> list[TrainingQuestion]:
    items = load_items(qa, TRAINING_SPLIT)
    out = []
    for item in items:
        if item.get("split") != TRAINING_SPLIT:
            raise UserFacingError(f"{qa}: item {item['id']} is not in the {TRAINING_SPLIT} split")
        out.append(TrainingQuestion(id=item["id"], question=item["question"], groups=tuple(reports_of(item)),
                                    source="dev", answerable=bool(item.get("answerable", True)),
                                    history=tuple(item.get("history") or []), answers=tuple(item.get("answers") or []),
                                    evidence=tuple(item.get("evidence") or [])))
    return out


def report_tag(source: str, doc_id: str) -> str:
    """The eval's tag of a report: ``r000`` for ``000_….txt`` in corpus/, else its doc_id."""
    m = re.match(r"(\d{3})_", Path(source).name)
    return f"r{m[1]}" if m else doc_id


def _action(fact: Fact) -> str:
    """The verb phrase of a figure: its words after the last function word, at most ``ACTION_SYLLABLES``.

    "Toàn tỉnh hiện có duy trì" → "duy trì"; "tặng bằng khen cho" → "tặng bằng khen".
    """
    words = [w for w in (fact.action or "").split() if w.isalpha()]
    while words and words[-1].lower() in _ACTION_STOPS:
        words.pop()
    last_stop = max((i for i, w in enumerate(words) if w.lower() in _ACTION_STOPS), default=-1)
    return " ".join(words[last_stop + 1:][-ACTION_SYLLABLES:]).lower()


def _english_place(name: str) -> str:
    """A place as an English question writes it: without marks, capitalised ("Quảng Nam" → "Quang Nam")."""
    return " ".join(w.capitalize() for w in fold(name).split())


def _districts(province: str) -> list[tuple[str, str]]:
    """(place word, name) of the province's districts in the gazetteer ("Huyện", "Đăk Hà")."""
    raw = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    return sorted((d["type"], d["name"]) for d in raw["districts"] if d["province"] == province)


class _Generator:
    """Template questions from one index's facts (deterministic: no randomness, sorted choices)."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.reports = sorted(data.reports.values(), key=lambda r: r.source)
        self.facts = data.facts.of_reports([r.doc_id for r in self.reports]) if data.facts is not None else {}
        self.out: list[TrainingQuestion] = []

    def run(self) -> list[TrainingQuestion]:
        for report in self.reports:
            province = report.meta.get("province")
            if not province:
                continue
            tag = report_tag(report.source, report.doc_id)
            quantities = [f for f in self.facts.get(report.doc_id, []) if f.kind == "quantity" and f.unit]
            for fact in quantities:
                self._figure(report, tag, province, fact, quantities)
            self._units_not_counted(report, tag, province, quantities)
            people = [f for f in self.facts.get(report.doc_id, []) if f.kind == "person" and f.title and f.name]
            self._people(report, tag, province, people)
            self._money(tag, province, quantities)
            self._uncounted(report, tag, province)
            self._models(report, tag, province)
        return self.out

    def _add(self, id_: str, question: str, tag: str, **kwargs: Any) -> None:
        self.out.append(TrainingQuestion(id=id_, question=question, groups=(tag,), source="generated", **kwargs))

    def _ask(self, id_: str, vi: str, en: str | None, tag: str, **kwargs: Any) -> None:
        """One template in the three ways users type: Vietnamese, without diacritics, English (when known)."""
        vi = " ".join(vi.split())
        self._add(f"{id_}-vi", vi, tag, **kwargs)
        self._add(f"{id_}-nd", fold(vi).lower(), tag, **kwargs)
        if en:
            self._add(f"{id_}-en", " ".join(en.split()), tag, **kwargs)

    def _ambiguous(self, fact: Fact, quantities: list[Fact], by_action: bool = True) -> bool:
        """Another figure of the same unit (and verb), place and period: no question tells them apart."""
        return any(o is not fact and unit_key(o.unit) == unit_key(fact.unit)
                   and (not by_action or _action(o) == _action(fact))
                   and o.district == fact.district and o.period == fact.period and o.value != fact.value
                   for o in quantities)

    def _figure(self, report, tag: str, province: str, fact: Fact, quantities: list[Fact]) -> None:
        unit, action = fact.unit or "", _action(fact)
        where = f"{fact.district} ({province})" if fact.scope == "breakdown" and fact.district else province
        year = fact.year_from if fact.year_from is not None and fact.year_from == fact.year_to else None
        when = f" năm {year}" if year and str(year) in (fact.period or "") else ""
        base = f"g-{tag}-{fact.start}"
        rate = fact.subkind in ("percent", "ratio")
        english = english_for(unit) or english_head(unit)
        verb = (english_verb(action) if action else None) or "report"

        def en_count(place: str, period: str = "") -> str | None:
            return f"How many {english_plural(english)} did {_english_place(place)} {verb}{period}?" if english else None

        if not self._ambiguous(fact, quantities):
            target = {"target": (report.doc_id, fact.start), "target_value": fact.value, "target_unit": unit_key(unit)}
            if rate:
                self._ask(base, f"Tỷ lệ {unit} của {where}{when} là bao nhiêu?",
                          f"What is the rate of {english} in {_english_place(where)}?" if english else None, tag,
                          **target)
                return
            self._ask(base, f"{where} {action} bao nhiêu {unit}{when}?", en_count(where, f" in {year}" if when else ""),
                      tag, **target)
            self._ask(f"{base}-2", f"Có bao nhiêu {unit} {action} ở {where}{when}?",
                      f"How many {english_plural(english)} are there in {_english_place(where)}?" if english else None,
                      tag, **target)
            if not self._ambiguous(fact, quantities, by_action=False):
                self._ask(f"{base}-3", f"Số {unit} của {where}{when} là bao nhiêu?", None, tag, **target)
        if rate:
            return
        head = fold(unit).lower().split()[0]
        same_head = [o for o in quantities if head in fold(o.unit or "").lower().split()]
        if fact.year_from is not None and fact.year_to is not None:
            for other in (fact.year_to + YEARS_AROUND, fact.year_from - YEARS_AROUND):
                if not any(o.year_from is not None and o.year_to is not None and o.year_from <= other <= o.year_to
                           for o in same_head):
                    self._ask(f"{base}-y{other}", f"{province} {action} bao nhiêu {unit} năm {other}?",
                              en_count(province, f" in {other}"), tag, answerable=False)
                    break
        folded_text = fold(report.text).lower()
        named = [d for d in _districts(province) if fold(d[1]).lower() not in folded_text]
        if named:
            place_word, name = named[fact.start % len(named)]
            self._ask(f"{base}-d", f"{place_word} {name} ({province}) {action} bao nhiêu {unit}?",
                      f"How many {english_plural(english)} did {_english_place(name)} district of {_english_place(province)} "
                      f"{verb}?" if english else None, tag, answerable=False)
        for other in self.reports:
            if other.doc_id == report.doc_id or not other.meta.get("province"):
                continue
            counted = [o for o in self.facts.get(other.doc_id, []) if o.kind == "quantity"
                       and head in fold(o.unit or "").lower().split()]
            if not counted and fold(unit).lower() not in fold(other.text).lower():
                self._ask(f"{base}-p-{report_tag(other.source, other.doc_id)}",
                          f"{other.meta['province']} {action} bao nhiêu {unit}?", en_count(other.meta["province"]),
                          report_tag(other.source, other.doc_id), answerable=False)
                break

    def _units_not_counted(self, report, tag: str, province: str, quantities: list[Fact]) -> None:
        heads = {w for f in quantities for w in fold(f.unit or "").lower().split()[:1]}
        folded_text = fold(report.text).lower()
        others = sorted({f.unit for r in self.reports if r.doc_id != report.doc_id
                         for f in self.facts.get(r.doc_id, []) if f.kind == "quantity" and f.unit})
        asked = 0
        for unit in others:
            words = fold(unit).lower().split()
            if words[0] in heads or fold(unit).lower() in folded_text or asked >= OTHER_UNITS_PER_REPORT:
                continue
            english = english_for(unit) or english_head(unit)
            self._ask(f"g-{tag}-u{asked}", f"{province} có bao nhiêu {unit}?",
                      f"How many {english_plural(english)} does {_english_place(province)} have?" if english else None,
                      tag, answerable=False)
            asked += 1

    def _money(self, tag: str, province: str, quantities: list[Fact]) -> None:
        if any(f.subkind == "money" for f in quantities):
            return
        for i, (vi, en) in enumerate(MONEY_QUESTIONS):
            self._ask(f"g-{tag}-money{i}", vi.format(province=province), en.format(province=_english_place(province)),
                      tag, answerable=False)

    def _uncounted(self, report, tag: str, province: str) -> None:
        folded_text = fold(report.text).lower()
        for i, (unit, english) in enumerate(UNCOUNTED_UNITS):
            if fold(unit).lower() not in folded_text:
                self._ask(f"g-{tag}-uncounted{i}", f"Có bao nhiêu {unit} ở {province}?",
                          f"How many {english} were there in {_english_place(province)}?", tag, answerable=False)

    def _people(self, report, tag: str, province: str, people: list[Fact]) -> None:
        titles = {canonical(p.title or "") for p in people}
        for i, person in enumerate({(p.title, p.name): p for p in people}.values()):
            english = english_for(person.title or "")
            self._ask(f"g-{tag}-who{i}", f"Ai là {person.title} {province}?",
                      f"Who is the {english} of {_english_place(province)}?" if english else None, tag,
                      target_texts=(person.name or "",))
        for i, (office, english) in enumerate(OFFICES):
            if canonical(office) not in titles:
                self._ask(f"g-{tag}-nobody{i}", f"{office} {province} là ai?",
                          f"Who is the {english} of {_english_place(province)}?", tag, answerable=False)
        deputies = sorted({p.title for p in people if p.title and p.title.startswith(DEPUTY)})
        for i, office in enumerate(d[len(DEPUTY):] for d in deputies):
            if canonical(office) not in titles and all(canonical(office) != canonical(o) for o, _ in OFFICES):
                self._ask(f"g-{tag}-deputy{i}", f"Ai là {office} {province}?", None, tag, answerable=False)


    def _models(self, report, tag: str, province: str) -> None:
        """Which models a report names, and where a model runs; a model of another report is a near miss."""
        models = [f for f in self.facts.get(report.doc_id, []) if f.kind == "model" and f.name]
        if models:
            self._ask(f"g-{tag}-models", f"{province} có những mô hình tiêu biểu nào?",
                      f"Which typical models does {_english_place(province)} have?", tag,
                      target_texts=tuple(m.name or "" for m in models))
        for i, model in enumerate(m for m in models if m.district):
            self._ask(f"g-{tag}-where{i}", f"Mô hình “{model.name}” ở {province} được triển khai ở huyện nào?",
                      f"In which district of {_english_place(province)} does the “{model.name}” model run?", tag,
                      target_texts=(model.district.split(" ", 1)[-1],))  # type: ignore[union-attr]
        named = {fold(m.name or "").lower() for m in models}
        folded_text = fold(report.text).lower()
        others = sorted({m.name for r in self.reports if r.doc_id != report.doc_id
                         for m in self.facts.get(r.doc_id, []) if m.kind == "model" and m.name and m.district})
        for i, name in enumerate(n for n in others if fold(n).lower() not in named | {folded_text}
                                 and fold(n).lower() not in folded_text):
            if i >= OTHER_UNITS_PER_REPORT:
                break
            self._ask(f"g-{tag}-nowhere{i}", f"Mô hình “{name}” ở {province} được triển khai ở huyện nào?",
                      f"In which district of {_english_place(province)} does the “{name}” model run?", tag,
                      answerable=False)


def generated_questions(data: IndexData) -> list[TrainingQuestion]:
    return _Generator(data).run()


# ---------------------------------------------------------------- labels and examples


@dataclass
class Example:
    question: TrainingQuestion
    gathered: Gathered
    labels: list[np.ndarray] = field(default_factory=list)
    """Per scope, 1 for each candidate that answers."""


def _answers(assistant: Assistant, tq: TrainingQuestion, g: Gathered, c: Candidate) -> bool:
    if not tq.answerable:
        return False
    if tq.source == "dev":
        if evidence_rank([assistant.data.reports[c.doc_id].text[c.start:c.end]], list(tq.evidence)) is None:
            return False
        return answer_matches(render_claims(_main_claim(g, c, assistant), g.lang, assistant.data), list(tq.answers))
    if tq.target is not None:
        x = c.answer.quantity
        if x is None or c.doc_id != tq.target[0]:
            return False
        same_unit = c.fact is not None and unit_key(c.fact.unit) == tq.target_unit
        return x.start == tq.target[1] or (x.value == tq.target_value and same_unit)
    if tq.target_texts and c.typed:
        quote = " ".join(assistant.data.reports[c.doc_id].text[claim.start:claim.end]
                         for claim in _main_claim(g, c, assistant))
        return any(fold(t).lower() in fold(quote).lower() for t in tq.target_texts)
    return False


def _main_claim(g: Gathered, c: Candidate, assistant: Assistant):
    """The claim ``c`` would be quoted as if it were the best candidate (cut among its sentence's figures)."""
    scope = next(s for s in g.scopes if any(o is c for o in s))
    same = [o for o in scope if o is not c and (o.doc_id, o.start) == (c.doc_id, c.start)]
    return compose_claims(g.asked, [c, *same], assistant.data, math.inf)[:1]


def gather(assistant: Assistant, questions: Iterable[TrainingQuestion], progress: bool = False) -> list[Example]:
    out = []
    for i, tq in enumerate(questions):
        g = assistant.gather(tq.question, history=list(tq.history))
        example = Example(tq, g)
        example.labels = [np.array([_answers(assistant, tq, g, c) for c in scope], dtype=np.int8)
                          for scope in g.scopes]
        out.append(example)
        if progress and (i + 1) % 100 == 0:
            print(f"  {i + 1} questions gathered", file=sys.stderr)
    return out


def _rows(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every candidate's features and label, and its weight: one over its question's candidates, so each
    question weighs the same whether it has eight candidates or forty."""
    X = [np.stack([c.features for c in scope]) for e in examples for scope in e.gathered.scopes if scope]
    y = [labels for e in examples for scope, labels in zip(e.gathered.scopes, e.labels) if scope]
    w = [np.full(len(scope), 1.0 / sum(len(s) for s in e.gathered.scopes))
         for e in examples for scope in e.gathered.scopes if scope]
    if not X:
        return np.zeros((0, len(FEATURES))), np.zeros(0), np.zeros(0)
    return np.concatenate(X), np.concatenate(y), np.concatenate(w)


class Trainer:
    """The training questions of one index, gathered once, and scorers fitted on subsets of them."""

    def __init__(self, assistant: Assistant, questions: Sequence[TrainingQuestion],
                 settings: FitSettings | None = None, progress: bool = False) -> None:
        self.assistant = assistant
        self.questions = list(questions)
        self.settings = settings or FitSettings()
        self.examples = gather(assistant, self.questions, progress)

    def groups(self) -> list[str]:
        return sorted({g for q in self.questions for g in q.groups})

    def _subset(self, without: frozenset[str]) -> list[Example]:
        return [e for e in self.examples if not set(e.question.groups) & without]

    def outcomes(self, scorer: LearnedScorer, examples: Sequence[Example]) -> list[Outcome]:
        """(confidence, right if answered, right if withheld) of each dev example, its confidence None
        when even an ungated scorer gives no answer (then only withholding counts)."""
        ungated = scorer.with_threshold(-math.inf)
        out = []
        for e in examples:
            if e.question.source != "dev" or e.gathered.early is not None:
                continue
            o = outcome(e.question.item(), self.assistant.decide(e.gathered, ungated).to_json())
            answered = o.if_answered.found and o.confidence is not None
            out.append((o.confidence if answered else None, o.if_answered.passed, o.if_withheld.passed))
        return out

    def fit(self, without: Iterable[str] = ()) -> LearnedScorer:
        """A scorer fitted without the questions about the reports ``without``, its threshold chosen out of fold."""
        left_out = frozenset(without)
        kept = self._subset(left_out)
        X, y, w = _rows(kept)
        scorer = fit(X, y, self.settings, weights=w)
        folds = sorted({e.question.groups[0] for e in kept if e.question.source == "dev"})
        oof: list[Outcome] = []
        for group in folds:
            held = [e for e in kept if e.question.source == "dev" and e.question.groups[0] == group]
            Xg, yg, wg = _rows(self._subset(left_out | {group}))
            oof += self.outcomes(fit(Xg, yg, self.settings, weights=wg), held)
        dev = [e for e in kept if e.question.source == "dev"]
        rules = {"most_passed": most_passed_threshold(oof),
                 "precision": choose_threshold([(c, ok) for c, ok, _ in oof], self.settings.precision)}
        provenance = {
            "left_out": sorted(left_out), "groups": sorted({g for e in kept for g in e.question.groups}),
            "questions": len(kept), "dev_questions": len(dev), "generated_questions": len(kept) - len(dev),
            "candidates": len(y), "positives": int(y.sum()) if len(y) else 0,
            "dev_out_of_fold": {rule: _at(oof, t) for rule, t in rules.items()},
        }
        return LearnedScorer(scorer.features, scorer.mean, scorer.scale, scorer.coef, scorer.intercept,
                             threshold_for(oof, self.settings), provenance)


def _at(outcomes: Sequence[Outcome], threshold: float) -> dict[str, Any]:
    """What a threshold gives on the out-of-fold dev items: answers, right ones, items passed."""
    given = [(ok, withheld) for c, ok, withheld in outcomes if c is not None and c >= threshold]
    right = sum(ok for ok, _ in given)
    false = sum(1 for ok, withheld in given if withheld)  # right to withhold: an unanswerable item
    passed = right + sum(withheld for c, _, withheld in outcomes if c is None or c < threshold)
    return {"threshold": None if math.isinf(threshold) else round(threshold, 6), "answered": len(given),
            "right": right, "false_answers": false, "precision": round(right / len(given), 4) if given else None,
            "passed": passed, "items": len(outcomes)}


def training_hash(data: IndexData, questions: Sequence[TrainingQuestion], settings: FitSettings) -> str:
    """What a scorer was learned from: its questions, the index they were asked of (its reports, and the
    sha256 of its texts, chunks, vectors, facts and sentence vectors), model, features and settings."""
    from assistant.store import FORMAT_VERSION, PRIMARY

    payload = {"questions": [asdict(q) for q in questions],
               "reports": sorted(r.sha256 for r in data.reports.values()),
               "index": {"format": FORMAT_VERSION, **{name: data.manifest.files[name].sha256 for name in PRIMARY
                                                      if name in data.manifest.files}},
               "model": data.manifest.model_id, "features": list(FEATURES), "settings": settings.to_dict(),
               "generator": GENERATOR_VERSION}
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def untrained() -> LearnedScorer:
    """A scorer that answers nothing: what gathering runs with before any scorer exists."""
    n = len(FEATURES)
    return LearnedScorer(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, math.inf)


def training_questions(data: IndexData, qa: Path) -> list[TrainingQuestion]:
    return dev_questions(qa) + generated_questions(data)


def train(index: Path, qa: Path, out: Path = SCORER_FILE, settings: FitSettings | None = None) -> LearnedScorer:
    started = time.perf_counter()
    settings = settings or FitSettings()
    data = load_index(index)
    assistant = Assistant(data, scorer=untrained())
    questions = training_questions(data, qa)
    print(f"train: {sum(q.source == 'dev' for q in questions)} dev and "
          f"{sum(q.source == 'generated' for q in questions)} generated questions", file=sys.stderr)
    trainer = Trainer(assistant, questions, settings, progress=True)
    scorer = trainer.fit()
    provenance = {"training_hash": training_hash(data, questions, settings), "qa": str(qa),
                  "split": TRAINING_SPLIT, "generator": GENERATOR_VERSION, "settings": settings.to_dict(),
                  "model_id": data.manifest.model_id, **scorer.provenance,
                  "seconds": round(time.perf_counter() - started, 1)}
    scorer = LearnedScorer(scorer.features, scorer.mean, scorer.scale, scorer.coef, scorer.intercept,
                           scorer.threshold, provenance)
    scorer.save(out)
    return scorer


def run_cli(index: Path, qa: Path, out: Path) -> int:
    scorer = train(index, qa, out)
    p = scorer.provenance
    print(f"answer scorer written to {out}: {p['questions']} questions ({p['dev_questions']} dev, "
          f"{p['generated_questions']} generated), {p['candidates']} candidates ({p['positives']} answering); "
          f"threshold {scorer.threshold:.3f} ({p['settings']['rule']}); hash {p['training_hash'][:12]}")
    for rule, at in p["dev_out_of_fold"].items():
        print(f"  dev out of fold, {rule}: threshold {at['threshold']}, {at['right']} right of {at['answered']} "
              f"answers (precision {at['precision']}, {at['false_answers']} false), {at['passed']}/{at['items']} "
              f"items passed")
    return 0
