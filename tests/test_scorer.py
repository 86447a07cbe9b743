"""The learned scorer: its JSON, its fit on toy data, the threshold for a precision, the shipped file (no model)."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest

from assistant.errors import UserFacingError
from assistant.features import FEATURES, INDEX
from assistant.scorer import (SCORER_FILE, FitSettings, LearnedScorer, choose_threshold, fit, load_scorer,
                              most_passed_threshold, threshold_for)


def test_the_threshold_keeps_the_precision_and_answers_the_most():
    outcomes = [(0.9, True), (0.8, True), (0.7, False), (0.6, True), (0.5, True), (0.4, False), (0.3, False)]
    assert choose_threshold(outcomes, precision=0.95) == 0.8  # 2 right, 0 wrong
    assert choose_threshold(outcomes, precision=0.75) == 0.5  # 4 right of 5
    assert choose_threshold(outcomes, precision=0.5) == 0.5  # as many right at 0.3, more wrong: the higher one
    assert choose_threshold([(0.9, False), (0.2, True)], precision=0.95) == math.inf
    assert choose_threshold([(None, True)], precision=0.95) == math.inf


def test_the_most_passed_threshold_weighs_answers_against_withholding():
    # (confidence, right if answered, right if withheld): two right answers, one false answer, one
    # unanswerable item the scorer would not answer anyway
    outcomes = [(0.9, True, False), (0.7, False, True), (0.6, True, False), (0.5, True, False), (None, False, True)]
    assert most_passed_threshold(outcomes) == 0.5  # 4 passed: three right answers, one item withheld
    assert most_passed_threshold(outcomes[:3] + outcomes[4:]) == 0.9  # 0.6 and 0.9 pass 3 each: the highest
    assert most_passed_threshold([(0.9, False, True)]) == math.inf
    assert threshold_for(outcomes, FitSettings(rule="precision", precision=0.95)) == 0.9
    assert threshold_for(outcomes, FitSettings(rule="most_passed")) == most_passed_threshold(outcomes)
    assert FitSettings().rule == "precision"  # issue 14's rule is the default


def test_ties_enter_together():
    # at 0.8 both the right and the wrong answer are given: precision 0.5, so only 0.9 qualifies
    assert choose_threshold([(0.9, True), (0.8, True), (0.8, False)], precision=0.9) == 0.9


def test_fit_learns_a_separable_toy_problem_and_round_trips_through_json():
    rng = np.random.default_rng(0)
    X = np.zeros((200, len(FEATURES)))
    y = np.arange(200) % 2
    X[:, INDEX["fit_figure"]] = y
    X[:, INDEX["fit_figure"]][:10] = 1 - y[:10]  # a little noise: not separable, so the fit converges at once
    X[:, INDEX["lex"]] = rng.random(200)
    scorer = fit(X, y, FitSettings(), threshold=0.5, provenance={"training_hash": "abc"})
    p = scorer.probabilities(X)
    assert (p[10:][y[10:] == 1] > 0.5).all() and (p[10:][y[10:] == 0] < 0.5).all()
    again = LearnedScorer.from_json(json.loads(json.dumps(scorer.to_json())))
    assert np.allclose(again.probabilities(X), p, atol=1e-6)
    assert again.threshold == 0.5 and again.provenance == {"training_hash": "abc"}
    never = LearnedScorer.from_json(json.loads(json.dumps(scorer.with_threshold(math.inf).to_json())))
    assert math.isinf(never.threshold)


def test_constant_labels_give_a_scorer_that_never_is_sure():
    X = np.ones((5, len(FEATURES)))
    scorer = fit(X, np.zeros(5))
    assert (scorer.probabilities(X) < 0.01).all()


def test_a_file_for_other_features_is_refused():
    scorer = fit(np.eye(len(FEATURES)), np.arange(len(FEATURES)) % 2)
    data = scorer.to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(UserFacingError, match="train"):
        LearnedScorer.from_json(data)
    with pytest.raises(UserFacingError, match="format"):
        LearnedScorer.from_json({**scorer.to_json(), "format": 99})


def test_the_shipped_scorer_is_plain_json_with_its_provenance():
    raw = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    assert raw["features"] == list(FEATURES) and len(raw["coef"]) == len(FEATURES)
    provenance = raw["provenance"]
    assert len(provenance["training_hash"]) == 64 and provenance["split"] == "dev"
    assert provenance["settings"] == FitSettings().to_dict()
    assert set(provenance["dev_out_of_fold"]) == {"most_passed", "precision"}
    assert provenance["dev_out_of_fold"]["precision"]["precision"] >= FitSettings().precision
    assert provenance["dev_questions"] > 0 and provenance["generated_questions"] > 0
    scorer = load_scorer()
    assert 0.0 < scorer.threshold < 1.0
    assert not SCORER_FILE.read_bytes().startswith(b"\x80")  # not a pickle
