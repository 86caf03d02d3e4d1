"""Archive -> the site graph: one ``Page`` (output path, template, view) per file to render.

Views are plain dicts of strings, numbers and lists, with every URL already made relative to the
page that shows it, so templates only print. Each page lists the input files it was made from
(``inputs``), the map a later incremental build needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.dependencies import Dependencies
from site_gen.model import Article, Paragraph, Quote
from site_gen.navigation import Trail, breadcrumbs, chunks, page_title, paged_path, pager, with_page
from site_gen.quotes.chains import chains
from site_gen.reader.licenses import license_info, license_short
from site_gen.safety import link_target, sanitize_html
from site_gen.search_records import article_filters, article_meta
from site_gen.structured import article_data, source_data, speaker_data
from site_gen.timelines import coverage_series, timeline
from site_gen.urls import (
    article_data_path,
    article_path,
    original_path,
    relative_url,
    source_path,
    speaker_path,
)

EXCERPT_CHARS = 280


@dataclass(frozen=True)
class Page:
    path: str  # output-relative POSIX path
    template: str
    view: dict[str, Any]
    inputs: tuple[str, ...] = field(default=())  # content-relative inputs it was made from
    data: Any = None  # a data file (JSON) instead of a template, when template is ""


@dataclass(frozen=True)
class Group:
    """Pages made together (an article's page; a speaker's pages): ``make`` builds them.
    ``key`` digests everything their views read (see ``dependencies``), so that a rebuild can
    link them from the previous build without making their views; None: each page is keyed
    by its view once made."""

    make: Callable[[], list[Page]]
    key: str | None = None
    articles: bool = False  # an article's page: the search index is made from these
    templated: bool = True  # False: data files made without a template (a template edit
    # leaves them: ``staging.group_key``)


def build_pages(archive: Archive, config: Config) -> list[Page]:
    """Every page of the site, views made."""
    pages = [p for g in plan_pages(archive, config) for p in g.make()]
    from site_gen.exports import EXPORT_FILES, export_pages  # exports build on Page
    from site_gen.feeds import sitemap_page

    pages += [p for p in export_pages(archive, config) if p.path in EXPORT_FILES]

    sitemap = sitemap_page([p.path for p in pages], config)
    return pages + ([sitemap] if sitemap else [])


def plan_pages(archive: Archive, config: Config, deps: Dependencies | None = None) -> list[Group]:
    """The site's pages in groups, each with the key of what it is made from when ``deps`` is
    given; aside: the sitemap (it lists them all) and the data files the build streams
    (``exports.write_exports``)."""
    # Imported here: the date archive, the search page, the feeds, the exports and the stories
    # build on this module's views.
    from site_gen.date_pages import (
        article_trail,
        continued_months,
        date_index,
        date_list_page,
        date_lists,
        month_places,
    )
    from site_gen.exports import export_groups
    from site_gen.feeds import (
        FEED_ENTRIES,
        data_page,
        feed_page,
        json_feed_page,
        source_feed_page,
        speaker_feed_page,
    )
    from site_gen.search_page import search_inputs, search_page
    from site_gen.story_pages import story_lists, story_page

    def keyed(make: Callable[[], list[Page]], key: Callable[[Dependencies], str]) -> Group:
        return Group(make, key(deps) if deps is not None else None)

    parts = chunks(archive.articles, config.per_page)
    # The first page: its articles, and the timeline of every article's outlet and date.
    groups = [keyed(lambda: [_index_page(archive, config, 1, parts)],
                    lambda d: d.articles("index-page", [a.id for a in parts[0]] if parts else (),
                                         1, len(parts), len(archive.articles),
                                         tuple(_coverage(archive))))]
    for n in range(2, len(parts) + 1):
        groups.append(keyed(partial(_one, _index_page, archive, config, n, parts),
                            lambda d, n=n: d.articles("index-page", [a.id for a in parts[n - 1]],
                                                      n, len(parts), len(archive.articles))))
    order = archive.articles  # newest first, undated last: the index's order
    places = month_places(archive, config)
    for i, a in enumerate(order):
        newer = order[i - 1] if i else None
        older = order[i + 1] if i + 1 < len(order) else None
        trail = article_trail(a, places)
        groups.append(Group(
            partial(_one, _article_page, a, archive, config, newer, older, trail),
            deps.article_page(a, newer, older, trail) if deps is not None else None,
            articles=True))
    # The index by date: its years, months and counts, and the page where each month begins
    # in its year's list, all follow from the articles' dates in the index's order.
    groups.append(keyed(lambda: [date_index(archive, config)],
                        lambda d: d.made_from("dates", tuple(a.date for a in archive.articles))))
    for first, label, listed in date_lists(archive):
        cut = chunks(listed, config.per_page)
        continued, total = continued_months(cut), len(listed)
        for n in range(1, len(cut) + 1):
            groups.append(keyed(
                partial(_one, date_list_page, first, label, cut, n, archive, config),
                lambda d, first=first, cut=cut, n=n, continued=continued, total=total:
                d.articles(
                    "date-page", [a.id for a in cut[n - 1]], first, n, len(cut),
                    total, continued[n - 1])))
    # The speakers' index: each speaker's name and counts of quotes, articles and outlets.
    groups.append(keyed(lambda: _speakers_index(archive, config),
                        lambda d: d.made_from("speakers", d.speakers, archive.articles_by_source)))
    speaker_ids = _speaker_ids(archive)
    held = _statement_quotes(archive)
    said = _quotes_by_speaker(archive)
    for sid in speaker_ids:
        groups += _speaker_groups(sid, archive, config, held.get(sid, set()), deps,
                                  said.get(sid, {}))
    # The outlets' index: each outlet's record and count of articles, and the articles of none.
    groups.append(keyed(lambda: _sources_index(archive, config), lambda d: d.made_from(
        "sources", archive.sources,
        tuple((k, len(v)) for k, v in archive.articles_by_source.items()),
        sum(1 for a in archive.articles if not a.source_id))))
    for s in archive.sources:
        groups += _source_groups(s.id, archive, config, deps)
    if config.search:
        groups.append(keyed(lambda: [search_page(archive, config)],
                            lambda d: d.made_from("search", search_inputs(archive))))
    groups.append(Group(lambda: [_not_found(config)], deps.fixed("404") if deps else None))
    # The feeds: their entries are the newest dated articles, whole.
    newest = [a.id for a in archive.articles if a.date][:FEED_ENTRIES]
    groups.append(keyed(lambda: [feed_page(archive, config)],
                        lambda d: d.articles("feed", newest)))
    groups.append(keyed(lambda: [json_feed_page(archive, config)],
                        lambda d: d.articles("json-feed", newest)))
    # A speaker's or an outlet's feed shows its newest dated articles: keyed by those alone.
    place = {a.id: i for i, a in enumerate(archive.articles)}
    dated = {a.id for a in archive.articles if a.date}

    def shown(ids: Iterable[str]) -> list[str]:
        return sorted((x for x in set(ids) if x in dated), key=place.__getitem__)[:FEED_ENTRIES]

    for sid in speaker_ids:
        groups.append(keyed(partial(_one, speaker_feed_page, sid, archive, config),
                            lambda d, sid=sid: d.articles(
                                "speaker-feed", shown(
                                    r.article_id for r in archive.quotes_by_speaker[sid]),
                                d.speaker_name[sid])))
    for s in archive.sources:
        groups.append(keyed(partial(_one, source_feed_page, s.id, archive, config),
                            lambda d, s=s: d.articles("source-feed", shown(
                                archive.articles_by_source.get(s.id, ())), d.source[s.id])))
    groups.append(keyed(lambda: [data_page(archive, config.stories.enabled)],
                        lambda d: d.archive_data(archive, config.stories.enabled)))
    groups += export_groups(archive, config, deps)
    groups.append(keyed(lambda: story_lists(archive, config), lambda d: d.story_lists(archive)))
    if config.stories.enabled:
        for st in archive.stories.stories:
            groups.append(keyed(partial(_one, story_page, st, archive, config),
                                lambda d, sid=st.id: d.story_page(sid, archive)))
    return groups


def _one(make: Callable[..., Page], *args: Any) -> list[Page]:
    return [make(*args)]


def _speaker_groups(sid: str, archive: Archive, config: Config,
                    in_statements: set[tuple[str, str]], deps: Dependencies | None,
                    quotes: dict[str, list[Quote]]) -> list[Group]:
    """A group for each of a speaker's pages. The first page shows the statements and the
    timeline of every quote: it is keyed by the whole speaker. A later page shows its own
    articles' quotes, the counts and the number of pages: an edit of one article makes the
    first page and the article's own again, not all of them."""
    found = _speaker_list(sid, archive, in_statements, quotes)
    parts = chunks(found.listed, config.per_page)
    groups = []
    for n in range(1, len(parts) + 1):
        key = None
        if deps is not None:
            if n == 1:
                key = deps.made_from("speaker-page", deps.speaker(sid, archive), len(parts))
            else:
                key = deps.made_from(
                    "speaker-page", n, len(parts), archive.speaker(sid), deps.source_names,
                    found.counts, tuple((deps.article[a.id], [q.id for q in found.rest(a)])
                                        for a in parts[n - 1]))
        groups.append(Group(partial(_one, _speaker_page, sid, n, archive, config, found), key))
    return groups


def _source_groups(source_id: str, archive: Archive, config: Config,
                   deps: Dependencies | None) -> list[Group]:
    """A group for each of an outlet's pages: the first, with the timeline of every article,
    keyed by all of them; a later one by its own articles, its number and the counts."""
    ids = archive.articles_by_source.get(source_id, ())
    arts = [archive.article(x) for x in ids]
    parts = chunks(ids, config.per_page)
    groups = []
    for n in range(1, len(parts) + 1):
        key = None
        if deps is not None:
            listed = ids if n == 1 else parts[n - 1]
            key = deps.articles("source-page", listed, deps.source[source_id], n, len(parts),
                                len(ids))
        groups.append(Group(partial(_one, _source_page, source_id, n, archive, config, arts),
                            key))
    return groups


def _speaker_ids(archive: Archive) -> list[str]:
    return [s.id for s in archive.speakers if archive.quotes_by_speaker.get(s.id)]


T = TypeVar("T")

# ------------------------------------------------------------------ shared parts
NAV = (
    ("Articles", "index.html"),
    ("Stories", "stories/index.html"),
    ("Dates", "archive/index.html"),
    ("Speakers", "speakers/index.html"),
    ("Sources", "sources/index.html"),
)
SEARCH_PATH = "search/index.html"
HOME = ("Home", "index.html")  # the first step of every page's breadcrumbs
SPEAKERS = (HOME, ("Speakers", "speakers/index.html"))
SOURCES = (HOME, ("Sources", "sources/index.html"))


def _frame(
    path: str, config: Config, title: str, section: str, trail: Trail = ()
) -> dict[str, Any]:
    """What every page's layout needs: site title, navigation, breadcrumbs (``trail``: from the
    front page down to this page), static URL, page title."""
    return {
        **breadcrumbs(path, trail, config),
        "site_title": config.title,
        "page_title": title,
        # the page's head: canonical URL, Open Graph properties, JSON-LD (see structured.py)
        "canonical": None,
        "head_meta": [],
        "json_ld": None,
        "home_url": relative_url(path, "index.html"),
        "feed_url": relative_url(path, "feed.xml"),
        "static_url": relative_url(path, "static/style.css").removesuffix("style.css"),
        "nav": [
            {"label": label, "url": relative_url(path, target), "current": label == section}
            for label, target in NAV + ((("Search", SEARCH_PATH),) if config.search else ())
            if label != "Stories" or config.stories.enabled
        ],
    }


def _paged(
    items: Sequence[T], first: str, config: Config, title: str, section: str, trail: Trail
) -> Iterator[tuple[int, str, Sequence[T], dict[str, Any]]]:
    """Each page of a list of ``items``, ``per_page`` a page (``first`` is page 1's path):
    its number, path, items, and a view with the layout, breadcrumbs and pager filled in."""
    parts = chunks(items, config.per_page)
    for n, part in enumerate(parts, 1):
        path, view = page_view(first, n, len(parts), config, title, section, trail)
        yield n, path, part, view


def page_view(first: str, n: int, count: int, config: Config, title: str, section: str,
              trail: Trail) -> tuple[str, dict[str, Any]]:
    """Page ``n`` of ``count`` of a list whose first page is ``first``: its path, and a view
    with the layout, breadcrumbs and pager filled in."""
    path = paged_path(first, n)
    view = _frame(path, config, page_title(title, n), section, with_page(trail, first, n))
    view["pager"] = pager(path, first, n, count)
    return path, view


def _article_summary(a: Article, archive: Archive, from_path: str) -> dict[str, Any]:
    first = next((p.text for p in a.paragraphs if p.kind == "p"), "")
    return {
        "title": a.title,
        "url": relative_url(from_path, article_path(a.id)),
        "date": a.date,
        "lang": a.lang,
        "dir": a.dir,
        "source": _source_link(a, archive, from_path),
        "excerpt": _shorten(first, EXCERPT_CHARS),
        "quote_count": len(a.quotes),
    }


def _source_link(a: Article, archive: Archive, from_path: str) -> dict[str, str] | None:
    if not a.source_id:
        return None
    return {
        "name": archive.source(a.source_id).name,
        "url": relative_url(from_path, source_path(a.source_id)),
    }


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# ------------------------------------------------------------------ index
def _index_page(archive: Archive, config: Config, n: int,
                parts: Sequence[Sequence[Article]]) -> Page:
    """Page ``n`` of the front page's list (``parts``: the articles cut into pages). The first
    page's timeline counts every article: all are its inputs; a later page reads its own
    articles, its number and the counts of pages and articles."""
    path, view = page_view("index.html", n, len(parts), config, config.title, "Articles",
                           (HOME,))
    chunk = parts[n - 1]
    view.update(
        heading="Articles",
        articles=[_article_summary(a, archive, path) for a in chunk],
        total=len(archive.articles),
        timeline=timeline(coverage_series(_coverage(archive)), "article") if n == 1 else None,
    )
    shown = archive.articles if n == 1 else chunk
    return Page(path, "index.html", view, tuple(a.path for a in shown))


def _coverage(archive: Archive) -> Iterator[tuple[str | None, str | None]]:
    """Each article's outlet and date, for the front page's timeline."""
    return ((archive.source(a.source_id).name if a.source_id else None, a.date)
            for a in archive.articles)


# ------------------------------------------------------------------ article
def _neighbour(other: Article | None, path: str) -> dict[str, Any] | None:
    if other is None:
        return None
    return {"url": relative_url(path, article_path(other.id)), "title": other.title}


def _article_page(
    a: Article,
    archive: Archive,
    config: Config,
    newer: Article | None = None,
    older: Article | None = None,
    trail: Trail = (),
) -> Page:
    """An article's page; ``newer``/``older``: its neighbours in the index's order; ``trail``:
    its place in the date archive (the breadcrumbs), the article itself last."""
    path = article_path(a.id)
    view = _frame(path, config, a.title, "Articles", (*trail, (a.title, path)))
    if len(trail) > 3:  # Home, Dates, the year, the month: the date links to its month
        view["date_url"] = relative_url(path, trail[-1][1])
    else:
        view["date_url"] = None
    quotes_by_para: dict[int, list[Quote]] = defaultdict(list)
    for q in a.quotes:
        quotes_by_para[q.paragraph].append(q)
    speakers = _article_speakers(a, archive, path)
    from site_gen.story_pages import article_story  # story views build on this module

    story = article_story(a, archive, path)
    view.update(
        data_url=relative_url(path, article_data_path(a.id)),
        title=a.title,
        title_derived=a.title_derived,
        lang=a.lang,
        dir=a.dir,
        date=a.date,
        date_basis=a.date_basis,
        published=a.published,
        event_date=a.event_date,
        dateline=a.dateline,
        attribution=_attribution(a, archive, path),
        notes=list(a.notes),
        standfirst=a.standfirst,
        paragraphs=[
            _paragraph(p, quotes_by_para[p.index], archive, path, config) for p in a.paragraphs
        ],
        speakers=speakers,
        unattributed_quotes=sum(1 for q in a.quotes if not q.speaker_id),
        newer=_neighbour(newer, path),
        older=_neighbour(older, path),
        story={k: v for k, v in story.items() if k != "inputs"} if story else None,
        original={
            "url": _original_url(path, a.id, a.path),
            "name": a.path,
            "sha256": a.sha256,
            "also": [
                {"name": other, "url": _original_url(path, a.id, other, k), "sha256": digest}
                for k, (other, digest) in enumerate(
                    zip(a.also_paths, a.also_sha256, strict=True), 1
                )
            ],
        },
    )
    view.update(article_data(a, archive, config, path))
    view["search"] = (
        {
            "filters": [{"key": f.key, "value": f.value} for f in article_filters(a, archive)],
            "meta": [{"key": f.key, "value": f.value} for f in article_meta(a, archive)],
        }
        if config.search
        else None
    )
    neighbours = tuple(x.path for x in (newer, older) if x is not None)  # their titles show
    told = story["inputs"] if story else ()  # the story's other articles show too
    return Page(path, "article.html", view, (a.path, *a.also_paths, *neighbours, *told))


def _original_url(from_path: str, article_id: str, input_path: str, duplicate: int = 0) -> str:
    """Link to the copy of an input file, percent-encoded (a file name may hold '#' or '?')."""
    target = original_path(article_id, input_path.rsplit("/", 1)[-1], duplicate)
    return quote(relative_url(from_path, target))


def _attribution(a: Article, archive: Archive, path: str) -> dict[str, Any]:
    lic = license_info(a.license) if a.license else None
    return {
        "source": _source_link(a, archive, path),
        "authors": list(a.authors),
        "url": link_target(a.url),  # None when the URL must not be a link (see safety)
        "url_text": a.url,
        "raw": a.attribution,
        "license": (
            {"id": a.license, "name": lic[0], "url": lic[1], "short": license_short(a.license)}
            if a.license and lic
            else None
        ),
    }


def _article_speakers(a: Article, archive: Archive, path: str) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for q in a.quotes:
        if q.speaker_id:
            counts[q.speaker_id] += 1
    return [
        {
            "name": archive.speaker(sid).name,
            "url": relative_url(path, speaker_path(sid)),
            "count": counts[sid],
        }
        for sid in sorted(counts, key=lambda s: (-counts[s], archive.speaker(s).name))
    ]


def _paragraph(
    p: Paragraph, quotes: list[Quote], archive: Archive, path: str, config: Config
) -> dict[str, Any]:
    return {
        "anchor": p.anchor,
        "tag": PARAGRAPH_TAGS.get(p.kind, "p"),
        "kind": p.kind,
        "segments": _segments(p.text, quotes, archive, path),
        # raw HTML of a Markdown file, only where site.toml allows it, and sanitised
        "html": sanitize_html(p.text) if p.kind == "html" and config.markdown_html else None,
    }


PARAGRAPH_TAGS = {
    "p": "p", "h": "h2", "blockquote": "blockquote", "li": "p", "pre": "pre", "html": "pre"
}


def _segments(text: str, quotes: list[Quote], archive: Archive, path: str) -> list[dict[str, Any]]:
    """Split a paragraph at every quote boundary; each piece names the innermost quote over it.

    Quotes may nest (a direct fragment inside reported speech), so a piece takes the shortest
    covering quote; the first piece of each quote carries its anchor id.
    """
    cuts = sorted({0, len(text), *(q.start for q in quotes), *(q.end for q in quotes)})
    anchored: set[str] = set()
    out: list[dict[str, Any]] = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        if s >= e:
            continue
        covering = [q for q in quotes if q.start <= s and e <= q.end]
        seg: dict[str, Any] = {"text": text[s:e], "quote": None, "extra_anchors": []}
        if covering:
            q = min(covering, key=lambda q: (q.end - q.start, q.id))
            seg["quote"] = _quote_mark(
                q, archive, path, first=q.id not in anchored, last=e == q.end
            )
            anchored.add(q.id)
            for outer in covering:  # an outer quote whose first piece is inside an inner one
                if outer.id not in anchored and outer.start == s:
                    seg["extra_anchors"].append(outer.id)
                    anchored.add(outer.id)
        out.append(seg)
    return out


def _quote_mark(q: Quote, archive: Archive, path: str, first: bool, last: bool) -> dict[str, Any]:
    """How one piece of a quote is marked: its anchor on the first piece, speaker after the last."""
    speaker = archive.speaker(q.speaker_id) if q.speaker_id else None
    return {
        "id": q.id if first else None,
        "last": last,
        "kind": q.kind,
        "cue": q.cue,
        "speaker": speaker.name if speaker else None,
        "speaker_url": relative_url(path, speaker_path(speaker.id)) if speaker else None,
    }


# ------------------------------------------------------------------ speakers
def _speakers_index(archive: Archive, config: Config) -> list[Page]:
    first = "speakers/index.html"
    ids = _speaker_ids(archive)
    pages = []
    for _n, path, part, view in _paged(ids, first, config, "Speakers", "Speakers", SPEAKERS):
        rows, inputs = [], set()
        for sid in part:
            refs = archive.quotes_by_speaker[sid]
            arts = {r.article_id for r in refs}
            inputs |= {archive.article(x).path for x in arts}
            rows.append(
                {
                    "name": archive.speaker(sid).name,
                    "url": relative_url(path, speaker_path(sid)),
                    "quotes": len(refs),
                    "articles": len(arts),
                    "sources": len({archive.article(x).source_id for x in arts} - {None}),
                }
            )
        view.update(heading="Speakers", speakers=rows, total=len(ids))
        pages.append(Page(path, "speakers.html", view, tuple(sorted(inputs))))
    return pages


@dataclass
class _SpeakerList:
    """What a speaker's pages list, found once for all of them: its articles (archive order),
    each article's quotes of the speaker, the quotes its statements hold (shown above the
    articles on the first page) and the articles left with a quote of their own."""

    articles: list[Article]
    quotes: dict[str, list[Quote]]
    in_statements: set[tuple[str, str]]
    listed: list[Article]
    counts: tuple[int, int, int]  # quotes, articles and sources: every page shows them

    def rest(self, a: Article) -> list[Quote]:
        return [q for q in self.quotes[a.id] if (a.id, q.id) not in self.in_statements]


def _quotes_by_speaker(archive: Archive) -> dict[str, dict[str, list[Quote]]]:
    """Each speaker's quotes, article by article in archive order and in each article in its
    order (the order of ``quotes_by_speaker``), found in one pass over every quote."""
    said: dict[str, dict[str, list[Quote]]] = defaultdict(dict)
    for art in archive.articles:
        for q in art.quotes:
            if q.speaker_id:
                said[q.speaker_id].setdefault(art.id, []).append(q)
    return said


def _speaker_list(sid: str, archive: Archive, in_statements: set[tuple[str, str]],
                  quotes: dict[str, list[Quote]]) -> _SpeakerList:
    """``quotes``: the speaker's, as ``_quotes_by_speaker`` finds them."""
    articles = [archive.article(x) for x in quotes]  # archive order: newest first
    listed = [a for a in articles
              if any((a.id, q.id) not in in_statements for q in quotes[a.id])]
    counts = (sum(len(v) for v in quotes.values()), len(articles),
              len({a.source_id for a in articles} - {None}))
    return _SpeakerList(articles, quotes, in_statements, listed, counts)


def _statement_quotes(archive: Archive) -> dict[str, set[tuple[str, str]]]:
    """Speaker id -> the quotes its statements hold."""
    held: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for st in archive.stories.statements:
        if st.speaker_id:
            held[st.speaker_id].update(st.quotes)
    return held


def _speaker_page(sid: str, n: int, archive: Archive, config: Config,
                  found: _SpeakerList) -> Page:
    """Page ``n`` of a speaker's pages. A statement several outlets render is shown once,
    above the articles (first page only); its quotes leave the per-article lists, and an
    article left with none leaves the list."""
    from site_gen.story_pages import speaker_statements

    first = speaker_path(sid)
    sp = archive.speaker(sid)
    parts = chunks(found.listed, config.per_page)
    path, view = page_view(first, n, len(parts), config, sp.name, "Speakers",
                           (*SPEAKERS, (sp.name, first)))
    quote_count, article_count, source_count = found.counts
    statements: list[dict[str, Any]] = []
    drawn = None
    if n == 1:
        statements = speaker_statements(sid, archive, first)[0]
        drawn = timeline([("Quotes", [a.date for a in found.articles
                                      for _ in found.quotes[a.id]])], "quote")
    view.update(
        name=sp.name,
        description=sp.description,
        aliases=_distinct_forms(sp.aliases, sp.name),
        quote_count=quote_count,
        article_count=article_count,
        source_count=source_count,
        statements=statements,
        timeline=drawn,
        groups=[_speaker_group(a, found.rest(a), archive, path) for a in parts[n - 1]],
    )
    view.update(speaker_data(sp, archive, config, path),
                feed_url=relative_url(path, first.replace("index.html", "feed.xml")))
    # every page shows the counts of the whole list: all its articles are inputs
    return Page(path, "speaker.html", view, tuple(sorted(a.path for a in found.articles)))


def _distinct_forms(forms: tuple[str, ...], name: str) -> list[str]:
    """Name forms as written, once each ignoring case ("The Chair"/"the Chair"), not the name."""
    seen = {name.casefold()}
    out = []
    for form in forms:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)
    return out


def _speaker_group(a: Article, quotes: list[Quote], archive: Archive, path: str) -> dict[str, Any]:
    """One article's quotations of a speaker; a quotation over several paragraphs is one item."""
    target = article_path(a.id)
    texts = [p.text for p in a.paragraphs]
    items = []
    for chain in chains(quotes, texts):
        first = chain[0]
        items.append(
            {
                "pieces": [q.text for q in chain],
                "kind": first.kind,
                "cue": next((q.cue for q in chain if q.cue), None),
                "url": relative_url(path, target, first.id),
                "paragraph_url": relative_url(path, target, a.paragraphs[first.paragraph].anchor),
                "paragraph_number": first.paragraph + 1,
                "paragraph_last": chain[-1].paragraph + 1,
            }
        )
    return {"article": _article_summary(a, archive, path), "quotes": items}


# ------------------------------------------------------------------ sources
def _sources_index(archive: Archive, config: Config) -> list[Page]:
    first = "sources/index.html"
    unattributed = sum(1 for a in archive.articles if not a.source_id)
    pages = []
    for _n, path, part, view in _paged(archive.sources, first, config, "Sources", "Sources",
                                       SOURCES):
        rows = [
            {
                "name": s.name,
                "url": relative_url(path, source_path(s.id)),
                "articles": len(archive.articles_by_source.get(s.id, ())),
                "country": s.country,
            }
            for s in part
        ]
        view.update(heading="Sources", sources=rows, unattributed=unattributed,
                    total=len(archive.sources))
        pages.append(Page(path, "sources.html", view, tuple(a.path for a in archive.articles)))
    return pages


def _source_page(source_id: str, n: int, archive: Archive, config: Config,
                 arts: Sequence[Article]) -> Page:
    """Page ``n`` of an outlet's pages (``arts``: all its articles); the first page's timeline
    counts every one."""
    first = source_path(source_id)
    src = archive.source(source_id)
    parts = chunks(arts, config.per_page)
    path, view = page_view(first, n, len(parts), config, src.name, "Sources",
                           (*SOURCES, (src.name, first)))
    view.update(
        name=src.name,
        homepage=link_target(src.homepage),
        homepage_text=src.homepage,
        country=src.country,
        lang=src.lang,
        total=len(arts),
        articles=[_article_summary(a, archive, path) for a in parts[n - 1]],
        timeline=timeline([("Articles", [a.date for a in arts])], "article") if n == 1 else None,
    )
    view.update(source_data(src, config, path),
                feed_url=relative_url(path, first.replace("index.html", "feed.xml")))
    return Page(path, "source.html", view, tuple(a.path for a in arts))


def _not_found(config: Config) -> Page:
    # A 404 page is served at any URL, so relative links only hold at the site root. With a
    # base_url configured they are root-relative to its path ("/news/static/style.css"): they
    # hold at any depth, and on whatever host serves the site (a preview requests nothing from
    # the public host).
    path = "404.html"
    view = _frame(path, config, "Page not found", "", (HOME, ("Page not found", path)))
    if config.base_url:
        base = "/" + urlsplit(config.base_url).path.strip("/")
        base = base.rstrip("/") + "/"
        view["home_url"] = base + "index.html"
        view["static_url"] = base + "static/"
        view["feed_url"] = base + "feed.xml"
        for item in view["nav"]:
            item["url"] = base + item["url"]
        view["breadcrumbs"][0]["url"] = view["home_url"]
    view["breadcrumb_ld"] = None  # served at any URL, it is no place of the site's
    return Page(path, "404.html", view, ())
