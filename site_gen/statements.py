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

Aligned pairs are joined into statements (connected quotes); a statement covers at least two
articles. Its id hashes its quotes, so it stays the same while they do.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from site_gen.model import Article, Quote, Statement, Story
from site_gen.terms import terms

if TYPE_CHECKING:
    from site_gen.stories import StorySettings

QuoteKey = tuple[str, str]  # (article id, quote id)


def _framing(quotes: Sequence[Quote]) -> set[str]:
    """Ids of quotes that enclose another quote of the same paragraph (reported speech around
    a direct quotation)."""
    by_para: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_para[q.paragraph].append(q)
    out = set()
    for qs in by_para.values():
        for q in qs:
            if any(o is not q and q.start <= o.start and o.end <= q.end for o in qs):
                out.add(q.id)
    return out


class _Union:
    def __init__(self) -> None:
        self.parent: dict[QuoteKey, QuoteKey] = {}

    def find(self, x: QuoteKey) -> QuoteKey:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: QuoteKey, b: QuoteKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pairs(
    wordings: list[tuple[QuoteKey, set[str]]], weight: Mapping[str, float], s: StorySettings
) -> list[tuple[QuoteKey, QuoteKey]]:
    """Aligned pairs among one speaker's quotes of one story."""
    totals = {k: sum(weight[t] for t in ts) for k, ts in wordings}
    scores: dict[tuple[QuoteKey, QuoteKey], float] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for j, (kb, tb) in enumerate(wordings):
        shared: Counter[int] = Counter()
        for t in tb:
            for i in postings[t]:
                shared[i] += 1
            postings[t].append(j)
        for i, n in shared.items():
            ka, ta = wordings[i]
            if n < s.statement_min_terms or ka[0] == kb[0]:
                continue
            common = sum(weight[t] for t in ta & tb)
            scores[(ka, kb)] = common / (min(totals[ka], totals[kb]) or 1.0)
    best: dict[tuple[QuoteKey, str], tuple[float, QuoteKey]] = {}
    for (ka, kb), sc in sorted(scores.items()):
        for x, y in ((ka, kb), (kb, ka)):
            old = best.get((x, y[0]))
            if old is None or sc > old[0]:
                best[(x, y[0])] = (sc, y)
    out = []
    for (ka, kb), sc in sorted(scores.items()):
        mutual = best[(ka, kb[0])][1] == kb and best[(kb, ka[0])][1] == ka
        if sc >= s.statement_similarity or (mutual and sc >= s.statement_best_similarity):
            out.append((ka, kb))
    return out


def _story_statements(
    story: Story, articles: Mapping[str, Article], s: StorySettings
) -> list[Statement]:
    by_speaker: dict[str, list[tuple[QuoteKey, set[str]]]] = defaultdict(list)
    df: Counter[str] = Counter()
    count = 0
    for aid in story.articles:
        a = articles[aid]
        framing = _framing(a.quotes)
        for q in a.quotes:
            ts = set(terms(q.text))
            df.update(ts)
            count += 1
            if q.speaker_id and q.id not in framing and ts:
                by_speaker[q.speaker_id].append(((aid, q.id), ts))
    weight = {t: math.log(1.0 + count / k) for t, k in df.items()}
    order = {aid: n for n, aid in enumerate(story.articles)}
    statements = []
    for speaker in sorted(by_speaker):
        wordings = by_speaker[speaker]
        if len({k[0] for k, _ in wordings}) < 2:
            continue
        union = _Union()
        for ka, kb in _pairs(wordings, weight, s):
            union.join(ka, kb)
        groups: dict[QuoteKey, list[QuoteKey]] = defaultdict(list)
        for k, _ in wordings:
            if k in union.parent:
                groups[union.find(k)].append(k)
        for keys in groups.values():
            if len({k[0] for k in keys}) < 2:
                continue
            keys.sort(key=lambda k: (order[k[0]], _quote_number(k[1]), k[1]))
            sid = "st-" + digest([f"{a}#{q}" for a, q in keys])
            statements.append(Statement(sid, story.id, speaker, tuple(keys)))
    statements.sort(key=lambda st: (order[st.quotes[0][0]], _quote_number(st.quotes[0][1])))
    return statements


def digest(parts: Sequence[str]) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _quote_number(quote_id: str) -> int:
    digits = "".join(c for c in quote_id if c.isdigit())
    return int(digits) if digits else 0


def align_statements(
    stories: Sequence[Story], articles: Mapping[str, Article], s: StorySettings
) -> tuple[list[Story], list[Statement]]:
    """Each story with its statements' ids, and every statement."""
    out_stories, out_statements = [], []
    for story in stories:
        found = _story_statements(story, articles, s)
        out_statements += found
        out_stories.append(replace(story, statements=tuple(st.id for st in found)))
    return out_stories, out_statements
