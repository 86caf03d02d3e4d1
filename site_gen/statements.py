"""Statements: quotes by the same speaker, in different articles of a story, that render the
same words (two translations, a partial quote, a quote split in two, direct in one outlet and
reported in another). The quotes are only linked: their words are never changed.

Compared are only the quotes of one speaker within one story (the story is the block), and of
those only pairs from different articles that share ``statement_min_terms`` terms
(``site_gen.terms``). A term counts by how rare it is among the story's quotes, so words that
every quote of the story uses weigh little, in any language. A pair is aligned when the terms
they share carry ``statement_similarity`` of the weight of the shorter wording (a partial quote
is wholly inside the longer one; each half of a split quote is inside the whole), or
``statement_best_similarity`` when each quote is the other's best match in the other article
(freer translations). A reported-speech quote that encloses a direct quotation of the same
article is its frame and is not aligned itself: the direct words inside it are.

Aligned pairs are joined into statements, strongest first, without chaining (see ``_Groups``);
a statement covers at least two articles. Its id hashes its quotes: it stays while they do.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

from site_gen.model import Article, Quote, Statement, Story
from site_gen.terms import quote_terms

if TYPE_CHECKING:
    from site_gen.stories import StorySettings

QuoteKey = tuple[str, str]  # (article id, quote id)
FREQUENT_MIN = 8  # quotes a story needs before its most common words are set aside
DIRECT_GROUP = 60  # one speaker's quotes in a story: up to this many, every pair is scored


def _framing(quotes: Sequence[Quote]) -> set[str]:
    """Ids of quotes that enclose another quote of the same paragraph (reported speech around
    a direct quotation)."""
    by_para: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_para[q.paragraph].append(q)
    out = set()
    for qs in by_para.values():
        if len(qs) < 2:
            continue
        for q in qs:
            if any(o is not q and q.start <= o.start and o.end <= q.end for o in qs):
                out.add(q.id)
    return out


class _Groups:
    """Quotes joined into statements, strongest pair first. Two groups join only when at least
    half of their pairs from different articles were aligned: one stray pair cannot chain two
    statements into one (a quote split in two, or two partial quotes of one wording, still
    join through the whole)."""

    def __init__(self, linked: set[tuple[QuoteKey, QuoteKey]]) -> None:
        self.linked = linked
        self.group: dict[QuoteKey, list[QuoteKey]] = {}

    def join(self, a: QuoteKey, b: QuoteKey) -> None:
        """Join the groups of ``a`` and ``b``, an aligned pair from different articles."""
        ga = self.group.get(a)
        gb = self.group.get(b)
        if ga is None and gb is None:  # two quotes alone: their one pair is aligned
            self.group[a] = self.group[b] = [a, b]
            return
        ga = ga or [a]
        gb = gb or [b]
        if ga is gb:
            return
        cross = [(x, y) for x in ga for y in gb if x[0] != y[0]]
        hits = sum(1 for x, y in cross if (x, y) in self.linked or (y, x) in self.linked)
        if hits * 2 < len(cross):
            return
        merged = ga + gb
        for k in merged:
            self.group[k] = merged

    def groups(self) -> list[list[QuoteKey]]:
        seen: dict[int, list[QuoteKey]] = {}
        for g in self.group.values():
            seen.setdefault(id(g), g)
        return sorted((sorted(g) for g in seen.values()), key=lambda g: g[0])


def _candidates(wordings: list[tuple[QuoteKey, set[str]]]) -> list[tuple[int, int]]:
    """Pairs of quotes from different articles worth scoring. A small group is compared
    whole; a large one only where two quotes share a term that few of its quotes use."""
    n = len(wordings)
    article = [k[0] for k, _ in wordings]
    if n <= DIRECT_GROUP:
        return [
            (i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if article[i] != article[j]
        ]
    postings: dict[str, list[int]] = defaultdict(list)
    for j, (_, ts) in enumerate(wordings):
        for t in ts:
            postings[t].append(j)
    limit = max(2, n // 8)
    pairs = set()
    for plist in postings.values():
        if len(plist) <= limit:
            pairs.update(
                (plist[x], plist[y])
                for x in range(len(plist))
                for y in range(x + 1, len(plist))
                if article[plist[x]] != article[plist[y]]
            )
    return sorted(pairs)


def _pairs(
    wordings: list[tuple[QuoteKey, set[str]]], weight: Mapping[str, float], s: StorySettings
) -> list[tuple[QuoteKey, QuoteKey]]:
    """Aligned pairs among one speaker's quotes of one story, strongest first. Pairs are taken
    in the order of their quote keys (which decides ties), kept as ranks: the same order,
    cheaper to sort."""
    keys = [k for k, _ in wordings]
    sets = [ts for _, ts in wordings]
    article = [k[0] for k in keys]
    rank = [0] * len(keys)
    for r, i in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
        rank[i] = r
    of = weight.__getitem__
    # fsum: the same total whatever order a set gives its terms in (sets follow the hash seed)
    totals = [math.fsum(map(of, ts)) for ts in sets]
    least = s.statement_min_terms
    scored: list[tuple[int, int, int, int, float]] = []  # ranks, indexes, score
    for i, j in _candidates(wordings):
        common = sets[i] & sets[j]
        if len(common) >= least:
            ti, tj = totals[i], totals[j]
            score = math.fsum(map(of, common)) / ((ti if ti < tj else tj) or 1)
            scored.append((rank[i], rank[j], i, j, score))
    scored.sort()
    best: dict[tuple[int, str], tuple[float, int]] = {}  # (quote, other article) -> its best
    for _, _, i, j, sc in scored:
        slot = (i, article[j])
        old = best.get(slot)
        if old is None or sc > old[0]:
            best[slot] = (sc, j)
        slot = (j, article[i])
        old = best.get(slot)
        if old is None or sc > old[0]:
            best[slot] = (sc, i)
    out = []
    for ri, rj, i, j, sc in scored:
        mutual = best[(i, article[j])][1] == j and best[(j, article[i])][1] == i
        if sc >= s.statement_similarity or (mutual and sc >= s.statement_best_similarity):
            out.append((-sc, ri, rj, i, j))
    out.sort()
    return [(keys[i], keys[j]) for _, _, _, i, j in out]


def story_statements(
    story: Story, articles: Mapping[str, Article], s: StorySettings
) -> list[Statement]:
    by_speaker: dict[str, list[tuple[QuoteKey, set[str]]]] = defaultdict(list)
    every: list[set[str]] = []  # each quote's terms
    place: dict[QuoteKey, tuple[int, int]] = {}  # the story's article order, then the quote's
    for n, aid in enumerate(story.articles):
        a = articles[aid]
        framing = _framing(a.quotes) if len(a.quotes) > 1 else ()
        for k, q in enumerate(a.quotes):
            ts = set(q.terms.split()) if q.terms is not None else quote_terms(q.text)
            every.append(ts)
            place[(aid, q.id)] = (n, k)
            if q.speaker_id and q.id not in framing and ts:
                by_speaker[q.speaker_id].append(((aid, q.id), ts))
    df: Counter[str] = Counter(chain.from_iterable(every))
    count = len(every)
    weight = {t: math.log(1.0 + count / k) for t, k in df.items()}
    # Words most of the story's quotes use (function words, in any language) link nothing.
    frequent = {t for t, k in df.items() if k * 2 > count} if count >= FREQUENT_MIN else set()
    statements = []
    for speaker in sorted(by_speaker):
        wordings = [(k, ts - frequent) for k, ts in by_speaker[speaker]]
        wordings = [(k, ts) for k, ts in wordings if ts]
        if len({k[0] for k, _ in wordings}) < 2:
            continue
        pairs = _pairs(wordings, weight, s)
        joined = _Groups(set(pairs))
        for ka, kb in pairs:
            joined.join(ka, kb)
        for keys in joined.groups():
            if len({k[0] for k in keys}) < 2:
                continue
            keys.sort(key=place.__getitem__)
            sid = "st-" + digest([f"{a}#{q}" for a, q in keys])
            statements.append(Statement(sid, story.id, speaker, tuple(keys)))
    statements.sort(key=lambda st: place[st.quotes[0]])
    return statements


def digest(parts: Sequence[str]) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def align_statements(
    stories: Sequence[Story], articles: Mapping[str, Article], s: StorySettings
) -> tuple[list[Story], list[Statement]]:
    """Each story with its statements' ids, and every statement."""
    out_stories, out_statements = [], []
    for story in stories:
        found = story_statements(story, articles, s)
        out_statements += found
        out_stories.append(replace(story, statements=tuple(st.id for st in found)))
    return out_stories, out_statements
