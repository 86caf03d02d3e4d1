import posixpath

from site_gen.slugs import make_slug, unique_slugs
from site_gen.urls import relative_url


def test_relative_urls_between_pages() -> None:
    assert relative_url("index.html", "articles/a/index.html") == "articles/a/index.html"
    assert relative_url("articles/a/index.html", "index.html") == "../../index.html"
    assert relative_url("speakers/x/index.html", "articles/a/index.html", "q2") == (
        "../../articles/a/index.html#q2"
    )
    # Resolving the URL against the page's folder lands on the target, whatever the depth.
    url = relative_url("page/3/index.html", "static/style.css")
    assert posixpath.normpath(posixpath.join("page/3", url)) == "static/style.css"


def test_slugs_are_ascii_readable_and_never_empty() -> None:
    assert make_slug("Sheikh Yusuf Qadiri") == "sheikh-yusuf-qadiri"
    assert make_slug("Москва. 9 мая") == "moskva-9-maia"
    persian = make_slug("یوسف قادری‌زاده")
    assert persian and persian.isascii()
    assert make_slug("!!!").startswith("x-")
    assert len(make_slug("word " * 60)) <= 80


def test_unique_slugs_suffix_later_keys_in_order() -> None:
    got = unique_slugs([("a.txt", "same"), ("b.txt", "same"), ("c.txt", "other"), ("d", "same")])
    assert got == {"a.txt": "same", "b.txt": "same-2", "c.txt": "other", "d": "same-3"}
