"""Stories: articles about the same event, from one or several outlets, grouped.

A pure function of the archive's articles (``find_stories``), run in the cross-article stage.

How (in this order):

1. **Terms.** Each article's title, standfirst and first paragraphs (``terms.LEAD_CHARS``)
   become terms (``site_gen.terms``: word stems, character bigrams for unspaced scripts; found
   in the per-file stage, so in parallel and cached, and kept on the article) weighted by
   tf-idf over the archive. A term found in one article only cannot link two; a term in more
   than ``COMMON_SHARE`` of a large archive says nothing about an event. Each article keeps its
   ``terms_per_article`` heaviest terms as a unit vector.
2. **Clusters, not pairs.** Articles are taken oldest first (undated ones last) and each is
   compared with the *centroids* of the clusters made so far, never with every article: an
   inverted index from term to the clusters whose centroid holds it yields the candidates, and
   for a dated article only clusters within ``window_days`` of its date whose span would stay
   within ``max_span_days``. The article joins the best cluster whose score reaches
   ``min_similarity`` (``undated_similarity`` for an undated article, which may join a dated
   story), else it starts a cluster. The score is the cosine with the centroid plus
   ``speaker_weight`` times the share of the article's speakers the cluster already quotes:
   speakers only add to shared words, so a popular speaker cannot chain unrelated articles
   together, and comparing with a centroid (the average of a cluster) rather than with its
   nearest member avoids single-link chaining.
3. **Stories.** A cluster of at least two articles is a story; its statements are aligned by
   ``site_gen.statements``.

Everything is sorted before use: the same archive always gives the same stories.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

from site_gen.model import Article, Story, StoryIndex
from site_gen.slugs import make_slug, unique_slugs
from site_gen.terms import lead_terms

COMMON_SHARE = 0.2  # in an archive of COMMON_MIN_ARTICLES or more, a term in more is not used
COMMON_MIN_ARTICLES = 50
CENTROID_TERMS = 120  # a cluster's centroid keeps its heaviest terms
RARE_FOR_UNDATED = 50  # an undated article finds its candidates through terms this rare


@dataclass(frozen=True)
class StorySettings:
    """``[stories]`` in site.toml (see the README); ``stories = false`` turns them off."""

    enabled: bool = True
    window_days: int = 2  # a dated article joins a story at most this many days from its dates
    max_span_days: int = 7  # a story covers at most this many days from first to last article
    min_similarity: float = 0.3  # score a dated article needs to join a story
    undated_similarity: float = 0.4  # score an undated article needs to join a story
    speaker_weight: float = 0.15  # added to the score times the share of speakers in common
    terms_per_article: int = 30
    statement_similarity: float = 0.4  # share of the shorter wording's weight found in the other
    statement_best_similarity: float = 0.25  # enough when each is the other's best match
    statement_min_terms: int = 3  # terms two wordings must share at least


@dataclass
class _Cluster:
    first: int | None
    last: int | None
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    speakers: set[str] = field(default_factory=set)


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _vectors(articles: Sequence[Article], per_article: int) -> list[dict[str, float]]:
    """Unit tf-idf vectors of each article's heaviest terms that another article shares."""
    counts = [Counter(lead_terms(a)) for a in articles]
    df: Counter[str] = Counter(chain.from_iterable(counts))  # a Counter iterates its terms
    n = len(articles)
    cap = COMMON_SHARE * n if n >= COMMON_MIN_ARTICLES else n
    idf = {t: math.log((n + 1) / k) for t, k in df.items() if 1 < k <= cap}
    tf = [0.0] + [1.0 + math.log(k) for k in range(1, 64)]
    idf_of = idf.get
    vectors = []
    for c in counts:
        weighted = [
            (-(tf[k] if k < 64 else 1.0 + math.log(k)) * w, t)
            for t, k in c.items()
            if (w := idf_of(t)) is not None
        ]
        weighted.sort()  # heaviest first, then by term
        top = weighted[:per_article]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        vectors.append({t: -w / norm for w, t in top})
    return vectors


class _Grouper:
    """The online clustering of step 2 (see the module's docstring).

    ``postings`` maps a term to the clusters whose centroid took it (a term a centroid dropped
    stays listed and adds nothing; one taken again is listed again). Dated articles come oldest
    first, so a cluster out of reach of one (its last article more than ``window_days`` before,
    or its first more than ``max_span_days``) is out of reach of every later one: such clusters
    are dropped from a term's list once they are most of it. ``rare`` lists, for the rare terms
    undated articles look up, every cluster that ever took them, whatever its dates."""

    def __init__(self, s: StorySettings, rare_terms: set[str]) -> None:
        self.s = s
        self.clusters: list[_Cluster] = []
        self.postings: dict[str, list[int]] = {}
        self.rare_terms = rare_terms
        self.rare: dict[str, list[int]] = {}

    def add(self, i: int, day: int | None, vec: dict[str, float], speakers: set[str]) -> int:
        scores = self._dated(day, vec) if day is not None else self._undated(vec)
        need = self.s.min_similarity if day is not None else self.s.undated_similarity
        best, best_score = -1, need
        bonus = self.s.speaker_weight
        clusters = self.clusters
        for cid, dot in sorted(scores.items()):
            c = clusters[cid]
            score = dot / (c.norm or 1.0)
            if score + bonus < best_score:
                continue
            if speakers and c.speakers:
                shared = len(speakers & c.speakers)
                score += self.s.speaker_weight * shared / len(speakers)
            if score >= best_score and (score > best_score or best < 0):
                best, best_score = cid, score
        if best < 0:
            best = len(clusters)
            clusters.append(_Cluster(day, day))
        self._join(best, i, day, vec, speakers)
        return best

    def _dated(self, day: int, vec: dict[str, float]) -> dict[int, float]:
        """Dot products with the centroids of the clusters within reach (each cluster's sum
        taken in the order of ``vec``: the same floats whatever the order of the postings).

        Within reach: ``first - window <= day <= last + window`` and a span of at most
        ``max_span_days`` with ``day``; as no cluster has an article later than ``day``, that
        is ``last >= day - window`` and ``first >= day - max_span_days``."""
        latest_last = day - self.s.window_days
        latest_first = day - self.s.max_span_days
        acc: dict[int, float] = defaultdict(float)
        reach: dict[int, dict[str, float] | None] = {}  # a cluster's centroid; None: too far
        postings, clusters = self.postings, self.clusters
        for t, w in vec.items():
            cids = postings.get(t)
            if cids is None:
                continue
            far = 0
            for cid in cids:
                centroid = reach.get(cid, False)
                if centroid is False:
                    c = clusters[cid]
                    near = c.last >= latest_last and c.first >= latest_first  # type: ignore[operator]
                    centroid = reach[cid] = c.centroid if near else None
                if centroid is None:
                    far += 1
                else:
                    acc[cid] += w * centroid.get(t, 0.0)
            if far * 2 > len(cids):
                postings[t] = [cid for cid in cids if reach[cid] is not None]
        return acc

    def _undated(self, vec: dict[str, float]) -> dict[int, float]:
        rare, clusters = self.rare, self.clusters
        candidates = {cid for t in vec if t in rare for cid in rare[t]}
        out = {}
        for cid in candidates:
            centroid = clusters[cid].centroid
            # Terms the centroid lacks add 0.0, which changes no sum: left out.
            out[cid] = sum([w * centroid[t] for t, w in vec.items() if t in centroid])
        return out

    def _join(
        self, cid: int, i: int, day: int | None, vec: dict[str, float], speakers: set[str]
    ) -> None:
        c = self.clusters[cid]
        c.members.append(i)
        if day is not None:
            c.first = day if c.first is None else min(c.first, day)
            c.last = day if c.last is None else max(c.last, day)
        centroid = c.centroid
        postings, rare, rare_terms = self.postings, self.rare, self.rare_terms
        square = c.norm * c.norm
        for t, w in vec.items():
            old = centroid.get(t)
            if old is None:
                if day is not None:  # an undated article's terms bring no dated article
                    postings.setdefault(t, []).append(cid)
                if t in rare_terms:
                    rare.setdefault(t, []).append(cid)
                old = 0.0
            centroid[t] = old + w
            square += w * (2 * old + w)
        if len(centroid) > CENTROID_TERMS * 3 // 2:
            kept = sorted(centroid.items(), key=lambda x: (-x[1], x[0]))[:CENTROID_TERMS]
            c.centroid = dict(kept)
            square = sum(w * w for _, w in kept)
        c.norm = math.sqrt(square)
        c.speakers |= speakers


def group_articles(articles: Sequence[Article], s: StorySettings) -> list[list[int]]:
    """Indexes of ``articles`` grouped into stories (lists of two or more), in a fixed order."""
    vectors = _vectors(articles, s.terms_per_article)
    df: Counter[str] = Counter(chain.from_iterable(vectors))
    rare = {t for t, k in df.items() if k <= RARE_FOR_UNDATED}
    days = [_day(a.date) for a in articles]
    order = sorted(
        range(len(articles)),
        key=lambda i: (days[i] is None, days[i] or 0, articles[i].id),
    )
    grouper = _Grouper(s, rare)
    for i in order:
        speakers = {q.speaker_id for q in articles[i].quotes if q.speaker_id}
        grouper.add(i, days[i], vectors[i], speakers)
    return [c.members for c in grouper.clusters if len(c.members) >= 2]


def _story_order(a: Article) -> tuple:
    return (a.date is None, a.date or "", a.source_name or "", a.id)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: this stage makes millions of small objects and no
    reference cycles (refcounts free them), and a full collection it would trigger walks every
    object of the archive in memory, seconds at 100,000 articles, for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_stories(articles: Sequence[Article], s: StorySettings) -> StoryIndex:
    """Stories and their statements; empty when ``s.enabled`` is false."""
    if not s.enabled or len(articles) < 2:
        return StoryIndex()
    with _no_cycle_collection():
        return _find_stories(articles, s)


def _find_stories(articles: Sequence[Article], s: StorySettings) -> StoryIndex:
    groups = group_articles(articles, s)
    members = [sorted((articles[i] for i in g), key=_story_order) for g in groups]
    members.sort(key=lambda arts: arts[0].id)
    # A story's slug comes from its first article's title (the oldest; the words are the
    # outlet's own); slugs that collide get -2, -3 in the order of that first article's id.
    slugs = unique_slugs((arts[0].id, make_slug(arts[0].title, 60)) for arts in members)
    stories = []
    for arts in members:
        dates = sorted(a.date for a in arts if a.date)
        stories.append(
            Story(
                id=slugs[arts[0].id],
                title=arts[0].title,
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                articles=tuple(a.id for a in arts),
            )
        )
    from site_gen.statements import align_statements  # statements build on stories

    by_id = {a.id: a for a in articles}
    stories, statements = align_statements(stories, by_id, s)
    stories.sort(key=_newest_first)
    return StoryIndex(
        stories=tuple(stories),
        statements=tuple(statements),
        story_of={a: st.id for st in stories for a in st.articles},
        statement_of={q: st.id for st in statements for q in st.quotes},
    )


def _newest_first(st: Story) -> tuple:
    inverted = tuple(-ord(c) for c in st.last) if st.last else ()
    return (st.last is None, inverted, st.title.casefold(), st.id)
