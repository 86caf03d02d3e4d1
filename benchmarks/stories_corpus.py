"""A synthetic archive for stories and statements, with its answer: which articles report the
same event, which quotes render the same statement.

    python benchmarks/stories_corpus.py N [--seed S]     # generate N articles and score them

Timed: ``find_stories`` (grouping and alignment, the archive stage's share); the terms of each
article and quote, which a build finds in the per-file stage, are timed apart.

Everything is invented (names, places, words). Events happen on a few days each, so unrelated
events share dates, topics and speakers (a handful of "popular" speakers are quoted in many).
An event is reported by 2 to 6 outlets (``MULTI``), by one outlet twice (``SINGLE_OUTLET``), or
is a lone article. Each outlet quotes a share of the event's statements, each in one of these
forms: the same words, reworded (synonyms, clauses swapped), a partial quote, split in two
quotes, reported speech, or partly translated into an invented language. Some events are
reported in Cyrillic script, some in Han characters written without spaces. Some articles are
undated.

``generate(n, seed)`` returns ``Corpus``: ``Article`` objects as the archive stage makes them
(ids, speaker ids, quotes with offsets) and the gold. ``score(corpus, index)`` gives B-cubed
precision/recall of the stories and precision/recall of the aligned statement pairs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from site_gen.model import Article, Paragraph, Quote, StoryIndex  # noqa: E402
from site_gen.stories import StorySettings, find_stories  # noqa: E402
from site_gen.terms import with_terms  # noqa: E402

MULTI, SINGLE_OUTLET, LONE = 0.6, 0.15, 0.25  # shares of events
POPULAR = 8  # speakers quoted in a large share of events
UNDATED = 0.04

_C = "b c d f g h k l m n p r s t v z br dr kr st tr".split()
_V = "a e i o u ai ei ou".split()
_FUNCTION = ("the of and to in that for on with as by at from this will is are be has "
             "have we our they not but all it").split()
_CONTENT = """plan budget harbour council bridge workers families school hospital river
road tax vote fund water power energy port market price wage union farm village coast
storm flood repair safety report tender contract permit debate border trade grain fuel rail
ferry tunnel clinic doctor nurse teacher pupil rent house loan bank court judge law police
fire army treaty talks summit deal ceasefire aid refugee camp convoy supply shortage winter
harvest drought mine factory steel timber cable tower dam canal airport runway""".split()
_VERBS = """support oppose demand reject approve delay protect rebuild finance review extend
cancel promise deliver defend restore expand reduce secure guarantee""".split()
_SYNONYMS = {
    "plan": "scheme", "budget": "spending", "workers": "employees", "families": "households",
    "vote": "ballot", "fund": "money", "price": "cost", "repair": "fix", "safety": "security",
    "debate": "discussion", "talks": "negotiations", "deal": "agreement", "aid": "assistance",
    "shortage": "lack", "support": "back", "oppose": "resist", "demand": "insist on",
    "reject": "refuse", "approve": "endorse", "delay": "postpone", "protect": "defend",
    "rebuild": "reconstruct", "promise": "pledge", "deliver": "provide", "restore": "renew",
    "expand": "enlarge", "reduce": "cut", "secure": "ensure", "will": "shall", "we": "us all",
    "our": "the", "not": "never", "all": "every", "house": "home", "road": "highway",
}
_TOPICS = [_CONTENT[i : i + 8] for i in range(0, len(_CONTENT) - 7, 8)]
_CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "абкдефгхийклмнопкрстуввксз", strict=True))
_HAN = [chr(0x4E00 + k) for k in range(0, 2000, 3)]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_C) + rng.choice(_V) for _ in range(syllables))


@dataclass
class Corpus:
    articles: list[Article]
    event_of: dict[str, int]  # article id -> event
    statement_of: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)


@dataclass
class _Event:
    n: int
    day: int
    topic: list[str]
    place: str
    things: list[str]
    speakers: list[int]
    statements: list[tuple[int, list[str]]]  # (speaker, words)
    script: str  # latin | cyrillic | han


class _Maker:
    def __init__(self, seed: int, days: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.days = days
        self.names = [f"{_word(rng, 2).title()} {_word(rng, 3).title()}" for _ in range(400)]
        self.outlets = [f"The {_word(rng, 2).title()} {k}" for k in
                        ("Courier", "Herald", "Post", "Times", "Echo", "Ledger")
                        for _ in range(6)]
        self.lexicon = sorted({_word(rng, rng.choice([2, 3])) for _ in range(1500)})
        self.foreign = {w: _word(random.Random(w), 2) for w in
                        [*_CONTENT, *_VERBS, *_FUNCTION, *_SYNONYMS.values(), *self.lexicon]}

    def event(self, n: int) -> _Event:
        rng = self.rng
        k = rng.choice([1, 1, 2, 2, 3])
        speakers = [rng.randrange(POPULAR)] if rng.random() < 0.6 else []
        while len(speakers) < k:
            s = rng.randrange(POPULAR, len(self.names))
            if s not in speakers:
                speakers.append(s)
        topic = rng.choice(_TOPICS)
        things = [_word(rng, 3) for _ in range(3)]
        statements = []
        for s in speakers:
            for _ in range(rng.randint(2, 5)):
                statements.append((s, self._sentence(topic, things)))
        script = rng.choices(["latin", "cyrillic", "han"], [0.88, 0.08, 0.04])[0]
        return _Event(n, rng.randrange(self.days), topic, _word(rng, 3).title(), things,
                      speakers, statements, script)

    def _sentence(self, topic: list[str], things: list[str]) -> list[str]:
        rng = self.rng
        out = []
        for _ in range(rng.randint(12, 24)):
            r = rng.random()
            if r < 0.4:
                out.append(rng.choice(_FUNCTION))
            elif r < 0.5:
                out.append(rng.choice(_VERBS))
            elif r < 0.55:
                out.append(rng.choice(things))
            elif r < 0.65:
                out.append(rng.choice(topic))
            elif r < 0.8:
                out.append(rng.choice(_CONTENT))
            else:
                out.append(rng.choice(self.lexicon))
        return out

    def render(self, words: list[str]) -> tuple[list[list[str]], str]:
        """One outlet's rendering of a statement: one or two pieces of words, and a kind."""
        rng = self.rng
        form = rng.choices(
            ["same", "reworded", "partial", "split", "reported", "translated"],
            [0.25, 0.25, 0.15, 0.1, 0.15, 0.1],
        )[0]
        w = list(words)
        if form in ("reworded", "reported", "translated", "split"):
            w = [_SYNONYMS.get(x, x) if rng.random() < 0.35 else x for x in w]
            if rng.random() < 0.3:
                cut = len(w) // 2
                w = w[cut:] + w[:cut]
        if form == "translated":
            w = [self.foreign.get(x, x) if rng.random() < 0.4 else x for x in w]
        if form == "partial":
            size = max(6, int(len(w) * rng.uniform(0.4, 0.7)))
            start = rng.randrange(len(w) - size + 1)
            w = w[start : start + size]
        if form == "reported":
            w = [{"we": "they", "our": "their"}.get(x, x) for x in w]
            return [w], "indirect"
        if form == "split":
            cut = len(w) // 2
            return [w[:cut], w[cut:]], "direct"
        return [w], "direct"


def _script(text: str, script: str) -> str:
    if script == "cyrillic":
        return "".join(_CYRILLIC.get(c, _CYRILLIC.get(c.lower(), c)) for c in text)
    if script == "han":
        words = text.split(" ")
        return "".join(
            "".join(_HAN[hash_(w, k) % len(_HAN)] for k in range(max(1, len(w) // 3)))
            if w.isalpha() else w
            for w in words
        )
    return text


def hash_(word: str, k: int) -> int:
    h = 7 + k
    for c in word.lower():
        h = (h * 31 + ord(c)) % 1_000_003
    return h


def _article(m: _Maker, ev: _Event, aid: str, outlet: str, day: int | None,
             corpus: Corpus) -> Article:
    rng = m.rng
    paras: list[str] = []
    quotes: list[tuple[int, int, int, str, str, str, int]] = []  # para, start, end, ...
    title = (f"{ev.place} {rng.choice(ev.topic)} {rng.choice(ev.things)}: "
             f"{rng.choice(_VERBS)} {rng.choice(ev.topic)} {rng.choice(_CONTENT)}")
    lede = (f"In {ev.place}, the {' and '.join(ev.things[:2])} {rng.choice(ev.topic)} "
            f"{rng.choice(_VERBS)} the {rng.choice(ev.topic)} "
            f"{rng.choice(_CONTENT)} {rng.randint(2, 900)}.")
    paras.append(_script(lede, ev.script))
    chosen = [s for s in ev.statements if rng.random() < 0.75] or ev.statements[:1]
    for si, (speaker, words) in enumerate(ev.statements):
        if (speaker, words) not in chosen:
            continue
        pieces, kind = m.render(words)
        name = m.names[speaker]
        for piece in pieces:
            text = _script(" ".join(piece), ev.script)
            if kind == "direct":
                para = f"“{text},” said {name}."
                start = 1
            else:
                para = f"{name} said that {text}."
                start = len(name) + len(" said that ")
            paras.append(para)
            quotes.append((len(paras) - 1, start, start + len(text), text, kind, ev.n, si,
                           speaker))
        if rng.random() < 0.5:
            filler = " ".join(rng.choice(_CONTENT + _FUNCTION + ev.topic) for _ in range(25))
            paras.append(_script(filler.capitalize() + ".", ev.script))
    for _ in range(rng.randint(2, 5)):
        filler = " ".join(rng.choice(_CONTENT + _FUNCTION) for _ in range(30))
        paras.append(_script(filler.capitalize() + ".", ev.script))
    qs = []
    for k, (p, s, e, text, kind, _ev, si, speaker) in enumerate(quotes, 1):
        qs.append(Quote(id=f"q{k}", paragraph=p, start=s, end=e, text=text, kind=kind,  # type: ignore[arg-type]
                        speaker_key=m.names[speaker], speaker_id=f"speaker-{speaker}"))
        corpus.statement_of[(aid, f"q{k}")] = (ev.n, si)
    date = None if day is None else _iso(day)
    return Article(
        format="txt", title=_script(title, ev.script), title_derived=False,
        paragraphs=tuple(Paragraph(i, t) for i, t in enumerate(paras)),
        date=date, source_name=outlet, id=aid, path=f"{aid}.txt", sha256="",
        source_id=outlet.lower().replace(" ", "-"), quotes=tuple(qs),
    )


def _iso(day: int) -> str:
    import datetime as dt

    return (dt.date(2031, 1, 1) + dt.timedelta(days=day)).isoformat()


def generate(n: int, seed: int = 17, days: int | None = None) -> Corpus:
    """About ``n`` articles over ``days`` days (default: one day per 30 articles)."""
    m = _Maker(seed, days or max(5, n // 30))
    corpus = Corpus([], {})
    e = 0
    while len(corpus.articles) < n:
        ev = m.event(e)
        r = m.rng.random()
        if r < MULTI:
            outlets = m.rng.sample(m.outlets, m.rng.randint(2, 6))
        elif r < MULTI + SINGLE_OUTLET:
            outlets = [m.rng.choice(m.outlets)] * 2
        else:
            outlets = [m.rng.choice(m.outlets)]
        for k, outlet in enumerate(outlets):
            aid = f"a{len(corpus.articles):06d}"
            day = ev.day + (k if len(set(outlets)) == 1 else m.rng.choice([0, 0, 0, 1]))
            dated = m.rng.random() >= UNDATED or len(outlets) == 1
            corpus.articles.append(_article(m, ev, aid, outlet, day if dated else None, corpus))
            corpus.event_of[aid] = ev.n
        e += 1
    return corpus


def score(corpus: Corpus, index: StoryIndex) -> dict[str, float]:
    """B-cubed precision/recall of the stories (an article in no story is alone), and precision
    and recall of the aligned quote pairs from different articles."""
    ids = [a.id for a in corpus.articles]
    found = {a: index.story_of.get(a, "alone:" + a) for a in ids}
    members: dict[str, set[str]] = defaultdict(set)
    gold: dict[int, set[str]] = defaultdict(set)
    for a in ids:
        members[found[a]].add(a)
        gold[corpus.event_of[a]].add(a)
    p = r = 0.0
    for a in ids:
        mine, truth = members[found[a]], gold[corpus.event_of[a]]
        both = len(mine & truth)
        p += both / len(mine)
        r += both / len(truth)
    pairs_found = set()
    for st in index.statements:
        for x, y in combinations(st.quotes, 2):
            if x[0] != y[0]:
                pairs_found.add(frozenset((x, y)))
    by_statement: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for q, s in corpus.statement_of.items():
        by_statement[s].append(q)
    pairs_gold = {
        frozenset((x, y))
        for qs in by_statement.values()
        for x, y in combinations(sorted(qs), 2)
        if x[0] != y[0]
    }
    right = len(pairs_found & pairs_gold)
    return {
        "articles": len(ids),
        "bcubed_precision": p / len(ids),
        "bcubed_recall": r / len(ids),
        "statement_precision": right / len(pairs_found) if pairs_found else 1.0,
        "statement_recall": right / len(pairs_gold) if pairs_gold else 1.0,
        "stories": len(index.stories),
        "statements": len(index.statements),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--update", action="store_true",
                    help="also time finding the stories again after one edit of each kind")
    args = ap.parse_args(argv)
    corpus = generate(args.n, args.seed)
    # The terms are found in the per-file stage of a build (worker processes, cached): timed
    # apart, on one process, as the sum of what the workers would do.
    c0 = time.process_time()
    articles = [with_terms(a) for a in corpus.articles]
    terms_cpu = time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    index = find_stories(articles, StorySettings())
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    res = score(corpus, index)
    print(" ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                   for k, v in res.items()),
          f"seconds {took:.2f} cpu {cpu:.2f} (per-file terms: cpu {terms_cpu:.2f})")
    if args.update:
        _time_updates(articles)
    return 0


def _time_updates(articles: list[Article]) -> None:
    """``update_stories`` after one edit of each kind, from the memo of the unedited archive,
    beside a grouping from scratch of the same articles (the results are compared)."""
    from dataclasses import replace

    from site_gen.stories import update_stories

    s = StorySettings()
    first, memo, _ = update_stories(articles, s, None, "benchmark")
    middle = len(articles) // 2
    k = next(i for i in range(middle, len(articles))
             if articles[i].quotes and articles[i].date and articles[i].id in first.story_of)
    a = articles[k]
    q = a.quotes[-1]
    newest = max(articles, key=lambda x: x.date or "")
    edits = {
        "nothing": articles,
        "a quote's words": [*articles[:k], replace(a, quotes=(*a.quotes[:-1], replace(
            q, terms=f"{q.terms} zzedit"))), *articles[k + 1:]],
        "a speaker (middle)": [*articles[:k], replace(a, quotes=tuple(
            replace(x, speaker_id="someone-else") for x in a.quotes)), *articles[k + 1:]],
        "a word of a lead": [*articles[:k], replace(a, lead_terms=" ".join(
            (a.lead_terms or "").split()[1:] + ["zzedit"])), *articles[k + 1:]],
        "add a newest article": [*articles, replace(newest, id="zz-added")],
    }
    for name, edited in edits.items():
        t0 = time.perf_counter()
        index, _, work = update_stories(edited, s, memo, "benchmark")
        took = time.perf_counter() - t0
        t0 = time.perf_counter()
        same = index == find_stories(edited, s)
        cold = time.perf_counter() - t0
        print(f"edit {name}: compared {work.scored} of {work.scored + work.replayed} articles,"
              f" aligned {work.aligned} of {work.aligned + work.reused} stories,"
              f" {took:.2f} s (from scratch {cold:.2f} s), same stories: {same}")


if __name__ == "__main__":
    raise SystemExit(main())
