"""A deterministic synthetic news archive of N articles, as raw text and as Markdown.

    python benchmarks/synthetic.py N OUT [--seed S]

writes ``OUT/txt/`` (raw copies: a title line, a blank line, 5 to 20 paragraphs, a
``Source: OUTLET`` footer; a wire dateline such as ``PORT VELMAR (Wire Agency) -`` on some),
``OUT/md/`` (the same articles as Markdown with front matter: ``title``, ``date``, ``source``,
``author``, and the taxonomies ``outlets`` and ``speakers``) and ``OUT/speakers.toml`` (a few
pinned speakers). Everything is invented: about 300 recurring speakers (common given names with
made-up surnames), 24 outlets of made-up towns, places, agencies and stories.

Article ``i`` depends only on the seed and ``i``: the same N gives byte-identical files, and the
first 1,000 articles of a 10,000-article archive are the 1,000-article archive. Files are
spread over folders of 1,000 (``txt/000/000123-some-title.txt``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 16
SPEAKERS = 300
PER_FOLDER = 1000

# Common given names (the quote extractor knows a given name when it sees one), with surnames
# made from syllables below: nobody real is meant.
_FEMALE = """Alice Amanda Anna Barbara Carla Carol Claire Diana Elena Emily Emma Erin Grace Hannah
Helen Irene Jane Julia Karen Laura Linda Lucy Maria Megan Monica Nadia Naomi Nina Olivia Paula
Rachel Rosa Ruth Sarah Sonia Susan Teresa Vera Wendy Zoe""".split()
_MALE = """Aaron Adam Alan Andrew Anthony Arthur Ben Carl Colin Daniel David Dennis Edward Eric
Frank Gary George Henry Ian Isaac Jack James Jason Karl Kevin Leon Mark Martin Neil Oscar Owen
Patrick Paul Peter Ralph Robert Samuel Simon Thomas Victor Walter""".split()
_SYLLABLES_A = """Al Bar Cal Dor Ern Fal Gar Hal Ist Jor Kel Lom Mar Nor Ost Pel Quil Ror Sel Tam
Ulv Var Wen Yor Brek Drav Fen Grel Hask Lund""".split()
_SYLLABLES_B = """bek dane fold gard holm kett lind mire nash pike quist rand stow tell vick wode
brook cott dell ford""".split()

_TOWNS = """Velmar Kestova Brannoch Halvardsby Oskelund Veyra Dunmallow Sarrington Eastmere
Caldreth Norvane Ilsport""".split()
_PLACES = ["Port Velmar", "Kestova", "Brannoch", "Halvardsby", "Oskelund", "Veyra",
           "Dunmallow", "Sarrington", "Eastmere", "Caldreth", "Norvane", "Ilsport",
           "North Kestova", "Lower Brannoch"]
_OUTLET_KINDS = ["Herald", "Daily Post", "Courier", "Tribune", "Ledger", "Morning Star",
                 "Gazette", "Observer", "Chronicle", "Record", "Standard", "Echo"]
OUTLETS = [f"{town} {kind}" for town, kind in zip(_TOWNS, _OUTLET_KINDS, strict=True)] + [
    f"{town} {kind}" for town, kind in zip(_TOWNS, _OUTLET_KINDS[6:] + _OUTLET_KINDS[:6],
                                           strict=True)
]
AGENCIES = ["Wire Agency", "Coastal Press Service", "Northern News Agency"]

_ROLES = [
    "the harbour minister", "the mayor of {town}", "a spokesperson for the port authority",
    "a spokesperson for the regional council", "the chair of the fisheries board",
    "an economist at {town} University", "the transport commissioner",
    "a union representative at the {town} docks", "the head of the regional health service",
    "the owner of a bakery in {town}", "a councillor for {town} East",
    "the director of the {town} water company", "the leader of the opposition group",
    "a teacher at {town} High School", "the chief of the {town} fire brigade",
    "the finance minister", "a researcher at the Institute for Coastal Studies",
    "the president of the {town} chamber of commerce", "a nurse at {town} General Hospital",
    "the police commissioner for the eastern district",
]

_TOPICS = [
    ("harbour expansion", "the new container quay"), ("rail link", "the coastal line"),
    ("water rates", "the new tariff"), ("school closures", "the consolidation plan"),
    ("hospital waiting times", "the emergency department"), ("wind farm", "the offshore turbines"),
    ("fishing quotas", "the autumn quota"), ("bridge repairs", "the old river bridge"),
    ("flood defences", "the sea wall"), ("city budget", "next year's budget"),
    ("housing shortage", "the housing programme"), ("ferry timetable", "the winter timetable"),
    ("bus fares", "the fare increase"), ("library hours", "the reading rooms"),
    ("tourist tax", "the visitor levy"), ("road tolls", "the ring road toll"),
]

_HEADLINES = [
    "{Place} council backs {topic} plan after long debate",
    "Residents of {Place} divided over {topic}",
    "{Topic}: what the vote in {Place} means",
    "Ministers promise answers on {topic} by spring",
    "{Place} waits for decision on {topic}",
    "Dispute over {topic} reaches the regional assembly",
    "{Topic} costs rise again, {Place} officials warn",
    "Unions and employers clash over {topic} in {Place}",
]

_NARRATIVE = [
    "The council met on {date} to discuss {thing}.",
    "The proposal would cost about {money} million over {years} years.",
    "About {people} people attended the public meeting in {place}, according to the organisers.",
    "A final vote is expected on {weekday_next}, after a second reading.",
    "Officials in {place} have spent {months} months preparing the plan.",
    "The regional assembly must approve {thing} before any work can start.",
    "Local businesses have asked for compensation during the construction period.",
    "The previous plan was abandoned in {old_year} after costs doubled.",
    "Critics say the consultation was too short and the documents hard to find.",
    "The figures were published on {date} in the council's quarterly report.",
    "Some {people} households would be affected, the report found.",
    "The opposition has called for an independent review of {thing}.",
    "Work on {thing} was first proposed {years} years ago.",
    "The existing structures will need repairs within {years} years, the engineers' report found.",
    "The debate lasted more than {hours} hours and ended without a vote.",
    "Turnout at the last local election in {place} was below half.",
    "The port handles about {people} tonnes of cargo a week.",
    "Opponents have collected {people} signatures against the plan.",
    "The regional government has not said whether it will contribute.",
    "A similar scheme in a neighbouring town was completed {months} months late.",
    "Traffic on the coast road has grown every year since {old_year}.",
    "The consultation closes at the end of the month.",
    "Council staff will present revised drawings at the next meeting.",
    "The auditors are due to report on {thing} in the autumn.",
    "Several councillors left the chamber before the end of the session.",
    "An earlier survey found most residents in favour, with many undecided.",
    "Insurance costs for local firms have risen sharply, the chamber of commerce said.",
    "The last comparable project in {place} took {years} years to complete.",
    "Shops along the harbour front closed early on {weekday_next} in protest.",
    "Documents released on {date} show the estimates were revised three times.",
]

_QUOTE_SUBJECTS = ["We", "The people of {place}", "Our members", "Families here", "Residents",
                   "Our engineers", "Workers at the docks", "Taxpayers", "Small businesses"]
_QUOTE_PREDICATES = [
    "will not accept a plan that leaves {place} behind",
    "have waited long enough for a straight answer on {thing}",
    "cannot keep paying more for less",
    "need to see the full costs before anyone signs anything",
    "deserve better than another round of consultations",
    "have been clear from the start about what {thing} would cost",
    "should not be asked to choose between jobs and safety",
    "are ready to work with anyone who takes this seriously",
    "have heard the concerns and are changing the plan",
    "will be watching every step of the process",
]
_QUOTE_TAILS = ["", "", " this year", " before the winter", " again", " this time"]
_QUOTE_EXTRAS = [
    "The numbers speak for themselves.", "This is about the next twenty years, not the next "
    "election.", "It is as simple as that.", "We have said so from the beginning.",
    "Nobody should be surprised by this.", "That is what people here are telling us.",
]
_REPORTED = [
    "the plan would be revised before the final vote",
    "the costs had been underestimated from the start",
    "{thing} would create about {people} jobs",
    "residents had not been properly consulted",
    "the work could begin as early as next spring",
    "the budget for {thing} was already stretched",
    "the government would publish its own figures within weeks",
]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    she: bool

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Article:
    index: int
    folder: str  # "000", "001", ...
    stem: str  # "000123-some-title"
    title: str
    date: dt.date
    outlet: str
    author: str | None
    speakers: tuple[str, ...]  # in order of first appearance
    paragraphs: tuple[str, ...]  # body, the dateline inside the first one

    def text(self) -> str:
        """The raw copy: title, (byline), body, source footer."""
        head = [self.title] + ([f"By {self.author}"] if self.author else [])
        return "\n\n".join([*head, *self.paragraphs, f"Source: {self.outlet}"]) + "\n"

    def markdown(self) -> str:
        """The same article as Markdown with front matter (YAML), taxonomies included."""
        lines = ["---", f"title: {_yaml(self.title)}", f"date: {self.date.isoformat()}",
                 f"source: {_yaml(self.outlet)}"]
        if self.author:
            lines.append(f"author: {_yaml(self.author)}")
        lines.append(f"outlets: [{_yaml(self.outlet)}]")
        lines.append("speakers: [" + ", ".join(_yaml(s) for s in self.speakers) + "]")
        lines.append("---")
        return "\n".join(lines) + "\n\n" + "\n\n".join(self.paragraphs) + "\n"

    @property
    def txt_path(self) -> str:
        return f"{self.folder}/{self.stem}.txt"

    @property
    def md_path(self) -> str:
        return f"{self.folder}/{self.stem}.md"


def _yaml(s: str) -> str:
    """A double-quoted YAML scalar (our strings have no control characters)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cast(seed: int = DEFAULT_SEED) -> list[Person]:
    """The recurring speakers: the same for every N."""
    rng = random.Random(f"{seed}:cast")
    surnames = sorted({a + b for a in _SYLLABLES_A for b in _SYLLABLES_B})
    rng.shuffle(surnames)
    people = []
    for k in range(SPEAKERS):
        she = k % 2 == 0
        given = rng.choice(_FEMALE if she else _MALE)
        role = rng.choice(_ROLES).format(town=rng.choice(_TOWNS))
        people.append(Person(f"{given} {surnames[k]}", role, she))
    return people


def reporters(seed: int = DEFAULT_SEED) -> list[str]:
    rng = random.Random(f"{seed}:reporters")
    surnames = sorted({b.capitalize() + a.lower() for a in _SYLLABLES_A for b in _SYLLABLES_B})
    return [f"{rng.choice(_FEMALE + _MALE)} {s}" for s in rng.sample(surnames, 40)]


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:50].rstrip("-")


def _quote(rng: random.Random, fill: _Fill) -> str:
    subject = rng.choice(_QUOTE_SUBJECTS)
    return (subject + " " + rng.choice(_QUOTE_PREDICATES) + rng.choice(_QUOTE_TAILS)).format_map(
        fill)


class _Fill(dict):
    """The article's fixed words (place, topic, date); numbers drawn afresh at every use."""

    def __init__(self, rng: random.Random, year: int, fixed: dict[str, str]):
        super().__init__(fixed)
        self.rng, self.year = rng, year

    def __missing__(self, key: str) -> str:
        r = self.rng
        if key == "people":
            return f"{r.randint(40, 9000):,}"
        if key == "old_year":
            return str(self.year - r.randint(2, 15))
        low, high = {"money": (3, 900), "years": (2, 30), "months": (2, 30), "hours": (2, 9)}[key]
        return str(r.randint(low, high))


class _Writer:
    """One article's paragraphs, with its speakers introduced before pronouns refer to them."""

    def __init__(self, rng: random.Random, people: list[Person], fill: _Fill):
        self.rng = rng
        self.fill = fill
        self.cast = rng.sample(people, rng.randint(1, 4))
        self.named: list[Person] = []
        self.last: Person | None = None
        self.deck: list[str] = []

    def sentence(self) -> str:
        if not self.deck:  # every sentence once before any comes back
            self.deck = list(_NARRATIVE)
            self.rng.shuffle(self.deck)
        return self.deck.pop().format_map(self.fill)

    def narrative(self) -> str:
        self.last = None
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def _speaker(self) -> tuple[Person, bool]:
        p = self.rng.choice(self.cast)
        first = p not in self.named
        if first:
            self.named.append(p)
        return p, first

    def quote_paragraph(self) -> str:
        rng, fill = self.rng, self.fill
        if self.last is not None and rng.random() < 0.3:  # a pronoun for the one just quoted
            p = self.last
            q = _quote(rng, fill)
            return f"“{q},” {'she' if p.she else 'he'} said."
        p, first = self._speaker()
        self.last = p
        who = f"{p.name}, {p.role}" if first else p.surname  # the role on first mention
        short = p.name if first else p.surname
        q = _quote(rng, fill)
        reported = rng.choice(_REPORTED).format_map(fill)
        kind = rng.randrange(8)
        if kind == 0:
            return f"“{q},” said {who}."
        if kind == 1:
            return f'"{q}," {short} said.'
        if kind == 2:
            return f"{who}, said: “{q}.”" if first else f"{who} said: “{q}.”"
        if kind == 3:
            return f"“{rng.choice(_QUOTE_EXTRAS)} {q},” {short} told reporters."
        if kind == 4:
            return f"{short} said that {reported}."
        if kind == 5:
            return f"{short} told reporters on {fill['weekday']} that {reported}."
        if kind == 6:
            return f"According to {who}, {reported}."
        return f'"{q}," said {who}, adding that {reported}.'


def article(i: int, seed: int = DEFAULT_SEED, people: list[Person] | None = None,
            bylines: list[str] | None = None) -> Article:
    """Article number ``i`` (0-based) of the archive made with ``seed``."""
    people = people if people is not None else cast(seed)
    bylines = bylines if bylines is not None else reporters(seed)
    rng = random.Random(f"{seed}:article:{i}")
    date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
    place = rng.choice(_PLACES)
    topic, thing = rng.choice(_TOPICS)
    fill = {
        "place": place, "thing": thing, "topic": topic,
        "Place": place, "Topic": topic[0].upper() + topic[1:],
        "date": (f"{date:%B} {date.day}, {date.year}" if rng.random() < 0.5
                 else f"{date.day} {date:%B} {date.year}"),
        "weekday": date.strftime("%A"),
        "weekday_next": (date + dt.timedelta(days=rng.randint(2, 6))).strftime("%A"),
    }
    fill = _Fill(rng, date.year, fill)
    title = rng.choice(_HEADLINES).format_map(fill)
    w = _Writer(rng, people, fill)
    lead = (f"Officials in {place} on {fill['date']} set out their position on {thing}, "
            f"the latest turn in a long dispute over {topic}.")
    if rng.random() < 0.35:  # a wire dateline, in capitals
        lead = f"{place.upper()} ({rng.choice(AGENCIES)}) - {lead}"
    paragraphs = [f"{lead} {w.sentence()}"]
    for _ in range(rng.randint(4, 19)):
        if rng.random() < 0.55:
            quoted = w.quote_paragraph()
            paragraphs.append(f"{quoted} {w.sentence()}" if rng.random() < 0.4 else quoted)
        else:
            paragraphs.append(w.narrative())
    if not w.named:  # every article quotes someone
        paragraphs.insert(1, w.quote_paragraph())
    author = rng.choice(bylines) if rng.random() < 0.3 else None
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    stem = f"{i:06d}-{_slug(title)}"
    return Article(i, f"{i // PER_FOLDER:03d}", stem, title, date, outlet, author,
                   tuple(p.name for p in w.named), tuple(paragraphs))


def articles(n: int, seed: int = DEFAULT_SEED, start: int = 0):
    people, bylines = cast(seed), reporters(seed)
    for i in range(start, start + n):
        yield article(i, seed, people, bylines)


def speakers_toml(seed: int = DEFAULT_SEED, count: int = 8) -> str:
    """A ``speakers.toml`` pinning the first ``count`` speakers of the cast."""
    out = ["# Pinned speakers of the synthetic archive (all invented).", ""]
    for p in cast(seed)[:count]:
        out += ["[[speaker]]", f"name = {_yaml(p.name)}",
                f"aliases = [{_yaml(p.name.split()[0][0] + '. ' + p.surname)}]",
                f"description = {_yaml(p.role[0].upper() + p.role[1:])}", ""]
    return "\n".join(out)


def write_article(a: Article, txt_dir: Path | None, md_dir: Path | None) -> int:
    """Write the article's raw copy and/or Markdown copy; returns the raw copy's size."""
    size = 0
    for root, rel, body in ((txt_dir, a.txt_path, a.text), (md_dir, a.md_path, a.markdown)):
        data = body().encode("utf-8")
        if body == a.text:
            size = len(data)
        if root is not None:
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return size


def write_corpus(n: int, txt_dir: Path | None, md_dir: Path | None,
                 seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write articles 0..n-1 into ``txt_dir`` and/or ``md_dir`` (one at a time: 100,000 fit
    in little memory); returns counts: articles, txt_bytes, speakers, outlets."""
    txt_bytes, speakers, outlets = 0, set(), set()
    for a in articles(n, seed):
        txt_bytes += write_article(a, txt_dir, md_dir)
        speakers.update(a.speakers)
        outlets.add(a.outlet)
    return {"articles": n, "txt_bytes": txt_bytes, "speakers": len(speakers),
            "outlets": len(outlets)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="folder to write txt/, md/ and speakers.toml into")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    for sub in ("txt", "md"):
        if (args.out / sub).exists():
            print(f"synthetic: {args.out / sub} exists; choose a new folder", file=sys.stderr)
            return 2
    counts = write_corpus(args.n, args.out / "txt", args.out / "md", args.seed)
    (args.out / "speakers.toml").write_text(speakers_toml(args.seed), encoding="utf-8")
    print(f"{counts['articles']} articles, {counts['speakers']} speakers, "
          f"{counts['outlets']} outlets in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
