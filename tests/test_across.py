"""Cross-report answers from stored facts: intent, comparability, bounds, totals (no model, but in the slow
ask test over the seed index)."""
from __future__ import annotations

import sys
import zlib
from collections.abc import Iterator
from itertools import product
from pathlib import Path

import numpy as np
import pytest

from assistant.across import UnitMatcher, answer_across, asked_phrase, intent_of, render, table, winner
from assistant.facts import extract_facts
from assistant.factstore import FactQuery, FactStore
from assistant.metadata import content_spans, extract_metadata
from assistant.readers import read_report
from assistant.settings import ReadingLimits
from assistant.text import canonical, fold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from facts import WindowStore  # noqa: E402  (the comparison of facts format 2, kept by the benchmark)

REAL_REPORTS = (ROOT / "corpus", ROOT / "evals" / "reports")
"""The five seeds and the eight evaluation reports: only their facts' picks are compared, never scored."""

REPORTS = {
    "ld": ("Lâm Đồng", "2023-12-20", "Năm 2023, toàn tỉnh duy trì 1.250 mô hình tự quản về an ninh, trật tự."),
    "bt": ("Bến Tre", "2023-12-15", "Năm 2023, toàn tỉnh duy trì hơn 900 mô hình tự quản về an ninh, trật tự."),
    "yb": ("Yên Bái", "2022-11-30", "Năm 2022, toàn tỉnh duy trì 640 mô hình tự quản về an ninh, trật tự."),
}


@pytest.fixture
def store(tmp_path) -> FactStore:
    rows = [(doc, f) for doc, (province, _, text) in REPORTS.items()
            for f in extract_facts(text, [(0, len(text))], {"province": province})]
    FactStore.build(rows).save(tmp_path)
    return FactStore.open(tmp_path)


PROVINCE_OF = {doc: p for doc, (p, _, _) in REPORTS.items()}
DATES = {doc: d for doc, (_, d, _) in REPORTS.items()}
UNITS = ["mo hinh tu quan"]


@pytest.mark.parametrize("question, provinces, intent", [
    ("Tỉnh nào duy trì nhiều mô hình nhất?", [], "most"),
    ("tinh nao duy tri it mo hinh nhat", [], "least"),
    ("Giữa Lâm Đồng và Bến Tre, tỉnh nào duy trì nhiều mô hình hơn?", ["Lâm Đồng", "Bến Tre"], "compare"),
    ("Which province reported the earliest?", [], "earliest"),
    ("How many models in total did Lâm Đồng and Bến Tre maintain?", ["Lâm Đồng", "Bến Tre"], "total"),
    ("Lâm Đồng duy trì bao nhiêu mô hình?", ["Lâm Đồng"], None),
])
def test_intent(question, provinces, intent):
    assert intent_of(question, provinces) == intent


def test_two_provinces_without_a_cue_compare_only_a_figure():
    provinces = ["Thanh Hóa", "Quảng Nam"]
    assert intent_of("Thanh Hóa và Quảng Nam duy trì bao nhiêu mô hình?", provinces, asks_figure=True) == "compare"
    assert intent_of("hoi nghi o thanh hoa va quang nam cach nhau bao lau", provinces, asks_figure=False) is None
    assert intent_of("So sánh hội nghị ở Thanh Hóa và Quảng Nam", provinces, asks_figure=False) == "compare"


def test_the_phrase_loses_the_cross_report_words():
    assert asked_phrase("Giữa Lâm Đồng và Bến Tre, tỉnh nào duy trì nhiều mô hình hơn?", ["Lâm Đồng", "Bến Tre"]) \
        == "duy trì nhiều mô hình"


def test_same_period_figures_compare_and_a_bound_is_said(store):
    answer = answer_across("compare", "duy trì mô hình", ["Lâm Đồng", "Bến Tre"], UNITS, store, PROVINCE_OF, DATES)
    assert answer.comparable and winner(answer).province == "Lâm Đồng"
    text = render(answer, "vi")
    assert text.splitlines()[0].startswith("Lâm Đồng nhiều hơn: 1.250")
    assert "hơn 900" in text and "bound" in answer.notes and "[2]" in text
    assert [r["province"] for r in table(answer)] == ["Lâm Đồng", "Bến Tre"]


def test_another_year_makes_figures_not_comparable(store):
    answer = answer_across("most", "mô hình", [], UNITS, store, PROVINCE_OF, DATES)
    assert not answer.comparable and winner(answer) is None
    text = render(answer, "en")
    assert text.startswith("Not comparable:") and "different periods" in text and "640" in text


def test_a_total_of_bounds_is_a_bound(store):
    answer = answer_across("total", "mô hình", ["Lâm Đồng", "Bến Tre"], UNITS, store, PROVINCE_OF, DATES)
    assert render(answer, "vi").splitlines()[0] == "Tổng cộng: ít nhất 2.150 mô hình tự quản."


def test_a_province_without_the_unit_is_named(store):
    answer = answer_across("compare", "tin báo", ["Lâm Đồng", "Cà Mau"], UNITS, store, PROVINCE_OF, DATES)
    assert answer.missing == ["Cà Mau"] and not answer.comparable
    assert "Cà Mau: báo cáo không có số liệu này" in render(answer, "vi")


def test_earliest_report(store):
    answer = answer_across("earliest", "", [], [], store, PROVINCE_OF, DATES)
    assert winner(answer).province == "Yên Bái" and "2022-11-30" in render(answer, "vi")


class HashEmbedder:
    """Deterministic vectors: a phrase's folded words hashed into 64 dimensions (logic tests only).

    crc32, not ``hash``: Python salts ``hash`` per process, so two words could share a dimension in
    one run and not in the next."""

    dim = 64

    def embed_query(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, zlib.crc32(w.encode()) % self.dim] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_units_match_by_words_and_by_vector():
    embedder = HashEmbedder()
    keys = ["mo hinh tu quan", "tin bao", "mo hinh"]
    matcher = UnitMatcher(keys, keys, embedder.embed_query(keys), embedder)
    assert set(matcher.match("mô hình")) >= {"mo hinh tu quan", "mo hinh"}
    assert matcher.match("tin bao") == ["tin bao"]
    assert matcher.match("") == []


def test_every_province_is_compared_however_many_facts_come_before_it(tmp_path):
    """Ranking runs in SQL over every fact: no cap on the rows read can drop a province."""
    from dataclasses import replace

    text = REPORTS["ld"][2]
    (ld,) = [f for f in extract_facts(text, [(0, len(text))], {"province": "Lâm Đồng"}) if f.kind == "quantity"]
    rows = [(f"a{i:05d}", replace(ld, value=float(i), scope="breakdown" if i else "total")) for i in range(12_000)]
    rows.append(("zz", replace(ld, province="Bến Tre", value=5000.0)))
    FactStore.build(rows).save(tmp_path)
    answer = answer_across("most", "duy trì mô hình", ["Lâm Đồng", "Bến Tre"], UNITS, FactStore.open(tmp_path),
                           {"a00000": "Lâm Đồng", "zz": "Bến Tre"}, {})
    assert [(r.province, r.fact.value) for r in answer.rows] == [("Lâm Đồng", 0.0), ("Bến Tre", 5000.0)]
    assert winner(answer).province == "Bến Tre"


def test_the_total_and_the_asked_action_choose_a_provinces_figure(tmp_path):
    from dataclasses import replace

    text = REPORTS["ld"][2]
    (ld,) = [f for f in extract_facts(text, [(0, len(text))], {"province": "Lâm Đồng"}) if f.kind == "quantity"]
    rows = [("ld", replace(ld, value=1.0, action="xây dựng mới", start=0)),
            ("ld", replace(ld, value=2.0, action="duy trì", start=50)),
            ("ld", replace(ld, value=3.0, action="duy trì", start=90, scope="breakdown"))]
    FactStore.build(rows).save(tmp_path)
    store = FactStore.open(tmp_path)
    pick = lambda phrase: answer_across("list", phrase, ["Lâm Đồng"], UNITS, store, {"ld": "Lâm Đồng"}, {}).rows[0]
    assert pick("duy trì mô hình").fact.value == 2.0
    assert pick("xây dựng mới mô hình").fact.value == 1.0


def test_a_unit_starting_with_the_asked_noun_comes_before_the_action(tmp_path):
    from dataclasses import replace

    text = REPORTS["ld"][2]
    (ld,) = [f for f in extract_facts(text, [(0, len(text))], {"province": "Lâm Đồng"}) if f.kind == "quantity"]
    rows = [("ld", replace(ld, value=1589.0, unit="điểm mô hình tự quản", action="duy trì", start=0)),
            ("ld", replace(ld, value=45.0, unit="mô hình tự quản", action="xây dựng", start=60))]
    FactStore.build(rows).save(tmp_path)
    answer = answer_across("list", "duy trì mô hình", ["Lâm Đồng"], ["diem mo hinh tu quan", "mo hinh tu quan"],
                           FactStore.open(tmp_path), {"ld": "Lâm Đồng"}, {}, noun="mô hình")
    assert answer.rows[0].fact.value == 45.0


@pytest.fixture(scope="module")
def real_stores(tmp_path_factory) -> tuple[FactStore, WindowStore]:
    """The facts of the 13 real reports, as a build stores them, opened as now and as before facts format 3."""
    rows = []
    for path in sorted(p for folder in REAL_REPORTS for p in folder.iterdir() if p.is_file()):
        extracted = read_report(path, ReadingLimits())
        meta = extract_metadata(extracted.text, declared=extracted.meta).to_dict()
        rows += [(path.name, f) for f in extract_facts(extracted.text, content_spans(extracted.text), meta)]
    folder = tmp_path_factory.mktemp("real-facts")
    FactStore.build(rows).save(folder)
    return FactStore.open(folder), WindowStore.open(folder)


def comparison_queries(store: FactStore) -> Iterator[tuple[tuple[str, ...], str | None, list[str], int | None]]:
    """(units, noun, words, year) as ``answer_across`` asks them, around every stored unit.

    Each unit alone and with every unit sharing its first word (what a matched phrase gives); no
    noun, its first word or its first two; no words, or those of each action stated with it; any
    year, or each year it is stated for.
    """
    quantities = [s.fact for s in store.query(FactQuery(kind="quantity"))]
    keys = [k for k, _, _ in store.units()]
    for key in keys:
        facts = [f for f in quantities if f.unit and fold(canonical(f.unit)) == key]
        first = key.split()[0]
        groups = [(key,), tuple(k for k in keys if k.split()[0] == first)]
        nouns = [None, first, " ".join(key.split()[:2])]
        words = list({tuple(fold(canonical(f.action or "")).split()) for f in facts} | {()})
        years = [None, *sorted({f.year_from for f in facts if f.year_from})]
        for units, noun, said, year in product(groups, dict.fromkeys(nouns), words, years):
            yield units, noun, list(said), year


def test_the_candidates_pick_what_a_window_over_all_facts_picks_on_the_real_reports(real_stores):
    """Facts format 3 ranks a build's candidates instead of every fact: each pick must stay the same."""
    now, before = real_stores
    asked = picked = 0
    for units, noun, words, year in comparison_queries(now):
        got = now.best_figures(units, noun, words, year)
        assert got == before.best_figures(units, noun, words, year), (units, noun, words, year)
        asked, picked = asked + 1, picked + len(got)
    assert asked > 1_000 and picked > asked


def test_a_total_then_an_exact_value_lead_each_group_of_candidates(tmp_path):
    """The order inside one (province, unit, action, period) group, which the real reports never test:
    their unranked figures are all totals."""
    from dataclasses import replace

    text = REPORTS["ld"][2]
    (ld,) = [f for f in extract_facts(text, [(0, len(text))], {"province": "Lâm Đồng"}) if f.kind == "quantity"]
    rows = [("ld", replace(ld, value=1.0, scope="unknown", start=0)),
            ("ld", replace(ld, value=2.0, bound="lower", start=10)),
            ("ld", replace(ld, value=3.0, start=20))]
    FactStore.build(rows).save(tmp_path)
    now, before = FactStore.open(tmp_path), WindowStore.open(tmp_path)
    picks = now.best_figures(UNITS, None, ["duy", "tri"])
    assert picks["lam dong"].fact.value == 3.0 and picks == before.best_figures(UNITS, None, ["duy", "tri"])


def seed_questions(store: FactStore) -> list[str]:
    """Cross-report questions about what the seeds count: most, fewest (in a year), between two, in total."""
    provinces = sorted({s.fact.province for s in store.query(FactQuery(kind="quantity")) if s.fact.province})
    asked = {}
    for i, stored in enumerate(store.query(FactQuery(kind="quantity"))):
        f = stored.fact
        if not f.unit:
            continue
        verb = " ".join((f.action or "có").split()[-2:])
        a, b = provinces[i % len(provinces)], provinces[(i + 2) % len(provinces)]
        for question in (f"Tỉnh nào {verb} nhiều {f.unit} nhất?",
                         f"Năm {f.year_from}, tỉnh nào {verb} ít {f.unit} nhất?",
                         f"Giữa {a} và {b}, tỉnh nào {verb} nhiều {f.unit} hơn?",
                         f"Tổng cộng {a} và {b} có bao nhiêu {f.unit}?"):
            asked[question] = None
    return [*asked, "Which province maintained the most models?", "Tỉnh nào duy trì nhiều mô hình nhất?"]


@pytest.mark.slow
def test_ask_answers_as_it_did_with_the_window_over_all_facts(seed_assistant, seed_index, monkeypatch):
    """The whole answer (text, citations, table) of every cross-report question stays the same."""
    questions = seed_questions(seed_assistant.data.facts)
    now = [seed_assistant.ask(q).to_json() for q in questions]
    monkeypatch.setattr(seed_assistant.data, "facts", WindowStore.open(seed_index))
    before = [seed_assistant.ask(q).to_json() for q in questions]
    for answer in now + before:
        answer.pop("timings_ms")
    assert now == before
    assert sum(a["kind"].startswith("across_") and bool(a["table"]) for a in now) > 50
