"""The reader over the private development set (../shared/dev-reader), scored by its own scorer.

The set is private evaluation data: it is read at run time and never copied here; the test is
skipped when the folder is absent. It grew in two batches (68 cases, then 201 more, relabelled
under one labelling policy); each field has a floor per batch, at what the reader reaches minus
a small margin, so a regression on either batch fails loudly and a gain on one batch alone
cannot hide a loss on the other. ``python benchmarks/reader_devset.py`` prints the table.
"""

from __future__ import annotations

import pytest

from benchmarks.reader_devset import DEFAULT_DEV, score

pytestmark = pytest.mark.skipif(
    not (DEFAULT_DEV / "cases").is_dir(), reason="private dev set not present"
)

# Minimum normalized accuracy per field (fraction of the batch's cases that have the field),
# set a case or so below the figures of 2026-12-07; raise them as the reader improves.
FLOORS = {
    "first": {
        "title": 0.98,
        "title_slug": 0.95,
        "source": 0.96,
        "author": 0.94,
        "date": 0.95,
        "lang": 0.97,
        "dir": 0.98,
        "dateline": 0.95,
        "license": 0.95,
        "first_paragraph": 0.98,
        "last_paragraph": 0.95,
        # The policy keeps the standfirst out of the body; two labels count it as body text.
        "body_contains": 0.84,
        "body_excludes": 0.95,
    },
    "second": {
        "title": 0.98,
        "source": 0.98,
        "author": 0.93,
        "date": 0.97,
        "lang": 0.97,
        "dir": 0.98,
        "dateline": 0.92,
        "license": 0.95,
        "first_paragraph": 0.89,
        "last_paragraph": 0.91,
        # As above: a subtitle or an excerpt under the headline is the standfirst by the
        # policy; a few labels expect its words in the body (one more since a lead box marked
        # by its class is the standfirst wherever the page puts it).
        "body_contains": 0.75,
        "body_excludes": 0.88,
    },
}


@pytest.fixture(scope="module")
def result() -> dict:
    return score(DEFAULT_DEV, jobs=2)


def test_no_case_crashes(result):
    assert result["crashes"] == []
    assert len(result["cases"]) >= 269


@pytest.mark.parametrize("batch", ["first", "second"])
def test_field_accuracy_per_batch(result, batch):
    failures = {
        name: f"{ok}/{n}"
        for name, (n, ok) in result["fields"][batch].items()
        if n and ok / n < FLOORS[batch].get(name, 0.0)
    }
    assert not failures, failures
