"""The search page's view: the filters it offers (every value the archive has, sorted) and the
URLs its script needs, relative to the page. What is indexed is decided in ``search_records``;
the index is made by ``search``."""

from __future__ import annotations

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.pages import HOME, SEARCH_PATH, Page, _frame
from site_gen.search import shard_folder, shards
from site_gen.search_records import FILTERS
from site_gen.urls import relative_url


def search_page(archive: Archive, config: Config, available: bool = True) -> Page:
    """The search page; ``available``: False when the build could not make the index. An
    archive without articles has nothing to search and no index."""
    path = SEARCH_PATH
    view = _frame(path, config, "Search", "Search", (HOME, ("Search", path)))
    values, parts, _ = search_inputs(archive)
    view.update(
        available=available and bool(archive.articles),
        empty=not archive.articles,
        bundle_url=relative_url(path, f"{shard_folder(0)}/pagefind.js"),
        # the other parts of the index, merged into the first in the browser
        merge_urls=[relative_url(path, f"{shard_folder(k)}/index.html").removesuffix("index.html")
                    for k in range(1, parts)],
        root_url=relative_url(path, "index.html"),
        script_url=relative_url(path, "static/search.js"),
        speakers_url=relative_url(path, "speakers/index.html"),
        sources_url=relative_url(path, "sources/index.html"),
        filters=[
            {
                "key": key,
                "label": key.capitalize(),
                "options": list(values[key]),
            }
            for key in FILTERS
            if values[key]
        ],
    )
    return Page(path, "search.html", view, tuple(sorted(a.path for a in archive.articles)))


def search_inputs(archive: Archive) -> tuple[dict[str, tuple[str, ...]], int, bool]:
    """What the search page shows of the archive, and all of it (its key is made from this):
    every value of each filter (sorted; the newest year first), as the articles' filters give
    them (``search_records.article_filters``), the number of parts of the index, and whether
    there is any article. Taken from the archive's indexes: every speaker of a quote is in
    ``quotes_by_speaker``, every article's source in ``articles_by_source``."""
    values: dict[str, set[str]] = {
        "speaker": {archive.speaker(sid).name for sid, refs in archive.quotes_by_speaker.items()
                    if refs},
        "source": {archive.source(sid).name for sid, ids in archive.articles_by_source.items()
                   if ids},
        "language": {a.lang for a in archive.articles if a.lang},
        "year": {a.date[:4] for a in archive.articles if a.date},
    }
    ordered = {key: tuple(sorted(values.get(key, ()), reverse=key == "year")) for key in FILTERS}
    parts = len(shards([a.id for a in archive.articles]))
    return ordered, parts, bool(archive.articles)
