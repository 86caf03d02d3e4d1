"""What each group of pages is made from, as digests, so that a rebuild makes the views of the
groups whose inputs changed and links the others from the previous build (see ``reuse``).

The archive's parts each get a digest, computed without building any view:

* an article: the key of its per-file result (its input's bytes, sidecar, folder defaults, the
  outlet registry, the user's speaker roles and site-gen's code: see ``cache``) and what the
  cross-article stage sets on it (its id, the duplicate files listed on it, its source, the
  speaker of each quote: ``ARCHIVE_FIELDS``), and the record of its source;
* a speaker's name; a source's record; a story (its record, its statements and the digests of
  its articles); the why of each speaker of an article (``speaker_basis``).

A group (an article's page, its JSON twin, a speaker's pages and feed, a source's pages and feed,
the whole-archive files) is keyed by the digests of everything its views read and the site's
settings. The pipeline adds the templates and the code (``reuse.templates_digest``). A group
whose key was seen in the previous build, and whose files are untouched, is linked whole.
``tests/test_incremental.py`` holds the promise that keeps this honest: after every kind of
change, the incremental build's files are the cold build's bytes.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from site_gen.archive import Archive, QuoteRef
from site_gen.config import Config
from site_gen.model import Article

# The fields of an article that the cross-article stage sets (``archive.build_archive``); the
# rest is the per-file result's, which its key covers. A test checks that no other field changes.
ARCHIVE_FIELDS = ("id", "also_paths", "also_sha256", "source_id", "source_name", "quotes")


def digest(*parts: object) -> str:
    text = repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


class DigestMemo:
    """The per-article digests of the last build (its article, page, twin and speakers' why
    digests), each with what it was made from, so that a server's next build makes again only
    those whose parts differ: ``get`` compares the parts (strings, numbers, None and tuples of
    them, whose equality is their ``repr``'s) instead of writing and hashing them. ``keep``
    False: every digest is made, nothing is kept (a one-shot build)."""

    def __init__(self, last: Mapping[tuple[str, str], tuple[object, str]] | None = None,
                 keep: bool = True) -> None:
        self.last = last or {}
        self.now: dict[tuple[str, str], tuple[object, str]] | None = {} if keep else None

    def get(self, kind: str, item: str, *parts: object) -> str:
        held = self.last.get((kind, item))
        made = held[1] if held is not None and held[0] == parts else digest(*parts)
        if self.now is not None:
            self.now[(kind, item)] = (parts, made)
        return made


def _plain(refs: Iterable[QuoteRef]) -> tuple[tuple[str, str], ...]:
    """Quote references as plain tuples: the same digest input, written by ``repr`` in C
    instead of a dataclass's Python ``__repr__`` (tens of thousands of them)."""
    return tuple((r.article_id, r.quote_id) for r in refs)


def _result_key(a: Article) -> str:
    """The digest of an article's own content when no per-file key is at hand."""
    return hashlib.blake2b(pickle.dumps(a, 5), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Dependencies:
    settings: str
    article: Mapping[str, str]
    speaker_name: Mapping[str, str]
    source: Mapping[str, str]
    story: Mapping[str, str]
    story_block: Mapping[str, str]  # what an article page shows of its story
    basis: Mapping[str, str]  # article id -> the why of its speakers
    source_names: str
    story_of: Mapping[str, str]  # article id -> story id
    statement_of: Mapping[tuple[str, str], str]  # (article id, quote id) -> statement id
    statement_stories: Mapping[str, tuple[str, ...]]  # speaker id -> stories of its statements
    speakers: str = ""  # every speaker's record and quote references
    refs: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # by speaker
    # Each article's twin key, made once: the data files, the twin pages and the search index
    # all ask for it.
    _twins: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Each article's speakers' names, made once: its page, its twin and its story's page ask.
    _names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    # The last build's per-article digests, for a server (see ``DigestMemo``).
    memo: DigestMemo = field(default_factory=lambda: DigestMemo(keep=False), compare=False,
                             repr=False)

    def fixed(self, kind: str) -> str:
        """A page made from the settings alone (the 404 page)."""
        return digest(kind, self.settings)

    def article_page(
        self, a: Article, newer: Article | None, older: Article | None, trail: Iterable
    ) -> str:
        return self.memo.get(
            "page", a.id,
            "article", self.settings, self.article[a.id], self._speakers(a),
            # of its neighbours, the page shows the title and links the page
            (newer.id, newer.title) if newer else None, (older.id, older.title) if older else None,
            tuple(trail), self.story_block.get(self.story_of.get(a.id, "")),
        )

    def article_twin(self, a: Article) -> str:
        """An article's JSON twin (and its lines in the data files, and its search records):
        the article, its speakers' names, why they are its speakers, its quotes' statements,
        its story's id."""
        known = self._twins.get(a.id)
        if known is not None:
            return known
        statements = tuple(self.statement_of.get((a.id, q.id)) for q in a.quotes)
        made = self.memo.get("twin", a.id, "twin", self.settings, self.article[a.id],
                             self._speakers(a), self.basis.get(a.id), statements,
                             self.story_of.get(a.id))
        self._twins[a.id] = made
        return made

    def made_from(self, kind: str, *parts: object) -> str:
        """A page made from ``parts`` alone (besides the settings), as its maker computes them."""
        return digest(kind, self.settings, *parts)

    def story_lists(self, archive: Archive) -> str:
        """The stories index and ``data/stories.json``: every story (its record, statements and
        articles, newest first) and the names of its statements' speakers."""
        names = sorted({self.speaker_name[st.speaker_id]
                        for st in archive.stories.statements if st.speaker_id})
        return digest("stories", self.settings,
                      tuple((st.id, self.story[st.id]) for st in archive.stories.stories),
                      tuple(names))

    def archive_data(self, archive: Archive, stories: bool) -> str:
        """``data/archive.json``: the speakers and their quotes' references, the sources and
        their articles' ids, the number of articles (not the articles themselves)."""
        return digest(
            "data", self.settings, stories, len(archive.articles), self.speakers,
            archive.sources, archive.articles_by_source,
        )

    def articles(self, kind: str, ids: Iterable[str], *extra: object) -> str:
        """A page made from whole articles (lists, feeds): the digests of all of them, in order."""
        return digest(kind, self.settings, *extra, *(self.article[i] for i in ids))

    def _speakers(self, a: Article) -> tuple[str, ...]:
        known = self._names.get(a.id)
        if known is None:
            known = self._names[a.id] = tuple(
                self.speaker_name[q.speaker_id] for q in a.quotes if q.speaker_id)
        return known

    def speaker(self, sid: str, archive: Archive) -> str:
        """A speaker's pages: its record, its quotes, their articles, its statements' stories,
        and the names of the sources (a speaker named as a source is an organisation)."""
        refs = archive.quotes_by_speaker.get(sid, ())
        stories = self.statement_stories.get(sid, ())
        plain = self.refs.get(sid)
        return digest(
            "speaker", self.settings, archive.speaker(sid),
            plain if plain is not None else _plain(refs),
            tuple(self.article[r.article_id] for r in refs),
            tuple(self.story[x] for x in stories), self.source_names,
        )


    def story_page(self, story_id: str, archive: Archive) -> str:
        """A story's page: its record, statements and articles (``story``), and the names of
        its articles' speakers."""
        names = tuple(self._speakers(archive.article(x))
                      for x in archive.stories.story(story_id).articles)
        return digest("story-page", self.settings, self.story[story_id], names)


def dependencies(
    archive: Archive, config: Config, keys: Mapping[str, str], memo: DigestMemo | None = None,
) -> Dependencies:
    """The digests of ``archive``'s parts; ``keys``: input path -> its per-file result's key;
    ``memo``: the last build's per-article digests (a server's), this build's kept in it."""
    memo = memo if memo is not None else DigestMemo(keep=False)
    source = {s.id: digest(s) for s in archive.sources}
    article = {}
    for a in archive.articles:
        own = keys.get(a.path) or _result_key(a)
        also = tuple(keys.get(p) for p in a.also_paths)
        article[a.id] = memo.get(
            "article", a.id,
            own, also, a.id, a.also_paths, a.also_sha256, a.source_id, a.source_name,
            source.get(a.source_id or ""), tuple(q.speaker_id for q in a.quotes),
        )
    by_story: dict[str, list] = defaultdict(list)
    for st in archive.stories.statements:
        by_story[st.story_id].append(st)
    story = {
        s.id: digest(s, by_story.get(s.id, ()), tuple(article[x] for x in s.articles))
        for s in archive.stories.stories
    }
    by_id = {a.id: a for a in archive.articles}
    story_block = {
        s.id: digest(s.id, s.title, s.first, s.last, tuple(
            (x, by_id[x].title, by_id[x].date, source.get(by_id[x].source_id or ""))
            for x in s.articles))
        for s in archive.stories.stories
    }
    told: dict[str, set[str]] = defaultdict(set)
    for st in archive.stories.statements:
        if st.speaker_id:
            told[st.speaker_id].add(st.story_id)
    basis: dict[str, list] = defaultdict(list)
    for (aid, key), rule in sorted(archive.speaker_basis.items()):
        basis[aid].append((key, rule))
    speaker_name = {s.id: digest(s.id, s.name) for s in archive.speakers}
    basis_of = {aid: memo.get("basis", aid, tuple(rows)) for aid, rows in basis.items()}
    refs = {sid: _plain(found) for sid, found in archive.quotes_by_speaker.items()}
    speakers = digest(archive.speakers, tuple(refs.items()))
    return Dependencies(
        settings=digest(config),
        article=article,
        speaker_name=speaker_name,
        source=source,
        story=story,
        story_block=story_block,
        basis=basis_of,
        source_names=digest(sorted(s.name for s in archive.sources)),
        story_of=archive.stories.story_of,
        statement_of=archive.stories.statement_of,
        statement_stories={sid: tuple(sorted(v)) for sid, v in told.items()},
        speakers=speakers,
        refs=refs,
        memo=memo,
    )
