"""Stories and statements are the same whatever the hash seed, and whether the terms come from
the per-file stage (workers, cache) or are found in the archive stage. Invented names only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_gen.process import process_file
from site_gen.registry import default_registry
from site_gen.stories import StorySettings, find_stories
from site_gen.terms import lead_text, terms, with_terms

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import stories_corpus  # noqa: E402

# Prints a digest of everything the stories stage returns for a synthetic corpus (Latin,
# Cyrillic and Han stories, undated articles, speakers quoted in many events).
_STAGE = """
import hashlib, sys
sys.path.insert(0, "benchmarks")
import stories_corpus
from site_gen.stories import StorySettings, find_stories
from site_gen.terms import with_terms
corpus = stories_corpus.generate(int(sys.argv[1]), int(sys.argv[2]))
index = find_stories([with_terms(a) for a in corpus.articles], StorySettings())
found = (index.stories, index.statements, sorted(index.story_of.items()),
         sorted(index.statement_of.items()))
print(len(index.stories), len(index.statements), hashlib.sha256(repr(found).encode()).hexdigest())
"""


def _stage_in_a_process(hash_seed: str, n: int, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _STAGE, str(n), str(seed)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300, check=True)
    return done.stdout


def test_the_stories_stage_does_not_depend_on_the_hash_seed() -> None:
    """Set and dict orders of strings follow the hash seed: sums over sets, ties broken by
    iteration order and the like would change the stories or statements between runs."""
    outputs = {_stage_in_a_process(hs, 1200, 5) for hs in ("1", "2", "3")}
    assert len(outputs) == 1, outputs
    stories, statements, _ = outputs.pop().split()
    assert int(stories) > 100 and int(statements) > 300  # the corpus did make both


def test_terms_from_the_per_file_stage_change_nothing() -> None:
    corpus = stories_corpus.generate(600, 8)
    found_later = find_stories(corpus.articles, StorySettings())
    found_before = find_stories([with_terms(a) for a in corpus.articles], StorySettings())
    assert found_later == found_before and len(found_later.statements) > 50


def test_the_per_file_stage_finds_the_terms() -> None:
    text = ("Quellport ferry crews strike\n\nFerry crews in Quellport stopped work on Monday.\n\n"
            "“We cannot run the Tessin crossing on this timetable,” said Mara Quill.\n")
    article = process_file("a.txt", text.encode(), default_registry()).article
    assert article is not None and article.quotes
    lead = lead_text(article.title, article.standfirst, article.paragraphs)
    assert article.lead_terms == " ".join(terms(lead)) and "quell" in article.lead_terms.split()
    for q in article.quotes:
        assert q.terms == " ".join(sorted(set(terms(q.text))))
