"""What of a page the search indexer reads (``search_scope``): a change there changes the
scope, a change elsewhere in the page does not."""

from __future__ import annotations

from site_gen.search_scope import scope

PAGE = """<!doctype html>
<html lang="en">
<head><title>Ferry line approved · Archive</title>
<link rel="stylesheet" href="../static/style.css">
<meta data-pagefind-meta="image[content]" content="/harbour.png" property="og:image">
</head>
<body>
<nav class="site"><a href="../index.html">Archive</a> <img src="logo.png" alt="logo"></nav>
<main>
<div class="wrap" data-pagefind-body>
  <h1>Ferry line approved</h1>
  <img src="quay.jpg" alt="The quay at dawn">
  <div class="body"><div class="inner"><p>The harbour board met on Tuesday.</p></div>
  <p>The vote was unanimous.</p></div>
  <aside data-pagefind-ignore>Attribution box</aside>
  <span hidden data-pagefind-filter="source:Velmar Wire"></span>
</div>
<p>Sorted by <span data-pagefind-sort="date">2023-06-20</span></p>
</main>
<footer class="site">Built with care. <a href="../feed.xml">Feed</a></footer>
</body>
</html>
"""


def _same(old: str, new: str, page: str = PAGE) -> bool:
    assert old in page
    return scope(page.encode()) == scope(page.replace(old, new).encode())


def test_a_page_without_the_body_mark_is_read_whole():
    page = "<html><body><h1>T</h1><p>text</p><footer>f</footer></body></html>"
    assert scope(page.encode()) == page.encode()
    assert scope(page.replace("f</footer>", "g</footer>").encode()) != scope(page.encode())


def test_changes_outside_what_is_indexed_leave_the_scope():
    assert _same("Built with care.", "Built with more care.")
    assert _same("style.css", "style2.css")
    assert _same('<a href="../index.html">Archive</a>', '<a href="../index.html">Home</a>')
    assert _same("logo.png", "logo2.png")  # an image before the first heading
    assert _same("<main>", '<main class="wide">')


def test_changes_in_the_body_change_the_scope():
    assert not _same("met on Tuesday", "met on Monday")
    assert not _same("The vote was unanimous.", "The vote was close.")  # after a nested close
    assert not _same("Attribution box", "Attribution")  # ignored by the indexer, still inside


def test_metadata_filters_and_sort_keys_anywhere_change_the_scope():
    assert not _same("/harbour.png", "/quay.png")  # a meta tag in the head
    assert not _same("source:Velmar Wire", "source:Kessel Wire")
    assert not _same(">2023-06-20<", ">2023-06-21<")  # a sort key's value is its content


def test_the_automatic_title_image_and_language_change_the_scope():
    page = PAGE.replace("<h1>Ferry line approved</h1>", "").replace(
        "<nav class=\"site\">", "<nav class=\"site\"><h1>Ferry line approved</h1>")
    assert not _same("<h1>Ferry line approved</h1>", "<h1>Ferry approved</h1>", page)
    assert not _same("quay.jpg", "quay2.jpg")  # the first image after the heading
    assert not _same("The quay at dawn", "The quay")
    assert not _same('lang="en"', 'lang="de"')
    assert not _same("<title>Ferry line approved", "<title>Ferry")


def test_markup_that_cannot_be_followed_keeps_the_rest_of_the_page_in_scope():
    # a closing tag inside a comment: the body's end cannot be told from its tags
    page = PAGE.replace("<p>The vote", "<!-- </div></div> --><p>The vote")
    assert not _same("Built with care.", "Built with more care.", page)
    page = PAGE.replace("<p>The vote", "<script>var s = '</div>';</script><p>The vote")
    assert not _same("Built with care.", "Built with more care.", page)
    # the body never closed
    unclosed = PAGE.replace("</main>", "").replace("\n</div>\n<p>Sorted", "\n<p>Sorted")
    assert not _same("Built with care.", "Built with more care.", unclosed)
    # a tagged element outside the body whose tag is cut short: the rest of the page
    cut = PAGE.replace('<a href="../index.html">', '<a data-pagefind-filter="x"')
    assert not _same("Built with care.", "Built with more care.", cut)


def test_a_self_closed_non_void_element_is_an_opening_tag():
    page = PAGE.replace('<span data-pagefind-sort="date">2023-06-20</span>',
                        '<span data-pagefind-sort="date"/>2023-06-20')
    # the span has no end of its own: the scope runs to the end of the page
    assert not _same("Built with care.", "Built with more care.", page)
    # a void element has no content: its tag alone
    page = PAGE.replace("<main>", '<main><img data-pagefind-meta="image[src]" src="a.png">')
    assert not _same('src="a.png"', 'src="b.png"', page)
    assert _same("Built with care.", "Built with more care.", page)
