"""The search page's view: the filters it offers (every value the archive has, sorted) and the
URLs its script needs, relative to the page. What is indexed is decided in ``search_records``;
the index is made by ``search``."""

from __future__ import annotations

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.pages import HOME, SEARCH_PATH, Page, _frame
from site_gen.search import shard_folder, shards
from site_gen.search_records import FILTERS, article_filters
from site_gen.urls import relative_url


def search_page(archive: Archive, config: Config, available: bool = True) -> Page:
    """The search page; ``available``: False when the build could not make the index. An
    archive without articles has nothing to search and no index."""
    path = SEARCH_PATH
    view = _frame(path, config, "Search", "Search", (HOME, ("Search", path)))
    values: dict[str, set[str]] = {key: set() for key in FILTERS}
    for a in archive.articles:
        for f in article_filters(a, archive):
            if f.key in values:
                values[f.key].add(f.value)
    view.update(
        available=available and bool(archive.articles),
        empty=not archive.articles,
        bundle_url=relative_url(path, f"{shard_folder(0)}/pagefind.js"),
        # the other parts of the index, merged into the first in the browser
        merge_urls=[relative_url(path, f"{shard_folder(k)}/index.html").removesuffix("index.html")
                    for k in range(1, len(shards([a.id for a in archive.articles])))],
        root_url=relative_url(path, "index.html"),
        script_url=relative_url(path, "static/search.js"),
        speakers_url=relative_url(path, "speakers/index.html"),
        sources_url=relative_url(path, "sources/index.html"),
        filters=[
            {
                "key": key,
                "label": key.capitalize(),
                "options": sorted(values[key], reverse=key == "year"),  # newest year first
            }
            for key in FILTERS
            if values[key]
        ],
    )
    return Page(path, "search.html", view, tuple(sorted(a.path for a in archive.articles)))
