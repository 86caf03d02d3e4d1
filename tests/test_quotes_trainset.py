"""Scores on the quotes training set (840 articles of the same corpus as dev-quotes, speakers
scored where the source is a plain name; private: read at run time only, skipped when absent).

A change must hold on both sets: this test holds floors here as ``test_quotes_devset`` does on
the development set (the scores reached minus a small margin).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quotecheck import score_in_process

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "train-quotes"

pytestmark = pytest.mark.skipif(not (TRAIN / "score.py").is_file(), reason="set not available")

# Reached (GGT@0.3, in-process path) on 2026-12-05: direct F1 .949, reported F1 .699, all F1
# .826, all speaker canonical .918 / variant .934, pages macro F1 .806, 1.15 fragments;
# speaker floors raised on 2026-12-06 (through `site-gen inspect`: canonical .943, variant
# .950, pages macro F1 .809, 1.16 fragments); reported-speech floors raised later that day
# (reported F1 .727, all F1 .839, pages macro F1 .832 through `site-gen inspect`); then reported
# F1 .731, all F1 .841. Raised on 2026-12-07 (in-process: direct F1 .951, reported F1 .752,
# all F1 .852, canonical .954, variant .961, pages macro F1 .855, 1.10 fragments); again later
# that day (in-process: all canonical .962, variant .969, pages macro F1 .858, 1.10 fragments).
# Raised on 2026-12-08 (through inspect: reported F1 .761, all F1 .857, canonical .967,
# variant .973, pages macro F1 .863, 1.10 fragments).
FLOORS = {
    ("direct", "f1"): 0.946,
    ("indirect", "f1"): 0.755,
    ("all", "f1"): 0.852,
    ("all", "speaker_canonical_acc"): 0.96,
    ("all", "speaker_variant_acc"): 0.966,
}
PAGES_F1 = 0.850
FRAGMENTS = 1.12


def test_trainset_scores(tmp_path: Path) -> None:
    res = score_in_process(TRAIN, tmp_path)
    for (track, metric), floor in FLOORS.items():
        assert res[track]["ggt@0.3"][metric] >= floor, (track, metric, res[track]["ggt@0.3"])
    pages = res["speaker_pages"]["macro_ge3"]
    assert pages["f1"] >= PAGES_F1, pages
    assert pages["fragments"] <= FRAGMENTS, pages
