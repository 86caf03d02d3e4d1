"""The cross-article stage and the site graph, on hand-made articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_gen.archive import build_archive
from site_gen.config import Config
from site_gen.model import Article, FileResult, Paragraph, Quote, SpeakerMention
from site_gen.pages import _segments, build_pages
from site_gen.registry import default_registry
from site_gen.render import make_environment, render_page


def art(path: str, title: str, text: str, **kw) -> Article:
    paras = tuple(Paragraph(i, t, 0) for i, t in enumerate(text.split("\n\n")))
    return Article(
        id=kw.pop("id", title.lower().replace(" ", "-")),
        path=path,
        sha256="0" * 64,
        format="txt",
        title=title,
        title_derived=False,
        paragraphs=paras,
        **kw,
    )


def results(*articles: Article) -> list[FileResult]:
    return [FileResult(a.path, a) for a in articles]


def test_duplicates_merge_and_are_reported() -> None:
    a = art("a.txt", "One", "Same text here.")
    b = art("b.txt", "Two", "Same   text here.")
    archive = build_archive(results(b, a), default_registry())
    assert [x.path for x in archive.articles] == ["a.txt"]
    assert archive.articles[0].also_paths == ("b.txt",)
    assert "same article text as a.txt" in archive.diagnostics[0].message


def test_colliding_ids_get_suffixes_in_path_order() -> None:
    a = art("a.txt", "Same title", "First.", id="same-title")
    b = art("b.txt", "Same title", "Second.", id="same-title")
    archive = build_archive(results(b, a), default_registry())
    assert {x.path: x.id for x in archive.articles} == {
        "a.txt": "same-title",
        "b.txt": "same-title-2",
    }


def test_order_newest_first_undated_last() -> None:
    arts = [
        art("a.txt", "Old", "a.", date="2020-01-01"),
        art("b.txt", "Undated", "b."),
        art("c.txt", "New", "c.", date="2023-06-21"),
    ]
    archive = build_archive(results(*arts), default_registry())
    assert [x.title for x in archive.articles] == ["New", "Old", "Undated"]


def test_source_spellings_meet_in_one_outlet() -> None:
    arts = [
        art("a.txt", "A", "a.", source_name="NY Times"),
        art("b.txt", "B", "b.", source_name="NYTimes"),
        art("c.txt", "C", "c.", source_name="Some Local Weekly"),
    ]
    archive = build_archive(results(*arts), default_registry())
    names = sorted(s.name for s in archive.sources)
    assert names == ["Some Local Weekly", "The New York Times"]
    assert len(archive.articles_by_source[archive.articles[0].source_id]) in (1, 2)


def test_quotes_link_to_archive_speakers_and_pages_render(tmp_path: Path) -> None:
    text = "Tomas Halvorsen said: <b>“We will stay.”</b>"
    start, end = text.index("We"), text.index("”")
    q = Quote(
        id="q1",
        paragraph=0,
        start=start,
        end=end,
        text=text[start:end],
        kind="direct",
        cue="said",
        mention="Tomas Halvorsen",
        speaker_key="Tomas Halvorsen",
    )
    a = art(
        "a.txt",
        "<script>alert(1)</script>",
        text,
        id="a",
        quotes=(q,),
        speakers=(SpeakerMention("Tomas Halvorsen", ("Tomas Halvorsen",)),),
    )
    archive = build_archive(results(a), default_registry())
    quote = archive.articles[0].quotes[0]
    assert quote.speaker_id and archive.speaker(quote.speaker_id).name == "Tomas Halvorsen"
    pages = build_pages(archive, Config(root=tmp_path))
    paths = {p.path for p in pages}
    assert f"speakers/{quote.speaker_id}/index.html" in paths
    env = make_environment(Config(root=tmp_path).template_dirs)
    page = next(p for p in pages if p.template == "article.html")
    html = render_page(env, page).decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;" in html  # body text is escaped too
    assert (
        f'id="q1" title="Tomas Halvorsen (said)">We will stay.</span><a class="speaker-tag" '
        f'href="../../speakers/{quote.speaker_id}/index.html" data-pagefind-ignore>'
    ) in html  # the speaker's name after a quotation is not part of the text search indexes
    assert page.inputs == ("a.txt",)


def test_segments_nest_a_direct_fragment_inside_reported_speech() -> None:
    text = 'He said the plan was "dead on arrival" today.'
    outer = Quote("q1", 0, 8, 44, text[8:44], "indirect")
    inner = Quote("q2", 0, 22, 37, text[22:37], "direct")
    segs = _segments(text, [outer, inner], build_archive([], default_registry()), "x/index.html")
    assert "".join(s["text"] for s in segs) == text
    marked = [(s["text"], s["quote"]["kind"], s["quote"]["id"]) for s in segs if s["quote"]]
    assert marked == [
        ('the plan was "', "indirect", "q1"),
        ("dead on arrival", "direct", "q2"),
        ('" today', "indirect", None),
    ]


def test_pagination(tmp_path: Path) -> None:
    arts = [
        art(f"{i:02}.txt", f"Article {i}", f"Text {i}.", date=f"2020-01-{i + 1:02}")
        for i in range(5)
    ]
    archive = build_archive(results(*arts), default_registry())
    pages = build_pages(archive, Config(root=tmp_path, per_page=2))
    index = [p for p in pages if p.template == "index.html"]
    assert [p.path for p in index] == ["index.html", "page/2/index.html", "page/3/index.html"]
    assert index[1].view["pager"]["prev"] == "../../index.html"
    assert index[1].view["pager"]["next"] == "../3/index.html"


def test_speaker_page_groups_by_article_with_date_outlet_and_counts(tmp_path: Path) -> None:
    def quoted(path: str, title: str, source: str, date: str | None) -> Article:
        text = f"In the {title.lower()}, Tomas Halvorsen said: “We will stay.”"
        start, end = text.index("We"), text.index("”")
        q = Quote("q1", 0, start, end, text[start:end], "direct", "said", "Tomas Halvorsen",
                  "Tomas Halvorsen")
        return art(path, title, text, quotes=(q,), source_name=source, date=date,
                   speakers=(SpeakerMention("Tomas Halvorsen", ("Tomas Halvorsen",)),))

    arts = [quoted("a.txt", "First report", "NY Times", "2023-06-21"),
            quoted("b.txt", "Second report", "Valley News Agency", None)]
    archive = build_archive(results(*arts), default_registry())
    pages = build_pages(archive, Config(root=tmp_path))
    page = next(p for p in pages if p.template == "speaker.html")
    html = render_page(make_environment(Config(root=tmp_path).template_dirs), page).decode()
    assert "2 quotes in 2 articles from 2 outlets." in html
    first, second = html.index("First report"), html.index("Second report")
    assert '<time datetime="2023-06-21">' in html[first:second]
    assert "The New York Times</a>" in html[first:second] and "Undated" in html[second:]
    assert "Valley News Agency</a>" in html[second:]
    assert page.inputs == ("a.txt", "b.txt")


def test_article_pages_link_their_neighbours_in_the_index_order(make_project, monkeypatch):
    from site_gen.cli import main

    files = {
        f"content/a{i}.md": f"---\ntitle: Story {i}\ndate: 2024-05-0{i + 1}\n---\n\nText {i}.\n"
        for i in range(3)
    }
    root = make_project(files)
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    arts = root / "build" / "articles"
    middle = (arts / "story-1" / "index.html").read_text()
    assert 'rel="prev" href="../story-2/index.html"' in middle  # newer
    assert 'rel="next" href="../story-0/index.html"' in middle  # older
    newest = (arts / "story-2" / "index.html").read_text()
    assert 'rel="prev"' not in newest and 'rel="next" href="../story-1/index.html"' in newest


@pytest.mark.parametrize("space", [" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85"])
def test_copies_that_differ_only_in_spacing_are_one_text(space):
    import hashlib
    import re
    from dataclasses import replace

    from site_gen.archive import _text_key
    from site_gen.model import text_digest

    paras = (Paragraph(0, f" Jane{space}{space}Doe said so.{space}"),
             Paragraph(1, f"{space}Tom Reyl disagreed."))
    ids = {"id": "a", "path": "a.txt", "sha256": "0"}
    article = Article(format="txt", title="t", title_derived=False, paragraphs=paras, **ids)
    expected = re.sub(r"\s+", " ", " ".join(p.text for p in paras)).strip()
    assert expected == "Jane Doe said so. Tom Reyl disagreed."
    assert _text_key(article) == hashlib.sha256(expected.encode()).hexdigest()
    single = Article(format="txt", title="t", title_derived=False,
                     paragraphs=(Paragraph(0, expected),), **ids)
    assert _text_key(single) == _text_key(article)
    # The per-file stage's digest is the one the archive would find.
    assert _text_key(replace(article, text_digest=text_digest(paras))) == _text_key(article)
    other = Article(format="txt", title="t", title_derived=False,
                    paragraphs=(Paragraph(0, "Jane Doe said so. TOM Reyl disagreed."),), **ids)
    assert _text_key(other) != _text_key(article)  # other letters: another text


@given(st.lists(st.one_of(st.none(), st.dates(date(2019, 1, 1), date(2021, 12, 31))),
                max_size=40), st.integers(1, 7))
def test_a_date_page_is_keyed_by_the_months_it_continues(days, per_page):
    """A date page reads, of the months before it, only whether its own months began there:
    ``continued_months`` gives exactly that, in one pass."""
    from site_gen.date_pages import _month, continued_months, months_before
    from site_gen.navigation import chunks

    arts = sorted((art(f"a{i}.txt", f"T {i}", "Text.", date=d.isoformat() if d else None)
                   for i, d in enumerate(days)), key=lambda a: (a.date is None, a.date or ""))
    parts = chunks(arts, per_page)
    continued = continued_months(parts)
    for n, part in enumerate(parts, 1):
        own = {_month(a) if a.date else "" for a in part}
        assert continued[n - 1] == tuple(sorted(own & set(months_before(parts, n))))
