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
import hashlib
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain

from site_gen.model import Article, Statement, Story, StoryIndex
from site_gen.slugs import make_slug, unique_slugs
from site_gen.terms import lead_terms

COMMON_SHARE = 0.2  # in an archive of COMMON_MIN_ARTICLES or more, a term in more is not used
COMMON_MIN_ARTICLES = 50
CENTROID_TERMS = 120  # a cluster's centroid keeps its heaviest terms
RARE_FOR_UNDATED = 50  # an undated article finds its candidates through terms this rare
# The idf's counts, rounded (see _vectors): article counts of a term up to EXACT_COUNT as they
# are, larger ones in COUNT_STEPS steps per doubling; the archive's size in ARCHIVE_STEPS.
EXACT_COUNT = 8
COUNT_STEPS = 4
ARCHIVE_STEPS = 8


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


def _rounded(k: int, steps: int) -> float:
    """``k`` rounded down to a power of two in ``steps`` per doubling (``k`` itself up to
    ``EXACT_COUNT``)."""
    if k <= EXACT_COUNT:
        return float(k)
    return 2.0 ** (math.floor(math.log2(k) * steps) / steps)


def _vectors(
    articles: Sequence[Article], per_article: int, kept: Weights | None = None
) -> list[dict[str, float]]:
    """Unit tf-idf vectors of each article's heaviest terms that another article shares.

    The idf takes the number of articles and each term's article count rounded (``_rounded``):
    one article more or less, or an edit, changes the weights of other articles only when a
    count crosses a step, so that the grouping of an edited archive changes only near the edit
    (see ``update_stories``). ``kept``: what the last call weighed, taken again where nothing
    it read changed (see ``Weights``), and brought up to date."""
    n = _rounded(len(articles) + 1, ARCHIVE_STEPS)
    common = len(articles) >= COMMON_MIN_ARTICLES
    made = (per_article, n, common)
    if kept is not None:
        found = kept.again(articles, made)
        if found is not None:
            return found
    # Two passes over the terms instead of holding every article's counts at once (tens of
    # megabytes at 10,000 articles, at the build's busiest moment).
    df: Counter[str] = Counter()
    for a in articles:
        df.update(set(lead_terms(a)))
    cap = COMMON_SHARE * n if common else n
    idf = {}
    for t, k in df.items():
        if (w := _idf(k, n, cap)) is not None:
            idf[t] = w
    vectors = [_weigh(lead_terms(a), idf, per_article) for a in articles]
    if kept is not None:
        kept.take(made, articles, df, idf, vectors)
    return vectors


def _idf(k: int, n: float, cap: float) -> float | None:
    """The weight of a term found in ``k`` articles (None: not used)."""
    if k > 1 and (r := _rounded(k, COUNT_STEPS)) <= cap:
        return math.log(n / r)
    return None


_TF = [0.0] + [1.0 + math.log(k) for k in range(1, 64)]


def _weigh(terms: list[str], idf: dict[str, float], per_article: int) -> dict[str, float]:
    """One article's unit vector of its ``per_article`` heaviest terms."""
    tf, idf_of = _TF, idf.get
    weighted = [
        (-(tf[k] if k < 64 else 1.0 + math.log(k)) * w, t)
        for t, k in Counter(terms).items()
        if (w := idf_of(t)) is not None
    ]
    weighted.sort()  # heaviest first, then by term
    top = weighted[:per_article]
    norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
    return {t: -w / norm for w, t in top}


# At most this many articles new, gone or with another lead are weighed again from what the
# last call kept (more: everything is weighed again), and at most this many terms whose weight
# changed are looked for in the other articles' leads.
WEIGH_AGAIN_MAX = 64


class Weights:
    """What weighing the archive's terms made, kept by a process that finds stories again and
    again (a server) for its next call: each article's lead as weighed and its vector, the
    terms' article counts and weights, and each article's digests (``_read_print``,
    ``_article_print``) with what they were made from. Never stored: the objects it holds are
    the archive's own (the leads, unchanged articles' vectors). ``again`` gives the vectors a
    full weighing gives (``tests/test_stories_update.py``)."""

    def __init__(self) -> None:
        self.made: tuple | None = None  # (terms per article, rounded archive size, common cap)
        self.leads: dict[str, str] = {}
        self.vectors: dict[str, dict[str, float]] = {}
        self.df: Counter[str] = Counter()
        self.idf: dict[str, float] = {}
        self.reads: dict[str, tuple] = {}  # id -> ((lead, date, speakers), read print)
        self.prints: dict[str, tuple] = {}  # id -> ((day, vector, speakers), article print)

    def take(self, made: tuple, articles: Sequence[Article], df: Counter[str],
             idf: dict[str, float], vectors: list[dict[str, float]]) -> None:
        leads = {a.id: a.lead_terms for a in articles}
        if len(leads) != len(articles) or any(v is None for v in leads.values()):
            self.made = None  # ids not unique, or leads not from the per-file stage
            return
        self.made, self.df, self.idf = made, df, idf
        self.leads = leads  # type: ignore[assignment]
        self.vectors = {a.id: v for a, v in zip(articles, vectors, strict=True)}

    def again(self, articles: Sequence[Article], made: tuple) -> list[dict[str, float]] | None:
        """The vectors of ``articles``, weighing again only those whose lead changed or that
        hold a term whose weight changed; None when too much changed."""
        if made != self.made:
            return None
        leads = self.leads
        changed: list[tuple[str, str | None, str | None]] = []
        seen = 0
        for a in articles:
            lead = a.lead_terms
            if lead is None:
                return None
            old = leads.get(a.id)
            if old is not None:
                seen += 1
            if old is not lead and old != lead:
                changed.append((a.id, old, lead))
                if len(changed) > WEIGH_AGAIN_MAX:
                    return None
        if seen != len(leads):
            ids = {a.id for a in articles}
            changed += [(aid, old, None) for aid, old in leads.items() if aid not in ids]
        if len(changed) > WEIGH_AGAIN_MAX or len({c[0] for c in changed}) != len(changed):
            return None
        df, idf = self.df.copy(), dict(self.idf)
        touched: set[str] = set()
        for _, old, new in changed:
            if old is not None:
                terms = set(old.split())
                df.subtract(terms)
                touched |= terms
            if new is not None:
                terms = set(new.split())
                df.update(terms)
                touched |= terms
        _, n, common = made
        cap = COMMON_SHARE * n if common else n
        moved = []
        for t in sorted(touched):
            k = df[t]
            if k <= 0:
                del df[t]
            w = _idf(k, n, cap)
            if w != idf.get(t):
                moved.append(t)
                if w is None:
                    del idf[t]
                else:
                    idf[t] = w
        if len(moved) > WEIGH_AGAIN_MAX:
            return None
        redo = {c[0] for c in changed}
        # A lead holding a term whose weight changed: the terms are separated by spaces.
        holds = (re.compile("(?:^| )(?:" + "|".join(map(re.escape, moved)) + ")(?= |$)").search
                 if moved else None)
        per_article = made[0]
        vectors = []
        kept = self.vectors
        for a in articles:
            v = None if a.id in redo else kept.get(a.id)
            if v is None or (holds is not None and holds(a.lead_terms)):  # type: ignore[arg-type]
                v = _weigh(a.lead_terms.split(), idf, per_article)  # type: ignore[union-attr]
            vectors.append(v)
        self.take(made, articles, df, idf, vectors)
        return vectors

    def read_print(self, a: Article, speakers: set[str]) -> bytes:
        """``_read_print``, taken again for the same lead, date and speakers."""
        return _again(self.reads, a.id, (a.lead_terms, a.date, speakers),
                      lambda: _read_print(a, speakers))

    def article_print(self, aid: str, day: int | None, vec: dict[str, float],
                      speakers: set[str]) -> bytes:
        """``_article_print``, taken again for the same day, vector and speakers."""
        return _again(self.prints, aid, (day, vec, speakers),
                      lambda: _article_print(day, vec, speakers))

    def forget_others(self, ids: Sequence[str]) -> None:
        """Drop the digests of articles no longer in the archive."""
        for memo in (self.reads, self.prints):
            if len(memo) > len(ids):
                keep = set(ids)
                for aid in [k for k in memo if k not in keep]:
                    del memo[aid]


def _again(memo: dict[str, tuple], aid: str, parts: tuple, make: Callable[[], bytes]) -> bytes:
    """The digest ``memo`` holds for ``aid`` when made from equal ``parts`` (the same objects,
    as an unchanged article's are, compare at once), else ``make()``'s, held for next time."""
    was = memo.get(aid)
    if was is not None and was[0] == parts:
        return was[1]
    made = make()
    memo[aid] = (parts, made)
    return made


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
        return self.put(best if best >= 0 else None, i, day, vec, speakers)

    def put(
        self, cid: int | None, i: int, day: int | None, vec: dict[str, float], speakers: set[str]
    ) -> int:
        """Article ``i`` joins cluster ``cid``, or starts one (None); returns the cluster."""
        if cid is None:
            cid = len(self.clusters)
            self.clusters.append(_Cluster(day, day))
        self._join(cid, i, day, vec, speakers)
        return cid

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
    return _group(articles, s, None).groups


@dataclass(frozen=True)
class Taken:
    """Each article as a grouping took it, in that order: its id, a digest of what grouping
    reads of it (``_read_print``), its day, a digest of its vector (``_article_print``) and the
    cluster it joined (clusters numbered as they were made); and a digest of the terms undated
    articles look up."""

    ids: tuple[str, ...]
    reads: tuple[bytes, ...]
    days: tuple[int | None, ...]
    prints: tuple[bytes, ...]
    choices: tuple[int, ...]
    rare: bytes


@dataclass(frozen=True)
class StoryMemo:
    """What finding stories left for the next time (``update_stories``): the articles as the
    grouping took them, and each story's statements by a digest of what aligning them reads.
    Valid only for the same code (``version``) and settings; plain data, pickled into the
    build cache."""

    version: str
    settings: StorySettings
    taken: Taken
    statements: dict[bytes, tuple[Statement, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class StoryWork:
    """What an update did: articles compared with clusters (``scored``) or put back where the
    memo had them (``replayed``); stories whose statements were aligned or taken from it."""

    scored: int = 0
    replayed: int = 0
    aligned: int = 0
    reused: int = 0


@dataclass
class _Grouping:
    groups: list[list[int]]
    taken: Taken
    scored: int  # articles compared with clusters (the others were put back)


def _digest(value: object) -> bytes:
    return hashlib.blake2b(
        repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _article_print(day: int | None, vec: dict[str, float], speakers: set[str]) -> bytes:
    """A digest of all that grouping reads of an article: its day, its vector (terms in order
    and their weights' exact bits) and its speakers."""
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((day, sorted(speakers))).encode("utf-8", "surrogatepass"))
    h.update("\0".join(vec).encode("utf-8", "surrogatepass"))
    h.update(array("d", vec.values()).tobytes())
    return h.digest()


class _Replay:
    """The previous grouping, to take again what cannot have changed (see ``update_stories``).

    Articles are taken in the same order both times (undated last). Until the first that
    differs (new, gone, other terms, date or speakers), each joins the cluster it joined before:
    the state is the same. From there each is compared again, and one that decides otherwise
    than before (another cluster, or a cluster it started where it joined one) is a difference
    too. A cluster a difference touched has an article of that day, so it starts at most on
    that day, and an article more than ``max_span_days`` later cannot reach it; every cluster
    it can reach was made by the same articles in the same order both times, so it decides as
    before, and is put back without comparing. Clusters are matched by the articles that
    started them (``mapping``, old number -> new); one not matched means comparing again.
    Undated articles come last and may join any dated story: they are compared again when
    anything differed."""

    def __init__(self, taken: Taken, ids: Sequence[str], rare: bytes, span: int) -> None:
        self.taken, self.span = taken, span
        self.at = {aid: k for k, aid in enumerate(taken.ids)}
        seen: set[int] = set()
        self.started = set()  # old positions whose article started its cluster
        for k, cid in enumerate(taken.choices):
            if cid not in seen:
                seen.add(cid)
                self.started.add(k)
        kept = set(ids)
        gone = [taken.days[k] for k, aid in enumerate(taken.ids) if aid not in kept]
        self.gone = sorted(d for d in gone if d is not None)
        self.gone_next = 0
        self.differs = rare != taken.rare or any(d is None for d in gone)
        self.horizon: int | None = None  # the latest day of a dated difference
        self.mapping: dict[int, int] = {}

    def _differ(self, day: int | None) -> None:
        self.differs = True
        if day is not None and (self.horizon is None or day > self.horizon):
            self.horizon = day

    def before(self, aid: str, day: int | None, fp: bytes) -> tuple[int | None, int | None]:
        """(old position, the cluster to put the article in without comparing: None to compare,
        -1 to start one)."""
        while self.gone_next < len(self.gone) and (
            day is None or self.gone[self.gone_next] <= day
        ):
            self._differ(self.gone[self.gone_next])
            self.gone_next += 1
        old = self.at.get(aid)
        if old is None or self.taken.prints[old] != fp:
            return None, None
        if day is None:
            settled = not self.differs
        else:
            settled = self.horizon is None or day > self.horizon + self.span
        if not settled:
            return old, None
        if old in self.started:
            return old, -1
        return old, self.mapping.get(self.taken.choices[old])

    def after(self, old: int | None, day: int | None, cid: int, started: bool) -> None:
        """Article at ``old`` (None: new or changed) went to ``cid`` (``started`` it)."""
        if old is None:
            self._differ(day)
            return
        was = self.taken.choices[old]
        if started and old in self.started:
            self.mapping[was] = cid
        elif started or old in self.started or self.mapping.get(was) != cid:
            self._differ(day)


def _speakers(a: Article) -> set[str]:
    return {q.speaker_id for q in a.quotes if q.speaker_id}


def _read_print(a: Article, speakers: set[str]) -> bytes:
    """A digest of what grouping reads of an article before weighing its terms: its lead's
    terms, its date and its speakers."""
    return _digest((a.lead_terms if a.lead_terms is not None else lead_terms(a), a.date,
                    sorted(speakers)))


def _group(
    articles: Sequence[Article], s: StorySettings, memo: StoryMemo | None,
    kept: Weights | None = None,
) -> _Grouping:
    days = [_day(a.date) for a in articles]
    order = sorted(
        range(len(articles)),
        key=lambda i: (days[i] is None, days[i] or 0, articles[i].id),
    )
    ids = tuple(articles[i].id for i in order)
    speakers_of = [_speakers(a) for a in articles]
    read = kept.read_print if kept is not None else _read_print
    reads = tuple(read(articles[i], speakers_of[i]) for i in order)
    if kept is not None:
        kept.forget_others(ids)
    if memo is not None and memo.taken.ids == ids and memo.taken.reads == reads:
        # The same articles read the same: every weight and choice is the memo's.
        return _same_grouping(memo.taken, order)
    vectors = _vectors(articles, s.terms_per_article, kept)
    df: Counter[str] = Counter(chain.from_iterable(vectors))
    rare = {t for t, k in df.items() if k <= RARE_FOR_UNDATED}
    rare_print = _digest(sorted(rare))
    replay = _Replay(memo.taken, ids, rare_print, s.max_span_days) if memo else None
    grouper = _Grouper(s, rare)
    prints, choices = [], []
    scored = 0
    for i in order:
        day, vec = days[i], vectors[i]
        speakers = speakers_of[i]
        aid = articles[i].id
        fp = (kept.article_print(aid, day, vec, speakers) if kept is not None
              else _article_print(day, vec, speakers))
        prints.append(fp)
        old, put = replay.before(aid, day, fp) if replay else (None, None)
        if put is not None:
            cid = grouper.put(None if put < 0 else put, i, day, vec, speakers)
            if put < 0 and replay is not None and old is not None:
                replay.mapping[replay.taken.choices[old]] = cid
        else:
            made = len(grouper.clusters)
            cid = grouper.add(i, day, vec, speakers)
            scored += 1
            if replay is not None:
                replay.after(old, day, cid, cid == made)
        choices.append(cid)
    taken = Taken(ids, reads, tuple(days[i] for i in order), tuple(prints), tuple(choices),
                  rare_print)
    return _Grouping([c.members for c in grouper.clusters if len(c.members) >= 2], taken, scored)


def _same_grouping(taken: Taken, order: list[int]) -> _Grouping:
    members: list[list[int]] = []
    for i, cid in zip(order, taken.choices, strict=True):
        if cid == len(members):
            members.append([])
        members[cid].append(i)
    return _Grouping([m for m in members if len(m) >= 2], taken, 0)


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
    return update_stories(articles, s)[0]


def update_stories(
    articles: Sequence[Article],
    s: StorySettings,
    memo: StoryMemo | None = None,
    version: str = "",
    kept: Weights | None = None,
) -> tuple[StoryIndex, StoryMemo | None, StoryWork]:
    """``find_stories``, taking from ``memo`` (what an earlier call left, when made by the same
    code ``version`` with the same settings) what cannot have changed: only the articles whose
    clusters an edit can reach are compared again (see ``_Replay``), and only stories whose
    quotes changed are aligned again. The result is the one ``find_stories`` gives, whatever
    the memo; with it, the memo for the next call and what was done. ``kept``: a process's
    own ``Weights`` from its last call, brought up to date (a server's)."""
    if not s.enabled or len(articles) < 2:
        return StoryIndex(), None, StoryWork()
    usable = memo if memo is not None and memo.version == version and memo.settings == s else None
    with _no_cycle_collection():
        return _find_stories(articles, s, usable, version, kept)


def _quote_print(a: Article) -> tuple:
    """What aligning statements reads of an article's quotes."""
    return tuple(
        (q.id, q.paragraph, q.start, q.end, q.speaker_id,
         q.terms if q.terms is not None else q.text)
        for q in a.quotes
    )


def _find_stories(
    articles: Sequence[Article], s: StorySettings, memo: StoryMemo | None, version: str,
    kept: Weights | None = None,
) -> tuple[StoryIndex, StoryMemo, StoryWork]:
    grouping = _group(articles, s, memo, kept)
    members = [sorted((articles[i] for i in g), key=_story_order) for g in grouping.groups]
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
    from site_gen.statements import story_statements  # statements build on stories

    by_id = {a.id: a for a in articles}
    known = memo.statements if memo is not None else {}
    made: dict[bytes, tuple[Statement, ...]] = {}
    statements: list[Statement] = []
    aligned = 0
    for n, story in enumerate(stories):
        key = _digest((story.id, [(aid, _quote_print(by_id[aid])) for aid in story.articles]))
        found = known.get(key)
        if found is None:
            found = tuple(story_statements(story, by_id, s))
            aligned += 1
        made[key] = found
        statements += found
        stories[n] = replace(story, statements=tuple(st.id for st in found))
    stories.sort(key=_newest_first)
    index = StoryIndex(
        stories=tuple(stories),
        statements=tuple(statements),
        story_of={a: st.id for st in stories for a in st.articles},
        statement_of={q: st.id for st in statements for q in st.quotes},
    )
    memo_out = StoryMemo(version, s, grouping.taken, made)
    work = StoryWork(
        scored=grouping.scored,
        replayed=len(grouping.taken.ids) - grouping.scored,
        aligned=aligned,
        reused=len(stories) - aligned,
    )
    return index, memo_out, work


def _newest_first(st: Story) -> tuple:
    inverted = tuple(-ord(c) for c in st.last) if st.last else ()
    return (st.last is None, inverted, st.title.casefold(), st.id)
