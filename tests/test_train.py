"""Training questions, labels and fitting on two hand-made reports, with a deterministic fake embedder."""
from __future__ import annotations

import json
import math

import pytest

from assistant.answer import Assistant
from assistant.indexer import build_index
from assistant.store import load_index
from assistant.train import (Trainer, _action, dev_questions, generated_questions, report_tag, training_hash,
                             untrained)
from assistant.facts import Fact
from fakes import WordEmbedder
from test_features import REPORT

KON_TUM = """Kon Tum tổng kết 10 năm phong trào toàn dân bảo vệ an ninh Tổ quốc

Đến nay, toàn tỉnh duy trì hoạt động gần 2.250 mô hình quần chúng về bảo vệ an ninh Tổ quốc.
Dự hội nghị có Phó Chủ tịch UBND tỉnh Y Ngọc.
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("two")
    (root / "corpus").mkdir()
    (root / "corpus" / "000_kon-tum.txt").write_text(KON_TUM, encoding="utf-8")
    (root / "corpus" / "001_lam-dong.txt").write_text(REPORT, encoding="utf-8")
    build_index(root / "corpus", root / "index", embedder=WordEmbedder())
    return load_index(root / "index")


def test_only_the_dev_split_is_read(tmp_path):
    qa = tmp_path / "qa.jsonl"
    rows = [{"id": f"x-{split}", "question": "Bao nhiêu mô hình?", "lang": "vi", "history": [], "answers": ["1"],
             "evidence": ["a b c d e"], "answerable": True, "tags": ["vi", "number", "r000", "easy"], "split": split}
            for split in ("dev", "test")]
    qa.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    questions = dev_questions(qa)
    assert [q.id for q in questions] == ["x-dev"] and questions[0].groups == ("r000",)


def test_generated_questions_cover_three_languages_and_near_misses(data):
    questions = generated_questions(data)
    ids = {q.id for q in questions}
    assert any(i.endswith("-vi") for i in ids) and any(i.endswith("-nd") for i in ids)
    assert any(i.endswith("-en") for i in ids)
    answerable = [q for q in questions if q.answerable]
    assert answerable and all(q.target is not None or q.target_texts for q in answerable)
    near = {q.id.split("-")[-2] for q in questions if not q.answerable}
    assert any(n.startswith("y") for n in near)  # another year
    assert "d" in near  # a district the report never names
    assert any(q.id.split("-")[-2].startswith("u") for q in questions if not q.answerable)  # units not counted
    assert any("-p-" in q.id for q in questions)  # another province whose report does not count it
    by_id = {q.id: q for q in questions}
    chair = by_id["g-r000-nobody0-vi"]  # the report names only the vice chairman
    assert chair.question.startswith("Chủ tịch UBND tỉnh") and not chair.answerable
    assert not by_id["g-r000-money0-vi"].answerable  # the report states no amount of money
    assert {q.groups[0] for q in questions} == {"r000", "r001"}
    assert generated_questions(data) == questions  # deterministic


def test_labels_mark_the_figure_a_question_was_made_from(data):
    assistant = Assistant(data, scorer=untrained(), embedder=WordEmbedder())
    questions = [q for q in generated_questions(data) if q.id.endswith("-vi")][:6]
    trainer = Trainer(assistant, questions)
    for example in trainer.examples:
        labels = [int(x) for scope in example.labels for x in scope]
        if example.question.answerable:
            assert sum(labels) >= 1, example.question.question
        else:
            assert sum(labels) == 0
    scorer = trainer.fit()
    assert math.isinf(scorer.threshold)  # no dev item to choose a threshold on: never answer
    assert scorer.provenance["generated_questions"] == len(questions)


def test_the_training_hash_names_questions_reports_and_settings(data):
    questions = generated_questions(data)
    from assistant.scorer import FitSettings
    assert training_hash(data, questions, FitSettings()) == training_hash(data, questions, FitSettings())
    assert training_hash(data, questions[1:], FitSettings()) != training_hash(data, questions, FitSettings())
    assert training_hash(data, questions, FitSettings(C=2.0)) != training_hash(data, questions, FitSettings())


def test_action_phrases_and_report_tags():
    def fact(action: str) -> Fact:
        return Fact("quantity", "count", "1", 0, 1, 0, 1, action=action)
    assert _action(fact("Toàn tỉnh hiện có duy trì")) == "duy trì"
    assert _action(fact("tặng bằng khen cho")) == "tặng bằng khen"
    assert report_tag("000_d0f3.txt", "abc") == "r000" and report_tag("t01_x.docx", "abc") == "abc"
