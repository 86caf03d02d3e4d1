"""Stories found again after a change (``update_stories``): always what a grouping from
scratch finds, and only the articles an edit can reach are compared again. Synthetic corpus
(``benchmarks/stories_corpus.py``, invented words) and invented edits."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_gen.model import Article, Quote
from site_gen.stories import (
    WEIGH_AGAIN_MAX,
    StorySettings,
    Weights,
    _day,
    _rounded,
    _vectors,
    find_stories,
    update_stories,
)
from site_gen.terms import with_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import stories_corpus  # noqa: E402

S = StorySettings()


def _corpus(n: int, seed: int = 17) -> list[Article]:
    return [with_terms(a) for a in stories_corpus.generate(n, seed).articles]


SMALL = _corpus(400)
SPARE = _corpus(60, 5)  # articles to add (their ids are made unique when added)


def _edit(arts: list[Article], kind: str, k: int, r: int) -> list[Article]:
    arts = list(arts)
    k %= len(arts)
    a = arts[k]
    words = (a.lead_terms or "").split()
    if kind == "new-word" and words:
        words[r % len(words)] = f"zzword{r}"
        arts[k] = replace(a, lead_terms=" ".join(words))
    elif kind == "other-word" and words:
        other = (arts[(k + r + 1) % len(arts)].lead_terms or "x").split()
        words[r % len(words)] = other[r % len(other)]
        arts[k] = replace(a, lead_terms=" ".join(words))
    elif kind == "half-lead":
        arts[k] = replace(a, lead_terms=" ".join(words[: len(words) // 2]))
    elif kind == "date":
        arts[k] = replace(a, date=None if r % 4 == 0 else f"2031-01-{1 + r % 28:02d}")
    elif kind == "speaker" and a.quotes:
        q = a.quotes[r % len(a.quotes)]
        quotes = tuple(replace(x, speaker_id=f"someone-{r}") if x is q else x for x in a.quotes)
        arts[k] = replace(a, quotes=quotes)
    elif kind == "quote-words" and a.quotes:
        q = a.quotes[-1]
        arts[k] = replace(a, quotes=(*a.quotes[:-1], replace(q, terms=f"{q.terms} zzq{r}")))
    elif kind == "remove":
        del arts[k]
    elif kind == "add":
        arts.insert(k, replace(SPARE[r % len(SPARE)], id=f"added-{r}-{k}"))
    return arts


KINDS = ["new-word", "other-word", "half-lead", "date", "speaker", "quote-words", "remove", "add"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10_000), st.integers(0, 99)),
                min_size=1, max_size=4))
def test_an_update_finds_what_a_grouping_from_scratch_finds(edits) -> None:
    arts = SMALL
    _, memo, _ = update_stories(arts, S, None, "v1")
    for kind, k, r in edits:
        arts = _edit(arts, kind, k, r)
        again, memo, _ = update_stories(arts, S, memo, "v1")
        assert again == find_stories(arts, S), (kind, k, r)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10_000), st.integers(0, 99)),
                min_size=1, max_size=5))
def test_kept_weights_give_what_a_full_weighing_gives(edits) -> None:
    # A server's Weights, brought up to date edit after edit: the same vectors (the same
    # floats) and the same stories as weighing and grouping from scratch.
    kept = Weights()
    arts = SMALL
    _, memo, _ = update_stories(arts, S, None, "v1", kept)
    for kind, k, r in edits:
        arts = _edit(arts, kind, k, r)
        assert _vectors(arts, S.terms_per_article, kept) == _vectors(arts, S.terms_per_article)
        again, memo, _ = update_stories(arts, S, memo, "v1", kept)
        assert again == find_stories(arts, S), (kind, k, r)


def test_kept_weights_weigh_again_only_what_an_edit_reaches() -> None:
    kept = Weights()
    before = _vectors(SMALL, S.terms_per_article, kept)
    edited = _edit(SMALL, "new-word", 100, 3)
    after = _vectors(edited, S.terms_per_article, kept)
    assert after == _vectors(edited, S.terms_per_article)
    weighed = [k for k, (b, a) in enumerate(zip(before, after, strict=True)) if a is not b]
    assert 100 in weighed and len(weighed) <= 20  # the edited one and those sharing its terms


def test_kept_weights_are_not_used_when_much_changed() -> None:
    kept = Weights()
    before = _vectors(SMALL, S.terms_per_article, kept)
    many = [replace(a, lead_terms=f"{a.lead_terms} zzextra") for a in SMALL]
    after = _vectors(many, S.terms_per_article, kept)
    assert after == _vectors(many, S.terms_per_article)
    assert not any(a is b for a, b in zip(before, after, strict=True))
    fewer = many[: len(many) - WEIGH_AGAIN_MAX - 1]  # more gone than an update takes
    assert _vectors(fewer, S.terms_per_article, kept) == _vectors(fewer, S.terms_per_article)


def test_weights_are_not_kept_for_articles_without_their_terms() -> None:
    # Leads computed now (an article not from the per-file stage) are not kept: nothing to
    # compare the next call's leads with.
    kept = Weights()
    bare = [replace(a, lead_terms=None) for a in SMALL[:60]]
    _vectors(bare, S.terms_per_article, kept)
    assert kept.made is None and kept.again(SMALL[:60], (S.terms_per_article, 0, True)) is None


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_edit_at_many_places(kind: str) -> None:
    arts = SMALL
    _, memo, _ = update_stories(arts, S, None, "v1")
    for k in range(0, len(SMALL), 37):
        arts = _edit(arts, kind, k, k)
        again, memo, _ = update_stories(arts, S, memo, "v1")
        assert again == find_stories(arts, S), (kind, k)


MANY = _corpus(3000)  # 100 days of news


def _near(arts: list[Article], day: int, before: int, after: int) -> int:
    days = [_day(a.date) for a in arts]
    return sum(1 for d in days if d is not None and day - before <= d <= day + after)


def test_an_edit_compares_only_the_articles_that_can_reach_it() -> None:
    _, memo, _ = update_stories(MANY, S, None, "v1")
    dated = [k for k, a in enumerate(MANY) if a.date and a.quotes]
    k = dated[len(dated) // 2]
    edited = _edit(MANY, "speaker", k, 7)
    again, _, work = update_stories(edited, S, memo, "v1")
    assert again == find_stories(edited, S)
    # Compared again: articles from the edited one's day on, as far as a story it can change
    # can reach (max_span_days after each article whose choice changed): a few days' news.
    day = _day(MANY[k].date)
    assert day is not None
    assert 0 < work.scored <= _near(MANY, day, 0, 4 * S.max_span_days)
    assert work.scored < len(MANY) // 5
    assert work.replayed == len(MANY) - work.scored
    assert work.aligned <= 3 and work.reused >= len(again.stories) - 3


def test_an_edit_outside_the_lead_compares_nothing_and_aligns_its_story_only() -> None:
    _, memo, _ = update_stories(MANY, S, None, "v1")
    k = next(k for k, a in enumerate(MANY) if a.quotes and a.date)
    edited = _edit(MANY, "quote-words", k, 3)
    again, _, work = update_stories(edited, S, memo, "v1")
    assert again == find_stories(edited, S)
    assert work.scored == 0 and work.replayed == len(MANY)
    in_story = MANY[k].id in again.story_of
    assert work.aligned == (1 if in_story else 0)
    assert work.reused == len(again.stories) - work.aligned


def test_nothing_changed_compares_and_aligns_nothing() -> None:
    first, memo, _ = update_stories(SMALL, S, None, "v1")
    again, _, work = update_stories(SMALL, S, memo, "v1")
    assert again == first
    assert work.scored == 0 and work.aligned == 0 and work.reused == len(first.stories)


@pytest.mark.parametrize("version, settings_", [("v2", S), ("v1", replace(S, window_days=3))])
def test_a_memo_of_other_code_or_settings_is_not_used(version: str, settings_) -> None:
    _, memo, _ = update_stories(SMALL, S, None, "v1")
    again, _, work = update_stories(SMALL, settings_, memo, version)
    assert again == find_stories(SMALL, settings_)
    assert work.scored == len(SMALL) and work.aligned == len(again.stories)


def test_counts_round_down_in_steps_above_the_exact_ones() -> None:
    assert [_rounded(k, 4) for k in (1, 2, 8)] == [1.0, 2.0, 8.0]
    assert _rounded(9, 4) == _rounded(9.5, 4) == 8.0  # 2 ** 3.0 .. 2 ** 3.25
    assert _rounded(10, 4) == 2.0 ** 3.25
    assert _rounded(1000, 4) == _rounded(1010, 4)
    assert _rounded(1000, 4) < 1000 < _rounded(1000, 4) * 2 ** 0.25


def _lead(aid: str, date: str, lead: str, speaker: str = "") -> Article:
    quotes = ()
    if speaker:
        quotes = (Quote("q1", 0, 0, 1, "x", "direct", speaker_key=speaker, speaker_id=speaker),)
    return Article(id=aid, path=f"{aid}.txt", format="txt", title=aid, title_derived=False,
                   paragraphs=(), date=date, lead_terms=lead, sha256="0", quotes=quotes)


# "b" joins "a" only through their shared speaker; "c" (unchanged) joins them through the
# words "b" brought. Without that speaker, "b" starts a story of its own and "c" joins it: an
# article after the edit that decides otherwise although nothing of its own changed.
CHAIN = [
    _lead("a", "2031-01-01", "reed bluff glen", "someone"),
    _lead("b", "2031-01-02", "reed yarrow pike vale", "someone"),
    _lead("c", "2031-01-03", "yarrow pike vale"),
    _lead("f", "2031-02-20", "bluff glen"),
]


@pytest.mark.parametrize("before, after", [(0, 1), (1, 0)])
def test_a_later_article_that_decides_otherwise_is_compared_again(before: int, after: int) -> None:
    versions = [CHAIN, [*CHAIN[:1], replace(CHAIN[1], quotes=()), *CHAIN[2:]]]
    stories = [[s.articles for s in find_stories(v, S).stories] for v in versions]
    assert stories == [[("a", "b", "c")], [("b", "c")]]
    _, memo, _ = update_stories(versions[before], S, None, "v1")
    again, _, work = update_stories(versions[after], S, memo, "v1")
    assert [s.articles for s in again.stories] == stories[after]
    assert work.scored >= 2  # "b", and "c" after it


@pytest.mark.parametrize("change", ["lead", "speaker", "date"])
def test_kept_digests_follow_a_change_of_what_they_were_made_from(change: str) -> None:
    # Each change takes "c" (or "b") out of the story; a server's kept digests must see it.
    edited = {
        "lead": [*CHAIN[:2], replace(CHAIN[2], lead_terms="quartz moss fern"), CHAIN[3]],
        "speaker": [CHAIN[0], replace(CHAIN[1], quotes=()), *CHAIN[2:]],
        "date": [*CHAIN[:2], replace(CHAIN[2], date="2031-01-20"), CHAIN[3]],
    }[change]
    kept = Weights()
    _, memo, _ = update_stories(CHAIN, S, None, "v1", kept)
    again, _, _ = update_stories(edited, S, memo, "v1", kept)
    assert again == find_stories(edited, S)
    assert [s.articles for s in again.stories] != [("a", "b", "c")]
