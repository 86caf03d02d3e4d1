"""The cross-article stage: every per-file result in, one ``Archive`` of indexes out.

Runs after all files are read ("read everything, then write"): merges duplicate files, gives
articles unique ids, resolves outlets to ``Source`` records and speakers to archive-wide
canonical ``Speaker`` records, and indexes quotes by speaker and articles by source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from site_gen.model import (
    Article,
    Diagnostic,
    FileResult,
    Source,
    Speaker,
    StoryIndex,
    evolve,
    text_digest,
)
from site_gen.quotes.speakers import canonicalize
from site_gen.registry import Registry
from site_gen.slugs import make_slug, unique_slugs
from site_gen.stories import (
    StoryMemo,
    StorySettings,
    StoryWork,
    Weights,
    find_stories,
    update_stories,
)


@dataclass(frozen=True)
class QuoteRef:
    article_id: str
    quote_id: str


@dataclass(frozen=True)
class Archive:
    articles: tuple[Article, ...]  # newest first, undated last, then by title and id
    sources: tuple[Source, ...]  # by name
    speakers: tuple[Speaker, ...]  # by name
    articles_by_source: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quotes_by_speaker: dict[str, tuple[QuoteRef, ...]] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    stories: StoryIndex = field(default_factory=StoryIndex)
    # why each article's speaker got its archive-wide speaker: (article id, key) -> the rule
    speaker_basis: dict[tuple[str, str], str] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        return self._articles_by_id[article_id]

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    def speaker(self, speaker_id: str) -> Speaker:
        return self._speakers_by_id[speaker_id]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_articles_by_id", {a.id: a for a in self.articles})
        object.__setattr__(self, "_sources_by_id", {s.id: s for s in self.sources})
        object.__setattr__(self, "_speakers_by_id", {s.id: s for s in self.speakers})


def build_archive(
    results: Sequence[FileResult],
    registry: Registry,
    pins: Sequence[Speaker] = (),
    stories: StorySettings | None = None,
) -> Archive:
    """The archive of every article read, with its stories (``stories``: their settings)."""
    ordered = sorted((r for r in results if r.article is not None), key=lambda r: r.path)
    articles, diagnostics = _merge_duplicates([r.article for r in ordered if r.article])
    articles, collisions = _unique_ids(articles)
    diagnostics += collisions
    articles, sources = _resolve_sources(articles, registry)
    articles, speakers, basis = _resolve_speakers(articles, pins)
    by_source: dict[str, list[str]] = defaultdict(list)
    by_speaker: dict[str, list[QuoteRef]] = defaultdict(list)
    articles = sorted(articles, key=_display_order)
    for art in articles:
        if art.source_id:
            by_source[art.source_id].append(art.id)
        for q in art.quotes:
            if q.speaker_id:
                by_speaker[q.speaker_id].append(QuoteRef(art.id, q.id))
    return Archive(
        articles=tuple(articles),
        sources=tuple(sorted(sources, key=lambda s: (s.name.casefold(), s.id))),
        speakers=tuple(sorted(speakers, key=lambda s: (s.name.casefold(), s.id))),
        articles_by_source={k: tuple(v) for k, v in sorted(by_source.items())},
        quotes_by_speaker={k: tuple(v) for k, v in sorted(by_speaker.items())},
        diagnostics=tuple(diagnostics),
        stories=find_stories(articles, stories or StorySettings()),
        speaker_basis=basis,
    )


UPDATE_MAX_CHANGED = 16  # more changed files than this: the archive is made again


def _across(a: Article) -> tuple:
    """What ``build_archive`` reads of an article to decide across articles: the file, the
    id and order it gets (its own id, date and title), its outlet, its speakers, and its quotes'
    speakers (besides its text's digest, which finds duplicates)."""
    return (a.path, a.id, a.date, a.title, a.source_name, a.source_id, a.speakers,
            tuple((q.id, q.speaker_key, q.speaker_id) for q in a.quotes))


def update_archive(
    previous: Archive, before: Mapping[str, FileResult], results: Sequence[FileResult]
) -> Archive | None:
    """``previous`` (what ``build_archive`` made of the results ``before``, by path, with the
    same registry, pins and settings) brought up to date for ``results``, when the files that
    changed change nothing it decides across articles: the same files, and each changed
    article the same in ``_across``, with no duplicate before or after. Its other fields (the
    text, the quotes' words) are taken as they are now, with what the archive set on the
    article before (id, outlet, quotes' speakers). None when ``build_archive`` must run; what
    it returns otherwise is what ``build_archive`` would (``tests/test_archive_update.py``)."""
    now = {r.path: r for r in results}
    if len(now) != len(results) or now.keys() != before.keys():
        return None
    changed = [p for p, r in now.items() if r is not before[p]]
    if not changed:
        return previous
    if len(changed) > UPDATE_MAX_CHANGED:
        return None
    place = {a.path: i for i, a in enumerate(previous.articles)}
    others = {r.article.text_digest for p, r in before.items()
              if r.article is not None and p not in changed}
    fresh = [now[p].article.text_digest for p in changed if now[p].article is not None]
    if len(set(fresh)) != len(fresh):
        return None
    articles = list(previous.articles)
    for path in changed:
        old, new = before[path].article, now[path].article
        i = place.get(path)
        if (old is None or new is None or i is None or articles[i].also_paths
                or _across(old) != _across(new) or old.text_digest is None
                or new.text_digest is None or new.text_digest in others):
            return None
        made = articles[i]
        quotes = tuple(q if q.speaker_id == f.speaker_id else evolve(q, speaker_id=f.speaker_id)
                       for q, f in zip(new.quotes, made.quotes, strict=True))
        articles[i] = evolve(new, id=made.id, source_id=made.source_id,
                             source_name=made.source_name, quotes=quotes)
    return replace(previous, articles=tuple(articles))


def with_stories(
    archive: Archive, settings: StorySettings, memo: StoryMemo | None = None, version: str = "",
    kept: Weights | None = None,
) -> tuple[Archive, StoryMemo | None, StoryWork]:
    """The archive with the stories of its articles (what ``build_archive`` does last; apart, so
    that the build can time it as a stage of its own), found again from what an earlier build
    of the same code ``version`` left (``memo``, see ``stories.update_stories``); with the memo
    for the next build and what was done (``kept``: see ``stories.Weights``)."""
    stories, memo, work = update_stories(archive.articles, settings, memo, version, kept)
    return replace(archive, stories=stories), memo, work


def _display_order(a: Article) -> tuple:
    # Newest first; undated articles last. Dates are ISO strings, so invert them char-wise.
    if a.date:
        return (0, tuple(-ord(c) for c in a.date), a.title.casefold(), a.id)
    return (1, (), a.title.casefold(), a.id)


def _text_key(a: Article) -> str:
    # Exact words, spacing aside: a copy in capitals or with other wording is another text,
    # kept as its own article (the archive never decides that two wordings are one). Found in
    # the per-file stage (``model.text_digest``), or here for an article made elsewhere.
    return a.text_digest if a.text_digest is not None else text_digest(a.paragraphs)


def _merge_duplicates(articles: list[Article]) -> tuple[list[Article], list[Diagnostic]]:
    """One article per distinct text; later files (by path) are listed on the first."""
    first: dict[str, int] = {}
    kept: list[Article] = []
    diagnostics: list[Diagnostic] = []
    for art in articles:
        key = _text_key(art)
        if key and key in first:
            i = first[key]
            kept[i] = replace(
                kept[i],
                also_paths=(*kept[i].also_paths, art.path),
                also_sha256=(*kept[i].also_sha256, art.sha256),
            )
            diagnostics.append(
                Diagnostic(
                    "warning",
                    art.path,
                    f"same article text as {kept[i].path}; kept once, both files listed",
                )
            )
            continue
        first[key] = len(kept)
        kept.append(art)
    return kept, diagnostics


def _unique_ids(articles: list[Article]) -> tuple[list[Article], list[Diagnostic]]:
    """Unique article ids; a later file whose slug is taken gets a suffix and a warning."""
    ids = unique_slugs((a.path, a.id) for a in articles)
    owner = {slug: path for path, slug in ids.items()}  # the file that got each page
    diagnostics = [
        Diagnostic(
            "warning",
            a.path,
            f"its page would collide with {owner[a.id]} (articles/{a.id}/); "
            f"written to articles/{ids[a.path]}/ instead (give it another title to choose)",
        )
        for a in articles
        if ids[a.path] != a.id
    ]
    return [evolve(a, id=ids[a.path]) for a in articles], diagnostics


def _resolve_sources(
    articles: list[Article], registry: Registry
) -> tuple[list[Article], list[Source]]:
    by_name: dict[str, Source] = {}
    for art in articles:
        if art.source_name and art.source_name not in by_name:
            found = registry.lookup(art.source_name)
            by_name[art.source_name] = found or Source(
                id=make_slug(art.source_name), name=art.source_name
            )
    # Two spellings may resolve to one registered outlet; two outlets may share a slug.
    distinct: dict[tuple[str, str], Source] = {}
    for src in by_name.values():
        distinct.setdefault((src.id, src.name), src)
    ids = unique_slugs((key, key[0]) for key in sorted(distinct))
    final = {key: replace(src, id=ids[key]) for key, src in distinct.items()}
    out = []
    for art in articles:
        if art.source_name:
            src = by_name[art.source_name]
            art = evolve(art, source_id=final[(src.id, src.name)].id, source_name=src.name)
        out.append(art)
    return out, list(final.values())


def _resolve_speakers(
    articles: list[Article], pins: Sequence[Speaker]
) -> tuple[list[Article], list[Speaker], dict[tuple[str, str], str]]:
    basis: dict[tuple[str, str], str] = {}
    mapping = canonicalize([(a.id, a.speakers) for a in articles], pins, basis)
    # Different canonical people that slug alike get distinct ids, first by name.
    people = sorted({(s.id, s.name) for s in mapping.values()})
    ids = unique_slugs((p, p[0]) for p in people)
    speakers: dict[str, Speaker] = {}
    for sp in mapping.values():
        new_id = ids[(sp.id, sp.name)]
        speakers.setdefault(new_id, replace(sp, id=new_id))
    out = []
    for art in articles:
        quotes = tuple(
            evolve(q, speaker_id=new)
            if q.speaker_key
            and (sp := mapping.get((art.id, q.speaker_key)))
            and (new := ids[(sp.id, sp.name)]) != q.speaker_id
            else q
            for q in art.quotes
        ) if art.quotes else ()
        same = all(a is b for a, b in zip(quotes, art.quotes, strict=True))
        out.append(art if same else evolve(art, quotes=quotes))
    return out, list(speakers.values()), basis
