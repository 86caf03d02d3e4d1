"""The archive's data model: frozen, picklable dataclasses related by id.

Data flows one way: the per-file stage (``process.process_file``) makes one ``Article`` from one
input file, with its quotes and in-article speaker clusters; the archive stage
(``archive.build_archive``) assigns archive-wide ids (sources, canonical speakers) and builds the
cross-article indexes. Nothing here does I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

T = TypeVar("T")


def evolve(obj: T, **changes: object) -> T:
    """A copy of a frozen dataclass of this module with ``changes``, as ``dataclasses.replace``
    makes it but without calling ``__init__`` again with every field (none of these classes
    checks its fields there): the archive stage copies every quote of the archive."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new

QuoteKind = Literal["direct", "indirect"]
Direction = Literal["ltr", "rtl"]
# "note": what the reader left out or decided, for inspect and --verbose; not a problem.
Severity = Literal["note", "warning", "error"]


@dataclass(frozen=True)
class Diagnostic:
    """A message for the user about one input file (``path`` is content-relative)."""

    severity: Severity
    path: str
    message: str
    line: int | None = None

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


def collapse_repeated(lines: list[str], limit: int = 3) -> list[str]:
    """Repeated messages (same text after the file name) are shown a few times, then counted."""
    seen: dict[str, int] = {}
    out = []
    for line in lines:
        key = line.split(": ", 1)[-1]
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            out.append(line)
    for key, n in seen.items():
        if n > limit:
            out.append(f"... and {n - limit} more: {key}")
    return out


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph.

    ``text`` is the normalized text shown on the page. ``start`` is the offset of ``text[0]`` in
    the article's *original* text (``Article.raw_text``); when normalization changed the length of
    the text, ``origin`` maps every index of ``text`` to its index in the original text (empty when
    ``text`` is exactly ``raw_text[start:start + len(text)]`` up to same-length substitutions such
    as a non-breaking space read as a space). ``start`` is -1 when the paragraph has no place in
    the original (e.g. text extracted from HTML markup).
    """

    index: int
    text: str
    start: int = -1
    origin: tuple[int, ...] = ()
    # p | h (heading) | blockquote | li | pre (code, verbatim) | html (raw HTML of a Markdown
    # file, verbatim: shown as its source unless the site allows it, sanitised)
    kind: str = "p"

    @property
    def anchor(self) -> str:
        return f"p{self.index + 1}"

    def source_offset(self, i: int) -> int | None:
        """Offset in the original text of ``text[i]`` (``i == len(text)`` allowed)."""
        if self.start < 0:
            return None
        if not self.origin:
            return self.start + i
        if i >= len(self.origin):
            return self.origin[-1] + 1 + (i - len(self.origin)) if self.origin else self.start
        return self.origin[i]


@dataclass(frozen=True)
class SpeakerMention:
    """A person (or organisation) quoted in one article, as that article names them.

    ``key`` is the fullest name form the article uses (e.g. "Yusuf Qadiri" with honorifics
    stripped); ``forms`` every surface form that referred to them in the article ("Sheikh
    Qadiri", "the Chairman", ...), in order of first appearance.
    """

    key: str
    forms: tuple[str, ...] = ()
    description: str | None = None  # a role or apposition the article gives ("head of ... Hamas")


@dataclass(frozen=True)
class Quote:
    """One quotation or reported statement in one article.

    ``start``/``end`` are offsets into the paragraph's ``text``; ``source_start``/``source_end``
    into the article's original text (None when the paragraph has no place in it).
    ``speaker_key`` points to a ``SpeakerMention.key`` of the same article (None: unnamed source);
    ``speaker_id`` is the archive-wide ``Speaker.id``, known only after the archive stage.
    """

    id: str
    paragraph: int
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    mention: str | None = (
        None  # the words that name the speaker next to the quote ("he", "Halvorsen")
    )
    speaker_key: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    speaker_id: str | None = None
    # The distinct terms of ``text`` (``site_gen.terms.quote_terms``), sorted, space-separated:
    # known from the per-file stage; None on a quote made elsewhere (found when needed).
    terms: str | None = None
    # The quote exactly as the input file has it (``source_start``/``source_end`` of the
    # original text) when that differs from ``text`` (spacing, line breaks); None: the same.
    original: str | None = None


@dataclass(frozen=True)
class Document:
    """Everything the reader knows about one article file (the per-file reader's output).

    Dates are ISO ``YYYY-MM-DD`` strings. ``date`` is what the archive shows and sorts by: the
    publication date when known, else the event date stated in the text, else None (undated);
    ``date_basis`` says which ("sidecar", "front matter", "page metadata", "text", ...).
    """

    format: str  # txt | md | html
    title: str
    title_derived: bool
    paragraphs: tuple[Paragraph, ...]
    # the decoded original text the offsets refer to; an ``Article`` of the per-file stage
    # keeps only the pieces it shows (``Quote.original``), not the whole text: see process.py
    raw_text: str = ""
    source_name: str | None = None  # outlet, canonical via the registry when known
    attribution: str | None = None  # the raw attribution line as written ("SOURCE: Harbor Tv")
    license: str | None = None  # SPDX id ("CC-BY-4.0") or "all-rights-reserved"
    url: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None
    event_date: str | None = None
    date: str | None = None
    date_basis: str | None = None
    lang: str | None = None
    # "registry" when no declaration and no detection gave ``lang`` and the outlet's usual
    # language did: the weakest basis, below a folder's default (see ``reader.defaults``).
    lang_basis: str | None = None
    dir: Direction = "ltr"
    # Editor's notes ("Update: ...", "Correction: ...") found at the start or end of the body and
    # taken out of ``paragraphs``; one string per note, in order (leading notes first).
    notes: tuple[str, ...] = ()
    # The summary the page shows under the headline, apart from the body (dek, lead, teaser);
    # None when the file has none (never made up from a description the page does not show).
    standfirst: str | None = None


@dataclass(frozen=True, kw_only=True)
class Article(Document):
    """One article of the archive: its ``Document`` plus identity, quotes and speakers.

    ``id`` is made unique by the archive stage; ``source_id`` and each quote's ``speaker_id`` are
    known only after it.
    """

    id: str  # slug of the article, unique in the archive
    path: str  # content-relative POSIX path of the input file
    sha256: str
    source_id: str | None = None  # archive-level Source.id
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[SpeakerMention, ...] = ()
    also_paths: tuple[str, ...] = ()  # other input files holding the same article (duplicates)
    also_sha256: tuple[str, ...] = ()  # their SHA-256, in the same order
    # The terms of the lead (title, standfirst, first paragraphs; ``site_gen.terms``) in order,
    # space-separated: what stories compare. Known from the per-file stage (computed in the
    # workers, cached); None on an article made elsewhere (found when needed).
    lead_terms: str | None = None
    # ``text_digest(paragraphs)``: what the archive compares to find the same text in two
    # files. From the per-file stage; None on an article made elsewhere (found when needed).
    text_digest: str | None = None


def text_digest(paragraphs: Sequence[Paragraph]) -> str:
    """A digest of an article's words, spacing aside: two files with the same digest hold the
    same text. Words are split at Unicode whitespace, what the pattern \\s+ matches; a copy in
    capitals or with other wording is another text. Empty for an article without words."""
    words = " ".join(w for p in paragraphs for w in p.text.split())
    if not words:
        return ""
    return hashlib.sha256(words.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Source:
    """An outlet."""

    id: str
    name: str
    homepage: str | None = None
    country: str | None = None
    lang: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """A canonical speaker across the archive."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    # descriptions that mean this speaker in an article that names them (speakers.toml
    # ``roles``: regular expressions matched against a whole description, lowercased)
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileResult:
    """What the per-file stage made of one input: an article (or None) and messages."""

    path: str
    article: Article | None
    diagnostics: tuple[Diagnostic, ...] = field(default=())


@dataclass(frozen=True)
class Statement:
    """One statement of one speaker as several articles of a story render it (two translations,
    a partial quote, a quote split in two, direct in one and reported in another). Each
    wording is a quote ``(article_id, quote_id)``; the words stay in the quotes, unchanged."""

    id: str
    story_id: str
    speaker_id: str
    quotes: tuple[tuple[str, str], ...]  # in the story's article order, then paragraph order


@dataclass(frozen=True)
class Story:
    """Articles about the same event, from one or several outlets (at least two articles).

    ``first``/``last`` span the dates of its dated articles (None when none is dated); an
    undated article of the story keeps no date of its own. ``articles`` are ids, oldest first,
    undated last.
    """

    id: str
    title: str
    first: str | None
    last: str | None
    articles: tuple[str, ...]
    statements: tuple[str, ...] = ()  # Statement ids


@dataclass(frozen=True)
class StoryIndex:
    """Every story and statement of an archive, with lookups by article and by quote."""

    stories: tuple[Story, ...] = ()  # newest first, undated last
    statements: tuple[Statement, ...] = ()
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    statement_of: dict[tuple[str, str], str] = field(default_factory=dict)  # quote -> statement

    def story(self, story_id: str) -> Story:
        return self._by_id[story_id]  # type: ignore[attr-defined]

    def statement(self, statement_id: str) -> Statement:
        return self._statements_by_id[statement_id]  # type: ignore[attr-defined]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.stories})
        object.__setattr__(self, "_statements_by_id", {s.id: s for s in self.statements})
